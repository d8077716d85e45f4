import NTM

/// The words `ntm eval` and the results page put beside a sweep's numbers.
extension GeneralisationSweep {
  /// What `score` measures, for titles.
  static func measure(_ task: TrainingTask) -> String {
    scoresCost(task) ? "cost per sequence (bits, −log₂ likelihood)" : "wrong bits per sequence"
  }

  /// `trained` or `beyond` the training range.
  func range(_ length: Int) -> String { task.lengths.contains(length) ? "trained" : "beyond" }
}
