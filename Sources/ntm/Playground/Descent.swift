import Foundation
import NTM

/// Gradient descent on a head's parameters in the form a controller emits them, before the
/// activations (paper §3.1):
///
/// ```
/// k = tanh(u)   β = softplus(b)   g = σ(x)   s = softmax(z)   γ = 1 + softplus(c)
/// (u, b, x, z, c) ← (u, b, x, z, c) − rate · ∂L/∂(u, b, x, z, c)
/// ```
/// Steps in these unbounded numbers keep every parameter in its range without clipping.
struct Descent {
  /// How close to its open limits a setting is brought before it is turned into its
  /// pre-activation: `atanh(±1)`, `logit(0)`, `log 0` and the inverse softplus of 0 are
  /// infinite, so a key entry at ±1, a gate at 0 or 1, a shift weight of 0, β = 0 or γ = 1
  /// start this far inside instead.
  static let edgeMargin = 1e-3

  /// The pre-activations.
  var key: [Double], keyStrength: Double, gate: Double, shift: [Double], sharpening: Double

  static func softplus(_ x: Double) -> Double { x > 30 ? x : log1p(exp(x)) }
  static func inverseSoftplus(_ y: Double) -> Double { y > 30 ? y : log(expm1(y)) }
  static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

  /// The pre-activations that give `p` (each brought `edgeMargin` inside its range).
  init(_ p: AddressingParameters) {
    let m = Self.edgeMargin
    key = p.key.map { atanh(min(max($0, -1 + m), 1 - m)) }
    keyStrength = Self.inverseSoftplus(max(p.keyStrength, m))
    let g = min(max(p.gate, m), 1 - m)
    gate = log(g / (1 - g))
    shift = p.shiftWeighting.map { log(max($0, m)) }
    sharpening = Self.inverseSoftplus(max(p.sharpening - 1, m))
  }

  /// The parameters these pre-activations give.
  var parameters: AddressingParameters {
    let top = shift.max() ?? 0
    let e = shift.map { exp($0 - top) }
    let total = e.reduce(0, +)
    return AddressingParameters(
      key: key.map(tanh), keyStrength: Self.softplus(keyStrength), gate: Self.sigmoid(gate),
      shiftWeighting: e.map { $0 / total }, sharpening: 1 + Self.softplus(sharpening))
  }

  /// The largest norm a step's gradient may have before it is scaled down to it (clipping
  /// by norm, as in training): far from the target the loss is steep (L near 50 when the
  /// target's weight is e⁻⁵⁰), and one unclipped step would throw γ to 1 and the key into
  /// tanh's flat tails, where the focus can no longer move.
  static let maximumGradientNorm = 1.0

  /// One step down the gradient `d` (taken at `parameters`), its norm clipped.
  mutating func step(_ d: AddressingParameters, rate: Double) {
    let p = parameters
    var mean = 0.0
    for i in shift.indices { mean += p.shiftWeighting[i] * d.shiftWeighting[i] }
    let dKey = key.indices.map { d.key[$0] * (1 - p.key[$0] * p.key[$0]) }
    let dStrength = d.keyStrength * Self.sigmoid(keyStrength)
    let dGate = d.gate * p.gate * (1 - p.gate)
    let dShift = shift.indices.map { p.shiftWeighting[$0] * (d.shiftWeighting[$0] - mean) }
    let dSharpening = d.sharpening * Self.sigmoid(sharpening)
    let all = dKey + dShift + [dStrength, dGate, dSharpening]
    let norm = all.reduce(0) { $0 + $1 * $1 }.squareRoot()
    guard norm.isFinite else { return }
    let scale = rate / max(1, norm / Self.maximumGradientNorm)
    for j in key.indices { key[j] -= scale * dKey[j] }
    keyStrength -= scale * dStrength
    gate -= scale * dGate
    for i in shift.indices { shift[i] -= scale * dShift[i] }
    sharpening -= scale * dSharpening
  }
}
