/// A linear (fully connected) layer: `y = W x + b`, with `W` of shape `outputs × inputs`.
///
/// ```
/// y[o] = b[o] + Σ_i W[o][i] x[i]
/// ```
/// The controller, every head's parameter emission and the output layer are linear layers
/// followed by an activation.
public enum Linear: Stage {
  /// The weights `W` (outputs × inputs), the bias `b` (outputs) and the input `x` (inputs).
  public struct Input: Equatable, Sendable {
    public var weights: Matrix
    public var bias: [Double]
    public var input: [Double]

    public init(weights: Matrix, bias: [Double], input: [Double]) {
      self.weights = weights
      self.bias = bias
      self.input = input
    }
  }

  /// The forward's input: `∂W` needs `x`, `∂x` needs `W`.
  public struct Cache: Equatable, Sendable {
    public var input: Input
  }

  /// `y[o] = b[o] + Σ_i W[o][i] x[i]`.
  /// - Precondition: `weights.columns == input.count`, `bias.count == weights.rows`.
  public static func forward(_ input: Input) -> (output: [Double], cache: Cache) {
    let (weights, bias, x) = (input.weights, input.bias, input.input)
    require(
      weights.columns == x.count,
      "Linear weights \(weights.shapeDescription) cannot multiply an input of length \(x.count)")
    require(
      bias.count == weights.rows,
      "Linear bias of length \(bias.count) does not match weights \(weights.shapeDescription)")
    var y = [Double](repeating: 0, count: weights.rows)
    for o in 0..<weights.rows {
      y[o] = bias[o]
      for i in 0..<x.count { y[o] += weights[o, i] * x[i] }
    }
    return (y, Cache(input: input))
  }

  /// `∂W[o][i] = G[o] x[i]`, `∂b[o] = G[o]`, `∂x[i] = Σ_o W[o][i] G[o]`.
  /// - Precondition: the gradient has one entry per output.
  public static func backward(_ outputGradient: [Double], _ cache: Cache) -> Input {
    let (weights, x) = (cache.input.weights, cache.input.input)
    requireLength(outputGradient.count, weights.rows, "Linear output gradient for weights \(weights.shapeDescription)")
    var gradient = Input(
      weights: Matrix(rows: weights.rows, columns: weights.columns), bias: outputGradient,
      input: [Double](repeating: 0, count: x.count))
    for o in 0..<weights.rows {
      for i in 0..<x.count {
        gradient.weights[o, i] = outputGradient[o] * x[i]
        gradient.input[i] += weights[o, i] * outputGradient[o]
      }
    }
    return gradient
  }
}
