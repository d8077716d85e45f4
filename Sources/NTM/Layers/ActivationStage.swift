/// An element-wise activation as a `Stage`: `y_i = f(x_i)`, `∂x_i = f'(x_i) G_i`.
///
/// Each backward takes what the forward saw (its input and its output, whichever gives the
/// derivative most simply and stably: `σ' = y(1 − y)`, `tanh' = 1 − y²`, `softplus' = σ(x)`).
public protocol ActivationStage: Stage
where Input == ActivationInput, Output == [Double], Cache == ActivationCache {
  /// The function of one number.
  static var activation: Activation { get }
}

/// The input of an element-wise activation.
public struct ActivationInput: Equatable, Sendable {
  public var x: [Double]

  public init(x: [Double]) { self.x = x }
}

/// What an element-wise activation's backward pass needs: its input and its output.
public struct ActivationCache: Equatable, Sendable {
  public var input: [Double]
  public var output: [Double]
}

extension ActivationStage {
  /// `y_i = f(x_i)`.
  public static func forward(_ input: ActivationInput) -> (output: [Double], cache: ActivationCache) {
    let output = input.x.map { activation($0) }
    return (output, ActivationCache(input: input.x, output: output))
  }

  /// `∂x_i = f'(x_i) G_i`.
  /// - Precondition: the gradient has the output's length.
  public static func backward(_ outputGradient: [Double], _ cache: ActivationCache) -> ActivationInput {
    requireLength(outputGradient.count, cache.input.count, "\(activation.rawValue) output gradient")
    var gradient = [Double](repeating: 0, count: cache.input.count)
    for i in 0..<gradient.count {
      gradient[i] = activation.derivative(input: cache.input[i], output: cache.output[i]) * outputGradient[i]
    }
    return ActivationInput(x: gradient)
  }
}

/// `σ(x) = 1 / (1 + e^(−x))`, element-wise; `σ' = σ(1 − σ)`.
public enum Sigmoid: ActivationStage {
  public static let activation = Activation.sigmoid
}

/// `tanh(x)`, element-wise; `tanh' = 1 − tanh²`.
public enum Tanh: ActivationStage {
  public static let activation = Activation.tanh
}

/// `softplus(x) = log(1 + eˣ)`, element-wise; `softplus' = σ`.
public enum Softplus: ActivationStage {
  public static let activation = Activation.softplus
}

/// `relu(x) = max(0, x)`, element-wise; `relu' = 1 if x > 0 else 0` (a kink at 0).
public enum ReLU: ActivationStage {
  public static let activation = Activation.relu
}
