/// What a training run did, for the record: how long it trained, its learning curve, and when
/// (if ever) it reached its target and what was measured to say so. Saved in checkpoints, so
/// a shipped model carries the figures a results page reports about it.
public struct TrainingRecord: Codable, Equatable, Sendable {
  /// One evaluation during training: fresh sequences from the training range.
  public struct Point: Codable, Equatable, Sendable {
    /// Sequences trained on when it was taken.
    public var sequences: Int
    /// Mean wrong bits per sequence.
    public var bitErrors: Double
    /// Mean loss per sequence (nats): the sigmoid cross-entropy summed over the answer bits.
    public var loss: Double

    /// The loss in bits, `loss / ln 2`: the paper's "cost per sequence (bits)", the y axis of
    /// its learning curves (Graves et al. 2014, Figures 3, 8, 10, 13, 16).
    public var costBits: Double { NGramBaseline.bits(fromNats: loss) }

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
  /// Sequences trained on when the run reached `target` (a check below it, confirmed twice:
  /// `StoppingRule`); nil if it never did. In files written before confirmations were kept,
  /// the first evaluation below it.
  public var convergedAt: Int?
  /// The periodic evaluations, in order, with increasing sequence counts: the learning curve.
  /// At most `curveLimit` points (`addToCurve(_:interval:)` thins them).
  public var evaluations: [Point]
  /// The latest check that fell below `target` and its confirmation rounds: the one that ended
  /// the run when `passed`, else the last one that did not hold. Nil when no check has fallen
  /// below the target, or in files written before confirmations were kept.
  public var confirmation: StoppingRule.Confirmation?
  /// How many checks fell below the target but were not confirmed (nil in files written
  /// before confirmations were kept).
  public var failedConfirmations: Int?
  /// The rule that ends the run, so that a resumed run ends by it too; nil in files written
  /// before runs kept it (they read as before).
  public var rule: StoppingRule?
  /// Sequences trained on when a count-based schedule (`ntm train --anneal-at`) lowered the
  /// learning rate; nil when none has (and in files written before it existed).
  public var annealedAt: Int?
  /// The count at which that schedule lowers the rate, so a resumed run keeps to it without
  /// being told again; nil when the run has none (and in files written before it was kept).
  public var annealAt: Int?
  /// The bits per sequence below which an evaluation lowers the rate once (`ntm train
  /// --anneal-below`), kept so a resumed run keeps to it; nil when the run has none.
  public var annealBelow: Double?
  /// Sequences trained on when an evaluation below `annealBelow` lowered the learning rate, so
  /// that a resumed run does not lower it again; nil when none has (and in files written before
  /// it was kept, whose resume tells from the rate itself).
  public var annealedBelowAt: Int?

  /// Problems with a saved record, one sentence each: times and scores must be finite and
  /// not negative, counts of sequences inside `Limits.counter` (and increasing along the
  /// curve), and the stopping rule and the confirmation inside their bounds.
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
    if let index = evaluations.indices.dropFirst().first(where: { evaluations[$0].sequences <= evaluations[$0 - 1].sequences }) {
      problems.append(
        "record evaluations[\(index)] is at \(evaluations[index].sequences) sequences, not after evaluations[\(index - 1)] at \(evaluations[index - 1].sequences)"
      )
    }
    if let failedConfirmations, !Limits.counter.contains(failedConfirmations) {
      problems.append("record failedConfirmations \(failedConfirmations) is not from 0 to \(Limits.counter.upperBound)")
    }
    if let annealedAt, !Limits.counter.contains(annealedAt) {
      problems.append("record annealedAt \(annealedAt) is not from 0 to \(Limits.counter.upperBound)")
    }
    if let annealedBelowAt, !Limits.counter.contains(annealedBelowAt) {
      problems.append("record annealedBelowAt \(annealedBelowAt) is not from 0 to \(Limits.counter.upperBound)")
    }
    if let annealBelow, !(annealBelow.isFinite && annealBelow > 0) {
      problems.append("record annealBelow \(annealBelow) is not a finite number > 0")
    }
    if let annealAt, !Limits.counter.contains(annealAt) {
      problems.append("record annealAt \(annealAt) is not from 0 to \(Limits.counter.upperBound)")
    }
    problems += (rule?.problems ?? []).map { "record rule \($0)" }
    problems += (confirmation?.problems ?? []).map { "record confirmation \($0)" }
    return problems
  }

  public init(
    seconds: Double = 0, target: Double? = nil, convergedAt: Int? = nil, evaluations: [Point] = [], rule: StoppingRule? = nil,
    confirmation: StoppingRule.Confirmation? = nil, failedConfirmations: Int? = nil
  ) {
    self.seconds = seconds
    self.target = target
    self.convergedAt = convergedAt
    self.evaluations = evaluations
    self.rule = rule
    self.confirmation = confirmation
    self.failedConfirmations = failedConfirmations
  }
}
