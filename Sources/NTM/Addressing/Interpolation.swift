/// Interpolation with the previous weighting (paper §3.3.2, eq. 7).
///
/// ```
/// w_g = g · w_c + (1 − g) · w_prev,    g ∈ (0, 1)
/// ```
/// The gate `g` chooses between addressing by content (`g = 1`) and keeping the last focus
/// (`g = 0`), from which the shift can then move on: that is how a head iterates.
public enum Interpolation: Stage {
  /// The content weighting `w_c`, the previous weighting `w_prev` and the gate `g`.
  public struct Input: Equatable, Sendable {
    public var content: [Double]
    public var previous: [Double]
    public var gate: Double

    public init(content: [Double], previous: [Double], gate: Double) {
      self.content = content
      self.previous = previous
      self.gate = gate
    }
  }

  /// The forward's input: the backward pass needs both weightings and the gate.
  public struct Cache: Equatable, Sendable {
    public var input: Input
  }

  /// `w_g(i) = g · w_c(i) + (1 − g) · w_prev(i)`.
  /// - Precondition: the weightings have equal lengths.
  public static func forward(_ input: Input) -> (output: [Double], cache: Cache) {
    let (content, previous, gate) = (input.content, input.previous, input.gate)
    requireLength(previous.count, content.count, "Previous weighting beside a content weighting")
    var output = [Double](repeating: 0, count: content.count)
    for i in 0..<content.count { output[i] = gate * content[i] + (1 - gate) * previous[i] }
    return (output, Cache(input: input))
  }

  /// `∂w_c(i) = g G_i`, `∂w_prev(i) = (1 − g) G_i`, `∂g = Σ_i G_i (w_c(i) − w_prev(i))`.
  public static func backward(_ outputGradient: [Double], _ cache: Cache) -> Input {
    let (content, previous, gate) = (cache.input.content, cache.input.previous, cache.input.gate)
    requireLength(outputGradient.count, content.count, "Interpolation output gradient")
    var gradient = Input(
      content: [Double](repeating: 0, count: content.count),
      previous: [Double](repeating: 0, count: content.count), gate: 0)
    for i in 0..<content.count {
      gradient.content[i] = gate * outputGradient[i]
      gradient.previous[i] = (1 - gate) * outputGradient[i]
      gradient.gate += outputGradient[i] * (content[i] - previous[i])
    }
    return gradient
  }
}
