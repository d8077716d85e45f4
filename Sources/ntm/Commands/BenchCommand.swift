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

    let result = measure(sequences: sequences, rounds: rounds, length: length, seed: UInt64(seed), optimiser: optimiserKind)
    for line in report(result) { console.print(line) }
    return CommandLineTool.ExitCode.success
  }

  /// What one benchmark run measured.
  struct Result: Equatable {
    var sequences: Int
    var rounds: Int
    var length: Int
    var steps: Int
    var parameters: Int
    var optimiser: Optimiser.Kind
    /// Milliseconds per sequence of each round, in the order they ran.
    var train: [Clock]
    var forward: [Clock]
  }

  static func measure(sequences: Int, rounds: Int = 1, length: Int, seed: UInt64, optimiser kind: Optimiser.Kind) -> Result {
    var generator = SplitMix64(seed: seed)
    let task = CopyTask()
    var machine = NeuralTuringMachine(configuration: .reference(bits: task.bits), using: &generator)
    let examples = (0..<min(sequences, distinctSequences)).map { _ in task.sample(length: length, using: &generator) }
    var optimiser = Optimiser(kind, parameterCount: machine.parameters.count)
    var gradient = [Double](repeating: 0, count: machine.parameters.count)

    func train(_ example: Example) {
      let logits = machine.forward(example.inputs)
      let logitGradient = SigmoidCrossEntropy.backward(logits: logits, targets: example.targets, mask: example.mask)
      for i in gradient.indices { gradient[i] = 0 }
      machine.backward(logitGradient: logitGradient, addingInto: &gradient)
      optimiser.update(&machine.parameters, gradient: gradient)
    }

    for i in 0..<warmUpSequences { train(examples[i % examples.count]) }
    var trainRounds: [Clock] = []
    var forwardRounds: [Clock] = []
    var sink = 0.0
    let n = Double(sequences)
    for _ in 0..<rounds {
      let trainStart = Clock.now
      for i in 0..<sequences { train(examples[i % examples.count]) }
      trainRounds.append((Clock.now - trainStart).perSequence(n))

      let forwardStart = Clock.now
      for i in 0..<sequences { sink += machine.forward(examples[i % examples.count].inputs).scalars[0] }
      forwardRounds.append((Clock.now - forwardStart).perSequence(n))
    }
    precondition(sink.isFinite, "The benchmarked machine produced a non-finite logit")

    return Result(
      sequences: sequences, rounds: rounds, length: length, steps: 2 * length + 1,
      parameters: machine.parameters.count, optimiser: kind, train: trainRounds, forward: forwardRounds)
  }

  /// The median of `values` (the mean of the middle two for an even count).
  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
  }

  /// Readable lines, then the JSON line.
  static func report(_ r: Result) -> [String] {
    func ms(_ x: Double) -> String { NumberFormat.fixed(x, decimals: 3) + " ms" }
    let train = (wall: median(r.train.map(\.wall)), cpu: median(r.train.map(\.cpu)), best: r.train.map(\.wall).min()!)
    let forward = (wall: median(r.forward.map(\.wall)), cpu: median(r.forward.map(\.cpu)), best: r.forward.map(\.wall).min()!)
    let json = String(
      format:
        #"{"benchmark":"reference","sequences":%d,"rounds":%d,"length":%d,"steps":%d,"parameters":%d,"optimiser":"%@","threads":1,"train_ms":%.4f,"train_cpu_ms":%.4f,"train_best_ms":%.4f,"train_sequences_per_second":%.1f,"forward_ms":%.4f,"forward_cpu_ms":%.4f,"forward_best_ms":%.4f,"forward_sequences_per_second":%.1f}"#,
      r.sequences, r.rounds, r.length, r.steps, r.parameters, r.optimiser.rawValue, train.wall, train.cpu, train.best,
      1000 / train.wall, forward.wall, forward.cpu, forward.best, 1000 / forward.wall)
    let labels = ["training (forward + backward + \(r.optimiser.rawValue) update):", "inference (forward only):"]
    let width = labels.map(\.count).max()!
    func line(_ label: String, _ figures: (wall: Double, cpu: Double, best: Double)) -> String {
      label.padding(toLength: width, withPad: " ", startingAt: 0)
        + "  \(ms(figures.wall)) per sequence (CPU \(ms(figures.cpu)); best round \(ms(figures.best))), "
        + NumberFormat.fixed(1000 / figures.wall, decimals: 0) + " sequences/s"
    }
    let c = MachineConfiguration.reference(bits: CopyTask.defaultBits)
    return [
      "Reference NTM: feed-forward controller \(c.controllerSizes.map(String.init).joined(separator: ",")) \(c.controllerActivation.rawValue), memory \(c.memoryRows) × \(c.memoryWidth), \(c.readHeads) read + \(c.writeHeads) write head, R = \(c.shiftRange), \(r.parameters) parameters.",
      "Copy sequences of length \(r.length) (\(r.steps) steps), \(r.rounds) rounds of \(r.sequences) per loop, one thread; medians of the rounds.",
      "",
      line(labels[0], train),
      line(labels[1], forward),
      "",
      json,
    ]
  }

  /// Wall-clock and this thread's CPU time, in milliseconds.
  struct Clock: Equatable {
    var wall: Double
    var cpu: Double

    static var now: Clock {
      var cpu = timespec()
      clock_gettime(CLOCK_THREAD_CPUTIME_ID, &cpu)
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
    title: "time the tape machine on copy sequences, on one thread",
    description: [
      .prose(
        "The reference configuration is the paper's copy setting: \(referenceSummary). A copy sequence of length L runs 2L + 1 steps."),
      .lines([
        "Times two loops over the same pre-drawn sequences, after a short warm-up:",
        "  training   forward, loss gradient, backpropagation through time, update",
        "  inference  forward only",
      ]),
      .prose(
        """
        Each loop runs in --rounds rounds; the command prints milliseconds per sequence — the
        median round and the best one, wall clock and this thread's CPU time — and sequences
        per second, then one JSON line. On a shared machine rounds vary; the best round is
        what the code can do, the median what a run is likely to see.
        """),
      .prose(
        "'ntm bench repl' instead times every command of the REPL on 64-row memories (best of 5 runs each) and says whether each answers within the 20 ms that feels instant."
      ),
    ],
    positional: "[reference]", otherUsages: ["ntm bench repl"],
    sections: [.init(title: "OPTIONS", options: [sequences, rounds, length, seed, optimiser])],
    examples: ["ntm bench --sequences 2000 --length 20", "ntm bench repl"])
}
