/// The paper's experimental settings (Graves et al. 2014, Tables 1–3), so the results page can
/// say where a shipped model departs from them.
enum PaperSettings {
  /// The paper's NTM for a task (its best-performing controller) and its LSTM baseline.
  struct Task {
    var machine: String
    var baseline: String
    var training: String
  }

  /// By task name.
  static let tasks: [String: Task] = [
    "copy": Task(
      machine: "feed-forward 100, 1 head, memory 128 × 20 (Table 1)", baseline: "3 × 256 LSTM (Table 3)",
      training: "lengths 1–20, 8-bit vectors"),
    "repeat-copy": Task(
      machine: "feed-forward 100, 1 head, memory 128 × 20 (Table 1)", baseline: "3 × 512 LSTM (Table 3)",
      training: "lengths 1–10, 1–10 repeats"),
    "associative-recall": Task(
      machine: "feed-forward 256, 4 heads, or LSTM 100, 1 head; memory 128 × 20 (Tables 1, 2)",
      baseline: "3 × 256 LSTM (Table 3)", training: "2–6 items of three 6-bit vectors"),
    "ngrams": Task(
      machine: "feed-forward 100, 1 head, memory 128 × 20 (Table 1)", baseline: "3 × 128 LSTM (Table 3)",
      training: "200-bit sequences, 6-gram tables from Beta(½, ½)"),
    "priority-sort": Task(
      machine: "feed-forward 512, 8 heads (5 read, 3 write), memory 128 × 20 (Table 1)",
      baseline: "3 × 128 LSTM (Table 3)", training: "20 vectors, target the 16 highest"),
    "dyck": Task(
      machine: "none: the task is NTM-Lasagne's", baseline: "none",
      training: "NTM-Lasagne: words of up to 40 brackets, test at 100"),
  ]
}
