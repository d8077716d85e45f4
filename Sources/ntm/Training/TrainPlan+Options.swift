import NTM

/// The options of `ntm train`, each declared once: `TrainPlan.parse` reads them, the help
/// (`TrainCommand.helpText`) lists them, and a task or model that does not use one refuses
/// it. Every default is the library's or `TrainPlan.Defaults`'.
extension TrainPlan {
  /// The library's machine, for its defaults: the sizes the help and the parser fall back on.
  static let machineDefaults = MachineConfiguration(inputSize: 1, outputSize: 1)
  /// The library's baseline, for its default layers.
  static let baselineDefaults = LSTMNetworkConfiguration(inputSize: 1, outputSize: 1)

  /// `5,5,5`.
  static func sizes(_ sizes: [Int]) -> String { sizes.map(String.init).joined(separator: ",") }

  enum Option {
    // MODEL
    static let model = CommandOption(
      name: "model", placeholder: "M", help: "the NTM, or lstm, the paper's stacked-LSTM baseline",
      value: .word(default: "ntm", among: ["ntm", "lstm"]))
    static let layerSizes = CommandOption(
      name: "layer-sizes", placeholder: "S", help: "the baseline's layers, e.g. 64,64,64; the paper uses 3 layers of 128–512",
      value: .text(default: sizes(baselineDefaults.layerSizes)))
    static let preset = CommandOption(
      name: "preset", placeholder: "P",
      help:
        "start from the paper's settings for the task (Tables 1–2: the controller, its size, the heads, RMSProp's rate; with --model lstm, Table 3's layers and rate); flags given as well still win",
      value: .word(default: nil, among: PaperSettings.presetNames))

    // MACHINE
    static let controller = CommandOption(
      name: "controller", placeholder: "K", help: "the controller", value: .word(default: "feedforward", among: ["feedforward", "lstm"]),
      machineOnly: true, aliases: ["feed-forward": "feedforward", "ff": "feedforward"])
    static let controllerSize = CommandOption(
      name: "controller-size", placeholder: "S", help: "hidden units, e.g. 100 or 100,100",
      value: .text(default: sizes(machineDefaults.controllerSizes)), machineOnly: true)
    static let activation = CommandOption(
      name: "activation", placeholder: "A", help: "feed-forward activation",
      value: .word(default: machineDefaults.controllerActivation.rawValue, among: [Activation.tanh, .relu].map(\.rawValue)),
      machineOnly: true)
    static let memoryRows = CommandOption(
      name: "memory-rows", placeholder: "N", help: "memory locations",
      value: .integer(default: machineDefaults.memoryRows, range: Limits.size), machineOnly: true)
    static let memoryWidth = CommandOption(
      name: "memory-width", placeholder: "W", help: "numbers per location",
      value: .integer(default: machineDefaults.memoryWidth, range: Limits.size), machineOnly: true)
    static let readHeads = CommandOption(
      name: "read-heads", placeholder: "R", help: "read heads", value: .integer(default: machineDefaults.readHeads, range: Limits.heads),
      machineOnly: true)
    static let writeHeads = CommandOption(
      name: "write-heads", placeholder: "H", help: "write heads", value: .integer(default: machineDefaults.writeHeads, range: Limits.heads),
      machineOnly: true)
    static let shiftRange = CommandOption(
      name: "shift-range", placeholder: "R", help: "shifts −R…R, 2R + 1 at most N",
      value: .integer(default: machineDefaults.shiftRange, range: Limits.shiftRange), machineOnly: true)
    static let memoryInit = CommandOption(
      name: "memory-init", placeholder: "I", help: "the memory's first value",
      value: .word(
        default: machineDefaults.memoryInitialisation.rawValue, among: MachineConfiguration.MemoryInitialisation.allCases.map(\.rawValue)),
      machineOnly: true)

    // TASK
    static let minLength = CommandOption(
      name: "min-length", placeholder: "L", help: "shortest training length, in the task's unit",
      value: .integer(default: nil, range: Limits.length), defaultText: "the task's, see TASKS")
    static let maxLength = CommandOption(
      name: "max-length", placeholder: "L", help: "longest training length, in the task's unit",
      value: .integer(default: nil, range: Limits.length), defaultText: "the task's, see TASKS")
    static let bits = CommandOption(
      name: "bits", placeholder: "B", help: "bits per vector", value: .integer(default: nil, range: Limits.bits),
      tasks: ["copy", "repeat-copy", "associative-recall", "priority-sort"],
      defaultText: "\(CopyTask.defaultBits); associative-recall \(AssociativeRecallTask.defaultBits)")
    static let vectorsPerItem = CommandOption(
      name: "vectors-per-item", placeholder: "V", help: "vectors per item",
      value: .integer(default: AssociativeRecallTask.defaultVectorsPerItem, range: Limits.vectorsPerItem), tasks: ["associative-recall"])
    static let context = CommandOption(
      name: "context", placeholder: "N", help: "earlier bits a prediction depends on",
      value: .integer(default: NGramTask.defaultContextLength, range: 1...NGramTask.maximumContextLength), tasks: ["ngrams"])
    static let outputs = CommandOption(
      name: "outputs", placeholder: "K", help: "vectors in the target",
      value: .integer(default: PrioritySortTask.defaultOutputCount, range: Limits.outputs), tasks: ["priority-sort"])
    static let minRepeats = CommandOption(
      name: "min-repeats", placeholder: "C", help: "fewest copies",
      value: .integer(default: RepeatCopyTask.defaultRepeats.lowerBound, range: Limits.repeats), tasks: ["repeat-copy"])
    static let maxRepeats = CommandOption(
      name: "max-repeats", placeholder: "C", help: "most copies",
      value: .integer(default: RepeatCopyTask.defaultRepeats.upperBound, range: Limits.repeats), tasks: ["repeat-copy"])
    static let repeatEncoding = CommandOption(
      name: "repeat-encoding", placeholder: "E", help: "how the count channel gives the count",
      value: .word(default: RepeatCopyTask.CountEncoding.scalar.rawValue, among: RepeatCopyTask.CountEncoding.allCases.map(\.rawValue)),
      tasks: ["repeat-copy"])

    // TRAINING
    static let optimiser = CommandOption.optimiser(
      "the update; rmsprop is Graves' variant, with momentum",
      defaultText: "\(Defaults.copyOptimiser.rawValue) for copy's machine without --preset, else rmsprop")
    static let learningRate = CommandOption(
      name: "learning-rate", placeholder: "X", help: "step size", value: .positive(default: nil, zeroMeansOff: false),
      defaultText:
        "\(CommandOption.plain(RMSProp.defaultLearningRate)) for rmsprop (\(CommandOption.plain(Defaults.batchedRMSPropRate)) above batch 1), \(CommandOption.plain(Adam.defaultLearningRate)) for adam"
    )
    static let batchSize = CommandOption(
      name: "batch-size", placeholder: "B", help: "sequences per update, gradients averaged",
      value: .integer(default: TrainingSettings.defaultBatchSize, range: Limits.batchSize),
      defaultText: "\(Defaults.copyBatchSize) for copy's machine without --preset, else \(TrainingSettings.defaultBatchSize)")
    static let threads = CommandOption(
      name: "threads", placeholder: "N",
      help: "threads that share each batch of more than one sequence; the result is the same for any N",
      value: .integer(default: nil, range: Limits.threads), defaultText: "the number of cores (with --seeds, the cores each run gets)")
    static let clipValue = CommandOption(
      name: "clip-value", placeholder: "C", help: "clip each gradient element to ±C; 10 is a common choice in NTM implementations",
      value: .positive(default: Defaults.clipValue, zeroMeansOff: true), defaultText: CommandOption.plain(Defaults.clipValue))
    static let clipNorm = CommandOption(
      name: "clip-norm", placeholder: "C", help: "clip the gradient's global norm to C",
      value: .positive(default: Defaults.clipNorm, zeroMeansOff: true), defaultText: CommandOption.plain(Defaults.clipNorm))
    static let seed = CommandOption.seed("random seed for the weights and the sequences")
    static let sequences = CommandOption(
      name: "sequences", placeholder: "N", help: "train until N sequences have been seen in all",
      value: .integer(default: Defaults.sequences, range: Limits.sequences),
      defaultText:
        "\(CommandOption.plain(Double(Defaults.copySequences))) for copy's machine without --preset, else \(CommandOption.plain(Double(Defaults.sequences)))"
    )
    static let stopBelow = CommandOption(
      name: "stop-below", placeholder: "X",
      help:
        "stop once the mean bits/seq over fresh sequences is below X at an evaluation and then on \(StoppingRule.confirmationRounds) rounds of \(ProgressText.count(StoppingRule.confirmationSequences)) more, each from other draws",
      value: .positive(default: nil, zeroMeansOff: false))
    static let evalEvery = CommandOption(
      name: "eval-every", placeholder: "N",
      help: "sequences between evaluations: the learning curve the checkpoint keeps, and the checks of --stop-below",
      value: .integer(default: Defaults.evaluateEvery, range: Limits.sequences))
    static let keepBest = CommandOption.flag(
      "keep-best",
      help: "evaluate every --eval-every sequences and save each new best model to the checkpoint path with .best before its extension")
    static let annealBelow = CommandOption(
      name: "anneal-below", placeholder: "X",
      help:
        "once an evaluation is below X bits/seq, multiply the learning rate by \(CommandOption.plain(Defaults.annealFactor)), once in the run, whether or not --anneal-at has too; a resumed run keeps its checkpoint's X unless given one",
      value: .positive(default: 0, zeroMeansOff: true), defaultText: "0")
    static let annealAt = CommandOption(
      name: "anneal-at", placeholder: "N",
      help:
        "once N sequences have been trained on, multiply the learning rate by \(CommandOption.plain(Defaults.annealFactor)), once (0: never); a resumed run keeps its checkpoint's N unless given one, which must not be behind it",
      value: .integer(default: 0, range: 0...Limits.sequences.upperBound),
      defaultText: "\(CommandOption.plain(Double(Defaults.copyAnnealAt))) for copy's machine without --preset, else 0")
    static let evalSequences = CommandOption(
      name: "eval-sequences", placeholder: "N", help: "fresh sequences per evaluation",
      value: .integer(default: Defaults.evaluationSequences, range: Limits.evaluationSequences))

    // SEED SWEEP
    static let seeds = CommandOption(
      name: "seeds", placeholder: "LIST",
      help:
        "train one run per seed, e.g. 1-10 or 1,4,7, each to its own checkpoint (copy.seed-3.checkpoint.json), then score every run at the task's test lengths and print a table; with --resume, carry on every seed's run from its checkpoint (a run that has ended is scored as it is); not with --seed",
      value: .text(default: nil))
    static let jobs = CommandOption(
      name: "jobs", placeholder: "N", help: "with --seeds, runs trained at once",
      value: .integer(default: nil, range: SeedSweep.jobs), defaultText: "the number of cores")
    static let evalSeed = CommandOption(
      name: "eval-seed", placeholder: "S",
      help: "with --seeds, the seed of the scored sequences; never one of the training seeds",
      value: .integer(default: Int(SeedSweep.defaultEvaluationSeed), range: 0...Int(Limits.seed.upperBound)))
    static let scoreSequences = CommandOption(
      name: "score-sequences", placeholder: "N",
      help:
        "with --seeds, fresh sequences scored per length and seed; the table's figures are means over this many, and fewer than 1,000 can miss a model's rare failures",
      value: .integer(default: SeedSweep.defaultSequencesPerLength, range: Limits.evaluationSequences))

    // FILES
    static let checkpoint = CommandOption(
      name: "checkpoint", placeholder: "PATH",
      help: "where to save; a symbolic link is written through to its target, and --resume reads that target",
      value: .text(default: "<task>.checkpoint.json; <task>-lstm.checkpoint.json with --model lstm"))
    static let checkpointEvery = CommandOption(
      name: "checkpoint-every", placeholder: "N", help: "sequences between saves",
      value: .integer(default: Defaults.checkpointEvery, range: Limits.sequences))
    static let resume = CommandOption.flag(
      "resume",
      help:
        "continue the run saved at --checkpoint, by the rule it was started with (--sequences, --stop-below, --eval-every and --eval-sequences, unless given again) and with its optimiser, rate, batch and clipping (given otherwise, they are refused); a run that has ended says so, and how to extend it, and leaves the file as it is"
    )
    static let export = CommandOption(
      name: "export", placeholder: "PATH",
      help:
        "at the end, also write the model without optimiser state (about a third of the size) for shipping, with a command that trains it and exports it here; with --resume of a run that has ended, write it from the checkpoint; a file, like --checkpoint (not -)",
      value: .text(default: nil))
    static let reportEvery = CommandOption(
      name: "report-every", placeholder: "N", help: "sequences between progress lines when not on a terminal",
      value: .integer(default: Defaults.reportEvery, range: Limits.sequences))
    static let summary = CommandOption(
      name: "summary", placeholder: "FILE", help: "with --seeds, also write the table as JSON", value: .text(default: nil))
    static let svg = CommandOption.svg(
      "when the run stops (at the end, at --stop-below or on Ctrl-C), draw the learning curve as an SVG picture: bits/seq against sequences seen, the moving average every --report-every sequences, and the evaluations every --eval-every; after --resume the moving average covers this process's sequences only; FILE\u{00A0}- is standard output, and the progress then goes to standard error"
    )
  }

  /// The options in the help's blocks.
  static let sections: [CommandHelp.Section] = [
    .init(title: "MODEL", options: [Option.model, Option.layerSizes, Option.preset]),
    .init(
      title: "MACHINE (ignored with --resume: the checkpoint fixes them)",
      options: [
        Option.controller, Option.controllerSize, Option.activation, Option.memoryRows, Option.memoryWidth, Option.readHeads,
        Option.writeHeads, Option.shiftRange, Option.memoryInit,
      ]),
    .init(
      title: "TASK",
      options: [
        Option.minLength, Option.maxLength, Option.bits, Option.vectorsPerItem, Option.context, Option.outputs, Option.minRepeats,
        Option.maxRepeats, Option.repeatEncoding,
      ]),
    .init(
      title: "TRAINING",
      options: [
        Option.optimiser, Option.learningRate, Option.batchSize, Option.threads, Option.clipValue, Option.clipNorm, Option.seed,
        Option.sequences,
        Option.stopBelow, Option.evalEvery, Option.keepBest, Option.annealBelow, Option.annealAt, Option.evalSequences,
      ]),
    .init(title: "SEED SWEEP", options: [Option.seeds, Option.jobs, Option.evalSeed, Option.scoreSequences]),
    .init(
      title: "FILES",
      options: [
        Option.checkpoint, Option.checkpointEvery, Option.resume, Option.export, Option.reportEvery, Option.svg, Option.summary,
      ]),
  ]

  /// Every option `ntm train` accepts.
  static let options: [CommandOption] = sections.flatMap(\.options)

  /// The options only some tasks use, and those tasks.
  static let tasksUsing: [(option: String, tasks: [String])] = options.compactMap { option in
    option.tasks.map { (option.name, $0) }
  }

  /// The options that shape the machine alone.
  static let machineOnlyOptions: [CommandOption] = options.filter(\.machineOnly)
}
