import Foundation

/// The element-wise activations that turn a controller's output into head parameters
/// (the package's choices: key `tanh`, strength `softplus`, gate `sigmoid`, sharpening `1 + softplus`,
/// erase `sigmoid`, add `tanh`) and the feed-forward controller's `relu`.
///
/// These are the functions of one number. On arrays, each is a `Stage` of its own: `Sigmoid`,
/// `Tanh`, `Softplus`, `ReLU` (in `ActivationStage.swift`).
public enum Activation: String, CaseIterable, Sendable, Codable {
  /// `σ(x) = 1 / (1 + e^(−x))`; `σ'(x) = σ(x)(1 − σ(x))`.
  case sigmoid
  /// `tanh(x)`; `tanh'(x) = 1 − tanh²(x)`.
  case tanh
  /// `softplus(x) = log(1 + eˣ)`; `softplus'(x) = σ(x)`.
  case softplus
  /// `relu(x) = max(0, x)`; `relu'(x) = 1 if x > 0 else 0` (a kink at 0).
  case relu
  /// `x`, unchanged.
  case identity

  /// The activation of one number.
  @inline(__always)
  public func callAsFunction(_ x: Double) -> Double {
    switch self {
    case .sigmoid: return Activation.sigmoid(x)
    case .tanh: return Foundation.tanh(x)
    case .softplus: return Activation.softplus(x)
    case .relu: return x > 0 ? x : 0
    case .identity: return x
    }
  }

  /// The derivative at input `x`, given the output `y = f(x)`.
  @inline(__always)
  public func derivative(input x: Double, output y: Double) -> Double {
    switch self {
    case .sigmoid: return y * (1 - y)
    case .tanh: return 1 - y * y
    case .softplus: return Activation.sigmoid(x)
    case .relu: return x > 0 ? 1 : 0
    case .identity: return 1
    }
  }

  /// `σ(x)`, written so that `exp` only ever sees a non-positive number and cannot overflow.
  @inline(__always)
  public static func sigmoid(_ x: Double) -> Double {
    if x >= 0 { return 1 / (1 + exp(-x)) }
    let e = exp(x)
    return e / (1 + e)
  }

  /// `log(1 + eˣ)` as `max(x, 0) + log1p(e^(−|x|))`: exact for large `|x|`, never overflows.
  @inline(__always)
  public static func softplus(_ x: Double) -> Double {
    max(x, 0) + log1p(exp(-abs(x)))
  }
}
