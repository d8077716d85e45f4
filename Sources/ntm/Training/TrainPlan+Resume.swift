import NTM

/// `--resume` and the stopping rule: a run remembers when it ends (`StoppingRule`, in its
/// checkpoint's record), resumes with the same rule, and once it has ended says so and leaves
/// its checkpoint alone until the command line moves the end further.
extension TrainPlan {
  /// The options that make up the stopping rule.
  static let ruleOptions = [Option.sequences, Option.stopBelow, Option.evalEvery, Option.evalSequences].map(\.name)

  /// The rule this plan trains by, saved with every checkpoint.
  var stoppingRule: StoppingRule {
    StoppingRule(sequences: sequences, stopBelow: stopBelow, evaluateEvery: evaluateEvery, evaluationSequences: evaluationSequences)
  }

  /// The rule the run at `checkpoint` was saved with. A file from before runs kept one knows
  /// only its target; the rest is this plan's.
  func remembered(in checkpoint: Checkpoint) -> StoppingRule {
    checkpoint.record?.rule
      ?? StoppingRule(
        sequences: sequences, stopBelow: checkpoint.record?.target, evaluateEvery: evaluateEvery,
        evaluationSequences: evaluationSequences)
  }

  /// The plan for resuming the run at `checkpoint` (saved at `path`): each option of the
  /// stopping rule the command line left out comes from the checkpoint. A run that reached its
  /// target (its last confirmation, at the sequences it was saved at, holds for the target) and
  /// is given a larger `--sequences` (and no `--stop-below`) trains on to it without the
  /// target, which it already meets. A file written before confirmations were kept has none,
  /// so it trains on to its next check and confirms it.
  /// - Returns: the plan, and why there is nothing to train — the run ended, by its target or
  ///   by its count, and the command line does not move that end — with what to type instead;
  ///   nil when there is training to do.
  /// - Throws: `CommandLineTool.Failure` when the saved rule is out of bounds.
  func resuming(_ checkpoint: Checkpoint, path: String) throws -> (plan: TrainPlan, finished: String?) {
    let saved = remembered(in: checkpoint)
    if let problem = saved.problems.first {
      throw CommandLineTool.Failure(
        message: "cannot resume from \(EchoedText.path(path)): its stopping rule does not fit together: \(problem)")
    }
    var plan = self
    if !givenRule.contains("sequences") { plan.sequences = saved.sequences }
    if !givenRule.contains("stop-below") { plan.stopBelow = saved.stopBelow }
    if !givenRule.contains("eval-every") { plan.evaluateEvery = saved.evaluateEvery }
    if !givenRule.contains("eval-sequences") { plan.evaluationSequences = saved.evaluationSequences }
    let seen = checkpoint.sequencesSeen
    let extend = "e.g. --sequences \(max(2 * seen, seen + 1))"
    if let target = plan.stopBelow, let confirmation = checkpoint.record?.confirmation, confirmation.sequences == seen,
      confirmation.passes(target)
    {
      if givenRule.contains("sequences"), !givenRule.contains("stop-below"), plan.sequences > seen {
        plan.stopBelow = nil
        return (plan, nil)
      }
      // The worst of the scores that confirmed it: a lower target would not have held.
      let worst = ([confirmation.check] + confirmation.rounds).map(\.bitErrors).max() ?? confirmation.check.bitErrors
      let reached = ProgressText.fixed(worst, 3)
      return (
        plan,
        "The run in \(EchoedText.path(path)) is finished: it reached \(reached) < \(target) bits/seq at \(ProgressText.count(seen)) sequences. "
          + "To train on, resume with a --stop-below under \(reached) or a larger --sequences (\(extend))."
      )
    }
    if seen >= plan.sequences {
      return (
        plan,
        "The run in \(EchoedText.path(path)) is finished: it has trained its \(ProgressText.count(plan.sequences)) sequences. "
          + "To train on, resume with a larger --sequences (\(extend))."
      )
    }
    return (plan, nil)
  }
}
