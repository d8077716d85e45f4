/// The values of declared options, checked against their declarations: each error names the
/// option, what it allows (from the declaration) and what was typed, then the command's help.
extension Arguments {
  /// Parses `words` against the options `help` declares. A command whose usage names no
  /// positional word refuses one, naming it.
  /// - Throws: `UsageError` as `init(_:options:command:)` does, or for a word no option takes.
  init(_ words: [String], for help: CommandHelp) throws {
    try self.init(words, declared: help.options, command: help.command)
    if help.positional.isEmpty, let extra = positional.first {
      throw UsageError(message: "\(command) takes no argument '\(EchoedText.echo(extra))'; give values with options. \(hint)")
    }
  }

  /// `--name` as a whole number in its declared range; `fallback` (else the declared default)
  /// when absent.
  /// - Precondition: the option is declared `.integer` with a default or given a fallback.
  func integer(_ option: CommandOption, default fallback: Int? = nil) throws -> Int {
    guard case .integer(let declared, let range) = option.value, let defaultValue = fallback ?? declared else {
      preconditionFailure("--\(option.name) is not declared as a whole number with a default")
    }
    return try integer(option.name, default: defaultValue, in: range, command: command)
  }

  /// `--name` as a finite number in its declared range; the declared default when absent.
  /// - Precondition: the option is declared `.number` with a default.
  func number(_ option: CommandOption) throws -> Double {
    guard case .number(let defaultValue?, let range) = option.value else {
      preconditionFailure("--\(option.name) is not declared as a number with a default")
    }
    return try number(option.name, default: defaultValue, in: range, command: command)
  }

  /// `--name` as a finite number above 0 (or 0, if the declaration allows it); `fallback`
  /// (else the declared default) when absent.
  /// - Precondition: the option is declared `.positive` with a default or given a fallback.
  func positive(_ option: CommandOption, default fallback: Double? = nil) throws -> Double {
    guard case .positive(let declared, let zeroMeansOff) = option.value, let defaultValue = fallback ?? declared else {
      preconditionFailure("--\(option.name) is not declared as a positive number with a default")
    }
    guard let text = value(option.name) else { return defaultValue }
    guard let number = Double(text), number.isFinite, number > 0 || (zeroMeansOff && number == 0) else {
      let what = zeroMeansOff ? "a positive number (0 turns it off)" : "a positive number"
      throw UsageError(message: "--\(option.name) must be \(what), got '\(EchoedText.echo(text))'. \(hint)")
    }
    return number
  }

  /// `--name` as one of its declared words; `fallback` (else the declared default) when
  /// absent.
  /// - Precondition: the option is declared `.word` with a default or given a fallback.
  func word(_ option: CommandOption, default fallback: String? = nil) throws -> String {
    guard case .word(let declared, _) = option.value, let defaultValue = fallback ?? declared else {
      preconditionFailure("--\(option.name) is not declared as a word with a default")
    }
    return try givenWord(option) ?? defaultValue
  }

  /// `--name` as one of its declared words (an alias as the word it stands for), or nil when
  /// absent.
  func givenWord(_ option: CommandOption) throws -> String? {
    guard case .word(_, let words) = option.value else {
      preconditionFailure("--\(option.name) is not declared as a word")
    }
    guard let given = value(option.name) else { return nil }
    let text = option.aliases[given] ?? given
    guard words.contains(text) else {
      let suggestion = Suggestion.closest(to: text, among: words).map { " Did you mean '\($0)'?" } ?? ""
      throw UsageError(
        message: "--\(option.name) must be \(CommandOption.either(words)), got '\(EchoedText.echo(text))'.\(suggestion) \(hint)")
    }
    return text
  }

  /// The raw value of `option`, if given.
  func value(_ option: CommandOption) -> String? { value(option.name) }

  /// The entries of a comma-separated value (`100,100`, `1-3,7`), an empty one kept as an entry
  /// (`100,,100` has three), so that a list with a gap is refused rather than read without it.
  static func commaSeparated(_ text: String) -> [Substring] { text.split(separator: ",", omittingEmptySubsequences: false) }

  /// Whether the flag `option` was given.
  func flag(_ option: CommandOption) -> Bool { flag(option.name) }

  /// What every usage error of the command ends with.
  var hint: String { "Try 'ntm \(command) --help'." }
}

extension Arguments {
  /// How the playground commands draw: ASCII when `--ascii` is given (or the terminal needs it).
  func canvas(for console: Console) -> Canvas {
    Canvas.detect(environment: console.environment, isTerminal: console.isInteractive, forceASCII: flag(CommandOption.ascii))
  }
}
