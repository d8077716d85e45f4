/// `ntm repl`: free play with the addressing stages on the tour's memory.
enum ReplCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(words, for: helpText)
    let canvas = arguments.canvas(for: console)
    var session = ReplSession(interpreter: Interpreter(canvas: canvas))
    return console.isInteractive ? session.runTerminal(console: &console) : session.runLines(console: &console)
  }
}

/// The options of `ntm repl`, declared once, and its help.
extension ReplCommand {
  static let helpText = CommandHelp(
    command: "repl", summary: "Play with memory, key, β, g, s, γ: step through the stages, read, write.",
    title: "free play with the four addressing stages",
    description: [
      .prose(
        """
        Starts with the tour's 8 × 4 memory and settings. Set the memory, the key k, β, g, the
        shift weighting s, γ and the previous weighting; 'step' runs one stage at a time and
        draws it, 'address' runs all four, 'read' and 'write' use the final weighting. Type
        'help' inside for every command.
        """),
      .prose(
        """
        On a terminal: ←/→, Home/End, Backspace edit the line; ↑/↓ recall earlier lines; Tab
        completes commands; Ctrl-D leaves, Ctrl-C clears the line (or leaves on an empty one).
        Otherwise it reads one command per line from standard input and prints each reply, so
        a script can be piped in; errors go to standard error; the end of input exits with 0.
        """),
    ],
    sections: [.init(title: "OPTIONS", options: [.ascii])],
    examples: [#"printf 'beta 5\nstep\nstep\n' | ntm repl"#])
}
