import Foundation
import NTM

/// `ntm address`: all four addressing stages at once, from flags; bars or JSON.
enum AddressCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  /// The JSON `--json` prints: the inputs, every stage's weighting, and the read vector.
  struct Report: Codable, Equatable {
    var memory: [[Double]]
    var previousWeighting: [Double]
    var parameters: AddressingParameters
    var trace: Addressing.Trace
    var read: [Double]
  }

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(words, for: helpText)
    let canvas = arguments.canvas(for: console)
    let state = try state(from: arguments, canvas: canvas)
    let trace = state.trace
    let read = Read.forward(.init(memory: state.memory, weighting: trace.weighting)).output
    if arguments.flag(Self.json) {
      let report = Report(
        memory: state.memory.rowArrays, previousWeighting: state.previousWeighting,
        parameters: state.parameters, trace: trace, read: read)
      var json = report.orderedJSON
      if arguments.flag(Self.backward), let target = state.target {
        json =
          String(json.dropLast(2)) + ",\n  \"backward\": " + backwardJSON(BackwardWalk(state, target: target)).text(indent: "  ") + "\n}"
      }
      console.print(json)
      return CommandLineTool.ExitCode.success
    }
    var lines = ["M: \(state.rows) × \(state.width)"] + canvas.memory(state.memory) + [""]
    lines += canvas.allStages(state: state, trace: trace)
    lines += [""] + canvas.equation(Canvas.Equation.read) + [canvas.vector("r", read, indent: "  ")]
    if arguments.flag(Self.backward), let target = state.target {
      lines += [""] + canvas.backwardWalk(BackwardWalk(state, target: target), state: state)
    }
    console.print(lines.map(canvas.spell).joined(separator: "\n"))
    return CommandLineTool.ExitCode.success
  }

  /// The tour's state with each given flag applied, in the REPL's own words, so the flags
  /// accept exactly what the REPL accepts and reject it with the same reasons.
  static func state(from arguments: Arguments, canvas: Canvas) throws -> PlaygroundState {
    var commands: [(flag: String, line: String)] = []
    if let memory = arguments.value(Self.memory) {
      for option in [Self.rows, Self.width, Self.seed] where arguments.value(option) != nil {
        throw Arguments.UsageError(
          message:
            "--\(option.name) is for a random memory and --memory gives one; use either --memory or --rows and --width [--seed]. Try 'ntm address --help'."
        )
      }
      let rows = memory.split(separator: ";").map { $0.split(whereSeparator: { $0 == "," || $0.isWhitespace }) }
      let width = rows.first?.count ?? 0
      guard !rows.isEmpty, width > 0, rows.allSatisfy({ $0.count == width }) else {
        throw Arguments.UsageError(
          message: "--memory needs rows of equal length separated by ';', e.g. \"1 0; 0 1\". Try 'ntm address --help'.")
      }
      guard rows.count <= PlaygroundInput.maximumRows, width <= PlaygroundInput.maximumWidth else {
        throw Arguments.UsageError(
          message:
            "--memory has \(rows.count) × \(width) entries; at most \(PlaygroundInput.maximumRows) rows of \(PlaygroundInput.maximumWidth). Try 'ntm address --help'."
        )
      }
      commands.append(("memory", "memory zeros \(rows.count) \(width)"))
      commands += rows.enumerated().map { ("memory", "row \($0) " + $1.joined(separator: " ")) }
    } else if [Self.rows, Self.width, Self.seed].contains(where: { arguments.value($0) != nil }) {
      guard arguments.value(Self.rows) != nil, arguments.value(Self.width) != nil else {
        throw Arguments.UsageError(message: "a random memory needs both --rows and --width. Try 'ntm address --rows 16 --width 6'.")
      }
      // Each flag is read on its own, so a mistake is reported in the flag that holds it.
      let count = try arguments.integer(Self.rows, default: 0)
      let columns = try arguments.integer(Self.width, default: 0)
      commands.append(("rows", "memory random \(count) \(columns) \(try arguments.integer(Self.seed))"))
    }
    for (option, command) in settings {
      if let value = arguments.value(option) {
        let spaced = value.replacingOccurrences(of: ",", with: " ")
        commands.append((option.name, command + " " + spaced))
      }
    }
    if let target = try targetLine(arguments) { commands.append(("target-row", target)) }
    let interpreter = Interpreter(canvas: canvas)
    var state = PlaygroundState.builtIn
    for (index, (flag, line)) in commands.enumerated() {
      let (reply, next) = interpreter.respond(to: line, in: state)
      if reply.isError {
        throw Arguments.UsageError(message: "--\(flag): \(withoutREPLHint(reply.text)) Try 'ntm address --help'.")
      }
      state = next
      let lastRow = flag == "memory" && (index + 1 == commands.count || commands[index + 1].flag != "memory")
      if lastRow, arguments.value(Self.key) == nil {
        // The rows arrive one at a time after an all-zero memory: once all are in, the key
        // follows row 0.
        state.parameters.key = PlaygroundState.fresh(memory: state.memory).parameters.key
      }
    }
    return state
  }

  /// A REPL error without its leading `error: ` and its trailing REPL example.
  static func withoutREPLHint(_ text: String) -> String {
    var message = text.hasPrefix("error: ") ? String(text.dropFirst(7)) : text
    if let hint = message.range(of: " Try '", options: .backwards) { message = String(message[..<hint.lowerBound]) }
    return message
  }
}

/// The options of `ntm address`, declared once, and its help.
extension AddressCommand {
  /// `--memory ROWS`.
  static let memory = CommandOption(
    name: "memory", placeholder: "ROWS", help: #"the memory, rows separated by ';': "1 0 0; 0 1 0; 0 0 1""#, value: .text(default: nil))
  /// `--rows N`.
  static let rows = CommandOption(
    name: "rows", placeholder: "N", help: "a random memory of N rows …",
    value: .integer(default: nil, range: 1...PlaygroundInput.maximumRows))
  /// `--width W`.
  static let width = CommandOption(
    name: "width", placeholder: "W", help: "… and W columns, entries in [−1, 1] …",
    value: .integer(default: nil, range: 1...PlaygroundInput.maximumWidth))
  static let seed = CommandOption.seed("… drawn from seed S")
  /// The settings, each given to the REPL command of `replCommand`.
  static let key = CommandOption(
    name: "key", placeholder: "K", help: "the key k, W numbers, or 'row I' to copy row I", value: .text(default: nil),
    defaultText: "row 0 of a given memory")
  static let beta = CommandOption(name: "beta", placeholder: "β", help: "the key strength β, 0 to 1e6", value: .text(default: nil))
  static let gate = CommandOption(name: "gate", placeholder: "g", help: "the interpolation gate g, 0 to 1", value: .text(default: nil))
  static let shift = CommandOption(
    name: "shift", placeholder: "S", help: #"the shift weighting over −R…R ("0.1 0.2 0.7"), or an offset ("+1")"#,
    value: .text(default: nil))
  static let gamma = CommandOption(name: "gamma", placeholder: "γ", help: "the sharpening γ, 1 to 1e6", value: .text(default: nil))
  static let previous = CommandOption(
    name: "previous", placeholder: "P",
    help: "w_prev: N weights, 'row I', 'uniform', or 'last' (the final w of these settings: the next time step)",
    value: .text(default: nil))
  static let json = CommandOption.flag("json", help: "print the memory, the settings, every weighting and the read vector as JSON")

  /// Each setting's option and the REPL command that applies it.
  static let settings: [(option: CommandOption, replCommand: String)] = [
    (key, "key"), (beta, "beta"), (gate, "gate"), (shift, "shift"), (gamma, "sharpen"), (previous, "previous"),
  ]

  static let helpText = CommandHelp(
    command: "address", summary: "Run the four addressing stages once from flags; print bars or --json.",
    title: "address a memory once and print every stage",
    description: [
      .prose(
        """
        Runs content addressing, interpolation, shift and sharpening (paper §3.3) and reads with
        the final weighting. Anything not given is the tour's: the 8 × 4 built-in memory, a key
        near row 2, β = 20, g = 0.8, w_prev on row 6, s = (0.1, 0.2, 0.7), γ = 3. A memory of
        your own (--memory, or --rows and --width) starts as the REPL's 'memory' command does:
        the key is its row 0 (all ones when row 0 is zero), w_prev is uniform, and s shifts by +1
        (no shift when N < 3); β, g and γ stay 20, 0.8 and 3. Vectors are numbers separated by
        spaces or commas; weightings are normalised to sum to 1.
        """),
      .prose("Give either --memory or --rows and --width (with --seed): not both."),
    ],
    sections: [
      .init(title: "MEMORY", options: [memory, rows, width, seed]),
      .init(title: "SETTINGS", options: settings.map(\.option)),
      .init(title: "LOSS", options: [targetRow, backward]),
      .init(title: "OUTPUT", options: [json, .ascii]),
    ],
    examples: [#"ntm address --key "0 0 1 0" --beta 5 --shift -1 --json"#])
}
