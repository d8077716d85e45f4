import NTM
import TerminalCharts

/// The picture of each addressing stage — its equation, the weighting going in and the one
/// coming out as bars side by side, and a sentence on what changed — shared by `step`,
/// `address`, the tour and `ntm address`. Every number drawn comes from the library's
/// forward functions (through `Addressing.Trace`), never from here.
extension Canvas {
  /// The equation of each stage, as printed (paper §3.3; DESIGN.md fixes the ε's).
  enum Equation {
    static let memory = "M is N × W:  M(i) = [M[i,0], …, M[i,W−1]],  i = 0…N−1"
    static let weighting = "w(i) ≥ 0,  Σ_i w(i) = 1"
    static let similarity = "K(k, M(i)) = k · M(i) / (‖k‖ ‖M(i)‖ + ε),  ε = 1e-8"
    static let content = "w_c(i) = softmax_i(β · K(k, M(i)))"
    static let interpolation = "w_g = g · w_c + (1 − g) · w_prev"
    static let shift = "w̃(i) = Σ_Δ w_g((i − Δ) mod N) · s(Δ),  Δ = −R…R"
    static let sharpening = "w(i) = (w̃(i) + ε)^γ / Σ_j (w̃(j) + ε)^γ,  ε = 1e-12"
    static let read = "r = Σ_i w(i) M(i)"
    static let erase = "M̃(i) = M(i) ⊙ (1 − w(i) e)"
    static let add = "M(i) ← M̃(i) + w(i) a"
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
      lines += columns([
        BarSeries("K(k, M(i))", trace.similarity), BarSeries("w_c, β = \(PlaygroundInput.format(p.keyStrength))", trace.content),
      ])
      let top = Self.tops(trace.similarity)
      let k = Self.number(trace.similarity[top[0]])
      let sentence =
        top.count == state.rows
        ? "Every row is as like the key as any other (K = \(k)), so w_c is uniform."
        : top.count == 1
          ? "Row \(top[0]) is most like the key (K = \(k)) and gets weight \(Self.number(trace.content[top[0]]))."
          : "\(Self.capitalised(Self.rowList(top))) are equally most like the key (K = \(k)) and get \(Self.number(trace.content[top[0]])) each."
      lines += [""] + wrap(sentence)
    case .interpolation:
      lines += equation(Equation.interpolation) + [""]
      lines += columns([
        BarSeries("w_c", trace.content), BarSeries("w_prev", state.previousWeighting),
        BarSeries("w_g, g = \(PlaygroundInput.format(p.gate))", trace.interpolated),
      ])
      lines +=
        [""]
        + wrap(
          "A share g = \(PlaygroundInput.format(p.gate)) of the weight follows the content; \(PlaygroundInput.format(1 - p.gate)) stays where w_prev was."
        )
    case .shift:
      lines +=
        equation(Equation.shift) + [vector("s over shifts −\(state.shiftRange)…+\(state.shiftRange)", p.shiftWeighting, indent: "  "), ""]
      lines += columns([BarSeries("w_g", trace.interpolated), BarSeries("w̃", trace.shifted)])
      let before = Self.tops(trace.interpolated)
      let after = Self.tops(trace.shifted)
      let moved =
        before == after
        ? "The largest weight stays on \(Self.rowList(after))"
        : "The largest weight moves from \(Self.rowList(before)) to \(Self.rowList(after))"
      lines +=
        [""] + wrap("\(moved) and goes from \(Self.number(trace.interpolated[before[0]])) to \(Self.number(trace.shifted[after[0]])).")
    case .sharpening:
      lines += equation(Equation.sharpening) + [""]
      lines += columns([BarSeries("w̃", trace.shifted), BarSeries("w, γ = \(PlaygroundInput.format(p.sharpening))", trace.weighting)])
      let top = Self.tops(trace.weighting)
      lines +=
        [""]
        + wrap(
          "The largest weight goes from \(Self.number(trace.shifted.max() ?? 0)) to \(Self.number(trace.weighting[top[0]])) (\(Self.rowList(top))); the weights still sum to 1."
        )
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
    lines += [""] + wrap("The final weighting w \(Self.placement(trace.weighting)).")
    return lines
  }

  /// The read: the final weighting and the read vector, with the row it is closest to.
  func reading(state: PlaygroundState, trace: Addressing.Trace, read: [Double]) -> [String] {
    let (sentence, rows) = Self.readSentence(trace.weighting)
    var lines = ["Read"] + equation(Equation.read) + [""]
    lines += columns([BarSeries("w", trace.weighting)])
    lines += ["", vector("r", read, indent: "  ")] + rows.map { vector("M(\($0))", state.memory.row($0), indent: "  ") } + [""]
    lines += wrap(sentence)
    return lines
  }

  /// The write: the weighting, e and a, and the memory before and after.
  func writing(before: Matrix, after: Matrix, weighting: [Double], erase: [Double], add: [Double]) -> [String] {
    var lines = ["Write (erase, then add)"] + equation(Equation.erase) + equation(Equation.add)
    lines += [vector("e", erase, indent: "  "), vector("a", add, indent: "  "), ""]
    let (shown, note) = limited(before.rows)
    // One field width for every entry drawn, so negative entries line up with the others;
    // only the cells shown are formatted (a 64 × 256 memory has 32,768 numbers, 512 drawn).
    let drawn = (0..<shown).flatMap { before.row($0).prefix(Self.rowTextEntries) + after.row($0).prefix(Self.rowTextEntries) }
    let field = drawn.map { NumberFormat.fixed($0, decimals: 2).count }.max() ?? 0
    let rows = (0..<shown).map { i in
      [String(i), Self.number(weighting[i]), rowText(before.row(i), field: field), rowText(after.row(i), field: field)]
    }
    lines += TextTable.render(
      header: ["i", "w(i)", "M(i) before", "M(i) after"].map(spell), rows: rows,
      alignments: [.right, .right, .left, .left], width: width, style: style)
    if let note { lines.append(note) }
    let top = Self.tops(weighting)
    let sentence =
      Self.isUniform(weighting)
      ? "Every row has w(i) = \(Self.number(weighting[0])), so every row changes alike."
      : top.count == 1
        ? "Row \(top[0]), where w(\(top[0])) = \(Self.number(weighting[top[0]])), changes most; rows with w(i) near 0 keep their values."
        : "\(Self.capitalised(Self.rowList(top))), where w(i) = \(Self.number(weighting[top[0]])), change most and alike; rows with w(i) near 0 keep their values."
    lines += [""] + wrap(sentence)
    return lines
  }

  /// The entries of a memory row that `rowText` draws.
  static let rowTextEntries = 8

  /// A memory row as `0.00 1.00 …`, at most `rowTextEntries` entries, each padded on the left
  /// to `field` columns so rows of a table line up whatever their signs.
  func rowText(_ row: [Double], field: Int = 0) -> String {
    let shown = row.prefix(Self.rowTextEntries).map { TextWidth.padLeft(NumberFormat.fixed($0, decimals: 2), to: field) }
      .joined(separator: " ")
    return row.count > Self.rowTextEntries ? shown + " …" : shown
  }
}
