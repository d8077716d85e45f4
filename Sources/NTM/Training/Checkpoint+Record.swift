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

  /// Problems with a saved record, one sentence each: times and scores must be finite and
  /// not negative, counts of sequences inside `Limits.counter`.
  public var problems: [String] {
    var problems: [String] = []
    if !(seconds.isFinite && seconds >= 0) { problems.append("record seconds \(seconds) is not a finite number ≥ 0") }
    if let target, !(target.isFinite && target >= 0) { problems.append("record target \(target) is not a finite number ≥ 0") }
    if let convergedAt, !Limits.counter.contains(convergedAt) { problems.append("record convergedAt \(convergedAt) is not from 0 to \(Limits.counter.upperBound)") }
    if let index = evaluations.firstIndex(where: {
      !Limits.counter.contains($0.sequences) || !($0.bitErrors.isFinite && $0.bitErrors >= 0) || !$0.loss.isFinite
    }) {
      let point = evaluations[index]
      problems.append("record evaluations[\(index)] (\(point.sequences) sequences, \(point.bitErrors) bits, loss \(point.loss)) is out of range")
    }
    return problems
  }

  public init(seconds: Double = 0, target: Double? = nil, convergedAt: Int? = nil, evaluations: [Point] = []) {
    self.seconds = seconds
    self.target = target
    self.convergedAt = convergedAt
    self.evaluations = evaluations
  }
}
