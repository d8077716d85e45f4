/// A small argument parser: `--name value`, `--name=value`, `--flag`, and positional words.
///
/// A command declares the options it accepts; anything else is a usage error with a
/// suggestion, exit code 64. An option given twice is refused too: with "the last wins" the
/// first value would never be checked, and a typo in it would pass unseen.
struct Arguments {
  /// A mistake in how a command was called: one line, then exit 64.
  struct UsageError: Error, Equatable {
    var message: String
  }

  /// An option a command accepts.
  struct Option {
    var name: String
    /// Whether it takes a value (`--seed 3`) or is a flag (`--json`).
    var takesValue: Bool
  }

  private(set) var values: [String: String] = [:]
  private(set) var flags: Set<String> = []
  private(set) var positional: [String] = []
  /// The command's name, for the messages: `Try 'ntm <command> --help'`.
  let command: String

  /// Parses `words` against a command's declared options.
  /// - Throws: `UsageError` as `init(_:options:command:)` does.
  init(_ words: [String], declared: [CommandOption], command: String) throws {
    try self.init(words, options: declared.map { Option(name: $0.name, takesValue: $0.takesValue) }, command: command)
  }

  /// Parses `words` against `options`.
  /// - Throws: `UsageError` for an unknown option, an option given twice, or a missing value.
  init(_ words: [String], options: [Option], command: String) throws {
    self.command = command
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      guard word.hasPrefix("--"), word.count > 2 else {
        positional.append(word)
        continue
      }
      var name = String(word.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      guard let option = options.first(where: { $0.name == name }) else {
        let hint = Suggestion.closest(to: name, among: options.map(\.name)).map { " Did you mean --\($0)?" } ?? ""
        throw UsageError(message: "unknown option --\(EchoedText.echo(name)) for '\(command)'.\(hint) Try 'ntm \(command) --help'.")
      }
      guard values[name] == nil, !flags.contains(name) else {
        throw UsageError(message: "--\(name) is given twice; give it once. Try 'ntm \(command) --help'.")
      }
      if option.takesValue {
        if let inlineValue {
          values[name] = inlineValue
        } else if index < words.count {
          // `--svg --ascii` forgot the picture's name: the next option is not a value.
          // (A value that starts with `--` can still be given as `--svg=--name`.)
          let next = words[index]
          if next.hasPrefix("--"), next.count > 2 {
            throw UsageError(
              message: "--\(name) needs a value, but the next word is the option \(EchoedText.echo(next)). Try 'ntm \(command) --help'.")
          }
          values[name] = next
          index += 1
        } else {
          throw UsageError(message: "--\(name) needs a value. Try 'ntm \(command) --help'.")
        }
      } else {
        if inlineValue != nil {
          throw UsageError(message: "--\(name) takes no value. Try 'ntm \(command) --help'.")
        }
        flags.insert(name)
      }
    }
  }

  /// Whether `--name` was given.
  func flag(_ name: String) -> Bool { flags.contains(name) }

  /// The raw value of `--name`, if given.
  func value(_ name: String) -> String? { values[name] }

  /// `--name` as an integer in `range`, or `default` when absent.
  func integer(_ name: String, default defaultValue: Int, in range: ClosedRange<Int>, command: String) throws -> Int {
    guard let text = values[name] else { return defaultValue }
    guard let number = Int(text), range.contains(number) else {
      throw UsageError(
        message:
          "--\(name) must be a whole number from \(range.lowerBound) to \(range.upperBound), got '\(EchoedText.echo(text))'. Try 'ntm \(command) --help'."
      )
    }
    return number
  }

  /// `--name` as a finite number in `range`, or `default` when absent.
  func number(_ name: String, default defaultValue: Double, in range: ClosedRange<Double>, command: String) throws -> Double {
    guard let text = values[name] else { return defaultValue }
    guard let number = Double(text), number.isFinite, range.contains(number) else {
      throw UsageError(
        message:
          "--\(name) must be a number from \(range.lowerBound) to \(range.upperBound), got '\(EchoedText.echo(text))'. Try 'ntm \(command) --help'."
      )
    }
    return number
  }
}
