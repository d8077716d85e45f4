/// `ntm tour` (and `ntm` on its own at a terminal): the guided tour of the addressing stages.
enum TourCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(words, for: helpText)
    let canvas = arguments.canvas(for: console)
    return Tour.run(console: &console, canvas: canvas, pause: console.isInteractive && !arguments.flag(Self.noPause))
  }

  /// `ntm` with no arguments: the tour, pausing only at a terminal, so `ntm | less` works.
  static func runWithoutArguments(console: inout Console) -> Int32 {
    let canvas = Canvas.detect(environment: console.environment, isTerminal: console.isInteractive)
    return Tour.run(console: &console, canvas: canvas, pause: console.isInteractive)
  }
}

/// The options of `ntm tour`, declared once, and its help.
extension TourCommand {
  /// `--no-pause`.
  static let noPause = CommandOption.flag("no-pause", help: "print every page at once (automatic when not at a terminal)")

  static let helpText = CommandHelp(
    command: "tour", summary: "A guided tour of the four addressing stages, page by page.",
    title: "a guided tour of how a Neural Turing Machine head addresses its memory",
    description: [
      .prose(
        """
        Twelve pages on a built-in 8 × 4 memory: the memory; content addressing (the similarity K
        and the key strength β); interpolation (the gate g); the shift s; sharpening (γ); a read;
        a write; a gradient check; and the gradient flowing back from a target row through every
        stage to each setting and the memory. Each page shows the equation, the numbers as bars,
        and what to notice. Press Enter for the next page, q then Enter to leave.
        """)
    ],
    sections: [.init(title: "OPTIONS", options: [noPause, .ascii])],
    examples: ["ntm tour --no-pause | less"])
}
