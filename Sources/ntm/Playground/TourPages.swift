import Foundation
import NTM
import TerminalCharts

/// The tour's pages. Every number on them is computed here by the library's forward
/// functions on `PlaygroundState.builtIn`; the sentences quote those numbers, so changing the
/// built-in state changes the text rather than making it wrong.
enum TourPages {
  /// The lower key strength shown beside the built-in one.
  static let lowKeyStrength = 1.0
  /// The gates the interpolation page compares.
  static let gates = [0.0, 0.5, 1.0]
  /// The sharpenings the sharpening page compares.
  static let sharpenings = [1.0, 3.0, 10.0]
  /// The row the one-hot example of the shift starts on: the last, so it wraps round.
  static let wrapRow = 7
  /// The seed of the gradient check's random projection.
  static let checkSeed: UInt64 = 1

  static func all(canvas: Canvas) -> [Tour.Page] {
    let state = PlaygroundState.builtIn
    let trace = state.trace
    return [
      memory(state, canvas), similarity(state, trace, canvas), content(state, canvas),
      interpolation(state, trace, canvas), shift(state, trace, canvas), sharpening(state, trace, canvas),
      reading(state, trace, canvas), writing(state, trace, canvas), gradientCheck(state, canvas),
    ] + backward(state, canvas)
  }

  static func n(_ x: Double) -> String { Canvas.number(x) }
  static func f(_ x: Double) -> String { PlaygroundInput.format(x) }

  static func memory(_ state: PlaygroundState, _ canvas: Canvas) -> Tour.Page {
    var lines = canvas.equation(Canvas.Equation.memory) + canvas.equation(Canvas.Equation.weighting) + [""]
    lines += canvas.wrap(
      "A Neural Turing Machine keeps a memory M: N locations (rows) of W numbers each. A head reads and writes it through a weighting w — N weights ≥ 0 that sum to 1 — and finds that weighting in four stages (paper §3.3). This tour runs each stage on the memory below."
    )
    lines += ["", "  N × W = \(state.rows) × \(state.width)", ""]
    lines += canvas.memory(state.memory) + [""] + canvas.heatmap(state.memory) + [""]
    lines += canvas.wrap("Notice: rows 0–3 each hold a single 1, rows 4–7 two neighbouring 1s, so some rows are partly alike.")
    return Tour.Page(title: "The memory", lines: lines)
  }

  static func similarity(_ state: PlaygroundState, _ trace: Addressing.Trace, _ canvas: Canvas) -> Tour.Page {
    let top = Canvas.focus(trace.similarity)
    let others = trace.similarity.indices.filter { $0 != top }.sorted { trace.similarity[$0] > trace.similarity[$1] }
    var lines = canvas.equation(Canvas.Equation.similarity) + ["", canvas.vector("k", state.parameters.key, indent: "  "), ""]
    lines += canvas.wrap(
      "Content addressing starts by comparing the key k with every row by cosine similarity: 1 when they point the same way, 0 at right angles."
    )
    lines += [""] + canvas.columns([BarSeries("K(k, M(i))", trace.similarity)]) + [""]
    lines += canvas.wrap(
      "Notice: row \(top) is most like the key (K = \(n(trace.similarity[top]))); rows \(others[0]) and \(others[1]) share part of it and come next (\(n(trace.similarity[others[0]])), \(n(trace.similarity[others[1]])))."
    )
    return Tour.Page(title: "Content addressing: similarity", lines: lines)
  }

  static func content(_ state: PlaygroundState, _ canvas: Canvas) -> Tour.Page {
    let low = ContentAddressing.forward(.init(key: state.parameters.key, memory: state.memory, keyStrength: lowKeyStrength)).output
    let high = ContentAddressing.forward(.init(key: state.parameters.key, memory: state.memory, keyStrength: state.parameters.keyStrength))
      .output
    let top = Canvas.focus(high)
    var lines = canvas.equation(Canvas.Equation.content) + [""]
    lines += canvas.wrap(
      "The similarities, scaled by the key strength β, go through a softmax: a weighting. β decides how sharply it picks the best match.")
    lines +=
      [""]
      + canvas.columns([BarSeries("w_c, β = \(f(lowKeyStrength))", low), BarSeries("w_c, β = \(f(state.parameters.keyStrength))", high)])
      + [""]
    lines += canvas.wrap(
      "Notice: at β = \(f(lowKeyStrength)) the weights are nearly even (row \(top) gets \(n(low[top]))); at β = \(f(state.parameters.keyStrength)) row \(top) takes \(n(high[top]))."
    )
    return Tour.Page(title: "Content addressing: the key strength β", lines: lines)
  }

  static func interpolation(_ state: PlaygroundState, _ trace: Addressing.Trace, _ canvas: Canvas) -> Tour.Page {
    let series = gates.map { g in
      BarSeries("w_g, g = \(f(g))", Interpolation.forward(.init(content: trace.content, previous: state.previousWeighting, gate: g)).output)
    }
    var lines = canvas.equation(Canvas.Equation.interpolation) + [""]
    lines += canvas.wrap(
      "The gate g blends the content weighting w_c with the weighting the head ended on last time, w_prev (here all on row \(Canvas.focus(state.previousWeighting)))."
    )
    lines += [""] + canvas.columns(series) + [""]
    lines += canvas.wrap(
      "Notice: g = 0 keeps the previous focus, g = 1 takes the content focus, g = 0.5 splits the weight between them. The next pages use g = \(f(state.parameters.gate))."
    )
    return Tour.Page(title: "Interpolation: the gate g", lines: lines)
  }

  static func shift(_ state: PlaygroundState, _ trace: Addressing.Trace, _ canvas: Canvas) -> Tour.Page {
    let oneHot = PlaygroundState.oneHot(wrapRow, count: state.rows)
    let moved = Shift.forward(.init(weighting: oneHot, shiftWeighting: [0, 0, 1])).output
    let s = state.parameters.shiftWeighting
    var lines = canvas.equation(Canvas.Equation.shift) + [""]
    lines += canvas.wrap(
      "The shift weighting s lets the head move its focus: s(Δ) is how much weight moves Δ rows down, wrapping round from the last row to the first."
    )
    lines += [""] + canvas.columns([BarSeries("focus", oneHot), BarSeries("w̃, s(+1) = 1", moved)])
    lines += ["", canvas.vector("s over shifts −1…+1", s, indent: "  "), ""]
    lines += canvas.columns([BarSeries("w_g, g = \(f(state.parameters.gate))", trace.interpolated), BarSeries("w̃", trace.shifted)]) + [""]
    let before = Canvas.focus(trace.interpolated)
    let after = Canvas.focus(trace.shifted)
    lines += canvas.wrap(
      "Notice: a whole shift by +1 moves the focus from row \(wrapRow) round to row \(Canvas.focus(moved)); a fractional s moves most of it (row \(before) to row \(after)) but blurs it: \(n(trace.shifted[after])) where there was \(n(trace.interpolated[before]))."
    )
    return Tour.Page(title: "Shift: moving the focus", lines: lines)
  }

  static func sharpening(_ state: PlaygroundState, _ trace: Addressing.Trace, _ canvas: Canvas) -> Tour.Page {
    let sharpened = sharpenings.map { Sharpening.forward(.init(weighting: trace.shifted, sharpening: $0)).output }
    let top = Canvas.focus(trace.weighting)
    var lines = canvas.equation(Canvas.Equation.sharpening) + [""]
    lines += canvas.wrap("Raising every weight to the power γ ≥ 1 and renormalising undoes the blur of the shift.")
    lines += [""] + canvas.columns(zip(sharpenings, sharpened).map { BarSeries("w, γ = \(f($0))", $1) }) + [""]
    lines += canvas.wrap(
      "Notice: γ = 1 leaves w̃ as it is (\(n(sharpened[0][top])) on row \(top)); γ = 3 gives \(n(sharpened[1][top])), γ = 10 gives \(n(sharpened[2][top])). The head here uses γ = \(f(state.parameters.sharpening))."
    )
    return Tour.Page(title: "Sharpening: the exponent γ", lines: lines)
  }

  static func reading(_ state: PlaygroundState, _ trace: Addressing.Trace, _ canvas: Canvas) -> Tour.Page {
    let read = Read.forward(.init(memory: state.memory, weighting: trace.weighting)).output
    var lines = canvas.wrap(
      "With the final weighting w the head reads: a weighted sum of rows, so the read is differentiable in w and in M.")
    lines += [""] + canvas.reading(state: state, trace: trace, read: read).dropFirst()
    return Tour.Page(title: "Reading", lines: lines)
  }

  static func writing(_ state: PlaygroundState, _ trace: Addressing.Trace, _ canvas: Canvas) -> Tour.Page {
    let w = trace.weighting
    let after = Write.forward(.init(memory: state.memory, weighting: w, erase: state.erase, add: state.add)).output
    var lines = canvas.wrap(
      "A write head erases, then adds, each row in proportion to its weight: e = 1 wipes a fully weighted row, a is what goes in.")
    lines += [""] + canvas.writing(before: state.memory, after: after, weighting: w, erase: state.erase, add: state.add).dropFirst()
    let top = Canvas.focus(w)
    let before = state.memory.row(top)
    let written = after.row(top)
    let largest = max(1, (before + state.add + written).map(abs).max() ?? 1)
    lines += [""] + canvas.wrap("Row \(top), entry by entry (j = 0…\(state.width - 1)): what it held, the add vector a, what it holds now.")
    lines +=
      [""]
      + canvas.columns(
        [BarSeries("M(\(top)) before", before), BarSeries("a", state.add), BarSeries("M(\(top)) after", written)],
        maximum: largest) + [""]
    if state.erase.allSatisfy({ $0 == 1 }) {
      lines += canvas.wrap(
        "Notice: with e = 1 every row becomes (1 − w(i)) M(i) + w(i) a, a blend of what it held and a; row \(top), with w(\(top)) = \(n(w[top])), is now mostly a."
      )
    } else {
      lines += canvas.wrap(
        "Notice: row \(top), with w(\(top)) = \(n(w[top])), loses the share w(\(top)) e of what it held and gains w(\(top)) a.")
    }
    return Tour.Page(title: "Writing: erase, then add", lines: lines)
  }
}
