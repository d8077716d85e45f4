import Foundation
import NTM

/// Everything `ntm train` was asked to do, parsed and checked: a pure function from words to
/// a plan, so every usage error is tested without training anything.
struct TrainPlan: Equatable {
  /// Defaults of the command (the library's defaults are the paper's; these are the run's).
  enum Defaults {
    /// Sequences to train when `--sequences` is not given, for every task but copy's machine.
    static let sequences = 30_000
    /// Copy's machine without `--preset` trains `copySequences` with Adam (on batches of
    /// `copyBatchSize`, the rate cut at `copyAnnealAt`) unless told otherwise. Measured on
    /// seeds 1–10, scored at lengths 20 and 100 on 100 sequences each from eval seed 1000003,
    /// batches of 8:
    ///
    /// | optimiser, rate, sequences | seeds < 0.1 at 20 | median (range) wrong bits at 100 |
    /// |---|--:|---|
    /// | RMSProp 1e-3, 30,000 | 7/10 | 370 (0.0–401) |
    /// | RMSProp 1e-3, 30,000, rate × 0.1 below 0.1 | 7/10 | 273 (0.0–396) |
    /// | RMSProp 3e-4, 30,000 | 8/10 | 35 (0.0–394) |
    /// | Adam 3e-4, 30,000 | 0/10 | 283 (30–398) |
    /// | Adam 1e-3, 30,000, rate × 0.1 below 1 | 2/10 | 50 (7.4–392) |
    /// | Adam 1e-3, 30,000, batches of 4 | 7/10 | 112 (0.02–400) |
    /// | RMSProp 1e-3, 60,000 | 7/10 | 283 (0.01–401) |
    /// | Adam 1e-3, 30,000 | 5/10 | 1.7 (0.01–392) |
    /// | **Adam 1e-3, 60,000** | **9/10** | **0.07 (0.0–24)** |
    ///
    /// Adam at 1e-3 keeps improving the copy beyond the training lengths after it is right
    /// within them (30,000 → 60,000 sequences: 1.7 → 0.07 at 100); lowering the rate stops that.
    /// Scored on 1,000 sequences per length (the sweep's default since), those ten seeds put
    /// 8 of 10 under 0.1 at 20 and a median of 1.09 at 100: rare failures, whole sequences
    /// gone wrong, that 100 sequences miss. Trained on at full rate past 60,000 the copy gets
    /// worse; with the rate cut tenfold at 40,000 (`copyAnnealAt`) it goes on improving, and at
    /// 100,000 sequences 9 of 10 are under 0.1 at 20 with a median of 0.65 at 100 (0.26 on a
    /// second eval seed, 2000003, also 9 of 10); at 80,000 and 120,000 the figures are alike.
    static let copySequences = 100_000
    static let copyOptimiser = Optimiser.Kind.adam
    /// Copy's machine lowers its rate tenfold (`--anneal-at`) after `copyAnnealAt` sequences
    /// unless told otherwise: Adam at full rate stops improving the copy beyond the training
    /// lengths, and at a tenth of it the copy keeps improving (the README's table).
    static let copyAnnealAt = 40_000

    /// The count `--anneal-at` lowers the rate at when it is not given (0: never).
    static func annealAt(task: String, baseline: Bool, preset: Bool) -> Int {
      isCopyMachine(task: task, baseline: baseline, preset: preset) ? copyAnnealAt : 0
    }

    /// Whether the plan is copy's machine without `--preset`, which has its own defaults.
    static func isCopyMachine(task: String, baseline: Bool, preset: Bool) -> Bool { task == "copy" && !baseline && !preset }

    /// The optimiser when `--optimiser` is not given.
    static func optimiser(task: String, baseline: Bool, preset: Bool) -> Optimiser.Kind {
      isCopyMachine(task: task, baseline: baseline, preset: preset) ? copyOptimiser : .rmsprop
    }

    /// The sequences to train when `--sequences` is not given.
    /// Where a run saves without `--checkpoint`: `copy.checkpoint.json`, and the baseline
    /// beside it, `copy-lstm.checkpoint.json`, so neither replaces the other's.
    static func checkpointPath(task: String, baseline: Bool) -> String {
      "\(task)\(baseline ? "-lstm" : "").checkpoint.json"
    }
    static func sequences(task: String, baseline: Bool, preset: Bool) -> Int {
      isCopyMachine(task: task, baseline: baseline, preset: preset) ? copySequences : sequences
    }
    static let seed = CommandOption.defaultSeed
    /// Sequences between checkpoint saves.
    static let checkpointEvery = 1_000
    /// Sequences between plain progress lines when standard output is not a terminal.
    static let reportEvery = 500
    /// Copy's machine trains on batches of `copyBatchSize` sequences shared by every core:
    /// of the settings measured on copy (seeds 1–5, the table in the README), it reached
    /// < 0.1 wrong bits per sequence in the least wall time, and on every seed. The other
    /// tasks, and the LSTM baseline, keep the paper's one sequence per update until measured.
    static let copyBatchSize = 8
    /// RMSProp's rate for batches of more than one sequence: the averaged gradient is less
    /// noisy, and a larger step pays (measured on copy at batches 4, 8 and 16).
    static let batchedRMSPropRate = 1e-3

    /// The batch size when `--batch-size` is not given.
    static func batchSize(task: String, baseline: Bool, preset: Bool) -> Int {
      isCopyMachine(task: task, baseline: baseline, preset: preset) ? copyBatchSize : TrainingSettings.defaultBatchSize
    }

    /// The learning rate when `--learning-rate` is not given (nor set by `--preset`).
    static func learningRate(_ optimiser: Optimiser.Kind, batchSize: Int) -> Double {
      optimiser == .rmsprop && batchSize > 1 ? batchedRMSPropRate : optimiser.defaultLearningRate
    }

    /// Fresh sequences scored at each evaluation (the curve's points, `--stop-below`'s checks).
    static let evaluationSequences = Evaluation.defaultSequences
    /// Sequences between evaluations. Every run evaluates, for the learning curve its
    /// checkpoint keeps: 200 forward passes every 500 sequences, no backward pass, which was
    /// lost in the noise of a run's time (copy at the reference configuration, 1,000
    /// sequences: 37 s with evaluations every 500, 39 s with none, debug build).
    static let evaluateEvery = 500
    /// Gradient clipping by global norm 10, not by value (0 = off). Measured on copy at the
    /// reference configuration, seeds 1–5, 30,000 sequences, RMSProp 1e-4, batch 1: clipping
    /// each element to ±10 (the paper's) reached < 0.1 bit/seq for 4 of 5 seeds, at 7.5k–25.5k
    /// sequences, one seed never did and fell back from 2.7 to 28 bits/seq; the global norm
    /// ≤ 10 reached it for 5 of 5 at 6.5k–9k, none collapsed (≤ 0.81 bit/seq at 30k), and 3 of
    /// 5 (against 1 of 5) copied length-100 sequences with < 1 bit wrong.
    static let clipValue = 0.0
    static let clipNorm = 10.0
    /// What `--anneal-below` multiplies the learning rate by.
    static let annealFactor = 0.1
  }

  var configuration: MachineConfiguration
  var task: TrainingTask
  var optimiser: Optimiser.Kind
  var learningRate: Double
  var settings: TrainingSettings
  /// Threads that share each batch (`--threads`); nil: every core the run may use.
  var threads: Int?
  var seed: UInt64
  /// Train until this many sequences have been seen in all.
  var sequences: Int
  var checkpointPath: String
  var checkpointEvery: Int
  var resume: Bool
  var reportEvery: Int
  /// Stop once the mean bit error over `evaluationSequences` fresh sequences is below this, and
  /// two confirmation rounds agree (`StoppingRule`).
  var stopBelow: Double?
  var evaluateEvery: Int
  var evaluationSequences: Int
  /// Evaluate every `evaluateEvery` sequences and save each new best model to `bestPath`, so a
  /// later collapse (a converged NTM can suddenly unlearn) never loses a good one.
  var keepBest = false
  /// Once an evaluation is below this many bits/seq, the learning rate is multiplied by
  /// `Defaults.annealFactor`, once in the run (the record keeps when:
  /// `TrainingRecord.annealedBelowAt`), independently of `annealAt`: a converged copy NTM
  /// trained on at full rate wobbles and can collapse.
  var annealBelow: Double?
  /// Once this many sequences have been trained on, the learning rate is multiplied by
  /// `Defaults.annealFactor`, once (the record keeps when: `TrainingRecord.annealedAt`): a
  /// schedule by count, which a resumed run can add at its checkpoint and still be the run its
  /// command trains straight through.
  var annealAt: Int?
  /// Whether the command line gave `--anneal-at`: a resumed run not given it keeps the
  /// schedule its checkpoint records, not the default's.
  var annealAtGiven = false
  /// Whether the command line gave `--anneal-below`: a resumed run not given it keeps the
  /// threshold its checkpoint records.
  var annealBelowGiven = false
  /// The model to train: the machine, or the stacked-LSTM baseline (`--model lstm`).
  var model: ModelChoice = .machine
  /// Where to write a copy for shipping (no optimiser state) at the end of the run.
  var exportPath: String?
  /// Where to draw the learning curve as SVG when the run stops (`--svg`).
  var svgPath: String?
  /// Which options of the stopping rule the command line gave (`TrainPlan+Resume.swift`): a
  /// resumed run takes the others from its checkpoint.
  var givenRule: Set<String> = []
  /// Which of `trainingOptions` the command line gave: a resumed run refuses any that
  /// disagrees with its checkpoint (`conflict(resuming:)`).
  var givenTraining: Set<String> = []
  /// `--seeds`: one run per seed, then a table of them all (`SeedSweep`); nil for one run.
  var sweep: SeedSweep.Plan?

  /// Where `--keep-best` saves: the checkpoint path with `.best` before its extension.
  var bestPath: String {
    guard let dot = checkpointPath.lastIndex(of: "."), !checkpointPath[dot...].contains("/") else { return checkpointPath + ".best" }
    return checkpointPath[..<dot] + ".best" + checkpointPath[dot...]
  }

  /// Every file the run writes, for `OutputFile.check`: the checkpoint, the best model
  /// (`--keep-best`), the export and the learning curve. Only the picture may be `-`.
  var outputs: [OutputFile.Output] {
    var outputs = [OutputFile.Output(flag: "--checkpoint", path: checkpointPath, allowsStandardOutput: false)]
    if keepBest { outputs.append(.init(flag: "--keep-best", path: bestPath, allowsStandardOutput: false)) }
    if let exportPath { outputs.append(.init(flag: "--export", path: exportPath, allowsStandardOutput: false)) }
    if let svgPath { outputs.append(.init(flag: "--svg", path: svgPath)) }
    return outputs
  }

  static let command = "train"

  /// The plan for `words` (the arguments after `train`).
  /// - Throws: `Arguments.UsageError` with one line naming the mistake and what to type.
  static func parse(_ words: [String]) throws -> TrainPlan {
    let arguments = try Arguments(words, declared: options, command: command)
    let hint = arguments.hint
    guard let name = arguments.positional.first else {
      throw Arguments.UsageError(
        message: "train needs a task: \(CommandOption.either(TrainingTask.names)). For example: ntm train copy. \(hint)")
    }
    if arguments.positional.count > 1 {
      throw Arguments.UsageError(
        message: "train takes one task, got '\(EchoedText.echo(arguments.positional.joined(separator: " ")))'. \(hint)")
    }
    guard var task = TrainingTask(name: name) else {
      let suggestion = Suggestion.closest(to: name, among: TrainingTask.names).map { " Did you mean '\($0)'?" } ?? ""
      throw Arguments.UsageError(
        message: "unknown task '\(EchoedText.echo(name))'.\(suggestion) Tasks: \(TrainingTask.names.joined(separator: ", ")). \(hint)")
    }
    task = try taskSettings(task, arguments: arguments)
    let isBaseline = try arguments.word(Option.model) == "lstm"
    let paper = try paperSettings(arguments.givenWord(Option.preset), task: task.name, baseline: isBaseline)

    let controller: MachineConfiguration.ControllerKind =
      try arguments.word(Option.controller, default: paper?.machine?.controller == .lstm ? "lstm" : nil) == "lstm" ? .lstm : .feedForward
    let sizes = try sizeList(Option.controllerSize, arguments, default: paper?.machine?.controllerSizes ?? machineDefaults.controllerSizes)
    let activation: Activation = try arguments.word(Option.activation) == Activation.relu.rawValue ? .relu : .tanh
    // The declaration allows only the initialisations' names.
    let memoryInit = MachineConfiguration.MemoryInitialisation(rawValue: try arguments.word(Option.memoryInit)) ?? .constant
    let configuration = MachineConfiguration(
      inputSize: task.inputSize, outputSize: task.outputSize, controller: controller, controllerSizes: sizes,
      controllerActivation: activation, memoryRows: try arguments.integer(Option.memoryRows),
      memoryWidth: try arguments.integer(Option.memoryWidth),
      readHeads: try arguments.integer(Option.readHeads, default: paper?.machine?.readHeads),
      writeHeads: try arguments.integer(Option.writeHeads, default: paper?.machine?.writeHeads),
      shiftRange: try arguments.integer(Option.shiftRange), memoryInitialisation: memoryInit)
    if let problem = configuration.problems.first { throw Arguments.UsageError(message: "\(problem). \(hint)") }

    let defaultOptimiser = Defaults.optimiser(task: task.name, baseline: isBaseline, preset: paper != nil)
    let optimiser =
      arguments.value(Option.optimiser) == nil
      ? defaultOptimiser : Optimiser.Kind(rawValue: try arguments.word(Option.optimiser)) ?? defaultOptimiser
    // The paper's rates are RMSProp's: with Adam a preset keeps Adam's own default.
    let paperRate = optimiser == .rmsprop ? (isBaseline ? paper?.baseline?.learningRate : paper?.machine?.learningRate) : nil
    let batchSize = try arguments.integer(
      Option.batchSize, default: Defaults.batchSize(task: task.name, baseline: isBaseline, preset: paper != nil))
    let learningRate = try arguments.positive(
      Option.learningRate, default: paperRate ?? Defaults.learningRate(optimiser, batchSize: batchSize))
    let clipValue = try arguments.positive(Option.clipValue)
    let clipNorm = try arguments.positive(Option.clipNorm)
    let settings = TrainingSettings(
      batchSize: batchSize,
      clipping: GradientClipping(valueBound: clipValue == 0 ? nil : clipValue, normBound: clipNorm == 0 ? nil : clipNorm))

    let stopBelow = arguments.value(Option.stopBelow) == nil ? nil : try arguments.positive(Option.stopBelow, default: 0)
    var plan = TrainPlan(
      configuration: configuration, task: task, optimiser: optimiser, learningRate: learningRate, settings: settings,
      seed: UInt64(try arguments.integer(Option.seed)),
      sequences: try arguments.integer(
        Option.sequences, default: Defaults.sequences(task: task.name, baseline: isBaseline, preset: paper != nil)),
      checkpointPath: arguments.value(Option.checkpoint) ?? Defaults.checkpointPath(task: task.name, baseline: isBaseline),
      checkpointEvery: try arguments.integer(Option.checkpointEvery), resume: arguments.flag(Option.resume),
      reportEvery: try arguments.integer(Option.reportEvery), stopBelow: stopBelow,
      evaluateEvery: try arguments.integer(Option.evalEvery), evaluationSequences: try arguments.integer(Option.evalSequences))
    plan.keepBest = arguments.flag(Option.keepBest)
    plan.threads = arguments.value(Option.threads) == nil ? nil : try arguments.integer(Option.threads, default: 1)
    plan.givenRule = Set(ruleOptions.filter { arguments.value($0) != nil })
    plan.givenTraining = Set(trainingOptions.filter { arguments.value($0) != nil })
    let anneal = try arguments.positive(Option.annealBelow)
    plan.annealBelow = anneal == 0 ? nil : anneal
    plan.annealBelowGiven = arguments.value(Option.annealBelow) != nil
    let annealAt = try arguments.integer(
      Option.annealAt, default: Defaults.annealAt(task: task.name, baseline: isBaseline, preset: paper != nil))
    plan.annealAt = annealAt == 0 ? nil : annealAt
    plan.annealAtGiven = arguments.value(Option.annealAt) != nil
    plan.svgPath = arguments.value(Option.svg)
    try plan.chooseModel(arguments, paperLayers: paper?.baseline?.layerSizes)
    try plan.checkMemory()
    plan.sweep = try SeedSweep.Plan.parse(arguments, checkpointPath: plan.checkpointPath)
    return plan
  }

  /// A list of layer sizes (`100,100`): at most `Limits.layerCount` whole numbers, each a
  /// `Limits.size`; `fallback` when absent.
  static func sizeList(_ option: CommandOption, _ arguments: Arguments, default fallback: [Int]) throws -> [Int] {
    guard let text = arguments.value(option) else { return fallback }
    let sizes = Arguments.commaSeparated(text).map { Int($0) }
    guard Limits.layerCount.contains(sizes.count), sizes.allSatisfy({ $0.map(Limits.size.contains) ?? false }) else {
      throw Arguments.UsageError(
        message:
          "--\(option.name) must be \(Limits.layerCount.upperBound) or fewer whole numbers from 1 to \(Limits.size.upperBound), separated by commas, got '\(EchoedText.echo(text))'. \(arguments.hint)"
      )
    }
    return sizes.compactMap { $0 }
  }

  /// The paper's settings for `task` when `--preset paper` is given (nil without `--preset`).
  /// - Throws: `Arguments.UsageError` for an unknown preset, or a task the paper has no
  ///   settings for.
  static func paperSettings(_ preset: String?, task: String, baseline: Bool) throws -> PaperSettings.Task? {
    guard preset != nil else { return nil }
    let hint = "Try 'ntm train --help'."
    guard let settings = PaperSettings.tasks[task], baseline ? settings.baseline != nil : settings.machine != nil else {
      throw Arguments.UsageError(
        message:
          "the paper has no settings for \(task) (\(PaperSettings.tasks[task]?.training ?? "not in it")), so --preset paper cannot apply. \(hint)"
      )
    }
    return settings
  }
}
