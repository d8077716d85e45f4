import Foundation

/// The activations that turn a head's raw linear output `z` into its parameters (paper §3.3;
/// the choices are this package's):
/// ```
/// k = tanh(z_k)             key, in (−1, 1)^W
/// β = softplus(z_β)         key strength, ≥ 0
/// g = σ(z_g)                interpolation gate, in (0, 1)
/// s = softmax(z_s)          shift weighting over −R…R, sums to 1
/// γ = 1 + softplus(z_γ)     sharpening, ≥ 1
/// e = σ(z_e)                erase, in (0, 1)^W        (write heads)
/// a = tanh(z_a)             add, in (−1, 1)^W         (write heads)
/// ```
/// - Note: Following Collier & Beel (2018), each raw value is first clipped to
///   `[−rawClip, rawClip]`. No activation needs it to stay finite (the core's forms are
///   stable), but it bounds `β ≤ 20` and `γ ≤ 21`, so a controller that drifts cannot make a
///   head infinitely sharp, which would stop gradients flowing through its weighting. Outside
///   the clip the gradient is 0.
public enum HeadActivations {
  /// The bound on every raw head output before its activation (Collier & Beel use 20).
  public static let rawClip = 20.0

  @inline(__always)
  static func clipped(_ z: Double) -> Double { min(max(z, -rawClip), rawClip) }

  /// Kernel: `emitted = activations(raw)`, both laid out by `layout`.
  @inline(__always)
  static func forward(
    layout: HeadLayout, raw: UnsafePointer<Double>, into emitted: UnsafeMutablePointer<Double>
  ) {
    for i in layout.key { emitted[i] = tanh(clipped(raw[i])) }
    emitted[layout.keyStrength] = Activation.softplus(clipped(raw[layout.keyStrength]))
    emitted[layout.gate] = Activation.sigmoid(clipped(raw[layout.gate]))
    let shift = layout.shiftWeighting.lowerBound
    for i in layout.shiftWeighting { emitted[i] = clipped(raw[i]) }
    Softmax.forward(emitted + shift, count: layout.shiftCount, into: emitted + shift)
    emitted[layout.sharpening] = 1 + Activation.softplus(clipped(raw[layout.sharpening]))
    for i in layout.erase { emitted[i] = Activation.sigmoid(clipped(raw[i])) }
    for i in layout.add { emitted[i] = tanh(clipped(raw[i])) }
  }

  /// Kernel: given `G = ∂L/∂emitted`, writes (overwrites) `∂L/∂raw`:
  /// ```
  /// ∂z = (1 − k²) G_k, σ(z_β) G_β, g(1 − g) G_g, softmax'ᵀ G_s, σ(z_γ) G_γ, e(1 − e) G_e, (1 − a²) G_a
  /// ```
  /// and 0 wherever the raw value lay outside the clip.
  @inline(__always)
  static func backward(
    layout: HeadLayout, raw: UnsafePointer<Double>, emitted: UnsafePointer<Double>,
    emittedGradient: UnsafePointer<Double>, into rawGradient: UnsafeMutablePointer<Double>
  ) {
    for i in layout.key { rawGradient[i] = (1 - emitted[i] * emitted[i]) * emittedGradient[i] }
    let beta = layout.keyStrength
    rawGradient[beta] = Activation.sigmoid(raw[beta]) * emittedGradient[beta]
    let gate = layout.gate
    rawGradient[gate] = emitted[gate] * (1 - emitted[gate]) * emittedGradient[gate]
    let shift = layout.shiftWeighting.lowerBound
    (rawGradient + shift).update(repeating: 0, count: layout.shiftCount)
    Softmax.backward(
      output: emitted + shift, outputGradient: emittedGradient + shift, count: layout.shiftCount,
      addingInto: rawGradient + shift)
    let gamma = layout.sharpening
    rawGradient[gamma] = Activation.sigmoid(raw[gamma]) * emittedGradient[gamma]
    for i in layout.erase { rawGradient[i] = emitted[i] * (1 - emitted[i]) * emittedGradient[i] }
    for i in layout.add { rawGradient[i] = (1 - emitted[i] * emitted[i]) * emittedGradient[i] }
    for i in 0..<layout.count where abs(raw[i]) > rawClip { rawGradient[i] = 0 }
  }

  /// The head's parameters from its raw linear output.
  /// - Precondition: `raw.count == layout.count`.
  public static func forward(layout: HeadLayout, raw: [Double]) -> HeadParameters {
    requireLength(raw.count, layout.count, "Raw head vector for a \(layout.kind) head")
    var emitted = [Double](repeating: 0, count: layout.count)
    forward(layout: layout, raw: raw, into: &emitted)
    return HeadParameters(emitted: emitted, layout: layout)
  }

  /// The gradient of the raw vector, given the gradient of every parameter.
  /// - Precondition: `raw.count == layout.count`; `gradient` has the layout's sizes.
  public static func backward(layout: HeadLayout, raw: [Double], gradient: HeadParameters) -> [Double] {
    requireLength(raw.count, layout.count, "Raw head vector for a \(layout.kind) head")
    var emitted = [Double](repeating: 0, count: layout.count)
    forward(layout: layout, raw: raw, into: &emitted)
    let emittedGradient = gradient.emitted(layout: layout)
    var rawGradient = [Double](repeating: 0, count: layout.count)
    backward(layout: layout, raw: raw, emitted: emitted, emittedGradient: emittedGradient, into: &rawGradient)
    return rawGradient
  }
}
