import Foundation

/// Softmax: turns scores into a weighting.
///
/// ```
/// softmax(z)_i = exp(z_i − max z) / Σ_j exp(z_j − max z)
/// ```
/// Subtracting the maximum leaves the result unchanged and keeps every `exp` at most 1, so it
/// cannot overflow; the largest term is exactly 1, so the sum is never 0.
public enum Softmax: Stage {
  /// The scores `z`.
  public struct Input: Equatable, Sendable {
    public var scores: [Double]

    public init(scores: [Double]) { self.scores = scores }
  }

  /// The output `p`: its Jacobian is written in `p` alone.
  public struct Cache: Equatable, Sendable {
    public var output: [Double]

    /// A cache for a softmax output `p` from elsewhere (the machine's tape, a learner's
    /// forward pass): the backward pass needs nothing else.
    public init(output: [Double]) { self.output = output }
  }

  /// `p = softmax(z)`.
  /// - Precondition: `scores` is not empty.
  public static func forward(_ input: Input) -> (output: [Double], cache: Cache) {
    let scores = input.scores
    requireNonEmpty(scores.count, "Softmax scores")
    var largest = -Double.infinity
    for z in scores where z > largest { largest = z }
    var output = scores.map { exp($0 - largest) }
    var sum = 0.0
    for e in output { sum += e }
    for i in 0..<output.count { output[i] /= sum }
    return (output, Cache(output: output))
  }

  /// `∂z_i = p_i (G_i − Σ_j p_j G_j)`.
  /// - Precondition: the gradient has the output's length.
  public static func backward(_ outputGradient: [Double], _ cache: Cache) -> Input {
    let p = cache.output
    requireLength(outputGradient.count, p.count, "Softmax output gradient")
    var mean = 0.0
    for j in 0..<p.count { mean += p[j] * outputGradient[j] }
    return Input(scores: (0..<p.count).map { p[$0] * (outputGradient[$0] - mean) })
  }
}
