import Foundation
import NTM
import TerminalCharts

/// The tour's backward pages: the REPL's `backward` from a target row on the tour's memory and
/// settings, split where a reader would pause, each gradient beside its centred difference.
extension TourPages {
  /// The row the backward pages ask the head to focus on: one the tour's head misses.
  static let backwardTargetRow = 5

  /// The loss the backward pages lower.
  static let lossEquation = "L = −Σ_i t(i) log w(i),  t(i) = 1 on the target row, 0 elsewhere"
  /// The chain rule, as the interpolation stage uses it: `∂w_g(i)/∂g = w_c(i) − w_prev(i)`.
  static let chainRule = "∂L/∂g = Σ_i ∂L/∂w_g(i) · (w_c(i) − w_prev(i))"
  /// The same rule, carried to the memory.
  static let memoryChainRule = "∂L/∂M[i,j] = ∂L/∂K(i) · ∂K(i)/∂M[i,j]"

  /// The backward walk the pages show: the tour's state against a one-hot target.
  static func backwardWalk(_ state: PlaygroundState) -> BackwardWalk {
    BackwardWalk(state, target: PlaygroundState.oneHot(backwardTargetRow, count: state.rows))
  }

  /// Every check the pages show, in the order they show them.
  static func shownChecks(_ walk: BackwardWalk) -> [BackwardWalk.Check] {
    [walk.sharpening] + walk.shift + [walk.gate, walk.keyStrength] + walk.key + [walk.memory]
  }

  /// Three pages: the loss, sharpening and shift; interpolation and content; the cosine
  /// similarity, the memory, and what to notice.
  static func backward(_ state: PlaygroundState, _ canvas: Canvas) -> [Tour.Page] {
    let walk = backwardWalk(state)
    let parts = canvas.backwardParts(walk, state: state)
    let row = backwardTargetRow
    let w = state.trace.weighting
    var loss = canvas.equation(lossEquation) + [""]
    loss += canvas.wrap(
      "Training lowers a loss L. Say the head should focus on row \(row): t puts all its weight there, but w gives row \(row) only \(n(w[row])) (row \(Canvas.focus(w)) has \(n(w[Canvas.focus(w)]))), so L = \(n(walk.loss)). The chain rule carries ∂L back, last stage first: each stage turns the gradient arriving at its output (bars, negative to the left) into its settings' gradients, each beside its centred difference (L(x+h) − L(x−h)) / 2h. A gradient < 0 says: raise that setting to lower L."
    )
    let first = loss + [""] + parts.stages[0] + [""] + parts.stages[1]

    var middle = canvas.equation(chainRule) + [""]
    middle += canvas.wrap(
      "The chain rule at work: since ∂w_g(i)/∂g = w_c(i) − w_prev(i), the interpolation sums the gradient arriving at its output times that derivative, and hands ∂L/∂w_c on to content addressing."
    )
    middle += [""] + parts.stages[2] + [""] + parts.stages[3]

    var last = canvas.equation(memoryChainRule) + [""] + parts.stages[4] + [""] + parts.stages[5] + [""]
    last += parts.notes.isEmpty ? [] : parts.notes + [""]
    last += notice(walk, state, canvas)
    return [
      Tour.Page(title: "The gradient flows back", lines: first),
      Tour.Page(title: "The gradient flows back: g and β", lines: middle),
      Tour.Page(title: "The gradient flows back: k and M", lines: last),
    ]
  }

  /// Which setting lowers L fastest, how well every gradient shown was checked, where the two
  /// may differ, and the REPL commands that do the same.
  static func notice(_ walk: BackwardWalk, _ state: PlaygroundState, _ canvas: Canvas) -> [String] {
    let settings = [walk.sharpening, walk.gate, walk.keyStrength] + walk.shift + walk.key
    let top = settings.max { abs($0.analytic) < abs($1.analytic) }!
    let symbol = String(top.name.dropFirst(4))
    let way = top.analytic < 0 ? "raising" : "lowering"
    // s sums to 1: raising one of its weights takes from the others.
    let how =
      walk.shift.contains(top) ? "\(way) \(symbol), moving shift weight onto \(symbol.dropFirst(2).dropLast())," : "\(way) \(symbol)"
    let worst = shownChecks(walk).map(\.relativeError).max() ?? 0
    var lines = canvas.wrap(
      "Notice: of all the head's settings, \(top.name) = \(NumberFormat.fixed(top.analytic, decimals: Canvas.decimals)) is the steepest, so \(how) lowers L fastest. Every analytic gradient on these pages agrees with its centred difference to \(order(worst))."
    )
    lines += [""]
    lines += canvas.wrap(
      "They may differ at a kink (a zero key or a zero row of M, where the norm has no gradient) or at the edge of a setting's range; 'backward' then says so. Try it: 'ntm repl', then 'target row \(backwardTargetRow)', 'backward', and 'descend' to watch gradient descent move the focus onto row \(backwardTargetRow)."
    )
    return lines
  }
}
