/// The REPL's interpreter: a pure function from a line and a state to a reply and the next
/// state. It never prints and never reads, so every command is tested without a terminal.
///
/// Every line is either accepted (a reply, perhaps a new state) or rejected: then the reply
/// is exactly one line starting `error:` that says what is wrong and what to type, and the
/// state is the one it was given.
struct Interpreter: Sendable {
  /// What to show after a line.
  struct Reply: Equatable, Sendable {
    /// The text to print (no trailing newline); empty for an empty line.
    var text: String
    /// Whether the line was rejected (`text` is then one line starting `error:`).
    var isError = false
    /// Whether the REPL should stop.
    var quits = false

    static func error(_ message: String) -> Reply { Reply(text: "error: " + message, isError: true) }
  }

  /// How replies are drawn.
  var canvas: Canvas

  /// The reply to `line` in `state`, and the state after it.
  func respond(to line: String, in state: PlaygroundState) -> (reply: Reply, state: PlaygroundState) {
    guard line.count <= PlaygroundInput.maximumLineLength else {
      return (spelled(.error(PlaygroundInput.tooLongMessage)), state)
    }
    var words = line.split(whereSeparator: \.isWhitespace)
    guard !words.isEmpty else { return (Reply(text: ""), state) }
    // `set beta 5` reads as `beta 5`: people coming from other tools type it.
    if words[0].lowercased() == "set" {
      guard words.count > 1 else {
        return (spelled(.error("set needs a setting and its value: 'set beta 5' works as 'beta 5'. Type 'help' for the commands.")), state)
      }
      words.removeFirst()
    }
    let word = String(words[0])
    guard let command = ReplCommandList.command(named: word) else {
      return (spelled(.error(unknownCommandMessage(word))), state)
    }
    do {
      let (text, next) = try command.run(self, Array(words.dropFirst())[...], state)
      // Belt and braces: whatever a command did, nothing non-finite may be kept.
      guard next.isFinite else {
        return (spelled(.error("that would make a number overflow; try smaller values.")), state)
      }
      return (Reply(text: canvas.spell(text), quits: command.name == "quit"), next)
    } catch let rejection as PlaygroundInput.Rejection {
      return (spelled(.error(rejection.message)), state)
    } catch {
      return (spelled(.error("\(error)")), state)
    }
  }

  /// `unknown command 'x'`, with the closest command when it looks like a typo.
  func unknownCommandMessage(_ word: String) -> String {
    let hint = Self.nearMiss(word).map { " Did you mean '\($0)'?" } ?? ""
    return "unknown command '\(PlaygroundInput.echo(word))'.\(hint) Type 'help' for the commands."
  }

  /// The command `word` is a typo of, if any (`Suggestion` says what counts as a typo).
  static func nearMiss(_ word: String) -> String? {
    Suggestion.closest(to: word, among: ReplCommandList.words)
  }

  /// Rejects any argument to a command that takes none.
  func expectNoArguments(_ arguments: ArraySlice<Substring>, usage: String) throws {
    if let extra = arguments.first {
      throw PlaygroundInput.Rejection(message: "'\(usage)' takes no arguments, got '\(PlaygroundInput.echo(extra))'. Type '\(usage)'.")
    }
  }

  /// Rejects a call with the wrong number of words, quoting the usage.
  func requireCount(_ arguments: ArraySlice<Substring>, _ count: Int, usage: String) throws {
    guard arguments.count == count else {
      throw PlaygroundInput.Rejection(
        message: "expected \(count) argument\(count == 1 ? "" : "s"), got \(arguments.count). Type '\(usage)'.")
    }
  }

  private func spelled(_ reply: Reply) -> Reply {
    var copy = reply
    copy.text = canvas.spell(reply.text)
    return copy
  }

  /// The widest a line of help is, whatever the terminal: prose is read most easily in short
  /// lines, and a terminal split in two still shows it whole.
  static let helpWidth = 60

  /// `help` or `help <command>`, wrapped between words to `helpWidth` (or the narrower line).
  func help(_ arguments: ArraySlice<Substring>) throws -> String {
    var narrow = canvas
    narrow.width = min(canvas.width, Self.helpWidth)
    guard let word = arguments.first else {
      let width = ReplCommandList.all.map(\.name.count).max() ?? 0
      var lines = narrow.wrap("Commands ('help <command>' shows how to call one):")
      for command in ReplCommandList.all {
        let indent = String(repeating: " ", count: width + 4)
        let wrapped = narrow.wrap(command.summary, indent: indent)
        lines.append("  " + command.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + wrapped[0].dropFirst(indent.count))
        lines += wrapped.dropFirst()
      }
      lines += narrow.wrap("An empty line does nothing; 'set beta 5' works as 'beta 5'; Tab completes.")
      return lines.joined(separator: "\n")
    }
    try requireCount(arguments, 1, usage: "help <command>")
    guard let command = ReplCommandList.command(named: String(word)) else {
      throw PlaygroundInput.Rejection(message: unknownCommandMessage(String(word)))
    }
    var lines = narrow.wrap(command.usage, indent: "") + narrow.wrap(command.summary, indent: "  ")
    // Greek aliases cannot be typed where only ASCII is shown.
    let aliases = canvas.isASCII ? command.aliases.filter { $0.unicodeScalars.allSatisfy(\.isASCII) } : command.aliases
    if !aliases.isEmpty { lines += narrow.wrap("Also: " + aliases.joined(separator: ", "), indent: "  ") }
    lines += command.details.flatMap { narrow.wrap($0, indent: "  ") }
    return lines.joined(separator: "\n")
  }
}
