import NTM

/// `--resume` and the stopping rule: a run remembers when it ends (`StoppingRule`, in its
/// checkpoint's record), resumes with the same rule, and once it has ended says so and leaves
/// its checkpoint alone until the command line moves the end further.
extension TrainPlan {
  /// The options that make up the stopping rule.
  static let ruleOptions = [Option.sequences, Option.stopBelow, Option.evalEvery, Option.evalSequences].map(\.name)

  /// The training options a checkpoint keeps (its optimiser's kind, rate and state, its batch
  /// and clipping): a resumed run trains by the checkpoint's.
  static let trainingOptions = [Option.optimiser, Option.learningRate, Option.batchSize, Option.clipValue, Option.clipNorm]
    .map(\.name)

  /// Why this plan cannot resume the run in `checkpoint` (saved at `path`): an option given on
  /// the command line that the checkpoint fixes otherwise, which would otherwise be ignored
  /// without a word, or an `--anneal-at` the run cannot take (`annealConflict`). Nil when
  /// every given option agrees (or none is given).
  func conflict(resuming checkpoint: Checkpoint, path: String) -> String? {
    if let anneal = annealConflict(resuming: checkpoint, path: path) { return anneal }
    let saved = checkpoint.training
    let rate = checkpoint.optimiser?.learningRate
    let disagreeing: [(name: String, given: String)] = [
      ("optimiser", checkpoint.optimiser.map { $0.kind != optimiser } ?? false, optimiser.rawValue),
      ("learning-rate", rate.map { $0 != learningRate } ?? false, CommandOption.plain(learningRate)),
      ("batch-size", saved.batchSize != settings.batchSize, "\(settings.batchSize)"),
      ("clip-value", saved.clipping.valueBound != settings.clipping.valueBound, CommandOption.plain(settings.clipping.valueBound ?? 0)),
      ("clip-norm", saved.clipping.normBound != settings.clipping.normBound, CommandOption.plain(settings.clipping.normBound ?? 0)),
    ].filter { givenTraining.contains($0.0) && $0.1 }.map { ($0.0, $0.2) }
    guard let first = disagreeing.first else { return nil }
    let kept = [
      checkpoint.optimiser.map { "\($0.kind.rawValue) at \(CommandOption.plain($0.learningRate))" },
      "batches of \(saved.batchSize)",
      "clip value \(CommandOption.plain(saved.clipping.valueBound ?? 0)), clip norm \(CommandOption.plain(saved.clipping.normBound ?? 0))",
    ].compactMap { $0 }.joined(separator: ", ")
    return
      "--\(first.name) \(first.given) cannot change the run in \(EchoedText.path(path)): it trains by its checkpoint's settings (\(kept)); drop --\(first.name) to resume it, or start a fresh run with it"
  }

  /// Why `--anneal-at` cannot apply to the run in `checkpoint` (saved at `path`): a cut not yet
  /// made cannot be placed behind the sequences it has trained, and one made cannot move.
  func annealConflict(resuming checkpoint: Checkpoint, path: String) -> String? {
    guard annealAtGiven, let at = annealAt else { return nil }
    let seen = checkpoint.sequencesSeen
    let path = EchoedText.path(path)
    if let done = checkpoint.record?.annealedAt {
      // The cut falls on the first update that reaches `at`: within a batch of it.
      guard done < at + checkpoint.training.batchSize, done >= at else {
        return
          "--anneal-at \(at) cannot change the run in \(path): it lowered its learning rate at \(ProgressText.count(done)) sequences already; drop --anneal-at to resume it"
      }
    } else if at < seen {
      return
        "--anneal-at \(at) is behind the run in \(path), which has trained \(ProgressText.count(seen)) sequences; give --anneal-at \(seen) or more, or drop it"
    }
    return nil
  }

  /// `commandLine` training `sequences` in all: its `--sequences` (spelt `--sequences N` or
  /// `--sequences=N`) replaced, or added at the end when it had none.
  static func commandLine(_ commandLine: [String], sequences: Int) -> [String] {
    Self.commandLine(commandLine, setting: Option.sequences.name, to: "\(sequences)")
  }

  /// `commandLine` with the option `name` given `value`: its earlier value (spelt `--name V` or
  /// `--name=V`) removed, and `--name value` added at the end.
  static func commandLine(_ commandLine: [String], setting name: String, to value: String) -> [String] {
    SeedSweep.options(of: commandLine, dropping: [name]) + ["--" + name, value]
  }

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
