import Foundation
import NTM

/// The loss on the final weighting and its gradient, walked back one stage at a time with
/// the library's stages, each parameter's analytic gradient beside its centred difference.
///
/// ```
/// L      = −Σ_i t(i) log w(i),   log w(i) = z(i) − log Σ_j exp z(j),   z = γ log(w̃ + ε)
/// ∂L/∂w  = −t(i) / w(i)
/// ```
/// then sharpening → shift → interpolation → content → cosine similarity, each stage's
/// backward turning the gradient at its output into the gradient of its inputs; the cosine
/// similarity hands the loss on to the memory, `∂L/∂M`.
struct BackwardWalk {
  /// The smallest `w(i)` that `∂L/∂w(i) = −t(i)/w(i)` divides by: for a huge γ the sharpened
  /// weighting can underflow to exactly 0, and the quotient must stay finite. (The loss itself
  /// is taken in the log domain from the sharpening's scores, so it is always finite.)
  static let smallestWeight = Double.leastNormalMagnitude

  /// `L = −Σ t(i) log w(i)` with `log w` as sharpening's log-softmax, and `∂L/∂w`.
  static func loss(_ w: [Double], _ cache: Addressing.Cache, target: [Double]) -> (loss: Double, gradient: [Double]) {
    let z = cache.sharpening.logarithms.map { cache.sharpening.input.sharpening * $0 }
    let top = z.max() ?? 0
    let logTotal = top + log(z.reduce(0) { $0 + exp($1 - top) })
    var loss = 0.0
    for i in 0..<w.count where target[i] > 0 { loss -= target[i] * (z[i] - logTotal) }
    return (loss, (0..<w.count).map { -target[$0] / max(w[$0], smallestWeight) })
  }

  /// The relative step `h` of the centred difference, `h = step · max(1, |x|)`: small enough
  /// that the truncation error `h² f'''/6` is far below 1e-7, large enough that rounding in
  /// `L(x ± h)` stays near `1e-16 · L / h`.
  static let differenceStep = 1e-5

  /// One scalar parameter's gradient: analytic, numeric, and whether the numeric one had to
  /// be one-sided because the parameter sits at the edge of its range.
  struct Check: Equatable, Sendable {
    var name: String
    var analytic: Double
    var numeric: Double
    var oneSided = false
    var relativeError: Double { GradientChecker.relativeError(analytic: analytic, numeric: numeric) }
  }

  /// The target `t` the loss compares the final weighting with.
  var target: [Double]
  var loss: Double
  /// `∂L/∂w`, `∂L/∂w̃`, `∂L/∂w_g`, `∂L/∂w_c`, `∂L/∂K`: the gradient at each stage's output.
  var atWeighting: [Double], atShifted: [Double], atInterpolated: [Double], atContent: [Double], atSimilarity: [Double]
  var sharpening: Check, gate: Check, keyStrength: Check
  var shift: [Check]
  /// The checks of `∂L/∂k[j]` for `j` in `keyIndices`: every entry of k, or, for a walk asked
  /// to check at most `keyChecks` of them, the first ones and the steepest.
  var key: [Check], keyIndices: [Int]
  /// `∂L/∂M`, N × W: the loss reaches the memory through the cosine similarity of every row.
  var atMemory: Matrix
  /// The largest entry of `∂L/∂M` in size (the first of a tie), and its check.
  var memoryRow: Int, memoryColumn: Int
  var memory: Check
  /// The analytic gradient of every head parameter, for a descent step.
  var parameters: AddressingParameters

  /// `L = −Σ t(i) log(w(i) + ε)` for the final weighting of `state` with `parameters`.
  static func loss(_ state: PlaygroundState, _ parameters: AddressingParameters, target: [Double]) -> Double {
    let (w, cache) = Addressing.forward(
      .init(memory: state.memory, previousWeighting: state.previousWeighting, parameters: parameters))
    return loss(w, cache, target: target).loss
  }

  /// The analytic gradients only: what a descent step needs.
  static func gradient(_ state: PlaygroundState, target: [Double]) -> (loss: Double, parameters: AddressingParameters) {
    let (w, cache) = Addressing.forward(
      .init(memory: state.memory, previousWeighting: state.previousWeighting, parameters: state.parameters))
    let (loss, g) = loss(w, cache, target: target)
    return (loss, Addressing.backward(g, cache).parameters)
  }

  /// The walk for `state` against `target`, with every parameter checked numerically — of the
  /// key, at most `keyChecks` entries (each check runs the forward pass twice, and a screen
  /// shows at most `Canvas.rowLimit` of a 256-entry key): the first ones and the steepest.
  init(_ state: PlaygroundState, target: [Double], keyChecks: Int = .max) {
    let p = state.parameters
    self.target = target
    let (w, cache) = Addressing.forward(.init(memory: state.memory, previousWeighting: state.previousWeighting, parameters: p))
    (loss, atWeighting) = Self.loss(w, cache, target: target)
    let sharpened = Sharpening.backward(atWeighting, cache.sharpening)
    atShifted = sharpened.weighting
    let shifted = Shift.backward(atShifted, cache.shift)
    atInterpolated = shifted.weighting
    let interpolated = Interpolation.backward(atInterpolated, cache.interpolation)
    atContent = interpolated.content
    let scores = Softmax.backward(atContent, cache.content.softmax).scores
    atSimilarity = scores.map { p.keyStrength * $0 }
    var strength = 0.0
    for i in 0..<scores.count { strength += scores[i] * cache.content.similarity[i] }
    let cosine = CosineSimilarity.backward(atSimilarity, cache.content.cosine)
    atMemory = cosine.memory
    parameters = AddressingParameters(
      key: cosine.key, keyStrength: strength, gate: interpolated.gate, shiftWeighting: shifted.shiftWeighting,
      sharpening: sharpened.sharpening)

    let numeric = { (value: Double, lower: Double?, upper: Double?, set: (inout AddressingParameters, Double) -> Void) in
      Self.centredDifference(state, p, target: target, value: value, lower: lower, upper: upper, set: set)
    }
    let (numericSharpening, sharpeningEdge) = numeric(p.sharpening, nil, nil) { $0.sharpening = $1 }
    sharpening = Check(name: "∂L/∂γ", analytic: parameters.sharpening, numeric: numericSharpening, oneSided: sharpeningEdge)
    let (ng, gEdge) = numeric(p.gate, 0, 1) { $0.gate = $1 }
    gate = Check(name: "∂L/∂g", analytic: parameters.gate, numeric: ng, oneSided: gEdge)
    let (numericKeyStrength, keyStrengthEdge) = numeric(p.keyStrength, 0, nil) { $0.keyStrength = $1 }
    keyStrength = Check(name: "∂L/∂β", analytic: parameters.keyStrength, numeric: numericKeyStrength, oneSided: keyStrengthEdge)
    let range = p.shiftWeighting.count / 2
    let analytic = parameters
    shift = p.shiftWeighting.indices.map { d in
      let (n, edge) = numeric(p.shiftWeighting[d], 0, nil) { $0.shiftWeighting[d] = $1 }
      let offset = d - range
      return Check(
        name: "∂L/∂s(\(offset > 0 ? "+" : "")\(offset))", analytic: analytic.shiftWeighting[d], numeric: n, oneSided: edge)
    }
    let steepestKey = analytic.key.indices.max { abs(analytic.key[$0]) < abs(analytic.key[$1]) } ?? 0
    keyIndices = Array(p.key.indices.prefix(max(keyChecks, 1)))
    if !keyIndices.contains(steepestKey) { keyIndices[keyIndices.count - 1] = steepestKey }
    key = keyIndices.map { j in
      let (n, edge) = numeric(p.key[j], nil, nil) { $0.key[j] = $1 }
      return Check(name: "∂L/∂k[\(j)]", analytic: analytic.key[j], numeric: n, oneSided: edge)
    }
    let sizes = atMemory.scalars.map(abs)
    let largest = sizes.indices.max { sizes[$0] < sizes[$1] } ?? 0
    (memoryRow, memoryColumn) = atMemory.columns > 0 ? (largest / atMemory.columns, largest % atMemory.columns) : (0, 0)
    memory = Check(
      name: "∂L/∂M[\(memoryRow),\(memoryColumn)]", analytic: atMemory.scalars.isEmpty ? 0 : atMemory.scalars[largest],
      numeric: Self.memoryDifference(state, target: target, row: memoryRow, column: memoryColumn))
  }

  /// `(L(M + h) − L(M − h)) / 2h` for the memory entry `M[row, column]`, through all four stages.
  static func memoryDifference(_ state: PlaygroundState, target: [Double], row: Int, column: Int) -> Double {
    guard row < state.rows, column < state.width else { return 0 }
    let value = state.memory[row, column]
    let h = differenceStep * max(1, abs(value))
    func at(_ x: Double) -> Double {
      var moved = state
      moved.memory[row, column] = x
      return loss(moved, state.parameters, target: target)
    }
    return (at(value + h) - at(value - h)) / (2 * h)
  }

  /// `(L(x+h) − L(x−h)) / 2h` through all four stages; one-sided, inward, where `x ± h` would
  /// leave the setting's range (`g` in [0, 1], `β` and `s(Δ)` ≥ 0).
  static func centredDifference(
    _ state: PlaygroundState, _ p: AddressingParameters, target: [Double], value: Double, lower: Double?, upper: Double?,
    set: (inout AddressingParameters, Double) -> Void
  ) -> (Double, Bool) {
    let h = differenceStep * max(1, abs(value))
    func at(_ x: Double) -> Double {
      var q = p
      set(&q, x)
      return loss(state, q, target: target)
    }
    if let lower, value - h < lower { return ((at(value + h) - at(value)) / h, true) }
    if let upper, value + h > upper { return ((at(value) - at(value - h)) / h, true) }
    return ((at(value + h) - at(value - h)) / (2 * h), false)
  }
}
