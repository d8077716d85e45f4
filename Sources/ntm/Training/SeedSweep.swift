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
  }

  /// Runs `plan` once per seed of its sweep; prints a line as each run ends, then the table.
  /// `document` is where `--summary -` writes (nil: the console's output). A run that fails
  /// says why on standard error; the others carry on. After Ctrl-C (`interrupted`), each run
  /// saves and stops, and a run not yet started never starts.
  /// - Returns: the exit code: 0, or 130 when Ctrl-C stopped any run, or 1 when any failed.
  static func run(
    plan: TrainPlan, sweep: Plan, commandLine: [String], console: inout Console, document: ((String) -> Void)? = nil,
    interrupted: @escaping @Sendable () -> Bool = { InterruptFlag.isRaised }
  ) throws -> Int32 {
    let started = ContinuousClock.now
    let lengths = plan.task.evaluationLengths
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
    console.print(
      "Training \(plan.task.name) with \(sweep.seeds.count) seeds, \(jobs) at a time; each is scored on \(ProgressText.count(sweep.sequencesPerLength)) sequences per length (eval seed \(sweep.evaluationSeed))."
    )

    let work = Work(
      plans: plans, commandLine: commandLine, lengths: lengths, evaluationSeed: sweep.evaluationSeed,
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
    let summary = Summary(
      task: plan.task, lengths: lengths, sequencesPerLength: sweep.sequencesPerLength,
      evaluationSeed: sweep.evaluationSeed, target: plan.stopBelow, results: work.results(), command: commandLine, jobs: jobs,
      wallSeconds: Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18)
    console.print()
    for row in summary.table() { console.print(row) }
    if let path = sweep.summaryPath {
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

  /// The command that trains `plan` alone, for its checkpoint's record: `commandLine`
  /// without the sweep's options and the files it derives, with the run's seed and files.
  static func commandLine(_ commandLine: [String], for plan: TrainPlan) -> [String] {
    typealias Option = TrainPlan.Option
    let dropped = [
      Option.seeds, Option.jobs, Option.evalSeed, Option.scoreSequences, Option.summary, Option.checkpoint, Option.export, Option.svg,
    ].map {
      "--" + $0.name
    }
    var words: [String] = []
    var index = commandLine.startIndex
    while index < commandLine.endIndex {
      let word = commandLine[index]
      index += 1
      if dropped.contains(word) {
        index += 1  // and its value
      } else if !dropped.contains(where: { word.hasPrefix($0 + "=") }) {
        words.append(word)
      }
    }
    words += ["--seed", "\(plan.seed)", "--checkpoint", plan.checkpointPath]
    if let path = plan.exportPath { words += ["--export", path] }
    if let path = plan.svgPath { words += ["--svg", path] }
    return words
  }

  /// The runs shared by the training threads: the next seed to train, and what each came to.
  final class Work: Sendable {
    /// One per seed; the thread that takes an index is the only one to train its plan.
    let plans: [TrainPlan]
    let commandLine: [String]
    let lengths: [Int]
    let evaluationSeed: UInt64
    /// Fresh sequences scored per length.
    let sequencesPerLength: Int
    /// Whether Ctrl-C has arrived.
    let interrupted: @Sendable () -> Bool
    private let state = Mutex<(next: Int, results: [Result?], reports: [(Result, Int32)])>((0, [], []))

    init(
      plans: [TrainPlan], commandLine: [String], lengths: [Int], evaluationSeed: UInt64, sequencesPerLength: Int,
      interrupted: @escaping @Sendable () -> Bool
    ) {
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

    /// Trains plan `index` silently to its end, then scores it.
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
        run.interrupted = interrupted
        code = try run.run(console: &silent)
      } catch {
        result.failure = (error as? CommandLineTool.Failure)?.message ?? "\(error)"
        return (result, CommandLineTool.ExitCode.failure)
      }
      let record = run.currentCheckpoint().record
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
        &models, task: plan.task, lengths: lengths, count: sequencesPerLength, seed: evaluationSeed)
      result.scores = sweep.scores(model: 0)
      return (result, code)
    }
  }
}
