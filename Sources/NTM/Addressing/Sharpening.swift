import Foundation

/// Sharpening (paper §3.3.2, eq. 9): undoes the blur that a fractional shift leaves.
///
/// ```
/// w(i) = (w̃(i) + ε)^γ / Σ_j (w̃(j) + ε)^γ  =  softmax_i(γ · log(w̃(i) + ε)),   ε = 1e-12, γ ≥ 1
/// ```
/// - Note: The paper writes `w̃(i)^γ / Σ_j w̃(j)^γ`. Raising to a large `γ` can underflow every
///   term to 0 and divide 0 by 0; the log-domain softmax subtracts the largest exponent first,
///   so the sum is at least 1. The `ε` keeps `log` finite where a weight is exactly 0.
public enum Sharpening: Stage {
  /// The `ε` added to every weight before its logarithm.
  public static let epsilon = 1e-12

  /// The shifted weighting `w̃` and the sharpening exponent `γ`.
  public struct Input: Equatable, Sendable {
    public var weighting: [Double]
    public var sharpening: Double

    public init(weighting: [Double], sharpening: Double) {
      self.weighting = weighting
      self.sharpening = sharpening
    }
  }

  /// The forward's input, the logarithms `log(w̃(i) + ε)` and the output `w`.
  public struct Cache: Equatable, Sendable {
    public var input: Input
    public var logarithms: [Double]
    public var output: [Double]
  }

  /// `w = softmax(γ · log(w̃ + ε))`.
  /// - Precondition: `weighting` is not empty.
  public static func forward(_ input: Input) -> (output: [Double], cache: Cache) {
    requireNonEmpty(input.weighting.count, "Weighting")
    let logarithms = input.weighting.map { log($0 + epsilon) }
    let output = Softmax.forward(.init(scores: logarithms.map { input.sharpening * $0 })).output
    return (output, Cache(input: input, logarithms: logarithms, output: output))
  }

  /// With `z_i = γ log(w̃_i + ε)` and `∂z_i = w_i (G_i − Σ_j w_j G_j)` (softmax's backward):
  /// `∂w̃_i = γ ∂z_i / (w̃_i + ε)` and `∂γ = Σ_i ∂z_i log(w̃_i + ε)`.
  public static func backward(_ outputGradient: [Double], _ cache: Cache) -> Input {
    let (shifted, sharpening, w) = (cache.input.weighting, cache.input.sharpening, cache.output)
    requireLength(outputGradient.count, shifted.count, "Sharpening output gradient")
    var mean = 0.0
    for j in 0..<w.count { mean += w[j] * outputGradient[j] }
    var gradient = Input(weighting: [Double](repeating: 0, count: shifted.count), sharpening: 0)
    for i in 0..<shifted.count {
      let scoreGradient = w[i] * (outputGradient[i] - mean)
      gradient.weighting[i] = sharpening * scoreGradient / (shifted[i] + epsilon)
      gradient.sharpening += scoreGradient * cache.logarithms[i]
    }
    return gradient
  }
}
