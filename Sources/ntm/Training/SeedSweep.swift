import Dispatch
import Foundation
import NTM
import Synchronization

/// `ntm train <task> --seeds 1-10`: independent runs of one plan, one per seed, trained on
/// `--jobs` threads at once (each run has its own model, tape, generator and checkpoint, so
/// a seed trains exactly as `--seed` alone would), then each scored by a
/// `GeneralisationSweep` at the task's test lengths on sequences from `--eval-seed`, which
/// no run trained on.
enum SeedSweep {
  /// What one seed's run came to.
  struct Result: Equatable {
    var seed: UInt64
    var checkpointPath: String
    /// Sequences seen when the run reached `--stop-below`, confirmed (nil: never, or no
    /// target).
    var reachedAt: Int?
    /// The run's last confirmation: what was measured when it reached its target, or the
    /// last check below it that did not hold (nil: no check fell below it).
    var confirmation: StoppingRule.Confirmation? = nil
    /// Checks below the target that confirmation rejected.
    var failedConfirmations = 0
    var sequences: Int
    /// Training wall time of this run, in seconds.
    var seconds: Double
    /// The score (`GeneralisationSweep.score`) at each of `Summary.lengths`.
    var scores: [Double]
    /// Why the run stopped early (diverged, interrupted), nil when it trained to the end.
    var failure: String?
    /// The command its checkpoint records: the one that trains it from the start.
    var command: [String] = []
  }

  /// Runs `plan` once per seed of its sweep; prints a line as each run ends, then the table.
  /// `document` is where `--summary -` writes (nil: the console's output). A run that fails
  /// says why on standard error; the others carry on. After Ctrl-C (`interrupted`), each run
  /// saves and stops, and a run not yet started never starts. With `--resume`, each seed's
  /// run carries on from its checkpoint (one that has ended is scored as it is), and the table
  /// records the command that trains the whole sweep from the start. An interrupted sweep
  /// writes no `--summary`: its rows would be empty.
  /// - Returns: the exit code: 0, or 130 when Ctrl-C stopped any run, or 1 when any failed.
  static func run(
    plan: TrainPlan, sweep: Plan, commandLine: [String], console: inout Console, document: ((String) -> Void)? = nil,
    interrupted: @escaping @Sendable () -> Bool = { InterruptFlag.isRaised }
  ) throws -> Int32 {
    let started = ContinuousClock.now
    // Runs trained at once: never more than there are seeds.
    let jobs = min(sweep.jobs, sweep.seeds.count)
    let plans = sweep.seeds.map { seed in
      var one = plan
      one.seed = seed
      one.sweep = nil
      one.checkpointPath = path(plan.checkpointPath, seed: seed)
      one.exportPath = plan.exportPath.map { path($0, seed: seed) }
      one.svgPath = plan.svgPath.map { path($0, seed: seed) }
      // The cores are shared among the runs trained at once.
      one.threads = plan.threads ?? max(1, ProcessInfo.processInfo.activeProcessorCount / max(1, jobs))
      return one
    }
    try OutputFile.check(
      plans.flatMap(\.outputs) + (sweep.summaryPath.map { [OutputFile.Output(flag: "--summary", path: $0)] } ?? []))
    // A resumed sweep scores its runs at the lengths of the task their checkpoints train.
    let task = plan.resume ? try resumedTask(plans) : plan.task
    let lengths = task.evaluationLengths
    console.print(
      "\(plan.resume ? "Resuming" : "Training") \(task.name) with \(sweep.seeds.count) seeds, \(jobs) at a time; each is scored on \(ProgressText.count(sweep.sequencesPerLength)) sequences per length (eval seed \(sweep.evaluationSeed))."
    )

    let work = Work(
      plans: plans, commandLine: commandLine, task: task, lengths: lengths, evaluationSeed: sweep.evaluationSeed,
      sequencesPerLength: sweep.sequencesPerLength, interrupted: interrupted)
    let finished = DispatchSemaphore(value: 0)
    for _ in 0..<jobs {
      let thread = Thread {
        while let index = work.next() {
          work.finish(index, work.train(index))
          finished.signal()
        }
      }
      thread.stackSize = threadStackSize
      thread.start()
    }
    var code = CommandLineTool.ExitCode.success
    for _ in plans.indices {
      finished.wait()
      for (result, exit) in work.takeReports() {
        if result.failure == nil {
          console.print(line(result, target: plan.stopBelow))
        } else {
          console.printError(line(result, target: plan.stopBelow))
        }
        if exit != CommandLineTool.ExitCode.success, code != CommandLineTool.ExitCode.interrupted { code = exit }
      }
    }
    let wall = ContinuousClock.now - started
    let results = work.results()
    // A resumed sweep's wall time before this command is not known, so none is recorded.
    let summary = Summary(
      task: task, lengths: lengths, sequencesPerLength: sweep.sequencesPerLength,
      evaluationSeed: sweep.evaluationSeed, target: plan.stopBelow, results: results,
      command: plan.resume ? resumedCommand(results.map(\.command), commandLine: commandLine) : commandLine, jobs: jobs,
      wallSeconds: plan.resume ? nil : Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18)
    console.print()
    for row in summary.table() { console.print(row) }
    // An interrupted sweep's table has empty rows: it must not replace a finished sweep's.
    if let path = sweep.summaryPath, code == CommandLineTool.ExitCode.interrupted {
      console.printError(
        "The sweep was interrupted, so its table was not written to \(OutputFile.place(path)); the same command with --resume finishes it and writes it."
      )
    } else if let path = sweep.summaryPath {
      try OutputFile.write(summary.json(), to: path, standardOutput: document ?? console.writeOutput)
      console.print("Wrote the table as JSON to \(OutputFile.place(path)).")
    }
    return code
  }

  /// Each training thread's stack: the machine's kernels keep nothing large on the stack,
  /// but a secondary thread's default (512 KiB on some systems) is smaller than the main
  /// thread's, which every single run is tested on.
  static let threadStackSize = 8 << 20

  /// `seed 3: reached < 0.1 at 4,500 sequences (check 0.000; confirmation: 0.012 bits/seq over
  /// 1,000 fresh sequences, then 0.031 over 1,000 more), 12 s; checkpoint copy.seed-3.checkpoint.json`.
  static func line(_ result: Result, target: Double?) -> String {
    var text = "seed \(result.seed): "
    if let failure = result.failure { return text + failure }
    if let target {
      let rejected =
        result.failedConfirmations == 0
        ? "" : " (\(result.failedConfirmations) check\(result.failedConfirmations == 1 ? "" : "s") below it not confirmed)"
      if let at = result.reachedAt {
        let measured = result.confirmation.map {
          " (check \(ProgressText.fixed($0.check.bitErrors, 3)); \(TrainingRun.describe($0)))"
        }
        text += "reached < \(CommandOption.plain(target)) at \(ProgressText.count(at)) sequences\(measured ?? "")\(rejected), "
      } else {
        text += "did not reach < \(CommandOption.plain(target)) in \(ProgressText.count(result.sequences)) sequences\(rejected), "
      }
    } else {
      text += "trained \(ProgressText.count(result.sequences)) sequences, "
    }
    return text + "\(ProgressText.duration(result.seconds)); checkpoint \(result.checkpointPath)"
  }

  /// The options that make a sweep, and the files it derives one per seed.
  static let sweepOptions = [
    TrainPlan.Option.seeds, TrainPlan.Option.jobs, TrainPlan.Option.evalSeed, TrainPlan.Option.scoreSequences,
    TrainPlan.Option.summary, TrainPlan.Option.checkpoint, TrainPlan.Option.export, TrainPlan.Option.svg,
  ].map(\.name)

  /// The command that trains `plan` alone, for its checkpoint's record: `commandLine`
  /// without the sweep's options and the files it derives, with the run's seed and files.
  static func commandLine(_ commandLine: [String], for plan: TrainPlan) -> [String] {
    var words = options(of: commandLine, dropping: sweepOptions)
    words += ["--seed", "\(plan.seed)", "--checkpoint", plan.checkpointPath]
    if let path = plan.exportPath { words += ["--export", path] }
    if let path = plan.svgPath { words += ["--svg", path] }
    return words
  }

  /// The command that trains a resumed sweep from the start: its runs' recorded command
  /// (`commands`, one per run) without the run's seed and files, with the sweep's options of
  /// `commandLine`, the command that resumed it. Nil when the runs record different commands
  /// (started by different sweeps) or none.
  static func resumedCommand(_ commands: [[String]], commandLine: [String]) -> [String]? {
    let own = [TrainPlan.Option.seed.name, TrainPlan.Option.checkpoint.name, TrainPlan.Option.export.name, TrainPlan.Option.svg.name]
    let shared = Set(commands.filter { !$0.isEmpty }.map { options(of: $0, dropping: own) })
    guard shared.count == 1, let command = shared.first, command.count >= 3 else { return nil }
    let given = options(of: Array(commandLine.dropFirst(2)), keeping: sweepOptions)
    return command + given
  }

  /// `words` without the options named (each `--name V` or `--name=V`; every one takes a value).
  static func options(of words: [String], dropping names: [String]) -> [String] {
    select(words, names: names, keep: false)
  }

  /// The options named in `words` (each `--name V` or `--name=V`; every one takes a value),
  /// in their order, and nothing else.
  static func options(of words: [String], keeping names: [String]) -> [String] {
    select(words, names: names, keep: true)
  }

  private static func select(_ words: [String], names: [String], keep: Bool) -> [String] {
    let flags = names.map { "--" + $0 }
    var kept: [String] = []
    var index = words.startIndex
    while index < words.endIndex {
      let word = words[index]
      index += 1
      if flags.contains(word) {
        let value = index < words.endIndex ? [words[index]] : []
        index += 1  // and its value
        if keep { kept += [word] + value }
      } else if flags.contains(where: { word.hasPrefix($0 + "=") }) {
        if keep { kept.append(word) }
      } else if !keep {
        kept.append(word)
      }
    }
    return kept
  }

  /// The task a resumed sweep's checkpoints train: the first seed's that can be read, which
  /// every run is then held to (`Work.train`).
  /// - Throws: `CommandLineTool.Failure` when no seed's checkpoint can be read.
  static func resumedTask(_ plans: [TrainPlan]) throws -> TrainingTask {
    var problems: [String] = []
    for plan in plans {
      do {
        let checkpoint = try CheckpointFile.read(from: URL(fileURLWithPath: plan.checkpointPath))
        return checkpoint.task
      } catch {
        problems.append("\(EchoedText.path(plan.checkpointPath)): \(error.description)")
      }
    }
    throw CommandLineTool.Failure(
      message:
        "--resume found no seed's checkpoint to carry on (\(problems.first ?? "no seeds")); give the --checkpoint the sweep was started with"
    )
  }

  /// The runs shared by the training threads: the next seed to train, and what each came to.
  final class Work: Sendable {
    /// One per seed; the thread that takes an index is the only one to train its plan.
    let plans: [TrainPlan]
    let commandLine: [String]
    /// The task every run trains and is scored on.
    let task: TrainingTask
    let lengths: [Int]
    let evaluationSeed: UInt64
    /// Fresh sequences scored per length.
    let sequencesPerLength: Int
    /// Whether Ctrl-C has arrived.
    let interrupted: @Sendable () -> Bool
    private let state = Mutex<(next: Int, results: [Result?], reports: [(Result, Int32)])>((0, [], []))

    init(
      plans: [TrainPlan], commandLine: [String], task: TrainingTask, lengths: [Int], evaluationSeed: UInt64,
      sequencesPerLength: Int, interrupted: @escaping @Sendable () -> Bool
    ) {
      self.task = task
      self.sequencesPerLength = sequencesPerLength
      self.interrupted = interrupted
      self.plans = plans
      self.commandLine = commandLine
      self.lengths = lengths
      self.evaluationSeed = evaluationSeed
      state.withLock { $0.results = Array(repeating: nil, count: plans.count) }
    }

    /// The index of the next plan to train, nil when every one has been taken.
    func next() -> Int? {
      state.withLock { state in
        guard state.next < plans.count else { return nil }
        defer { state.next += 1 }
        return state.next
      }
    }

    func finish(_ index: Int, _ report: (Result, Int32)) {
      state.withLock {
        $0.results[index] = report.0
        $0.reports.append(report)
      }
    }

    /// The runs that ended since the last call, in the order they ended.
    func takeReports() -> [(Result, Int32)] {
      state.withLock { state in
        defer { state.reports = [] }
        return state.reports
      }
    }

    func results() -> [Result] { state.withLock { $0.results.compactMap { $0 } } }

    /// Trains plan `index` silently to its end (a resumed run that has ended is left as it is),
    /// then scores it.
    func train(_ index: Int) -> (Result, Int32) {
      let plan = plans[index]
      var result = Result(
        seed: plan.seed, checkpointPath: plan.checkpointPath, reachedAt: nil, sequences: 0, seconds: 0, scores: [], failure: nil)
      if interrupted() {
        result.failure = "not trained: interrupted before it started"
        return (result, CommandLineTool.ExitCode.interrupted)
      }
      var silent = Console(writeOutput: { _ in }, writeError: { _ in }, readLine: { nil }, environment: [:], isInteractive: false)
      var code: Int32
      var run: TrainingRun
      do {
        run = try TrainingRun(plan: plan, commandLine: SeedSweep.commandLine(commandLine, for: plan))
        guard run.plan.task == task else {
          throw CommandLineTool.Failure(
            message:
              "not resumed: its checkpoint \(EchoedText.path(plan.checkpointPath)) trains \(run.plan.task.name) with other settings than the sweep's first seed; resume it alone with --resume --checkpoint"
          )
        }
        run.interrupted = interrupted
        if run.finished == nil {
          code = try run.run(console: &silent)
        } else {
          try run.export(console: &silent)
          code = CommandLineTool.ExitCode.success
        }
      } catch {
        result.failure = (error as? CommandLineTool.Failure)?.message ?? "\(error)"
        return (result, CommandLineTool.ExitCode.failure)
      }
      let checkpoint = run.currentCheckpoint()
      let record = checkpoint.record
      result.command = checkpoint.commandLine
      result.reachedAt = record?.convergedAt
      result.confirmation = record?.confirmation
      result.failedConfirmations = record?.failedConfirmations ?? 0
      result.sequences = run.trainer.sequencesSeen
      result.seconds = record?.seconds ?? 0
      if code == CommandLineTool.ExitCode.interrupted {
        result.failure =
          "interrupted at \(ProgressText.count(result.sequences)) sequences; checkpoint saved to \(plan.checkpointPath), which --resume --checkpoint carries on"
        return (result, code)
      }
      var models = [run.trainer.model]
      let sweep = GeneralisationSweep.run(
        &models, task: task, lengths: lengths, count: sequencesPerLength, seed: evaluationSeed)
      result.scores = sweep.scores(model: 0)
      return (result, code)
    }
  }
}
