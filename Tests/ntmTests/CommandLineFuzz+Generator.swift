import NTM
import Testing

/// The invocations: a base call from the grammar with a few valid options added, then none,
/// one or two mutations — a wrong, missing or duplicated flag, a bad value, an odd path.
extension CommandLineFuzz {
  /// A mistake in how `ntm` is called: the call must exit 64.
  enum Mistake: String, Sendable, Comparable {
    case unknownFlag = "an unknown flag"
    case missingValue = "a flag without its value"
    case duplicate = "a duplicated flag"
    case switchWithValue = "a switch given a value"
    case strayWord = "a word too many"
    case missingWord = "a word missing"
    case foreignTaskOption = "an option of another task"
    case unknownCommand = "an unknown command"
    case helpForNoCommand = "help for what is no command"
    case optionsForBenchRepl = "bench repl with options"

    static func < (a: Mistake, b: Mistake) -> Bool { a.rawValue < b.rawValue }
  }

  /// One generated call of `ntm`.
  struct Invocation: Sendable, CustomTestStringConvertible {
    /// The command it is counted under (`train`, …, `help`, `unknown`).
    var family: String
    var arguments: [String]
    /// The usage mistakes in it, if any.
    var mistakes: Set<Mistake> = []
    var isUsageMistake: Bool { !mistakes.isEmpty }
    var testDescription: String { CommandLineFuzz.shown(arguments) }
  }

  /// A 10,000-character word.
  static let longWord = String(repeating: "9", count: 10_000)

  /// Values that are malformed or out of range for most options.
  static let badValues = [
    "-1", "0", "-0.5", "1.5", "1e300", "-1e300", "1e308", "1e-320", "99999999999999999999", "-99999999999999999999",
    "9223372036854775808", "nan", "NaN", "inf", "-inf", "infinity", "", " ", "1e", "0x10", "1,", ",", ",,", "--", "-",
    "abc", "β", "😀", "２", "١", "1 2", "\t", "\u{1B}[31m", "\u{7}", longWord, String(repeating: "β", count: 10_000),
  ]

  /// Paths that are not a plain file in an existing folder, and a plain file that is not a
  /// checkpoint: names in the sandbox.
  static let oddPaths = [
    "x", "-", "", ".", "folder", "folder/", "device", "fifo", "link", "linkdir", "dangling", "missing/out.json",
    "file.txt", "./x", "β.json",
  ]

  /// Words that are no option of any command.
  static let strangeFlags = [
    "sequence", "seeds", "SEED", "Seed", "lenght", "verbose", "version", "quiet", "β", "😀", "", "=", "=3", "x",
    "no-pause=", String(repeating: "x", count: 10_000),
  ]

  /// Words where none belongs.
  static let strayWords = ["extra", "x", "-x", "-", "--", "", " ", "0", "β", "😀", "copy", "model.json", longWord]

  /// Words that are no command of `ntm`: near misses, the REPL's commands, and worse.
  static let unknownCommands = [
    "trian", "tarin", "evl", "shw", "tuor", "gradchek", "benchh", "exercise", "result", "adress", "rpl", "TRAIN",
    "Help", "step", "beta", "gate", "sharpen", "read", "write", "memory", "key", "quit", "previous", "shift", "",
    " ", "-", "--", "-x", "--version", "--verbose", "--ascii", "β", "😀", "１", "../x", "x y", longWord,
  ]

  /// The `index`th invocation of the run with `seed`: the same for the same pair whatever the
  /// count, so any one can be made again.
  static func invocation(_ index: Int, seed: UInt64) -> Invocation {
    var generator = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
    let family = schedule[index % schedule.count]
    switch family {
    case "help": return helpInvocation(&generator)
    case "unknown":
      let extra = (0..<Int(generator.next() % 3)).map { _ in pick(strayWords + badValues, &generator) }
      return Invocation(family: family, arguments: [pick(unknownCommands, &generator)] + extra, mistakes: [.unknownCommand])
    default:
      var draft = Draft(commands[family]!, &generator)
      let count = [0, 1, 1, 1, 2][Int(generator.next() % 5)]
      for _ in 0..<count { draft.mutate(&generator) }
      return Invocation(family: family, arguments: draft.arguments, mistakes: draft.mistakes)
    }
  }

  static func pick<T>(_ array: [T], _ generator: inout SplitMix64) -> T {
    array[Int(generator.next() % UInt64(array.count))]
  }

  /// `help`, `--help`, `-h`, `help <command>`, `<command> --help` — and help for what is not
  /// a command, or with a word too many.
  static func helpInvocation(_ generator: inout SplitMix64) -> Invocation {
    let name = pick(commandNames, &generator)
    let (arguments, mistakes): ([String], Set<Mistake>) =
      switch generator.next() % 10 {
      case 0: (["help"], [])
      case 1: ([pick(["--help", "-h"], &generator)], [])
      case 2, 3: ([pick(["help", "--help"], &generator), name], [])
      case 4, 5: ([name, pick(["--help", "-h"], &generator)], [])
      case 6, 7: (["help", pick(unknownCommands.filter { $0 != "--ascii" }, &generator)], [.helpForNoCommand])
      default: (["help", name, pick(strayWords, &generator)], [.strayWord])
      }
    return Invocation(family: "help", arguments: arguments, mistakes: mistakes)
  }

  /// A call being built: its words, then its options, each a group of words kept together.
  struct Draft {
    struct Item {
      var words: [String]
      /// A cost bound from the base: it may be spoiled, never removed.
      var isRequired = false
      var name: String? { words.first.flatMap { $0.hasPrefix("--") ? String($0.dropFirst(2).prefix { $0 != "=" }) : nil } }
    }

    let command: Command
    var words: [String]
    var items: [Item]
    var needsPositionals: Bool
    var pathWord: Int?
    var mistakes: Set<Mistake>

    var arguments: [String] { words + items.flatMap(\.words) }

    init(_ command: Command, _ generator: inout SplitMix64) {
      let base = pick(command.bases, &generator)
      self.command = command
      words = base.words.map { pick($0, &generator) }
      items = base.options.map { Item(words: $0, isRequired: true) }
      (needsPositionals, pathWord, mistakes) = (base.needsPositionals, base.pathWord, base.mistake.map { [$0] } ?? [])
      for _ in 0..<Int(generator.next() % 3) { addOption(&generator) }
    }

    var task: String? { command.family == "train" && words.count > 1 ? words[1] : nil }

    /// Whether the task of a `train` call uses `flag` (every flag that is no task option does).
    func taskUses(_ flag: String) -> Bool { task.map { taskOptions[flag]?.contains($0) ?? true } ?? true }

    func has(_ name: String) -> Bool { items.contains { $0.name == name } }

    /// Inserts `words` between two options; with a `mistake`, no later mutation removes them.
    mutating func insert(_ words: [String], mistake: Mistake? = nil, _ generator: inout SplitMix64) {
      items.insert(Item(words: words, isRequired: mistake != nil), at: Int(generator.next() % UInt64(items.count + 1)))
      if let mistake { mistakes.insert(mistake) }
    }

    /// A valid option not given yet, with a valid value.
    mutating func addOption(_ generator: inout SplitMix64) {
      let choices = command.flags.filter { !has($0.name) && taskUses($0.name) }
      guard !choices.isEmpty else { return }
      let flag = pick(choices, &generator)
      insert(["--" + flag.name] + (flag.takesValue ? [pick(flag.values, &generator)] : []), &generator)
    }

    /// The kinds of change, each as often as it is listed.
    enum Mutation: CaseIterable {
      case badValue, oddPath, unknownFlag, missingValueAtEnd, missingValueBeforeFlag, duplicate, switchWithValue
      case strayWord, positional, dropOption, inlineValue, foreignTaskOption

      static let weighted: [Mutation] = allCases + [.badValue, .badValue, .oddPath, .unknownFlag, .duplicate]
    }

    /// Applies one mutation; one that does not apply to this call adds a valid option instead.
    mutating func mutate(_ generator: inout SplitMix64) {
      let valued = items.indices.filter { items[$0].words.count == 2 && items[$0].name != nil }
      // Options not given yet, so that one without its value is not a duplicate too.
      let options = command.flags.filter { $0.takesValue && !has($0.name) }
      let switches = command.flags.filter { !$0.takesValue }
      switch pick(Mutation.weighted, &generator) {
      case .badValue where !valued.isEmpty:
        let index = pick(valued, &generator)
        let isPath = items[index].name.flatMap(command.flag)?.isPath ?? false
        items[index].words[1] = pick(isPath && generator.next() % 2 == 0 ? oddPaths : badValues, &generator)
      case .oddPath:
        oddPath(&generator)
      case .unknownFlag:
        let own = Set(command.flags.map(\.name)).union(command.unfuzzed)
        let names = (strangeFlags + commands.values.flatMap { $0.flags.map(\.name) }.sorted()).filter { !own.contains($0) }
        insert(["--" + pick(names, &generator)] + (generator.next() % 2 == 0 ? ["1"] : []), mistake: .unknownFlag, &generator)
      case .missingValueAtEnd where !options.isEmpty:
        items.append(Item(words: ["--" + pick(options, &generator).name], isRequired: true))
        mistakes.insert(.missingValue)
      case .missingValueBeforeFlag where !options.isEmpty:
        // The flag takes the next flag as its value.
        let next = items.indices.filter { items[$0].name != nil }
        let index = next.isEmpty ? items.count : pick(next, &generator)
        items.insert(Item(words: ["--" + pick(options, &generator).name], isRequired: true), at: index)
        mistakes.insert(.missingValue)
      case .duplicate where !command.flags.isEmpty:
        let flag = pick(command.flags, &generator)
        func value() -> [String] { flag.takesValue ? [pick(flag.values, &generator)] : [] }
        if !has(flag.name) { insert(["--" + flag.name] + value(), mistake: .duplicate, &generator) }
        for index in items.indices where items[index].name == flag.name { items[index].isRequired = true }
        let given = items.first { $0.name == flag.name && $0.words.count == 2 }
        insert(
          given.flatMap { generator.next() % 2 == 0 ? $0.words : nil } ?? ["--" + flag.name] + value(), mistake: .duplicate, &generator)
      case .switchWithValue where !switches.isEmpty:
        insert(
          ["--" + pick(switches, &generator).name + "=" + pick(["1", "yes", "", "no"], &generator)], mistake: .switchWithValue, &generator)
      case .strayWord where !mistakes.contains(.missingWord):
        // (A word too many where one is missing would stand in for it.)
        insert([pick(strayWords, &generator)], mistake: .strayWord, &generator)
      case .positional where words.count > 1 && (needsPositionals || generator.next() % 2 == 0):
        let index = 1 + Int(generator.next() % UInt64(words.count - 1))
        if needsPositionals && !mistakes.contains(.strayWord) && generator.next() % 2 == 0 {
          words.remove(at: index)
          pathWord = nil
          mistakes.insert(.missingWord)
        } else {
          words[index] = pick(index == pathWord ? oddPaths + badValues : badValues + strayWords, &generator)
        }
      case .dropOption where items.contains { !$0.isRequired }:
        let optional = items.indices.filter { !items[$0].isRequired }
        items.remove(at: pick(optional, &generator))
      case .inlineValue where !valued.isEmpty:
        // --name=value, or --name= with nothing after the sign.
        let index = pick(valued, &generator)
        let pair = items[index].words
        items[index].words = [pair[0] + "=" + (generator.next() % 3 == 0 ? "" : pair[1])]
      case .foreignTaskOption where task != nil:
        let name = pick(taskOptions.keys.sorted().filter { !taskUses($0) }, &generator)
        insert(["--" + name, pick(command.flag(name)!.values, &generator)], mistake: .foreignTaskOption, &generator)
      default:
        addOption(&generator)
      }
    }

    /// An odd path for a path option (replacing its value, or added) or for the checkpoint word.
    mutating func oddPath(_ generator: inout SplitMix64) {
      let path = pick(oddPaths, &generator)
      let flags = command.flags.filter(\.isPath)
      if let word = pathWord, words.count > word, flags.isEmpty || generator.next() % 3 == 0 {
        words[word] = path
      } else if !flags.isEmpty {
        let flag = pick(flags, &generator)
        if let index = items.firstIndex(where: { $0.name == flag.name && $0.words.count == 2 }) {
          items[index].words[1] = path
        } else {
          insert(["--" + flag.name, path], &generator)
        }
      } else {
        insert(["--" + pick(["svg", "output", "checkpoint"], &generator), path], mistake: .unknownFlag, &generator)
      }
    }
  }
}
