import TerminalCharts

/// Runs the interpreter against a console: line by line from a pipe, or with the line editor
/// on a terminal. Only here do replies get printed.
struct ReplSession {
  var interpreter: Interpreter
  var state = PlaygroundState.builtIn

  static let prompt = "ntm> "
  static let banner = """
    ntm repl — the tour's 8 × 4 memory and settings are loaded.
    Type 'help' for the commands, 'step' to run one addressing stage, 'quit' or Ctrl-D to leave.
    """

  /// The banner wrapped between words to the canvas: a terminal would break a long line
  /// anywhere, mid-word.
  static func bannerLines(canvas: Canvas) -> [String] {
    banner.split(separator: "\n").flatMap { canvas.wrap(String($0)) }
  }

  /// Reads lines until the end of input or `quit`, printing each reply; errors go to
  /// standard error. Returns the exit code: 0.
  mutating func runLines(console: inout Console) -> Int32 {
    while let line = console.readLine() {
      let (reply, next) = interpreter.respond(to: line, in: state)
      state = next
      emit(reply, console: console)
      if reply.quits { break }
    }
    return CommandLineTool.ExitCode.success
  }

  /// The interactive loop on a terminal in raw mode; falls back to `runLines` when standard
  /// input cannot be put in raw mode. Ctrl-C clears the line and Ctrl-D on an empty line
  /// leaves, as in a shell. Returns 0.
  mutating func runTerminal(console: inout Console) -> Int32 {
    console.print(Self.bannerLines(canvas: interpreter.canvas).joined(separator: "\n"))
    guard let terminal = RawTerminal() else { return runLines(console: &console) }
    var editor = LineEditor()
    editor.complete = ReplCompletion.candidates
    var decoder = KeyDecoder()
    terminal.enable()
    defer { terminal.restore() }
    redraw(editor, console: console)
    while true {
      guard let byte = terminal.readByte() else {
        console.writeOutput("\n")
        return CommandLineTool.ExitCode.success
      }
      guard let key = decoder.feed(byte) else { continue }
      switch editor.handle(key) {
      case .editing:
        redraw(editor, console: console)
      case .submit(let line):
        console.writeOutput("\n")
        let (reply, next) = interpreter.respond(to: line, in: state)
        state = next
        emit(reply, console: console, wrapsErrors: true)
        if reply.quits { return CommandLineTool.ExitCode.success }
        redraw(editor, console: console)
      case .cancel:
        console.writeOutput("^C\n")
        redraw(editor, console: console)
      case .quit:
        console.writeOutput("\n")
        return CommandLineTool.ExitCode.success
      case .candidates(let words):
        console.writeOutput("\n" + words.joined(separator: "  ") + "\n")
        redraw(editor, console: console)
      case .tooLong:
        console.writeOutput("\n")
        console.printError(interpreter.canvas.spell("error: " + PlaygroundInput.tooLongMessage))
        redraw(editor, console: console)
      }
    }
  }

  /// Prints a reply; an error goes to standard error. On a terminal (`wrapsErrors`) an error
  /// longer than the canvas breaks between words, as the replies do, rather than where the
  /// terminal runs out of columns; piped, it stays the one line a script can match.
  private func emit(_ reply: Interpreter.Reply, console: Console, wrapsErrors: Bool = false) {
    guard !reply.text.isEmpty else { return }
    guard reply.isError else { return console.print(reply.text) }
    console.printError(wrapsErrors ? interpreter.canvas.wrap(reply.text).joined(separator: "\n") : reply.text)
  }

  /// Redraws the prompt and the line, then puts the cursor back where the editor has it.
  private func redraw(_ editor: LineEditor, console: Console) {
    // Columns, not characters: a wide character (記, 🙂) takes two.
    let back = TextWidth.of(String(editor.buffer[editor.cursor...]))
    let move = back > 0 ? "\u{1B}[\(back)D" : ""
    console.writeOutput("\r" + Self.prompt + editor.line + "\u{1B}[K" + move)
  }
}

/// Tab completion: command names first, then the words a few commands take.
enum ReplCompletion {
  /// Words each command takes first.
  static let arguments: [String: [String]] = [
    "show": ["memory", "weights", "params"],
    "memory": ["builtin", "random", "zeros"],
    "previous": ["row", "uniform", "last"],
    "key": ["row"],
    "shift": ["+1", "-1", "0"],
  ]

  /// Candidates for the word after `previous` that starts with `prefix`.
  @Sendable static func candidates(previous: [String], prefix: String) -> [String] {
    let names = ReplCommandList.all.map(\.name) + ["exit"]
    switch previous.count {
    case 0:
      return names.filter { $0.hasPrefix(prefix.lowercased()) }
    case 1:
      if previous[0] == "help" { return names.filter { $0.hasPrefix(prefix) } }
      let command = ReplCommandList.command(named: previous[0])?.name ?? previous[0]
      return (arguments[command] ?? []).filter { $0.hasPrefix(prefix) }
    default:
      return []
    }
  }
}
