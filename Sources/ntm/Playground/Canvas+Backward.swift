import Foundation
import NTM
import TerminalCharts

/// Drawing the backward walk and the descent: signed bars for the gradient reaching each
/// stage's output, a table of analytic against numeric gradients, one sentence per stage.
extension Canvas {
  /// How many times `descend` redraws the weighting (besides the start).
  static let descentSnapshots = 5
  /// Below this size a gradient counts as zero in the sentences: the loss barely moves.
  static let negligibleGradient = 1e-9

  /// The backward walk in the parts a reader takes in one at a time: the loss, each stage
  /// last first (the cosine similarity's with the memory it reaches), the notes on kinks and
  /// edges, and the steepest gradient. Each part is spelled for the style.
  struct BackwardParts {
    var loss: [String]
    /// Sharpening, shift, interpolation, content, cosine similarity, memory: in the order
    /// the gradient flows.
    var stages: [[String]]
    var notes: [String]
    var steepest: [String]

    /// All the parts, a blank line between stages, as `backward` prints them.
    var lines: [String] {
      loss + stages.flatMap { [""] + $0 } + notes + (steepest.isEmpty ? [] : [""] + steepest)
    }
  }

  /// Why one shift pulls hardest, when the reason is the plain one: `s(Δ)` carries
  /// `w_g(r − Δ)` onto the target row `r` (∂L/∂s(Δ) = Σ_i ∂L/∂w̃(i) · w_g(i − Δ), and the
  /// target row's term leads), and the steepest shift carries the largest of those weights.
  /// Empty when the target is not one row or another term decides.
  static func shiftReason(offset: Int, target: [Double], state: PlaygroundState) -> String {
    guard let row = target.indices.max(by: { target[$0] < target[$1] }),
      target.filter({ $0 > 0 }).count == 1
    else { return "" }
    let n = state.rows
    let range = state.shiftRange
    let wg = state.trace.interpolated
    let source = ((row - offset) % n + n) % n
    let candidates = (-range...range).map { ((row - $0) % n + n) % n }
    guard candidates.allSatisfy({ wg[$0] <= wg[source] }) else { return "" }
    let within = range == 1 ? "1 row" : "\(range) rows"
    return
      " Why: shift Δ carries w_g(\(row) − Δ) onto the target row \(row), and w_g(\(source)) = \(number(wg[source])) is the largest w_g within \(within) of it."
  }

  func backwardWalk(_ walk: BackwardWalk, state: PlaygroundState) -> [String] {
    backwardParts(walk, state: state).lines
  }

  func backwardParts(_ walk: BackwardWalk, state: PlaygroundState) -> BackwardParts {
    let p = state.parameters
    let loss = wrap(
      "L = −Σ t(i) log w(i) = \(NumberFormat.fixed(walk.loss, decimals: Canvas.decimals)). Backward, last stage first; each gradient beside its centred difference (L(x+h) − L(x−h)) / 2h."
    )
    var sharpening = stageHeader(4, "sharpening", "w = softmax(γ log(w̃ + ε))", arriving: "∂L/∂w", walk.atWeighting)
    sharpening += checkTable([walk.sharpening])
    sharpening += wrap(advice(walk.sharpening, symbol: "γ", value: p.sharpening, lowest: 1, highest: nil))
    var shift = stageHeader(3, "shift", "w̃(i) = Σ_Δ w_g(i − Δ) s(Δ)", arriving: "∂L/∂w̃", walk.atShifted)
    shift += checkTable(walk.shift)
    if let best = walk.shift.indices.min(by: { walk.shift[$0].analytic < walk.shift[$1].analytic }) {
      let offset = best - state.shiftRange
      let name = offset > 0 ? "+\(offset)" : "\(offset)"
      let spread = (walk.shift.map(\.analytic).max() ?? 0) - walk.shift[best].analytic
      // s sums to 1, so only the differences between its gradients move L.
      shift += wrap(
        spread < Self.negligibleGradient
          ? "Every ∂L/∂s is alike: moving weight within s barely moves L here."
          : "Most negative is ∂L/∂s(\(name)): moving shift weight onto \(name) lowers L most."
            + Self.shiftReason(offset: offset, target: walk.target, state: state))
    }
    var interpolation = stageHeader(
      2, "interpolation", "w_g = g w_c + (1 − g) w_prev", arriving: "∂L/∂w_g", walk.atInterpolated)
    interpolation += checkTable([walk.gate])
    interpolation += wrap(advice(walk.gate, symbol: "g", value: p.gate, lowest: 0, highest: 1))
    var content = stageHeader(1, "content", "w_c = softmax(β K)", arriving: "∂L/∂w_c", walk.atContent)
    content += checkTable([walk.keyStrength])
    content += wrap(advice(walk.keyStrength, symbol: "β", value: p.keyStrength, lowest: 0, highest: nil))
    var similarity = stageHeader(
      0, "cosine similarity", "K(i) = k·M(i) / (‖k‖ ‖M(i)‖ + ε)", arriving: "∂L/∂K", walk.atSimilarity)
    similarity += checkTable(walk.key)
    let unchecked = state.parameters.key.count - walk.key.count
    if unchecked > 0 {
      similarity += wrap(
        "… \(unchecked) more entries of k, neither drawn nor checked (the steepest is among those drawn).")
    }
    if let position = walk.key.indices.max(by: { abs(walk.key[$0].analytic) < abs(walk.key[$1].analytic) }) {
      let check = walk.key[position]
      let best = walk.keyIndices[position]
      similarity += wrap(
        abs(check.analytic) < Self.negligibleGradient
          ? "No entry of k moves L here."
          : "k[\(best)] pulls hardest: \(check.analytic < 0 ? "raising" : "lowering") it lowers L most.")
    }
    var notes: [String] = []
    if p.key.allSatisfy({ $0 == 0 }) {
      notes += wrap(
        "Note: k = 0 is a kink of the cosine (‖k‖ has no gradient there; the library takes 0), so analytic and numeric ∂L/∂k may differ.")
    }
    if let row = (0..<state.rows).first(where: { i in state.memory.row(i).allSatisfy { $0 == 0 } }) {
      notes += wrap(
        "Note: a zero row of M, such as M(\(row)), is a kink of the cosine (‖M(i)‖ has no gradient there; the library takes 0), so analytic and numeric ∂L/∂M may differ."
      )
    }
    if (walk.shift + [walk.gate, walk.keyStrength, walk.sharpening]).contains(where: \.oneSided) {
      notes += wrap(
        "Note: * marks a setting at the edge of its range; its difference is one-sided, (L(x+h) − L(x))/h, and agrees only to about h.")
    }
    var steepest: [String] = []
    let all = [walk.sharpening, walk.gate, walk.keyStrength] + walk.shift + walk.key
    if let top = all.max(by: { abs($0.analytic) < abs($1.analytic) }), abs(top.analytic) >= Self.negligibleGradient {
      steepest = wrap(
        "Steepest: \(top.name) = \(NumberFormat.fixed(top.analytic, decimals: Canvas.decimals)), so \(top.analytic < 0 ? "raising" : "lowering") \(top.name.dropFirst(4)) lowers L fastest. 'descend' follows every gradient at once."
      )
    }
    let spelled = { (lines: [String]) in lines.map(spell) }
    return BackwardParts(
      loss: spelled(loss),
      stages: [sharpening, shift, interpolation, content, similarity, memoryGradient(walk)].map(spelled),
      notes: spelled(notes), steepest: spelled(steepest))
  }

  /// `∂L/∂M` as a signed heatmap, its largest entry checked, and which way to move that entry.
  func memoryGradient(_ walk: BackwardWalk) -> [String] {
    var lines = wrap("∂L/∂M, what the cosine hands back to each entry M[i,j]:")
    let (shown, note) = limited(walk.atMemory.rows)
    lines += Heatmap.renderSigned(
      (0..<shown).map(walk.atMemory.row), width: width, decimals: Canvas.decimals, style: style)
    lines += note.map { [$0] } ?? []
    lines += checkTable([walk.memory])
    let check = walk.memory
    let entry = "M[\(walk.memoryRow),\(walk.memoryColumn)]"
    lines += wrap(
      abs(check.analytic) < Self.negligibleGradient
        ? "∂L/∂M ≈ 0: no entry of M moves L here."
        : "The largest is \(check.name): \(check.analytic < 0 ? "raising" : "lowering") \(entry) lowers L most. A − cell asks for a larger entry, a + cell for a smaller one."
    )
    return lines
  }

  func stageHeader(_ number: Int, _ name: String, _ equation: String, arriving: String, _ gradient: [Double]) -> [String] {
    let extent = gradient.filter(\.isFinite).map(abs).max() ?? 0
    return wrap("\(number). \(name): \(equation)") + wrap("\(arriving), the gradient arriving at its output:")
      + bars(gradient, maximum: extent > 0 ? extent : 1)
  }

  /// Analytic, numeric and relative error, one line per parameter.
  func checkTable(_ checks: [BackwardWalk.Check]) -> [String] {
    let (shown, note) = limited(checks.count)
    let rows = checks.prefix(shown).map { check in
      [
        spell(check.name) + (check.oneSided ? "*" : ""), NumberFormat.fixed(check.analytic, decimals: 6),
        NumberFormat.fixed(check.numeric, decimals: 6), TourPages.order(check.relativeError),
      ]
    }
    return TextTable.render(
      header: ["", "analytic", "numeric", "rel. error"], rows: rows, width: width, style: style)
      + (note.map { [$0] } ?? [])
  }

  /// Which way to move one scalar setting, from the sign of its gradient and its range.
  func advice(_ check: BackwardWalk.Check, symbol: String, value: Double, lowest: Double, highest: Double?) -> String {
    let g = check.analytic
    if abs(g) < Self.negligibleGradient { return "\(check.name) ≈ 0: changing \(symbol) barely moves L here." }
    let raise = g < 0
    if raise, let highest, value >= highest { return "\(check.name) < 0 but \(symbol) is already at its top, \(highest)." }
    if !raise, value <= lowest { return "\(check.name) > 0 but \(symbol) is already at its bottom, \(lowest)." }
    return "\(check.name) \(raise ? "<" : ">") 0: \(raise ? "raising" : "lowering") \(symbol) would lower L."
  }

  func descent(
    steps: Int, rate: Double, losses: [Double], snapshots: [(step: Int, w: [Double], loss: Double)], target: [Double],
    state: PlaygroundState
  ) -> [String] {
    let row = target.indices.max { target[$0] < target[$1] } ?? 0
    var lines = wrap(
      "\(steps) steps of rate \(NumberFormat.short(rate)) on the pre-activations of k, β, g, s, γ. Each line: w over the rows (0…1), then w(\(row)) and L."
    )
    let labelWidth = "step \(steps)".count
    for snapshot in snapshots {
      let label = "step \(snapshot.step)".padding(toLength: labelWidth, withPad: " ", startingAt: 0)
      let strip = Sparkline.render(snapshot.w, minimum: 0, maximum: 1, width: max(8, width - labelWidth - 30), style: style)
      lines.append(
        "\(label) \(strip)  w(\(row)) = \(NumberFormat.fixed(snapshot.w[row], decimals: 3))  L = \(NumberFormat.fixed(snapshot.loss, decimals: 3))"
      )
    }
    lines += ["L: " + Sparkline.render(losses, width: width - 3, style: style)]
    lines += [""] + wrap("The final weighting w:") + bars(state.trace.weighting)
    return lines.map(spell)
  }
}
