/// The command line the fuzz speaks: every command, the options it accepts with values that
/// are valid and cheap, and the calls each generated invocation starts from.
///
/// A call starts from a `Base` whose options bound its cost (`train --sequences 8 --memory-rows
/// 8 …`): mutations may spoil those values but never remove them, so a valid call stays quick.
/// The paths are the sandbox's own names (see `CommandLineFuzz.Sandbox`), relative to the
/// folder each call runs in.
enum CommandLineFuzz {
  /// An option of a command, with values that are valid and cheap (none: a switch).
  struct Flag: Sendable {
    var name: String
    var values: [String]
    /// Whether the value is a path: a file read or written, or a folder.
    var isPath = false

    init(_ name: String, _ values: [String] = [], path: Bool = false) {
      (self.name, self.values, self.isPath) = (name, values, path)
    }

    var takesValue: Bool { !values.isEmpty }
  }

  /// A call to start from: a choice for each word (the command, then its positional words),
  /// and options that bound its cost, which are never removed.
  struct Base: Sendable {
    var words: [[String]]
    var options: [[String]] = []
    /// Whether removing a positional word makes the call a usage mistake.
    var needsPositionals = false
    /// The usage mistake the call already is (`bench repl` with options).
    var mistake: Mistake?
    /// The index of the positional word that is a path (the checkpoint of `eval`, `show`).
    var pathWord: Int?
  }

  /// A command: the family it is counted under, what it accepts, where calls start.
  struct Command: Sendable {
    var family: String
    var flags: [Flag]
    /// Picked with equal chance; a base listed twice is twice as likely.
    var bases: [Base]
    /// Options the command accepts that the fuzz never gives, nor gives as unknown: a
    /// train seed sweep scores every run on hundreds of sequences, too slow for a fuzz call.
    var unfuzzed: Set<String> = []

    func flag(_ name: String) -> Flag? { flags.first { $0.name == name } }
  }

  /// The families in the order invocations cycle through them: each command, `help` and
  /// unknown words; the commands with the most options come up more often.
  static let schedule = [
    "tour", "repl", "address", "address", "gradcheck", "train", "train", "train", "eval", "eval", "show", "show",
    "results", "bench", "exercises", "help", "unknown",
  ]

  /// Every command's grammar, by family.
  static let commands: [String: Command] = Dictionary(
    uniqueKeysWithValues: [tour, repl, address, gradcheck, train, eval, show, results, bench, exercises].map { ($0.family, $0) })

  /// The names of `ntm`'s commands.
  static let commandNames = ["tour", "repl", "address", "gradcheck", "train", "eval", "show", "results", "bench", "exercises"]

  static let seeds = ["0", "1", "7"]
  static let switchASCII = Flag("ascii")

  static let tour = Command(
    family: "tour", flags: [Flag("no-pause"), switchASCII],
    bases: Array(repeating: Base(words: [["tour"]]), count: 5) + [Base(words: [])])

  static let repl = Command(family: "repl", flags: [switchASCII], bases: [Base(words: [["repl"]])])

  static let address = Command(
    family: "address",
    flags: [
      Flag("memory", ["1 0 0; 0 1 0; 0 0 1", "1 0; 0 1", "0.5,0.5;1,0", "1 2 3 4"]), Flag("rows", ["1", "3", "8"]),
      Flag("width", ["1", "2", "4"]), Flag("seed", seeds), Flag("key", ["0 0 1 0", "row 2", "1 1 1"]),
      Flag("beta", ["0", "5", "1e6"]), Flag("gate", ["0", "0.5", "1"]), Flag("shift", ["+1", "-1", "0.1 0.2 0.7", "0"]),
      Flag("gamma", ["1", "3", "1e6"]), Flag("previous", ["uniform", "last", "row 1"]), Flag("json"), switchASCII,
    ],
    bases: [Base(words: [["address"]])])

  static let gradcheck = Command(
    family: "gradcheck",
    flags: [
      Flag("rows", ["1", "2", "3", "5"]), Flag("width", ["1", "2", "3"]), Flag("shift-range", ["0", "1"]),
      Flag("seed", seeds), Flag("tolerance", ["1e-7", "0", "1"]),
    ],
    bases: [Base(words: [["gradcheck"]])])

  /// Which tasks use each task option of `ntm train`; a task given another's option is a
  /// usage mistake.
  static let taskOptions: [String: Set<String>] = [
    "bits": ["copy", "repeat-copy", "associative-recall", "priority-sort"],
    "vectors-per-item": ["associative-recall"], "context": ["ngrams"], "outputs": ["priority-sort"],
    "min-repeats": ["repeat-copy"], "max-repeats": ["repeat-copy"], "repeat-encoding": ["repeat-copy"],
  ]

  static let train = Command(
    family: "train",
    flags: [
      Flag("controller", ["feedforward", "lstm", "ff"]), Flag("controller-size", ["4", "8", "4,4"]),
      Flag("activation", ["tanh", "relu"]), Flag("memory-rows", ["4", "8"]), Flag("memory-width", ["2", "4"]),
      Flag("read-heads", ["0", "1", "2"]), Flag("write-heads", ["0", "1", "2"]), Flag("shift-range", ["0", "1"]),
      Flag("memory-init", ["constant", "learned", "random"]), Flag("optimiser", ["rmsprop", "adam"]),
      Flag("learning-rate", ["1e-4", "0.003"]), Flag("batch-size", ["1", "2"]), Flag("threads", ["1", "2"]),
      Flag("clip-value", ["0", "10"]),
      Flag("clip-norm", ["0", "1"]), Flag("seed", seeds), Flag("sequences", ["1", "3", "8", "20"]),
      Flag("min-length", ["1", "2"]), Flag("max-length", ["3", "4"]), Flag("bits", ["2", "3"]),
      Flag("vectors-per-item", ["1", "2"]), Flag("context", ["2"]), Flag("outputs", ["1", "2"]),
      Flag("min-repeats", ["1", "2"]), Flag("max-repeats", ["2", "3"]), Flag("repeat-encoding", ["scalar", "unary"]),
      Flag("checkpoint", ["ckpt.json", "model.json"], path: true), Flag("checkpoint-every", ["1", "5"]),
      Flag("report-every", ["1", "5"]), Flag("stop-below", ["0.5", "100"]), Flag("eval-every", ["10", "20"]),
      Flag("eval-sequences", ["2", "3"]), Flag("anneal-below", ["0", "1"]), Flag("anneal-at", ["0", "10"]),
      Flag("svg", ["curve.svg"], path: true),
      Flag("preset", ["paper"]), Flag("model", ["ntm"]), Flag("layer-sizes", ["4", "3,3"]),
      Flag("export", ["export.json"], path: true), Flag("resume"), Flag("keep-best"),
    ],
    bases: trainBases, unfuzzed: ["seeds", "jobs", "eval-seed", "score-sequences", "summary"])

  /// One base per task, and the LSTM baseline: tiny machines, short sequences, at most 20 of
  /// them.
  static let trainBases: [Base] = {
    let tasks: [(String, [String])] = [
      ("copy", ["--max-length", "3", "--bits", "3"]),
      ("repeat-copy", ["--max-length", "3", "--bits", "3", "--max-repeats", "3"]),
      ("associative-recall", ["--max-length", "3", "--bits", "3"]),
      ("ngrams", ["--context", "2", "--min-length", "3", "--max-length", "6"]),
      ("priority-sort", ["--min-length", "2", "--max-length", "4", "--outputs", "2", "--bits", "3"]),
      ("dyck", ["--max-length", "3"]),
    ]
    let machine = ["--memory-rows", "8", "--memory-width", "4", "--controller-size", "8"]
    func base(_ task: String, _ options: [String]) -> Base {
      let pairs = stride(from: 0, to: options.count, by: 2).map { Array(options[$0..<$0 + 2]) }
      return Base(
        words: [["train"], [task]], options: [["--sequences", "8"], ["--checkpoint", "ckpt.json"]] + pairs,
        needsPositionals: true)
    }
    return tasks.map { base($0.0, machine + $0.1) } + [
      base("copy", ["--model", "lstm", "--layer-sizes", "4", "--max-length", "3", "--bits", "3"])
    ]
  }()

  /// Checkpoints to read: the sandbox's tiny ones, and the smallest shipped model (the others
  /// take half a second each to load in a debug build).
  static let checkpoints = ["model.json", "model.json", "lstm.json", "copy"]

  static let eval = Command(
    family: "eval",
    flags: [
      Flag("lengths", ["1", "2,3", "3"]), Flag("sequences", ["1", "2"]), Flag("seed", seeds),
      Flag("compare", ["model.json", "lstm.json"], path: true), Flag("svg", ["bars.svg"], path: true), Flag("by-gap"),
    ],
    bases: [
      Base(
        words: [["eval"], checkpoints], options: [["--lengths", "2,3"], ["--sequences", "2"]], needsPositionals: true,
        pathWord: 1)
    ])

  static let show = Command(
    family: "show",
    flags: [
      Flag("length", ["2", "3", "5"]), Flag("seed", seeds), Flag("all-rows"), switchASCII,
      Flag("svg", ["show.svg"], path: true),
    ],
    bases: [Base(words: [["show"], checkpoints], options: [["--length", "3"]], needsPositionals: true, pathWord: 1)])

  static let results = Command(
    family: "results",
    flags: [
      Flag("output", ["results.md"], path: true), Flag("readme", ["readme.md"], path: true), Flag("quick"),
      Flag("sequences", ["1", "2"]), Flag("seed", seeds), Flag("models", ["models"], path: true),
    ],
    bases: [Base(words: [["results"]], options: [["--models", "models"], ["--sequences", "1"]])])

  static let bench = Command(
    family: "bench",
    flags: [
      Flag("sequences", ["1", "2"]), Flag("rounds", ["1", "2"]), Flag("length", ["1", "2"]), Flag("seed", seeds),
      Flag("optimiser", ["rmsprop", "adam"]), Flag("threads", ["1", "2"]), Flag("batch-size", ["1", "2"]),
    ],
    bases: {
      let cheap = [["--sequences", "1"], ["--rounds", "1"], ["--length", "1"]]
      return [
        Base(words: [["bench"]], options: cheap), Base(words: [["bench"], ["reference"]], options: cheap),
        Base(words: [["bench"], ["repl"]], options: cheap, mistake: .optionsForBenchRepl),
      ]
    }())

  static let exerciseNumbers = (1...14).map(String.init)

  /// `list` grades all fourteen exercises, each in a child process: rare.
  static let exercises = Command(
    family: "exercises", flags: [switchASCII],
    bases: Array(repeating: Base(words: [["exercises"], ["hint", "reset"], exerciseNumbers], needsPositionals: true), count: 20)
      + Array(repeating: Base(words: [["exercises"], ["check"], exerciseNumbers], needsPositionals: true), count: 6)
      + [Base(words: [["exercises"], ["list"]])])
}
