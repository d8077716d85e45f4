import Foundation
import NTM

/// Everything `ntm train` was asked to do, parsed and checked: a pure function from words to
/// a plan, so every usage error is tested without training anything.
struct TrainPlan: Equatable {
  /// Defaults of the command (the library's defaults are the paper's; these are the run's).
  enum Defaults {
    /// Enough for the copy task at the reference configuration to converge.
    static let sequences = 30_000
    static let seed = 1
    /// Sequences between checkpoint saves.
    static let checkpointEvery = 1_000
    /// Sequences between plain progress lines when standard output is not a terminal.
    static let reportEvery = 500
    /// Fresh sequences scored by `--stop-below`.
    static let evaluationSequences = Evaluation.defaultSequences
    /// Sequences between evaluations when `--stop-below` is given without `--eval-every`.
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
  var seed: UInt64
  /// Train until this many sequences have been seen in all.
  var sequences: Int
  var checkpointPath: String
  var checkpointEvery: Int
  var resume: Bool
  var reportEvery: Int
  /// Stop once the mean bit error over `evaluationSequences` fresh sequences is below this.
  var stopBelow: Double?
  var evaluateEvery: Int
  var evaluationSequences: Int
  /// Evaluate every `evaluateEvery` sequences and save each new best model to `bestPath`, so a
  /// later collapse (a converged NTM can suddenly unlearn) never loses a good one.
  var keepBest = false
  /// Once an evaluation is below this many bits/seq, the learning rate is multiplied by
  /// `Defaults.annealFactor`, once: a converged copy NTM trained on at full rate wobbles and
  /// can collapse.
  var annealBelow: Double?
  /// The model to train: the machine, or the stacked-LSTM baseline (`--model lstm`).
  var model: ModelChoice = .machine
  /// Where to write a copy for shipping (no optimiser state) at the end of the run.
  var exportPath: String?
  /// Where to draw the learning curve as SVG when the run stops (`--svg`).
  var svgPath: String?
  /// Which options of the stopping rule the command line gave (`TrainPlan+Resume.swift`): a
  /// resumed run takes the others from its checkpoint.
  var givenRule: Set<String> = []

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

  static let options: [Arguments.Option] = [
    "controller", "controller-size", "activation", "memory-rows", "memory-width", "read-heads", "write-heads",
    "shift-range", "memory-init", "optimiser", "learning-rate", "batch-size", "clip-value", "clip-norm", "seed",
    "sequences", "min-length", "max-length", "bits", "min-repeats", "max-repeats", "repeat-encoding", "checkpoint",
    "checkpoint-every", "report-every", "stop-below", "eval-every", "eval-sequences",
    "anneal-below", "svg", "preset",
  ].map { Arguments.Option(name: $0, takesValue: true) } + modelOptions.map { Arguments.Option(name: $0, takesValue: true) } + ["resume", "keep-best"].map { Arguments.Option(name: $0, takesValue: false) }

  /// The plan for `words` (the arguments after `train`).
  /// - Throws: `Arguments.UsageError` with one line naming the mistake and what to type.
  static func parse(_ words: [String]) throws -> TrainPlan {
    let arguments = try Arguments(words, options: options, command: command)
    let hint = "Try 'ntm train --help'."
    guard let name = arguments.positional.first else {
      throw Arguments.UsageError(message: "train needs a task: \(TrainingTask.names.dropLast().joined(separator: ", ")) or \(TrainingTask.names.last!). For example: ntm train copy. \(hint)")
    }
    if arguments.positional.count > 1 {
      throw Arguments.UsageError(message: "train takes one task, got '\(EchoedText.echo(arguments.positional.joined(separator: " ")))'. \(hint)")
    }
    guard var task = TrainingTask(name: name) else {
      let suggestion = Suggestion.closest(to: name, among: TrainingTask.names).map { " Did you mean '\($0)'?" } ?? ""
      throw Arguments.UsageError(message: "unknown task '\(EchoedText.echo(name))'.\(suggestion) Tasks: \(TrainingTask.names.joined(separator: ", ")). \(hint)")
    }
    let size = Limits.size
    func whole(_ option: String, _ fallback: Int, _ range: ClosedRange<Int> = size) throws -> Int {
      try arguments.integer(option, default: fallback, in: range, command: command)
    }
    task = try taskSettings(task, arguments: arguments, whole: whole)
    let isBaseline = arguments.value("model") == "lstm"
    let paper = try paperSettings(arguments.value("preset"), task: task.name, baseline: isBaseline)

    let controller: MachineConfiguration.ControllerKind
    switch arguments.value("controller") ?? (paper?.machine?.controller == .lstm ? "lstm" : "feedforward") {
    case "feedforward", "feed-forward", "ff": controller = .feedForward
    case "lstm": controller = .lstm
    case let other: throw Arguments.UsageError(message: "--controller must be feedforward or lstm, got '\(EchoedText.echo(other))'. \(hint)")
    }
    let sizesText = arguments.value("controller-size") ?? paper?.machine?.controllerSizes.map(String.init).joined(separator: ",") ?? "100"
    let sizes = sizesText.split(separator: ",").map { Int($0) }
    guard Limits.layerCount.contains(sizes.count), sizes.allSatisfy({ $0.map(size.contains) ?? false }) else {
      throw Arguments.UsageError(message: "--controller-size must be \(Limits.layerCount.upperBound) or fewer whole numbers from 1 to \(size.upperBound), separated by commas, got '\(EchoedText.echo(sizesText))'. \(hint)")
    }
    let activation: Activation
    switch arguments.value("activation") ?? "tanh" {
    case "tanh": activation = .tanh
    case "relu": activation = .relu
    case let other: throw Arguments.UsageError(message: "--activation must be tanh or relu, got '\(EchoedText.echo(other))'. \(hint)")
    }
    guard let memoryInit = MachineConfiguration.MemoryInitialisation(rawValue: arguments.value("memory-init") ?? "constant") else {
      throw Arguments.UsageError(message: "--memory-init must be constant, learned or random, got '\(EchoedText.echo(arguments.value("memory-init")!))'. \(hint)")
    }
    let rows = try whole("memory-rows", 128)
    let configuration = MachineConfiguration(
      inputSize: task.inputSize, outputSize: task.outputSize, controller: controller, controllerSizes: sizes.compactMap { $0 },
      controllerActivation: activation, memoryRows: rows, memoryWidth: try whole("memory-width", 20),
      readHeads: try whole("read-heads", paper?.machine?.readHeads ?? 1, Limits.heads),
      writeHeads: try whole("write-heads", paper?.machine?.writeHeads ?? 1, Limits.heads),
      shiftRange: try whole("shift-range", 1, Limits.shiftRange), memoryInitialisation: memoryInit)
    if let problem = configuration.problems.first { throw Arguments.UsageError(message: "\(problem). \(hint)") }

    guard let optimiser = Optimiser.Kind(rawValue: arguments.value("optimiser") ?? Optimiser.Kind.rmsprop.rawValue) else {
      throw Arguments.UsageError(message: "--optimiser must be rmsprop or adam, got '\(EchoedText.echo(arguments.value("optimiser")!))'. \(hint)")
    }
    // The paper's rates are RMSProp's: with Adam a preset keeps Adam's own default.
    let paperRate = optimiser == .rmsprop ? (isBaseline ? paper?.baseline?.learningRate : paper?.machine?.learningRate) : nil
    let learningRate = try positive(
      "learning-rate", arguments.value("learning-rate"), fallback: paperRate ?? optimiser.defaultLearningRate)
    let clipValue = try positive("clip-value", arguments.value("clip-value"), fallback: Defaults.clipValue, zeroMeansOff: true)
    let clipNorm = try positive("clip-norm", arguments.value("clip-norm"), fallback: Defaults.clipNorm, zeroMeansOff: true)
    let settings = TrainingSettings(
      batchSize: try whole("batch-size", TrainingSettings.defaultBatchSize, Limits.batchSize),
      clipping: GradientClipping(valueBound: clipValue == 0 ? nil : clipValue, normBound: clipNorm == 0 ? nil : clipNorm))

    let stopBelow = try arguments.value("stop-below").map { try positive("stop-below", $0, fallback: 0) }
    var plan = TrainPlan(
      configuration: configuration, task: task, optimiser: optimiser, learningRate: learningRate, settings: settings,
      seed: UInt64(try whole("seed", Defaults.seed, 0...Int(Limits.seed.upperBound))), sequences: try whole("sequences", Defaults.sequences, Limits.sequences),
      checkpointPath: arguments.value("checkpoint") ?? "\(task.name).checkpoint.json",
      checkpointEvery: try whole("checkpoint-every", Defaults.checkpointEvery, Limits.sequences), resume: arguments.flag("resume"),
      reportEvery: try whole("report-every", Defaults.reportEvery, Limits.sequences), stopBelow: stopBelow,
      evaluateEvery: try whole("eval-every", Defaults.evaluateEvery, Limits.sequences),
      evaluationSequences: try whole("eval-sequences", Defaults.evaluationSequences, Limits.evaluationSequences))
    plan.keepBest = arguments.flag("keep-best")
    plan.givenRule = Set(ruleOptions.filter { arguments.value($0) != nil })
    let anneal = try positive("anneal-below", arguments.value("anneal-below"), fallback: 0, zeroMeansOff: true)
    plan.annealBelow = anneal == 0 ? nil : anneal
    plan.svgPath = arguments.value("svg")
    try plan.chooseModel(arguments, paperLayers: paper?.baseline?.layerSizes)
    try plan.checkMemory()
    return plan
  }

  /// The paper's settings for `task` when `--preset paper` is given (nil without `--preset`).
  /// - Throws: `Arguments.UsageError` for an unknown preset, or a task the paper has no
  ///   settings for.
  static func paperSettings(_ preset: String?, task: String, baseline: Bool) throws -> PaperSettings.Task? {
    guard let preset else { return nil }
    let hint = "Try 'ntm train --help'."
    guard PaperSettings.presetNames.contains(preset) else {
      throw Arguments.UsageError(message: "--preset must be \(PaperSettings.presetNames.joined(separator: " or ")), got '\(EchoedText.echo(preset))'. \(hint)")
    }
    guard let settings = PaperSettings.tasks[task], baseline ? settings.baseline != nil : settings.machine != nil else {
      throw Arguments.UsageError(message: "the paper has no settings for \(task) (\(PaperSettings.tasks[task]?.training ?? "not in it")), so --preset paper cannot apply. \(hint)")
    }
    return settings
  }

  /// A positive finite number (or 0 when `zeroMeansOff`), or `fallback` when absent.
  static func positive(_ option: String, _ text: String?, fallback: Double, zeroMeansOff: Bool = false) throws -> Double {
    guard let text else { return fallback }
    guard let value = Double(text), value.isFinite, value > 0 || (zeroMeansOff && value == 0) else {
      let what = zeroMeansOff ? "a positive number (0 turns it off)" : "a positive number"
      throw Arguments.UsageError(message: "--\(option) must be \(what), got '\(EchoedText.echo(text))'. Try 'ntm train --help'.")
    }
    return value
  }
}
