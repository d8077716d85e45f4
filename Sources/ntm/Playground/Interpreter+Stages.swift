import NTM
import TerminalCharts

/// The commands that run the library and draw: step, address, read, write, show.
extension Interpreter {
  func step(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    try expectNoArguments(words, usage: "step")
    var next = state
    var preface: [String] = []
    if state.stagesShown == PlaygroundState.Stage.allCases.count {
      // A new time step: the head starts from where it ended, as in the machine.
      next.previousWeighting = state.trace.weighting
      next.stagesShown = 0
      preface = ["New time step: w_prev ← w.", ""]
    }
    next.stagesShown += 1
    let stage = PlaygroundState.Stage(rawValue: next.stagesShown)!
    let lines = preface + canvas.stage(stage, state: next, trace: next.trace)
    return (lines.joined(separator: "\n"), next)
  }

  /// Draws all four stages of the current time step without moving `step` on: a `step`,
  /// `read` or `write` after it uses the very weighting drawn.
  func address(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    try expectNoArguments(words, usage: "address")
    return (canvas.allStages(state: state, trace: state.trace).joined(separator: "\n"), state)
  }

  func read(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    try expectNoArguments(words, usage: "read")
    let trace = state.trace
    let vector = Read.forward(.init(memory: state.memory, weighting: trace.weighting)).output
    return (canvas.reading(state: state, trace: trace, read: vector).joined(separator: "\n"), state)
  }

  func write(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    var next = state.restartingSteps()
    if !words.isEmpty {
      let w = state.width
      let example =
        "write " + (Array(repeating: "1", count: min(w, 4)) + Array(repeating: "0.5", count: min(w, 4))).joined(separator: " ")
        + (w > 4 ? " …" : "")
      guard words.count == 2 * w else {
        throw Input.Rejection(
          message: "write needs 2W = \(2 * w) numbers (W for e, then W for a), got \(words.count). Try '\(example)' or just 'write'.")
      }
      next.erase = try Input.vector(words.prefix(w), count: w, in: 0...1, name: "the erase vector e", example: example)
      next.add = try Input.vector(
        words.suffix(w), count: w, in: -Input.maximumMagnitude...Input.maximumMagnitude, name: "the add vector a", example: example)
    }
    let weighting = state.trace.weighting
    next.memory = Write.forward(.init(memory: state.memory, weighting: weighting, erase: next.erase, add: next.add)).output
    let lines = canvas.writing(before: state.memory, after: next.memory, weighting: weighting, erase: next.erase, add: next.add)
    return (lines.joined(separator: "\n"), next)
  }

  func show(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    let usage = "show memory | show weights | show params | show target"
    guard words.count == 1 else {
      throw Input.Rejection(message: "show needs one of memory, weights, params, target. Try '\(usage)'.")
    }
    switch words.first!.lowercased() {
    case "memory", "m":
      let lines = ["M: \(state.rows) × \(state.width)"] + canvas.memory(state.memory)
      return (lines.joined(separator: "\n"), state)
    case "weights", "weightings", "w":
      let trace = state.trace
      var lines = canvas.wrap("Every weighting of the current settings (step has shown \(state.stagesShown) of 4 stages):") + [""]
      lines += canvas.columns([
        BarSeries("w_prev", state.previousWeighting), BarSeries("w_c", trace.content),
        BarSeries("w_g", trace.interpolated), BarSeries("w̃", trace.shifted), BarSeries("w", trace.weighting),
      ])
      return (lines.joined(separator: "\n"), state)
    case "target", "t":
      return (targetText(state), state)
    case "params", "parameters", "settings":
      return (parameterTable(state).joined(separator: "\n"), state)
    default:
      throw Input.Rejection(message: "cannot show '\(Input.echo(words.first!))'. Try '\(usage)'.")
    }
  }

  /// The settings as a table: role, symbol, value.
  func parameterTable(_ state: PlaygroundState) -> [String] {
    let p = state.parameters
    let row = { (values: [Double]) in canvas.rowText(values) }
    let rows: [[String]] = [
      ["memory", "M", "\(state.rows) × \(state.width)"],
      ["key", "k", row(p.key)],
      ["key strength", "β", PlaygroundInput.format(p.keyStrength)],
      ["gate", "g", PlaygroundInput.format(p.gate)],
      ["shift weighting", "s", row(p.shiftWeighting) + "  (shifts −\(state.shiftRange)…+\(state.shiftRange))"],
      ["sharpening", "γ", PlaygroundInput.format(p.sharpening)],
      ["previous weighting", "w_prev", row(state.previousWeighting)],
      ["erase", "e", row(state.erase)],
      ["add", "a", row(state.add)],
    ]
    return TextTable.render(
      header: ["setting", "symbol", "value"], rows: rows.map { $0.map(canvas.spell) }, width: canvas.width,
      style: canvas.style)
  }
}
