/// One or more trained models scored on fresh sequences at each of several lengths — inside the
/// training range and beyond it (Graves et al. 2014, Fig. 4, 5, 10). Every model sees the very
/// same sequences: each length draws from its own generator, seeded from the sweep's seed and
/// the length.
///
/// ```swift
/// var models = [try CheckpointFile.read(from: url).model()]
/// let task = TrainingTask.copy(CopyTask())
/// let sweep = GeneralisationSweep.run(&models, task: task, lengths: [10, 20, 40], count: 50, seed: 1)
/// sweep.scores(model: 0)  // wrong bits per sequence at 10, 20 and 40
/// ```
public struct GeneralisationSweep: Sendable {
  /// The scores at one length.
  public struct Row: Equatable, Sendable {
    public var length: Int
    /// One per model, in the order the models were given.
    public var evaluations: [Evaluation]
    /// N-grams only: the Bayes-optimal estimator's cost on the same sequences, in bits.
    public var optimalBits: Double?

    public init(length: Int, evaluations: [Evaluation], optimalBits: Double? = nil) {
      self.length = length
      self.evaluations = evaluations
      self.optimalBits = optimalBits
    }
  }

  /// Where a sweep is: model `model` is about to score `length`, after `done` of `total`
  /// such runs.
  public struct Step: Equatable, Sendable {
    public var length: Int
    public var model: Int
    public var done: Int
    public var total: Int

    public init(length: Int, model: Int, done: Int, total: Int) {
      self.length = length
      self.model = model
      self.done = done
      self.total = total
    }
  }

  public var task: TrainingTask
  public var rows: [Row]

  public init(task: TrainingTask, rows: [Row]) {
    self.task = task
    self.rows = rows
  }

  /// Scores `models` on `count` fresh sequences of each length in `lengths`.
  /// - Parameters:
  ///   - models: the models to compare; each runs in turn (hence `inout`).
  ///   - task: what generates the sequences.
  ///   - lengths: the sequence lengths, in the task's own unit.
  ///   - count: sequences per length and model.
  ///   - seed: what every length's generator is seeded from (``generator(seed:length:)``).
  ///   - progress: told before each model scores each length, with what is about to run (so a
  ///     long sweep can say where it is).
  /// - Returns: one row per length, in the order given.
  /// - Precondition: `count ≥ 1`, and every length is one the task can generate.
  public static func run<Model: SequenceModel>(
    _ models: inout [Model], task: TrainingTask, lengths: [Int], count: Int, seed: UInt64,
    progress: (Step) -> Void = { _ in }
  ) -> GeneralisationSweep {
    let rows = lengths.enumerated().map { (position, length) -> Row in
      let evaluations = models.indices.map { index -> Evaluation in
        progress(Step(length: length, model: index, done: position * models.count + index, total: lengths.count * models.count))
        var generator = generator(seed: seed, length: length)
        return Evaluation.run(&models[index], on: task, count: count, length: length, using: &generator)
      }
      let optimal = optimalBits(task: task, length: length, count: count, seed: seed)
      return Row(length: length, evaluations: evaluations, optimalBits: optimal)
    }
    return GeneralisationSweep(task: task, rows: rows)
  }

  /// The Bayes-optimal estimator's mean cost in bits over the very sequences ``run(_:task:lengths:count:seed:progress:)``
  /// scores at `length` from `seed`, for a task that has one (N-grams); `nil` for the others.
  public static func optimalBits(task: TrainingTask, length: Int, count: Int, seed: UInt64) -> Double? {
    guard case .ngrams(let ngrams) = task, count > 0 else { return nil }
    var generator = generator(seed: seed, length: length)
    var nats = 0.0
    for _ in 0..<count {
      nats += NGramBaseline.cost(of: task.sample(length: length, using: &generator), contextLength: ngrams.contextLength).nats
    }
    return NGramBaseline.bits(fromNats: nats / Double(count))
  }

  /// The generator for the sequences of `length`: the same for every model.
  public static func generator(seed: UInt64, length: Int) -> SplitMix64 {
    SplitMix64(seed: seed &+ UInt64(length) &* 0x9E37_79B9_7F4A_7C15)
  }

  /// Whether the task is scored by its cost in bits (N-grams: the paper's measure, comparable
  /// with the Bayes-optimal estimator) rather than by wrong bits.
  public static func scoresCost(_ task: TrainingTask) -> Bool {
    if case .ngrams = task { return true }
    return false
  }

  /// The measure compared across models: wrong bits per sequence, or for N-grams the cost per
  /// sequence in bits (`loss / ln 2`).
  public static func score(_ evaluation: Evaluation, task: TrainingTask) -> Double {
    scoresCost(task) ? NGramBaseline.bits(fromNats: evaluation.loss) : evaluation.bitErrors
  }

  /// `score` of model `index` at every length.
  public func scores(model index: Int) -> [Double] {
    rows.map { Self.score($0.evaluations[index], task: task) }
  }
}
