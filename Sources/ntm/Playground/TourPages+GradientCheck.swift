import Foundation
import NTM
import TerminalCharts

/// The tour's last page: content addressing's backward pass checked by `GradientChecker`,
/// as a table of the worst element of k, M and β and as bars of how many digits agree.
extension TourPages {
  /// The most digits a relative error can show agreeing (a `Double` holds about 16).
  static let allDigits = 16.0

  /// The numeric derivative of the checked scalar L along one element x, and how far the
  /// hand-written (analytic) one, a, is from it.
  static let centredDifference = "n = (L(x + h) − L(x − h)) / 2h"
  static let relativeError = "e = |a − n| / max(|a|, |n|)"

  static func gradientCheck(_ state: PlaygroundState, _ canvas: Canvas) -> Tour.Page {
    let report = contentCheck(state)
    let worst = worstElements(report, state)
    let rows = worst.map { input, element, result in
      [input, element, scientific(result.analytic), scientific(result.numeric), order(result.relativeError)]
    }
    var lines = canvas.equation(centredDifference) + canvas.equation(relativeError) + [""]
    lines += canvas.wrap(
      "Training needs the gradient of every stage. Each backward pass is written by hand, so it is checked element by element: its gradient a against the centred difference n of a scalar L of the output (two of them, at h and h/2, combined to cancel their h² error), by the relative error e."
    )
    lines +=
      [""]
      + canvas.wrap(
        "Content addressing at the tour's k, M and β = \(f(state.parameters.keyStrength)); worst element of each input:", indent: "  ") + [
        ""
      ]
    lines += TextTable.render(
      header: ["input", "worst element", "analytic", "numeric", "rel. error"], rows: rows.map { $0.map(canvas.spell) },
      alignments: [.left, .left, .right, .right, .right], width: canvas.width, style: canvas.style)
    let good = GradientChecker.goodTolerance
    lines +=
      [""]
      + canvas.wrap(
        "Digits that agree, −log₁₀ of the relative error rounded down, for each element of k and β and the worst of each row M(i); a pass needs \(Int(digits(good))):",
        indent: "  ") + [""]
    lines +=
      canvas.columns(
        [BarSeries("digits", report.inputs.map { digits($0.relativeError) })], maximum: allDigits,
        labels: report.inputs.map(\.name), decimals: 0) + [""]
    let (_, element, result) = worst.max { $0.result.relativeError < $1.result.relativeError }!
    let mark = "1e\(Int(log10(good)))"
    if report.passes() {
      lines += canvas.wrap(
        "Notice: every relative error is below \(mark), CS231n's mark of a correct gradient (the worst, \(element), is \(order(result.relativeError))). 'ntm gradcheck' checks every operation; 'ntm repl' lets you change every number in this tour."
      )
    } else {
      let verdict = GradientChecker.Verdict(relativeError: result.relativeError)
      lines += canvas.wrap(
        "Notice: \(element) has a relative error of \(scientific(result.relativeError)), above \(mark), CS231n's mark of a correct gradient: this gradient is \(verdict.rawValue). 'ntm gradcheck' checks every operation."
      )
    }
    return Tour.Page(title: "Checking a gradient", lines: lines)
  }

  /// The gradient check of content addressing at the tour's point, as `GradientChecker` runs
  /// it, with one input per element of the key (`k[0]` …), one per row of the memory (`M(0)` …)
  /// and β: so the report holds a result for each element of k, each row of M, and β.
  static func contentCheck(_ state: PlaygroundState) -> GradientChecker.Report {
    let (rows, width) = (state.rows, state.width)
    var generator = SplitMix64(seed: checkSeed)
    let key = state.parameters.key.enumerated().map { GradientChecker.Input("k[\($0)]", scalar: $1) }
    let memory = (0..<rows).map { GradientChecker.Input("M(\($0))", state.memory.row($0)) }
    // The values, in the order above, back into a key, a memory and a key strength.
    let unpack = { (v: [[Double]]) -> (key: [Double], memory: Matrix, keyStrength: Double) in
      (v.prefix(width).map { $0[0] }, Matrix(v.dropFirst(width).prefix(rows).map { $0 }), v[width + rows][0])
    }
    return GradientChecker().check(
      operation: "content addressing",
      inputs: key + memory + [.init("β", scalar: state.parameters.keyStrength)],
      using: &generator,
      evaluate: { v in
        let (key, memory, keyStrength) = unpack(v)
        return ContentAddressing.forward(.init(key: key, memory: memory, keyStrength: keyStrength)).output
      },
      gradient: { v, g in
        let (key, memory, keyStrength) = unpack(v)
        let (_, cache) = ContentAddressing.forward(.init(key: key, memory: memory, keyStrength: keyStrength))
        let d = ContentAddressing.backward(g, cache)
        return d.key.map { [$0] } + (0..<rows).map { d.memory.row($0) } + [[d.keyStrength]]
      })
  }

  /// The worst element of k, of M and of β in `report`, named as `ntm gradcheck` names them
  /// (`k[0]`, `M[2, 2]`, `β`). The first worst wins a tie.
  static func worstElements(
    _ report: GradientChecker.Report, _ state: PlaygroundState
  ) -> [(input: String, element: String, result: GradientChecker.InputResult)] {
    let key = report.inputs.prefix(state.width)
    let memory = Array(report.inputs.dropFirst(state.width).prefix(state.rows))
    let worstKey = key.max { $0.relativeError < $1.relativeError }!
    let row = memory.indices.max { memory[$0].relativeError < memory[$1].relativeError }!
    return [
      ("k", worstKey.name, worstKey),
      ("M", "M[\(row), \(memory[row].worstIndex)]", memory[row]),
      ("β", "β", report.inputs[state.width + state.rows]),
    ]
  }

  /// How many leading digits analytic and numeric share: `−log₁₀` of the relative error,
  /// rounded down (the same rounding as `order`), and `allDigits` when they agree exactly.
  static func digits(_ relativeError: Double) -> Double {
    if relativeError.isNaN { return 0 }
    guard relativeError > 0 else { return allDigits }
    return min(allDigits, max(0, (-log10(relativeError)).rounded(.down)))
  }

  /// `1.2346e-01`: four digits, enough to compare the two gradients by eye.
  static func scientific(_ x: Double) -> String { NumberFormat.scientific(x, digits: 4, plainZero: true) }

  /// A relative error as its order of magnitude, `< 1e-9`: the exact digits are rounding
  /// noise that differs between machines, the order is what the reader judges.
  static func order(_ error: Double) -> String {
    guard error > 0 else { return "0" }
    return "< 1e\(Int((log10(error)).rounded(.up)))"
  }
}
