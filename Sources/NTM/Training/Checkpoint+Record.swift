/// What a training run did, for the record: how long it trained, how its evaluations went,
/// and when (if ever) it reached its target. Saved in checkpoints, so a shipped model carries
/// the figures a results page reports about it.
public struct TrainingRecord: Codable, Equatable, Sendable {
  /// One evaluation during training: fresh sequences from the training range.
  public struct Point: Codable, Equatable, Sendable {
    /// Sequences trained on when it was taken.
    public var sequences: Int
    /// Mean wrong bits per sequence.
    public var bitErrors: Double
    /// Mean loss per sequence (nats).
    public var loss: Double

    public init(sequences: Int, bitErrors: Double, loss: Double) {
      self.sequences = sequences
      self.bitErrors = bitErrors
      self.loss = loss
    }
  }

  /// Wall-clock seconds spent training, summed over resumed runs.
  public var seconds: Double
  /// The target of the run (mean bits per sequence), if it had one.
  public var target: Double?
  /// Sequences trained on when an evaluation first fell below `target`; nil if it never did.
  public var convergedAt: Int?
  /// The evaluations, in order: the learning curve.
  public var evaluations: [Point]
  /// The rule that ends the run, so that a resumed run ends by it too; nil in files written
  /// before runs kept it (they read as before).
  public var rule: StoppingRule?

  /// Problems with a saved record, one sentence each: times and scores must be finite and
  /// not negative, counts of sequences inside `Limits.counter`, and the stopping rule inside its
  /// flags' bounds.
  public var problems: [String] {
    var problems: [String] = []
    if !(seconds.isFinite && seconds >= 0) { problems.append("record seconds \(seconds) is not a finite number ≥ 0") }
    if let target, !(target.isFinite && target >= 0) { problems.append("record target \(target) is not a finite number ≥ 0") }
    if let convergedAt, !Limits.counter.contains(convergedAt) {
      problems.append("record convergedAt \(convergedAt) is not from 0 to \(Limits.counter.upperBound)")
    }
    if let index = evaluations.firstIndex(where: {
      !Limits.counter.contains($0.sequences) || !($0.bitErrors.isFinite && $0.bitErrors >= 0) || !$0.loss.isFinite
    }) {
      let point = evaluations[index]
      problems.append(
        "record evaluations[\(index)] (\(point.sequences) sequences, \(point.bitErrors) bits, loss \(point.loss)) is out of range")
    }
    problems += (rule?.problems ?? []).map { "record rule \($0)" }
    return problems
  }

  public init(
    seconds: Double = 0, target: Double? = nil, convergedAt: Int? = nil, evaluations: [Point] = [], rule: StoppingRule? = nil
  ) {
    self.seconds = seconds
    self.target = target
    self.convergedAt = convergedAt
    self.evaluations = evaluations
    self.rule = rule
  }
}

/// When a training run ends: after `sequences` sequences in all, or at the first evaluation
/// (every `evaluateEvery` sequences, on `evaluationSequences` fresh ones) below `stopBelow`
/// wrong bits per sequence, whichever comes first.
public struct StoppingRule: Codable, Equatable, Sendable {
  /// Train until this many sequences have been seen in all.
  public var sequences: Int
  /// Stop at the first evaluation below this many wrong bits per sequence, if set.
  public var stopBelow: Double?
  /// Sequences between evaluations.
  public var evaluateEvery: Int
  /// Fresh sequences per evaluation.
  public var evaluationSequences: Int

  public init(sequences: Int, stopBelow: Double?, evaluateEvery: Int, evaluationSequences: Int) {
    self.sequences = sequences
    self.stopBelow = stopBelow
    self.evaluateEvery = evaluateEvery
    self.evaluationSequences = evaluationSequences
  }

  /// Values outside the bounds of the flags that set them, one sentence each (empty when the
  /// rule is sound): a file could otherwise ask for an evaluation every 0 sequences.
  public var problems: [String] {
    var problems: [String] = []
    func check(_ name: String, _ value: Int, _ range: ClosedRange<Int>) {
      if !range.contains(value) {
        problems.append("\(name) is \(value), not a whole number from \(range.lowerBound) to \(range.upperBound)")
      }
    }
    check("sequences", sequences, Limits.sequences)
    check("evaluateEvery", evaluateEvery, Limits.sequences)
    check("evaluationSequences", evaluationSequences, Limits.evaluationSequences)
    if let stopBelow, !(stopBelow.isFinite && stopBelow > 0) { problems.append("stopBelow is \(stopBelow), not a positive number") }
    return problems
  }
}
