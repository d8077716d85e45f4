/// `ntm tour` (and `ntm` on its own at a terminal): the guided tour of the addressing stages.
enum TourCommand {
  static let subcommand = Subcommand(name: name, summary: summary, help: help, run: run)

  static let name = "tour"
  static let summary = "A guided tour of the four addressing stages, page by page."
  static let help = """
    ntm tour — a guided tour of how a Neural Turing Machine head addresses its memory.

    Nine pages on a built-in 8 × 4 memory: the memory; content addressing (the similarity K
    and the key strength β); interpolation (the gate g); the shift s; sharpening (γ); a read;
    a write; and a gradient check. Each page shows the equation, the numbers as bars, and
    what to notice. Press Enter for the next page, q then Enter to leave.

    USAGE: ntm tour [--no-pause] [--ascii]

    OPTIONS:
      --no-pause   print every page at once (automatic when not at a terminal)
      --ascii      draw with ASCII only (automatic when the locale is not UTF-8)

    EXAMPLE: ntm tour --no-pause | less
    """

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(
      words, options: [.init(name: "no-pause", takesValue: false), .init(name: "ascii", takesValue: false)],
      command: name)
    if let extra = arguments.positional.first {
      throw Arguments.UsageError(message: "tour takes no argument '\(EchoedText.echo(extra))'. Try 'ntm tour --help'.")
    }
    let canvas = Canvas.detect(
      environment: console.environment, isTerminal: console.isInteractive, forceASCII: arguments.flag("ascii"))
    return Tour.run(console: &console, canvas: canvas, pause: console.isInteractive && !arguments.flag("no-pause"))
  }

  /// `ntm` with no arguments: the tour, pausing only at a terminal, so `ntm | less` works.
  static func runWithoutArguments(console: inout Console) -> Int32 {
    let canvas = Canvas.detect(environment: console.environment, isTerminal: console.isInteractive)
    return Tour.run(console: &console, canvas: canvas, pause: console.isInteractive)
  }
}
