/// When a training run ends: after `sequences` sequences in all, or once it has reached
/// `stopBelow` wrong bits per sequence, whichever comes first.
///
/// "Reached" is judged in three steps, so that one lucky round of a small evaluation cannot
/// end a run:
/// 1. the periodic check (every `evaluateEvery` sequences, on `evaluationSequences` fresh ones)
///    is below `stopBelow`; only then, and so only then paying for them,
/// 2. a confirmation on `confirmationSequences` fresh sequences drawn across the task's
///    training lengths is below it too, and
/// 3. so is a second, independent confirmation of as many sequences, from other draws.
///
/// A check that passes but is not confirmed counts in the record
/// (`TrainingRecord.failedConfirmations`), and training goes on.
public struct StoppingRule: Codable, Equatable, Sendable {
  /// Train until this many sequences have been seen in all.
  public var sequences: Int
  /// Stop once a check and its confirmations are all below this many wrong bits per sequence,
  /// if set.
  public var stopBelow: Double?
  /// Sequences between evaluations (the periodic check, and the points of the learning curve).
  public var evaluateEvery: Int
  /// Fresh sequences per periodic evaluation.
  public var evaluationSequences: Int

  /// Fresh sequences in each confirmation round: five times the paper's 200, enough that a
  /// model making 0.3 wrong bits per sequence almost never scores under 0.1 by luck.
  public static let confirmationSequences = 1_000
  /// Independent confirmation rounds a passing check must also pass.
  public static let confirmationRounds = 2

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

  /// What was measured to decide whether a run had reached its target: the periodic check
  /// that fell below it, and the confirmation rounds that followed.
  public struct Confirmation: Codable, Equatable, Sendable {
    /// Sequences trained on when the check was taken.
    public var sequences: Int
    /// The target the scores were held against (wrong bits per sequence).
    public var target: Double
    /// The periodic check that fell below `target`.
    public var check: Evaluation
    /// The confirmation rounds, in order; a round that fails ends the confirmation, so a
    /// failed one may have fewer than `StoppingRule.confirmationRounds`.
    public var rounds: [Evaluation]

    public init(sequences: Int, target: Double, check: Evaluation, rounds: [Evaluation]) {
      self.sequences = sequences
      self.target = target
      self.check = check
      self.rounds = rounds
    }

    /// Whether the check and every one of the required rounds are below `target`.
    public func passes(_ target: Double) -> Bool {
      rounds.count >= StoppingRule.confirmationRounds && ([check] + rounds).allSatisfy { $0.bitErrors < target }
    }

    /// Whether it confirmed the crossing of its own target.
    public var passed: Bool { passes(target) }

    /// Problems with a saved confirmation, one sentence each.
    public var problems: [String] {
      var problems: [String] = []
      if !Limits.counter.contains(sequences) { problems.append("sequences \(sequences) is not from 0 to \(Limits.counter.upperBound)") }
      if !(target.isFinite && target > 0) { problems.append("target \(target) is not a positive number") }
      for (name, score) in [("check", check)] + rounds.enumerated().map({ ("rounds[\($0.offset)]", $0.element) })
      where !Limits.evaluationSequences.contains(score.sequences) || !(score.bitErrors.isFinite && score.bitErrors >= 0)
        || !score.loss.isFinite
      {
        problems.append("\(name) (\(score.sequences) sequences, \(score.bitErrors) bits, loss \(score.loss)) is out of range")
      }
      if rounds.count > StoppingRule.confirmationRounds {
        problems.append("has \(rounds.count) rounds, more than \(StoppingRule.confirmationRounds)")
      }
      return problems
    }
  }

  /// Confirms a check that fell below `target`: up to `confirmationRounds` rounds, each scored
  /// by `score` (given the round's number, from 0) on `confirmationSequences` fresh sequences,
  /// stopping at the first round that is not below `target` so that a model that is not there
  /// yet costs one round, not all.
  /// - Parameters:
  ///   - check: the periodic evaluation, below `target`.
  ///   - target: the wrong bits per sequence every round must be below.
  ///   - sequences: sequences trained on when it was taken.
  ///   - score: scores round `r` on `count` fresh sequences of its own (a different draw per round).
  public static func confirm(
    _ check: Evaluation, below target: Double, at sequences: Int, score: (_ round: Int, _ count: Int) -> Evaluation
  ) -> Confirmation {
    var rounds: [Evaluation] = []
    for round in 0..<confirmationRounds {
      let result = score(round, confirmationSequences)
      rounds.append(result)
      if !(result.bitErrors < target) { break }
    }
    return Confirmation(sequences: sequences, target: target, check: check, rounds: rounds)
  }
}
