import NTM
import TerminalCharts

/// The commands that run the playground backward: target, backward, descend.
extension Interpreter {
  /// The most steps one `descend` takes: enough to watch the focus move, few enough that the
  /// reply comes at once.
  static let maximumDescentSteps = 1000
  /// The largest learning rate `descend` accepts: beyond it a step overshoots every setting.
  static let maximumDescentRate = 100.0
  /// The steps and rate `descend` uses when none are given: from the built-in settings they
  /// bring ≥ 0.9 of the weighting onto any target row of the built-in memory.
  static let defaultDescentSteps = 50
  static let defaultDescentRate = 1.0

  /// The widest line these commands draw: the REPL's canvas wraps at 60 columns.
  var narrowCanvas: Canvas {
    var narrow = canvas
    narrow.width = min(canvas.width, Self.helpWidth)
    return narrow
  }

  func setTarget(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    let n = state.rows
    let example = "target row \(min(5, n - 1))"
    var next = state
    switch words.first?.lowercased() {
    case nil:
      return (targetText(state), state)
    case "off":
      try requireCount(words, 1, usage: "target off")
      next.target = nil
      return ("No target: the loss is off.", next)
    case "row":
      try requireCount(words, 2, usage: "target row <i>")
      let row = try Input.integer(words[words.startIndex + 1], in: 0...(n - 1), name: "the target row", example: example)
      next.target = PlaygroundState.oneHot(row, count: n)
    default:
      guard words.count == n else {
        throw Input.Rejection(message: "target needs 'row <i>' or N = \(n) weights, got \(words.count) numbers. Try '\(example)'.")
      }
      next.target = try Input.weighting(words, name: "the target t", example: example).weights
    }
    return (targetText(next), next)
  }

  /// The target and the loss it gives now.
  func targetText(_ state: PlaygroundState) -> String {
    guard let target = state.target else {
      return "No target set. Type 'target row <i>' or 'target <N weights>'."
    }
    let loss = BackwardWalk.loss(state, state.parameters, target: target)
    let w = state.trace.weighting
    let canvas = narrowCanvas
    var lines = canvas.wrap("Target t and the final weighting w; the loss L = −Σ t(i) log w(i) = \(fixed(loss)).")
    lines += canvas.columns([BarSeries("t", target), BarSeries("w", w)])
    lines += canvas.wrap("Type 'backward' to see which setting lowers L, or 'descend' to let gradient descent lower it.")
    return lines.joined(separator: "\n")
  }

  func show(target words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    (targetText(state), state)
  }

  /// The target, or a rejection saying how to set one.
  func requireTarget(_ state: PlaygroundState, command: String) throws -> [Double] {
    guard let target = state.target else {
      throw Input.Rejection(message: "\(command) needs a loss: set a target first. Try 'target row 5'.")
    }
    return target
  }

  func backward(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    try expectNoArguments(words, usage: "backward")
    let target = try requireTarget(state, command: "backward")
    let walk = BackwardWalk(state, target: target, keyChecks: Canvas.rowLimit)
    return (narrowCanvas.backwardWalk(walk, state: state).joined(separator: "\n"), state)
  }

  func descend(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    let usage = "descend [<steps>] [<rate>]"
    guard words.count <= 2 else {
      throw Input.Rejection(message: "expected at most 2 arguments, got \(words.count). Type '\(usage)', e.g. 'descend 50 1'.")
    }
    let target = try requireTarget(state, command: "descend")
    let steps =
      words.isEmpty
      ? Self.defaultDescentSteps
      : try Input.integer(words.first!, in: 1...Self.maximumDescentSteps, name: "the number of steps", example: "descend 50")
    let rate =
      words.count == 2
      ? try Input.number(words.last!, in: 0...Self.maximumDescentRate, name: "the rate", example: "descend 50 1") : Self.defaultDescentRate
    var descent = Descent(state.parameters)
    var next = state.restartingSteps()
    var losses: [Double] = []
    var snapshots: [(step: Int, w: [Double], loss: Double)] = []
    let every = max(1, steps / Canvas.descentSnapshots)
    for step in 0...steps {
      next.parameters = descent.parameters
      let (loss, gradient) = BackwardWalk.gradient(next, target: target)
      losses.append(loss)
      if step % every == 0 || step == steps { snapshots.append((step, next.trace.weighting, loss)) }
      if step < steps { descent.step(gradient, rate: rate) }
    }
    let lines = narrowCanvas.descent(
      steps: steps, rate: rate, losses: losses, snapshots: snapshots, target: target, state: next)
    return (lines.joined(separator: "\n"), next)
  }

  func fixed(_ value: Double) -> String { NumberFormat.fixed(value, decimals: Canvas.decimals) }
}
