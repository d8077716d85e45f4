/// Training stops at the first NaN or infinity, and says where it appeared: which step, which
/// tensor, which element and — when the model names its parameters — which parameter.
public struct NonFiniteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The update (counting from 1) during which the value appeared.
  public var step: Int
  /// What held it: "loss", "logits", "gradient", "parameters".
  public var tensor: String
  /// The flat index of the first non-finite element (nil for a scalar).
  public var index: Int?
  /// The parameter at that index, e.g. `controller.weights[3, 17]`, when known.
  public var parameterName: String?
  /// The value found (NaN or ±∞).
  public var value: Double

  public init(step: Int, tensor: String, index: Int?, parameterName: String?, value: Double) {
    self.step = step
    self.tensor = tensor
    self.index = index
    self.parameterName = parameterName
    self.value = value
  }

  public var description: String {
    var text = "non-finite \(tensor) (\(value)) at step \(step)"
    if let index { text += ", element \(index)" }
    if let parameterName { text += " (\(parameterName))" }
    return text
  }
}

/// A model that can name each entry of its flat parameter vector, so messages point at a
/// weight rather than at an index.
public protocol ParameterNaming {
  /// The name of `parameters[index]`, e.g. `readHead0.key.weights[2, 5]`.
  func parameterName(at index: Int) -> String
}

/// A model that draws random numbers of its own while it runs (a machine whose initial memory
/// is random for every sequence): its generator is part of a run's state, and checkpoints save
/// it so that a resumed run draws the same numbers.
public protocol RandomisedModel {
  var modelGenerator: SplitMix64 { get set }
}

/// The checks the trainer runs after each computation.
public enum NonFiniteGuard {
  /// Throws when `value` is NaN or infinite.
  public static func check(_ value: Double, step: Int, tensor: String) throws(NonFiniteError) {
    if !value.isFinite { throw NonFiniteError(step: step, tensor: tensor, index: nil, parameterName: nil, value: value) }
  }

  /// Throws for the first non-finite element of `values`, naming it with `naming` if given.
  public static func check(
    _ values: [Double], step: Int, tensor: String, naming: ParameterNaming? = nil
  ) throws(NonFiniteError) {
    // `x · 0` is 0 for every finite `x` and NaN otherwise, so this sum is 0 exactly when all
    // values are finite: one branch-free pass in the common case, a scan only on failure.
    var sum = 0.0
    for value in values { sum += value * 0 }
    guard !sum.isFinite else { return }
    if let index = values.firstIndex(where: { !$0.isFinite }) {
      throw NonFiniteError(
        step: step, tensor: tensor, index: index, parameterName: naming?.parameterName(at: index),
        value: values[index])
    }
  }
}
