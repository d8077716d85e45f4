import Foundation
import NTM
import TerminalCharts

/// The loop behind `ntm train`: train, report, save every so often, evaluate when asked, and
/// stop cleanly on Ctrl-C, on reaching the target, or on a non-finite or diverging number.
///
/// Ctrl-C saves, says where on standard error, and exits 130 (as a shell reports a process
/// ended by SIGINT), so a script can tell an interrupted run from a finished one. A diverged
/// state is never saved: the error is thrown before any save, so the last checkpoint stays.
struct TrainingRun {
  var plan: TrainPlan
  var trainer: Trainer<TrainedModel, TrainingTask>
  /// Wall time, evaluations and convergence, saved with every checkpoint.
  var record = TrainingRecord()
  /// When this process started training (the record adds the time since to earlier runs').
  var started = ContinuousClock.now
  /// The record's wall time when this process started training.
  var secondsBefore = 0.0
  /// Recorded in checkpoints: the command that started the run.
  var commandLine: [String]
  var seed: UInt64
  /// Whether SIGINT has arrived (the real flag, or a stand-in in tests).
  var interrupted: () -> Bool = { InterruptFlag.isRaised }
  /// Why a resumed run has nothing left to do, with what to type instead; nil when it has.
  /// Its checkpoint is then left as it is.
  var finished: String?
  /// The moving averages every `plan.reportEvery` sequences of this process: the training
  /// half of the `--svg` learning curve (a checkpoint keeps only the latest averages).
  var movingAverages: [TrainingRecord.Point] = []
  /// Where `--svg -` writes the picture: the process's standard output, while the console
  /// reports on standard error (nil: the console's output).
  var standardOutput: ((String) -> Void)?

  var checkpointURL: URL { URL(fileURLWithPath: plan.checkpointPath) }

  /// A fresh run, or one resumed from the plan's checkpoint.
  init(plan: TrainPlan, commandLine: [String]) throws {
    self.plan = plan
    self.commandLine = commandLine
    if plan.resume {
      let (checkpoint, model) = try CheckpointLoading.load(plan.checkpointPath)
      guard checkpoint.task.name == plan.task.name else {
        throw CommandLineTool.Failure(
          message: "checkpoint \(EchoedText.path(plan.checkpointPath)) trains '\(checkpoint.task.name)', not '\(plan.task.name)'")
      }
      guard checkpoint.optimiser != nil else {
        throw CommandLineTool.Failure(
          message:
            "cannot resume from \(EchoedText.path(plan.checkpointPath)): it is a model exported for shipping, without the optimiser state training needs; resume from the run's --checkpoint file instead"
        )
      }
      if let conflict = plan.conflict(resuming: checkpoint, path: plan.checkpointPath) {
        throw CommandLineTool.Failure(message: conflict)
      }
      do {
        trainer = try Trainer(resuming: checkpoint, model: model)
      } catch {
        throw CommandLineTool.Failure(message: "cannot load checkpoint \(EchoedText.path(plan.checkpointPath)): \(error.description)")
      }
      seed = checkpoint.seed
      (self.plan, finished) = try plan.resuming(checkpoint, path: plan.checkpointPath)
      self.plan.configuration = checkpoint.configuration
      self.plan.task = checkpoint.task
      self.plan.model = checkpoint.baseline.map { .baseline($0) } ?? .machine
      record = checkpoint.record ?? TrainingRecord()
      // The record keeps the command that started the run, not the one that resumed it; a
      // resume that only trains further by count (no target on either side) gives it the new
      // count, since training straight to it makes the same model.
      if !checkpoint.commandLine.isEmpty {
        self.commandLine = checkpoint.commandLine
        if plan.givenRule.contains(TrainPlan.Option.sequences.name), self.plan.stopBelow == nil,
          checkpoint.record?.rule?.stopBelow == nil, checkpoint.record?.target == nil
        {
          self.commandLine = TrainPlan.commandLine(self.commandLine, sequences: self.plan.sequences)
        }
      }
      // Not told, a run keeps the schedule it started with; told, the command it records gains it.
      if !plan.annealAtGiven { self.plan.annealAt = record.annealAt }
      if !plan.annealBelowGiven { self.plan.annealBelow = record.annealBelow }
      if plan.annealAtGiven, let at = self.plan.annealAt, record.annealedAt == nil, !self.commandLine.isEmpty {
        // Lowering the rate at `at` from here trains what the command with it trains straight through.
        self.commandLine = TrainPlan.commandLine(self.commandLine, setting: TrainPlan.Option.annealAt.name, to: "\(at)")
      }
      secondsBefore = record.seconds
    } else {
      var generator = SplitMix64(seed: plan.seed)
      let model: TrainedModel =
        switch plan.model {
        case .machine: .machine(NeuralTuringMachine(configuration: plan.configuration, using: &generator))
        case .baseline(let shape): .baseline(LSTMNetwork(configuration: shape, using: &generator))
        }
      let optimiser = Optimiser(plan.optimiser, parameterCount: model.parameters.count, learningRate: plan.learningRate)
      trainer = Trainer(model: model, task: plan.task, optimiser: optimiser, settings: plan.settings, generator: generator)
      seed = plan.seed
    }
    if let target = self.plan.stopBelow, target != record.target {
      // A new target: reached already only if the last confirmation holds for it too.
      record.convergedAt = record.confirmation.flatMap { $0.passes(target) ? $0.sequences : nil }
    }
    record.target = self.plan.stopBelow ?? record.target
    record.rule = self.plan.stoppingRule
    record.annealAt = self.plan.annealAt
    record.annealBelow = self.plan.annealBelow
    trainer.threads = min(self.plan.threads ?? ProcessInfo.processInfo.activeProcessorCount, Limits.threads.upperBound)
  }

  var bestURL: URL { URL(fileURLWithPath: plan.bestPath) }

  /// Saves the trainer's state atomically (to the checkpoint path unless told otherwise).
  func save(to url: URL? = nil) throws {
    let checkpoint = currentCheckpoint()
    do {
      try CheckpointFile.write(checkpoint, to: url ?? checkpointURL)
    } catch {
      throw CommandLineTool.Failure(message: "cannot save checkpoint: \(error.description)")
    }
  }

  /// The trainer's state, with the record's wall time brought up to now (a run that has ended
  /// trains no more, so its time is the checkpoint's).
  func currentCheckpoint() -> Checkpoint {
    var record = record
    let d = ContinuousClock.now - started
    record.seconds = secondsBefore
    if finished == nil { record.seconds += Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    return trainer.checkpoint(
      configuration: plan.configuration, baseline: plan.model.baselineConfiguration, seed: seed, commandLine: commandLine,
      record: record)
  }

  /// Writes the checkpoint without optimiser state to `--export`, if given. Its record's
  /// command exports there too (`--export PATH` set, whatever the run was started with), since
  /// training straight by that command makes the same model and writes it there.
  func export(console: inout Console) throws {
    guard let path = plan.exportPath else { return }
    var exported = currentCheckpoint().exportedForShipping()
    if !exported.commandLine.isEmpty {
      exported.commandLine = TrainPlan.commandLine(exported.commandLine, setting: TrainPlan.Option.export.name, to: path)
    }
    do {
      try CheckpointFile.write(exported, to: URL(fileURLWithPath: path))
    } catch {
      throw CommandLineTool.Failure(message: "cannot export the model: \(error.description)")
    }
    console.print("Exported for shipping (no optimiser state) to \(path).")
  }

  /// Scores the model on `count` fresh sequences drawn by `generator`, on the run's threads:
  /// `Evaluation.run`, or a stand-in in tests.
  var score: (inout TrainedModel, TrainingTask, _ count: Int, _ threads: Int, inout SplitMix64) -> Evaluation = {
    model, task, count, threads, generator in
    Evaluation.run(&model, on: task, count: count, threads: threads, using: &generator)
  }

  /// What mixes into the run's seed for the sequences of the periodic evaluations, and of the
  /// confirmation rounds: any fixed numbers, as long as they differ.
  static let evaluationSalt: UInt64 = 0x5EED_E7A1
  static let confirmationSalt: UInt64 = 0xC0_F1A3

  /// Scores the trained model on `count` fresh sequences from `generator`, a generator of the
  /// scoring's own, so that scoring never changes what training sees: neither the sequences
  /// (the trainer's generator alone draws those) nor, for a machine with a random initial
  /// memory, the memories (its generator is put back afterwards).
  mutating func scoreFresh(count: Int, generator: SplitMix64) -> Evaluation {
    var generator = generator
    let memories = trainer.model.modelGenerator
    defer { trainer.model.modelGenerator = memories }
    return score(&trainer.model, plan.task, count, trainer.threads, &generator)
  }

  /// The generator of confirmation round `round` at the current sequence count: seeded from
  /// the run's seed, the count and the round, mixed so that no two rounds, counts or runs
  /// share sequences with each other or with the periodic evaluations.
  func confirmationGenerator(round: Int) -> SplitMix64 {
    var mixer = SplitMix64(seed: seed ^ Self.confirmationSalt)
    mixer.state &+= UInt64(trainer.sequencesSeen)
    for _ in 0..<round { _ = mixer.next() }
    return SplitMix64(seed: mixer.next())
  }

  /// The periodic evaluation: the mean bit error and cost over `plan.evaluationSequences` fresh
  /// sequences, added to the record's learning curve.
  mutating func evaluate() -> Evaluation {
    let generator = SplitMix64(seed: seed ^ Self.evaluationSalt &+ UInt64(trainer.sequencesSeen))
    let evaluation = scoreFresh(count: plan.evaluationSequences, generator: generator)
    record.addToCurve(
      .init(sequences: trainer.sequencesSeen, bitErrors: evaluation.bitErrors, loss: evaluation.loss), interval: plan.evaluateEvery)
    return evaluation
  }

  /// Confirms a check below `target` (`StoppingRule.confirm`) on rounds of fresh sequences,
  /// each from a generator of its own; records what was measured, and the convergence when it
  /// holds.
  mutating func confirm(_ check: Evaluation, below target: Double) -> StoppingRule.Confirmation {
    let confirmation = StoppingRule.confirm(check, below: target, at: trainer.sequencesSeen) { round, count in
      let generator = confirmationGenerator(round: round)
      return scoreFresh(count: count, generator: generator)
    }
    record.confirmation = confirmation
    if confirmation.passed {
      record.convergedAt = trainer.sequencesSeen
    } else {
      record.failedConfirmations = (record.failedConfirmations ?? 0) + 1
    }
    return confirmation
  }

  /// Trains to `plan.sequences`; returns the exit code.
  mutating func run(console: inout Console) throws -> Int32 {
    started = ContinuousClock.now
    let started = self.started
    let startSequences = trainer.sequencesSeen
    let total = plan.sequences
    let parameterCount = trainer.model.parameters.count
    console.print(
      "Training \(plan.task.name): \(plan.model.baselineConfiguration.map { "\($0.summary) network" } ?? describe(plan.configuration)), \(ProgressText.count(parameterCount)) parameters, "
        + "\(trainer.optimiser.kind.rawValue) lr \(trainer.optimiser.learningRate), batch \(trainer.settings.batchSize), seed \(seed)"
        + (startSequences > 0 ? ", resuming at \(ProgressText.count(startSequences))" : ""))
    var lastLine = ContinuousClock.now
    func elapsed() -> Double {
      let d = ContinuousClock.now - started
      return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }
    func rate() -> Double { Double(trainer.sequencesSeen - startSequences) / max(elapsed(), 1e-9) }
    let live = console.isInteractive
    // The lowest evaluated bits/seq of this run and when (`--keep-best`).
    var best = (bitErrors: Double.infinity, sequences: 0)
    // Whether `--anneal-below` has lowered the rate: the record says when. A file from before
    // it kept that is told by its rate, below the one its run started with (its recorded
    // command's, not this command line's: a resume need not repeat the optimiser's flags) and
    // the cut `--anneal-at` has made.
    let scheduled = record.annealedAt == nil ? 1 : TrainPlan.Defaults.annealFactor
    func startingRate() -> Double { (try? TrainPlan.parse(Array(commandLine.dropFirst(2))))?.learningRate ?? plan.learningRate }
    var annealed =
      record.annealedBelowAt != nil || (startSequences > 0 && trainer.optimiser.learningRate < startingRate() * scheduled)
    while trainer.sequencesSeen < total {
      if let at = plan.annealAt, record.annealedAt == nil, trainer.sequencesSeen >= at {
        record.annealedAt = trainer.sequencesSeen
        trainer.optimiser.learningRate *= TrainPlan.Defaults.annealFactor
        if live, trainer.sequencesSeen > startSequences { console.writeOutput("\n") }
        console.print(
          "At \(ProgressText.count(trainer.sequencesSeen)) sequences (--anneal-at \(at)): learning rate now \(trainer.optimiser.learningRate)"
        )
      }
      if interrupted() {
        try save()
        if live { console.writeOutput("\n") }
        try writeLearningCurve(console: &console)
        console.printError(
          "Interrupted at \(ProgressText.count(trainer.sequencesSeen)) sequences; checkpoint saved to \(plan.checkpointPath).")
        return CommandLineTool.ExitCode.interrupted
      }
      let before = trainer.sequencesSeen
      do {
        try trainer.trainStep()
      } catch {
        if live { console.writeOutput("\n") }
        throw CommandLineTool.Failure(
          message: "training stopped: \(error.description). The last checkpoint, if any, is \(plan.checkpointPath).")
      }
      let now = trainer.sequencesSeen
      func crossed(_ every: Int) -> Bool { now / every > before / every }
      if crossed(plan.reportEvery) {
        movingAverages.append(.init(sequences: now, bitErrors: trainer.averages.bitErrors, loss: trainer.averages.loss))
      }
      if live, ContinuousClock.now - lastLine > .milliseconds(250) || now >= total {
        lastLine = ContinuousClock.now
        console.writeOutput("\r" + ProgressText.line(sequences: now, total: total, rate: rate(), averages: trainer.averages) + "\u{1B}[K")
      } else if !live, crossed(plan.reportEvery) {
        console.print(ProgressText.line(sequences: now, total: total, rate: rate(), averages: trainer.averages))
      }
      if crossed(plan.checkpointEvery) { try save() }
      if crossed(plan.evaluateEvery) {
        // Every run evaluates, for its learning curve; only these options print it.
        let evaluation = evaluate()
        guard plan.stopBelow != nil || plan.keepBest || plan.annealBelow != nil else { continue }
        if live { console.writeOutput("\n") }
        var note = ""
        if plan.keepBest, evaluation.bitErrors < best.bitErrors {
          best = (evaluation.bitErrors, now)
          try save(to: bestURL)
          note = " (best so far, saved to \(plan.bestPath))"
        }
        if let threshold = plan.annealBelow, evaluation.bitErrors < threshold, !annealed {
          annealed = true
          record.annealedBelowAt = now
          trainer.optimiser.learningRate *= TrainPlan.Defaults.annealFactor
          note += "; learning rate now \(trainer.optimiser.learningRate)"
        }
        console.print(
          "evaluation at \(ProgressText.count(now)): \(ProgressText.fixed(evaluation.bitErrors, 3)) bits/seq over \(evaluation.sequences) fresh sequences\(note)"
        )
        if let target = plan.stopBelow, evaluation.bitErrors < target {
          let confirmation = confirm(evaluation, below: target)
          guard confirmation.passed else {
            console.print("\(Self.describe(confirmation)); not confirmed, training on.")
            continue
          }
          try save()
          console.print(
            "Reached < \(target) bits/seq at \(ProgressText.count(now)) sequences (\(Self.describe(confirmation))) in \(ProgressText.duration(elapsed())); checkpoint saved to \(plan.checkpointPath)."
          )
          try export(console: &console)
          try writeLearningCurve(console: &console)
          return CommandLineTool.ExitCode.success
        }
      }
    }
    try save()
    if live { console.writeOutput("\n") }
    console.print(
      "Trained \(ProgressText.count(trainer.sequencesSeen)) sequences in \(ProgressText.duration(elapsed())); loss \(ProgressText.fixed(trainer.averages.loss, 3)), "
        + "bits/seq \(ProgressText.fixed(trainer.averages.bitErrors, 2)) (moving averages). Checkpoint saved to \(plan.checkpointPath).")
    if best.bitErrors.isFinite {
      console.print(
        "Best: \(ProgressText.fixed(best.bitErrors, 3)) bits/seq at \(ProgressText.count(best.sequences)) sequences, saved to \(plan.bestPath)."
      )
    }
    try export(console: &console)
    try writeLearningCurve(console: &console)
    return CommandLineTool.ExitCode.success
  }

  /// `confirmation: 0.012 bits/seq over 1,000 fresh sequences, then 0.031 over 1,000 more`:
  /// what a confirmation measured, round by round (a failed one ends at the round that failed).
  static func describe(_ confirmation: StoppingRule.Confirmation) -> String {
    let rounds = confirmation.rounds.enumerated().map { index, round in
      let score = ProgressText.fixed(round.bitErrors, 3)
      let count = ProgressText.count(round.sequences)
      return index == 0 ? "\(score) bits/seq over \(count) fresh sequences" : "then \(score) over \(count) more"
    }
    return "confirmation: " + rounds.joined(separator: ", ")
  }

  /// The learning curve as SVG: bits per sequence against sequences seen — the moving average
  /// of this process's training (every `--report-every` sequences, and where it stopped), and
  /// the evaluations of the whole run, earlier runs' included, when there are any.
  func learningCurve() -> String {
    var points = movingAverages
    if trainer.averages.count > 0, points.last?.sequences != trainer.sequencesSeen {
      points.append(.init(sequences: trainer.sequencesSeen, bitErrors: trainer.averages.bitErrors, loss: trainer.averages.loss))
    }
    func series(_ name: String, _ points: [TrainingRecord.Point]) -> SVGLineChart.Series {
      SVGLineChart.Series(name, x: points.map { Double($0.sequences) }, y: points.map(\.bitErrors))
    }
    var lines = [series("training (moving average)", points)]
    if !record.evaluations.isEmpty { lines.append(series("evaluation (fresh sequences)", record.evaluations)) }
    let kind = plan.model.baselineConfiguration == nil ? "NTM" : "LSTM"
    return SVGLineChart.render(
      lines, title: "\(plan.task.name), \(kind): learning curve", xLabel: "sequences seen", yLabel: "bits per sequence")
  }

  /// Writes `learningCurve()` to `--svg`, if given.
  func writeLearningCurve(console: inout Console) throws {
    guard let path = plan.svgPath else { return }
    try OutputFile.write(learningCurve(), to: path, standardOutput: standardOutput ?? console.writeOutput)
    console.print("Wrote the learning curve to \(OutputFile.place(path)).")
  }

  /// `feed-forward 100, memory 128 × 20, 1 read + 1 write head, R = 1`.
  func describe(_ c: MachineConfiguration) -> String {
    let controller = c.controller == .feedForward ? "feed-forward" : "LSTM"
    return "\(controller) \(c.controllerSizes.map(String.init).joined(separator: "+")), memory \(c.memoryRows) × \(c.memoryWidth), "
      + "\(c.readHeads) read + \(c.writeHeads) write head\(c.writeHeads == 1 ? "" : "s"), R = \(c.shiftRange)"
  }
}
