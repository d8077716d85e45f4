import Foundation
import NTM

/// One or more trained models scored on fresh sequences at each of several lengths — inside the
/// training range and beyond it (Graves et al. 2014, Fig. 4, 5, 10). Every model sees the very
/// same sequences: each length draws from its own generator, seeded from the sweep's seed and
/// the length.
struct GeneralisationSweep {
  /// The scores at one length.
  struct Row {
    var length: Int
    /// One per model, in the order the models were given.
    var evaluations: [Evaluation]
    /// N-grams only: the Bayes-optimal estimator's cost on the same sequences, in bits.
    var optimalBits: Double?
  }

  /// Where a sweep is: model `model` is about to score `length`, after `done` of `total`
  /// such runs.
  struct Step: Equatable {
    var length: Int
    var model: Int
    var done: Int
    var total: Int
  }

  var task: TrainingTask
  var rows: [Row]

  /// Scores `models` on `count` fresh sequences of each length in `lengths`.
  /// - Parameter progress: told before each model scores each length, with what is about to
  ///   run (so a long sweep can say where it is).
  static func run(
    _ models: inout [TrainedModel], task: TrainingTask, lengths: [Int], count: Int, seed: UInt64,
    progress: (Step) -> Void = { _ in }
  ) -> GeneralisationSweep {
    let rows = lengths.enumerated().map { (position, length) -> Row in
      let evaluations = models.indices.map { index -> Evaluation in
        progress(Step(length: length, model: index, done: position * models.count + index, total: lengths.count * models.count))
        var generator = generator(seed: seed, length: length)
        return Evaluation.run(&models[index], on: task, count: count, length: length, using: &generator)
      }
      var optimal: Double?
      if case .ngrams(let ngrams) = task {
        var generator = generator(seed: seed, length: length)
        var nats = 0.0
        for _ in 0..<count {
          nats += NGramBaseline.cost(of: task.sample(length: length, using: &generator), contextLength: ngrams.contextLength).nats
        }
        optimal = NGramBaseline.bits(fromNats: nats / Double(count))
      }
      return Row(length: length, evaluations: evaluations, optimalBits: optimal)
    }
    return GeneralisationSweep(task: task, rows: rows)
  }

  /// The generator for the sequences of `length`: the same for every model.
  static func generator(seed: UInt64, length: Int) -> SplitMix64 {
    SplitMix64(seed: seed &+ UInt64(length) &* 0x9E37_79B9_7F4A_7C15)
  }

  /// Whether the task is scored by its cost in bits (N-grams: the paper's measure, comparable
  /// with the Bayes-optimal estimator) rather than by wrong bits.
  static func scoresCost(_ task: TrainingTask) -> Bool {
    if case .ngrams = task { return true }
    return false
  }

  /// The measure compared across models: wrong bits per sequence, or for N-grams the cost per
  /// sequence in bits (`loss / ln 2`).
  static func score(_ evaluation: Evaluation, task: TrainingTask) -> Double {
    scoresCost(task) ? NGramBaseline.bits(fromNats: evaluation.loss) : evaluation.bitErrors
  }

  /// What `score` measures, for titles.
  static func measure(_ task: TrainingTask) -> String {
    scoresCost(task) ? "cost per sequence (bits, −log₂ likelihood)" : "wrong bits per sequence"
  }

  /// `score` of model `index` at every length.
  func scores(model index: Int) -> [Double] {
    rows.map { Self.score($0.evaluations[index], task: task) }
  }

  /// `trained` or `beyond` the training range.
  func range(_ length: Int) -> String { task.lengths.contains(length) ? "trained" : "beyond" }
}
