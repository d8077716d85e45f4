import Foundation
import NTM
import TerminalCharts

/// `ntm bench`: how fast the tape machine of the reference configuration trains and runs, in
/// milliseconds per sequence, as readable lines and one JSON line.
enum BenchCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  /// What `ntm bench` can time.
  static let subjects = ["reference", "repl"]

  /// Sequences run untimed first, so buffers are grown and caches warm.
  static let warmUpSequences = 20
  /// At most this many distinct sequences are drawn; the loops cycle through them.
  static let distinctSequences = 64

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(words, declared: helpText.options, command: name)
    switch arguments.positional.first {
    case nil, "reference": break
    case "repl":
      if arguments.positional.count > 1 || words.contains(where: { $0.hasPrefix("--") }) {
        throw Arguments.UsageError(message: "bench repl takes no further argument or option. Try 'ntm bench repl'.")
      }
      for line in replReport(measureRepl()) { console.print(line) }
      return CommandLineTool.ExitCode.success
    case let other?:
      let hint = Suggestion.closest(to: other, among: subjects).map { " Did you mean '\($0)'?" } ?? ""
      throw Arguments.UsageError(message: "bench has no benchmark '\(EchoedText.echo(other))'.\(hint) Try 'ntm bench --help'.")
    }
    if arguments.positional.count > 1 {
      throw Arguments.UsageError(
        message:
          "bench takes one benchmark name, got '\(EchoedText.echo(arguments.positional.joined(separator: " ")))'. Try 'ntm bench --help'.")
    }
    let sequences = try arguments.integer(Self.sequences)
    let rounds = try arguments.integer(Self.rounds)
    let length = try arguments.integer(Self.length)
    let seed = try arguments.integer(Self.seed)
    // The declaration allows only the optimisers' names.
    let optimiserKind = Optimiser.Kind(rawValue: try arguments.word(Self.optimiser)) ?? .rmsprop
    let asked = Setting(
      batchSize: try arguments.integer(Self.batchSize),
      threads: try arguments.integer(Self.threads, default: min(ProcessInfo.processInfo.activeProcessorCount, Limits.threads.upperBound)))

    let result = measure(
      sequences: sequences, rounds: rounds, length: length, seed: UInt64(seed), optimiser: optimiserKind, setting: asked)
    for line in report(result) { console.print(line) }
    return CommandLineTool.ExitCode.success
  }

  /// How a training loop runs: sequences per update and the threads that share them.
  struct Setting: Equatable, Hashable {
    var batchSize: Int
    var threads: Int

    /// Batch 1 on one thread: the paper's update, the machine's plain speed.
    static let single = Setting(batchSize: 1, threads: 1)

    var label: String { "batch \(batchSize), \(threads) thread\(threads == 1 ? "" : "s")" }
  }

  /// What one benchmark run measured.
  struct Result: Equatable {
    var sequences: Int
    var rounds: Int
    var length: Int
    var steps: Int
    var parameters: Int
    var optimiser: Optimiser.Kind
    /// The settings timed: batch 1 on one thread, the asked batch on one thread (when more
    /// are asked for), and the asked setting, last.
    var settings: [Setting]
    /// Milliseconds per sequence of each round, in the order they ran, per setting.
    var train: [[Clock]]
    var forward: [Clock]

    var asked: Setting { settings.last! }
  }

  /// The settings a run times for `asked`, without repeats, `asked` last.
  static func settings(for asked: Setting) -> [Setting] {
    var before: [Setting] = [.single]
    if asked.batchSize > 1 { before.append(Setting(batchSize: asked.batchSize, threads: 1)) }
    return before.filter { $0 != asked } + [asked]
  }

  /// Times training under each setting of `settings(for: setting)` and forward passes, in
  /// rounds that take turns, so a machine whose speed drifts slows each alike.
  static func measure(
    sequences: Int, rounds: Int = 1, length: Int, seed: UInt64, optimiser kind: Optimiser.Kind, setting: Setting = .single
  ) -> Result {
    let settings = settings(for: setting)
    var generator = SplitMix64(seed: seed)
    let task = CopyTask(lengths: length...length)
    let machine = NeuralTuringMachine(configuration: .reference(bits: task.bits), using: &generator)
    let examples = (0..<min(sequences, distinctSequences)).map { _ in task.sample(length: length, using: &generator) }

    var trainers = settings.map { setting in
      var trainer = Trainer(
        model: machine, task: task, optimiser: Optimiser(kind, parameterCount: machine.parameters.count),
        settings: TrainingSettings(batchSize: setting.batchSize), generator: SplitMix64(seed: seed &+ 1))
      trainer.threads = setting.threads
      return trainer
    }
    func train(_ index: Int, _ count: Int) {
      do {
        try trainers[index].train(untilSequences: trainers[index].sequencesSeen + count)
      } catch {
        preconditionFailure("The benchmarked machine diverged: \(error)")
      }
    }
    var forwardMachine = machine
    for i in settings.indices { train(i, warmUpSequences) }
    var trainRounds = [[Clock]](repeating: [], count: settings.count)
    var forwardRounds: [Clock] = []
    var sink = 0.0
    for _ in 0..<rounds {
      for i in settings.indices {
        let before = trainers[i].sequencesSeen
        let start = Clock.now
        train(i, sequences)
        trainRounds[i].append((Clock.now - start).perSequence(Double(trainers[i].sequencesSeen - before)))
      }
      let forwardStart = Clock.now
      for i in 0..<sequences { sink += forwardMachine.forward(examples[i % examples.count].inputs).scalars[0] }
      forwardRounds.append((Clock.now - forwardStart).perSequence(Double(sequences)))
    }
    precondition(sink.isFinite, "The benchmarked machine produced a non-finite logit")

    return Result(
      sequences: sequences, rounds: rounds, length: length, steps: 2 * length + 1,
      parameters: machine.parameters.count, optimiser: kind, settings: settings, train: trainRounds, forward: forwardRounds)
  }

  /// The median of `values` (the mean of the middle two for an even count).
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// Readable lines, then the JSON line.
  static func report(_ r: Result) -> [String] {
    typealias Figures = (wall: Double, cpu: Double, best: Double)
    func ms(_ x: Double) -> String { NumberFormat.fixed(x, decimals: 3) + " ms" }
    func figures(_ rounds: [Clock]) -> Figures {
      (wall: median(rounds.map(\.wall)), cpu: median(rounds.map(\.cpu)), best: rounds.map(\.wall).min()!)
    }
    let trains = r.train.map(figures)
    let forward = figures(r.forward)
    let train = trains.last!
    let single = trains.first!
    let speedUp = single.wall / train.wall
    let json = String(
      format:
        #"{"benchmark":"reference","sequences":%d,"rounds":%d,"length":%d,"steps":%d,"parameters":%d,"optimiser":"%@","batch_size":%d,"threads":%d,"train_ms":%.4f,"train_cpu_ms":%.4f,"train_best_ms":%.4f,"train_sequences_per_second":%.1f,"single_train_ms":%.4f,"single_train_sequences_per_second":%.1f,"speedup":%.3f,"forward_ms":%.4f,"forward_cpu_ms":%.4f,"forward_best_ms":%.4f,"forward_sequences_per_second":%.1f}"#,
      r.sequences, r.rounds, r.length, r.steps, r.parameters, r.optimiser.rawValue, r.asked.batchSize, r.asked.threads, train.wall,
      train.cpu, train.best, 1000 / train.wall, single.wall, 1000 / single.wall, speedUp, forward.wall, forward.cpu, forward.best,
      1000 / forward.wall)
    let labels = r.settings.map { "training, \($0.label):" } + ["inference (forward only), 1 thread:"]
    let width = labels.map(\.count).max()!
    func line(_ label: String, _ figures: Figures, _ tail: String = "") -> String {
      label.padding(toLength: width, withPad: " ", startingAt: 0)
        + "  \(ms(figures.wall)) per sequence (CPU \(ms(figures.cpu)); best round \(ms(figures.best))), "
        + NumberFormat.fixed(1000 / figures.wall, decimals: 0) + " sequences/s" + tail
    }
    func times(_ x: Double) -> String { NumberFormat.fixed(x, decimals: 2) + "×" }
    let c = MachineConfiguration.reference(bits: CopyTask.defaultBits)
    var lines = [
      "Reference NTM: feed-forward controller \(c.controllerSizes.map(String.init).joined(separator: ",")) \(c.controllerActivation.rawValue), memory \(c.memoryRows) × \(c.memoryWidth), \(c.readHeads) read + \(c.writeHeads) write head, R = \(c.shiftRange), \(r.parameters) parameters.",
      "Copy sequences of length \(r.length) (\(r.steps) steps), \(r.rounds) rounds of \(r.sequences) per loop, taking turns; medians of the rounds. Training is the trainer's whole update: forward, backward, checks, clipping and \(r.optimiser.rawValue).",
      "",
    ]
    for (i, setting) in r.settings.enumerated() {
      let tail = i == 0 ? "" : ", " + times(single.wall / trains[i].wall) + " batch 1 on 1 thread"
      lines.append(line("training, \(setting.label):", trains[i], tail))
    }
    lines.append(line(labels.last!, forward))
    if r.settings.count == 3 {
      lines.append("")
      lines.append(
        "\(r.asked.threads) threads run batch \(r.asked.batchSize) " + times(trains[1].wall / train.wall) + " as fast as 1 thread.")
    }
    lines += ["", json]
    return lines
  }

  /// Wall-clock and the process's CPU time (every thread's), in milliseconds.
  struct Clock: Equatable {
    var wall: Double
    var cpu: Double

    static var now: Clock {
      var cpu = timespec()
      clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
      return Clock(
        wall: Double(DispatchTime.now().uptimeNanoseconds) / 1e6,
        cpu: Double(cpu.tv_sec) * 1e3 + Double(cpu.tv_nsec) / 1e6)
    }

    static func - (a: Clock, b: Clock) -> Clock { Clock(wall: a.wall - b.wall, cpu: a.cpu - b.cpu) }

    /// This duration shared among `count` sequences.
    func perSequence(_ count: Double) -> Clock { Clock(wall: wall / count, cpu: cpu / count) }
  }
}

/// The options of `ntm bench`, declared once, and its help.
extension BenchCommand {
  /// `--sequences N`.
  static let sequences = CommandOption(
    name: "sequences", placeholder: "N", help: "timed sequences per round of each loop", value: .integer(default: 500, range: 1...1_000_000)
  )
  /// `--rounds K`.
  static let rounds = CommandOption(
    name: "rounds", placeholder: "K", help: "rounds of each loop", value: .integer(default: 5, range: 1...100))
  /// `--length L`.
  static let length = CommandOption(
    name: "length", placeholder: "L", help: "copy length, 2L + 1 steps per sequence", value: .integer(default: 20, range: 1...1000))
  static let seed = CommandOption.seed("seed for the weights and the sequences")
  static let optimiser = CommandOption.optimiser("the update timed with training")
  /// `--batch-size B`.
  static let batchSize = CommandOption(
    name: "batch-size", placeholder: "B", help: "sequences per update of the timed setting",
    value: .integer(default: TrainingSettings.defaultBatchSize, range: Limits.batchSize))
  /// `--threads N`.
  static let threads = CommandOption(
    name: "threads", placeholder: "N", help: "threads sharing each batch of the timed setting",
    value: .integer(default: nil, range: Limits.threads), defaultText: "the number of cores")

  /// The reference machine, as the help and the report describe it.
  static var referenceSummary: String {
    let c = MachineConfiguration.reference(bits: CopyTask.defaultBits)
    return
      "a feed-forward controller of \(c.controllerSizes.map(String.init).joined(separator: ", ")) \(c.controllerActivation.rawValue) units, "
      + "memory \(c.memoryRows) × \(c.memoryWidth), \(c.readHeads) read and \(c.writeHeads) write head, shifts −\(c.shiftRange)…\(c.shiftRange), "
      + "\(CopyTask.defaultBits)-bit vectors plus a delimiter (\(c.inputSize) inputs, \(c.outputSize) outputs)"
  }

  static let helpText = CommandHelp(
    command: "bench", summary: "Time training and inference of the reference NTM, or the REPL's replies.",
    title: "time the tape machine on copy sequences, on one thread and on several",
    description: [
      .prose(
        "The reference configuration is the paper's copy setting: \(referenceSummary). A copy sequence of length L runs 2L + 1 steps."),
      .lines([
        "Times, after a short warm-up, in rounds that take turns:",
        "  training   the trainer's update: forward, loss gradient, backpropagation",
        "             through time, checks, clipping, optimiser; at batch 1 on one",
        "             thread, at --batch-size B on one thread, and at B on --threads N",
        "  inference  forward only, one thread",
      ]),
      .prose(
        """
        Each loop runs in --rounds rounds; the command prints milliseconds per sequence — the
        median round and the best one, wall clock and the process's CPU time — sequences per
        second and the speed-up over batch 1 on one thread, then one JSON line whose train_ms
        is the setting asked for. On a shared machine rounds vary; the best round is what the
        code can do, the median what a run is likely to see.
        """),
      .prose(
        "'ntm bench repl' instead times every command of the REPL on 64-row memories (best of 5 runs each) and says whether each answers within the 20 ms that feels instant."
      ),
    ],
    positional: "[reference]", otherUsages: ["ntm bench repl"],
    sections: [.init(title: "OPTIONS", options: [sequences, rounds, length, seed, optimiser, batchSize, threads])],
    examples: ["ntm bench --sequences 2000 --length 20", "ntm bench --threads 2 --batch-size 16", "ntm bench repl"])
}
