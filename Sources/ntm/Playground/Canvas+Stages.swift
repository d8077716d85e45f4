import NTM
import TerminalCharts

/// The picture of each addressing stage — its equation, the weighting going in and the one
/// coming out as bars side by side, and a sentence on what changed — shared by `step`,
/// `address`, the tour and `ntm address`. Every number drawn comes from the library's
/// forward functions (through `Addressing.Trace`), never from here.
extension Canvas {
  /// The equation of each stage, as printed (paper §3.3; DESIGN.md fixes the ε's).
  enum Equation {
    static let memory = "M is N × W:  M_i = [M[i,0], …, M[i,W−1]],  i = 0…N−1"
    static let weighting = "w(i) ≥ 0,  Σ_i w(i) = 1"
    static let similarity = "K(k, M_i) = k · M_i / (‖k‖ ‖M_i‖ + ε),  ε = 1e-8"
    static let content = "w_c(i) = softmax_i(β · K(k, M_i))"
    static let interpolation = "w_g = g · w_c + (1 − g) · w_prev"
    static let shift = "w̃(i) = Σ_Δ w_g((i − Δ) mod N) · s(Δ),  Δ = −R…R"
    static let sharpening = "w(i) = (w̃(i) + ε)^γ / Σ_j (w̃(j) + ε)^γ,  ε = 1e-12"
    static let read = "r = Σ_i w(i) M_i"
    static let erase = "M̃_i = M_i ⊙ (1 − w(i) e)"
    static let add = "M_i ← M̃_i + w(i) a"
  }

  /// The row holding the largest weight (the first, on a tie).
  static func focus(_ weighting: [Double]) -> Int {
    weighting.indices.max { weighting[$0] < weighting[$1] || (weighting[$0] == weighting[$1] && $0 > $1) } ?? 0
  }

  /// A weight as printed beside the bars.
  static func number(_ x: Double) -> String { NumberFormat.fixed(x, decimals: decimals) }

  /// Draws `stage` of `trace` for `state`: title, equation, bars, one sentence.
  func stage(_ stage: PlaygroundState.Stage, state: PlaygroundState, trace: Addressing.Trace) -> [String] {
    let p = state.parameters
    var lines = ["Stage \(stage.rawValue) of 4: \(stage.name)"]
    switch stage {
    case .content:
      lines += equation(Equation.similarity) + equation(Equation.content) + [vector("k", p.key, indent: "  "), ""]
      lines += columns([BarSeries("K(k, M_i)", trace.similarity), BarSeries("w_c, β = \(PlaygroundInput.format(p.keyStrength))", trace.content)])
      let top = Self.focus(trace.content)
      lines += [""] + wrap("Row \(top) is most like the key (K = \(Self.number(trace.similarity[top]))) and gets weight \(Self.number(trace.content[top])).")
    case .interpolation:
      lines += equation(Equation.interpolation) + [""]
      lines += columns([BarSeries("w_c", trace.content), BarSeries("w_prev", state.previousWeighting), BarSeries("w_g, g = \(PlaygroundInput.format(p.gate))", trace.interpolated)])
      lines += [""] + wrap("A share g = \(PlaygroundInput.format(p.gate)) of the weight follows the content; \(PlaygroundInput.format(1 - p.gate)) stays where w_prev was.")
    case .shift:
      lines += equation(Equation.shift) + [vector("s over shifts −\(state.shiftRange)…+\(state.shiftRange)", p.shiftWeighting, indent: "  "), ""]
      lines += columns([BarSeries("w_g", trace.interpolated), BarSeries("w̃", trace.shifted)])
      let before = Self.focus(trace.interpolated)
      let after = Self.focus(trace.shifted)
      let moved = before == after ? "The focus stays on row \(after)" : "The focus moves from row \(before) to row \(after)"
      lines += [""] + wrap("\(moved); the largest weight goes from \(Self.number(trace.interpolated[before])) to \(Self.number(trace.shifted[after])).")
    case .sharpening:
      lines += equation(Equation.sharpening) + [""]
      lines += columns([BarSeries("w̃", trace.shifted), BarSeries("w, γ = \(PlaygroundInput.format(p.sharpening))", trace.weighting)])
      let top = Self.focus(trace.weighting)
      lines += [""] + wrap("The largest weight goes from \(Self.number(trace.shifted.max() ?? 0)) to \(Self.number(trace.weighting[top])) (row \(top)); the weights still sum to 1.")
    }
    return lines
  }

  /// All four stages at once: K and every weighting side by side.
  func allStages(state: PlaygroundState, trace: Addressing.Trace) -> [String] {
    let p = state.parameters
    var lines = [
      "All four stages: β = \(PlaygroundInput.format(p.keyStrength)), g = \(PlaygroundInput.format(p.gate)), γ = \(PlaygroundInput.format(p.sharpening))",
      vector("k", p.key, indent: "  "),
      vector("s over shifts −\(state.shiftRange)…+\(state.shiftRange)", p.shiftWeighting, indent: "  "), "",
    ]
    lines += columns([
      BarSeries("K", trace.similarity), BarSeries("w_c", trace.content), BarSeries("w_g", trace.interpolated),
      BarSeries("w̃", trace.shifted), BarSeries("w", trace.weighting),
    ])
    let top = Self.focus(trace.weighting)
    lines += [""] + wrap("The final weighting w puts \(Self.number(trace.weighting[top])) on row \(top).")
    return lines
  }

  /// The read: the final weighting and the read vector, with the row it is closest to.
  func reading(state: PlaygroundState, trace: Addressing.Trace, read: [Double]) -> [String] {
    let top = Self.focus(trace.weighting)
    var lines = ["Read"] + equation(Equation.read) + [""]
    lines += columns([BarSeries("w", trace.weighting)])
    lines += ["", vector("r", read, indent: "  "), vector("M_\(top)", state.memory.row(top), indent: "  "), ""]
    lines += wrap("r is a blend of the rows weighted by w; with w(\(top)) = \(Self.number(trace.weighting[top])) it is close to row \(top).")
    return lines
  }

  /// The write: the weighting, e and a, and the memory before and after.
  func writing(before: Matrix, after: Matrix, weighting: [Double], erase: [Double], add: [Double]) -> [String] {
    var lines = ["Write (erase, then add)"] + equation(Equation.erase) + equation(Equation.add)
    lines += [vector("e", erase, indent: "  "), vector("a", add, indent: "  "), ""]
    let (shown, note) = limited(before.rows)
    let rows = (0..<shown).map { i in
      [String(i), Self.number(weighting[i]), rowText(before.row(i)), rowText(after.row(i))]
    }
    lines += TextTable.render(
      header: ["i", "w(i)", "M_i before", "M_i after"].map(spell), rows: rows,
      alignments: [.right, .right, .left, .left], width: width, style: style)
    if let note { lines.append(note) }
    let top = Self.focus(weighting)
    lines += [""] + wrap("Row \(top), where w(\(top)) = \(Self.number(weighting[top])), changes most; rows with w(i) near 0 keep their values.")
    return lines
  }

  /// A memory row as `0.00 1.00 …`, at most 8 entries.
  func rowText(_ row: [Double]) -> String {
    let shown = row.prefix(8).map { NumberFormat.fixed($0, decimals: 2) }.joined(separator: " ")
    return row.count > 8 ? shown + " …" : shown
  }
}
