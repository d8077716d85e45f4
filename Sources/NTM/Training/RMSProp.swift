import Foundation

/// RMSProp as Graves uses it: with a running mean of the gradient subtracted from the running
/// mean of its square (a variance, not a second moment), and momentum on the step.
///
/// Graves (2013), "Generating Sequences With Recurrent Neural Networks", eqs. (38)–(41), used
/// for every NTM experiment (Graves et al. 2014, §4.6: "RMSProp … with momentum of 0.9"):
/// ```
/// n ← ℵ n + (1 − ℵ) g²
/// ḡ ← ℵ ḡ + (1 − ℵ) g
/// Δ ← ℶ Δ − lr · g / √(n − ḡ² + ε)
/// θ ← θ + Δ
/// ```
/// with `ℵ = 0.95` (`decay`), `ℶ = 0.9` (`momentum`), `lr = 1e-4` and `ε = 1e-4`, all
/// element-wise.
///
/// - Note: NTM-Lasagne's `graves_rmsprop` writes `√(n + ḡ² + ε)`; Graves' paper, followed here,
///   subtracts. `n − ḡ²` is a weighted variance and so is never negative in exact arithmetic
///   (Cauchy–Schwarz, since the weights of `n` and `ḡ` are equal and sum to at most 1); it is
///   floored at 0 so that rounding cannot make the square root's argument negative when `ε` is 0.
public struct RMSProp: Codable, Equatable, Sendable {
  /// Graves' step size `lr` for the NTM copy task (Graves et al. 2014, Table 1).
  public static let defaultLearningRate = 1e-4
  /// `ℵ`, the decay of the running means (Graves 2013, eq. 38–39).
  public static let defaultDecay = 0.95
  /// `ℶ`, the momentum on the step (Graves 2013, eq. 40).
  public static let defaultMomentum = 0.9
  /// `ε` inside the square root (Graves 2013: `ℸ = 0.0001`): steps are at most `lr / √ε`
  /// times a gradient, so a parameter whose gradient has stayed near 0 does not leap.
  public static let defaultEpsilon = 1e-4

  public var learningRate: Double
  /// `ℵ`.
  public var decay: Double
  /// `ℶ`.
  public var momentum: Double
  /// `ε`.
  public var epsilon: Double
  /// `n`, the running mean of `g²`, one per parameter.
  public private(set) var meanSquare: [Double]
  /// `ḡ`, the running mean of `g`, one per parameter.
  public private(set) var mean: [Double]
  /// `Δ`, the last step, one per parameter.
  public private(set) var velocity: [Double]

  /// A fresh optimiser for `parameterCount` parameters (all running means 0).
  public init(
    parameterCount: Int, learningRate: Double = defaultLearningRate, decay: Double = defaultDecay,
    momentum: Double = defaultMomentum, epsilon: Double = defaultEpsilon
  ) {
    self.learningRate = learningRate
    self.decay = decay
    self.momentum = momentum
    self.epsilon = epsilon
    meanSquare = Array(repeating: 0, count: parameterCount)
    mean = meanSquare
    velocity = meanSquare
  }

  /// The number of parameters this optimiser's state covers.
  public var parameterCount: Int { meanSquare.count }

  /// Applies one step to `parameters` in place, given their gradient `g`.
  /// - Precondition: both arrays have `parameterCount` entries.
  public mutating func update(_ parameters: inout [Double], gradient: [Double]) {
    requireLength(parameters.count, parameterCount, "RMSProp parameters")
    requireLength(gradient.count, parameterCount, "RMSProp gradient")
    let (aleph, beth, rate, eps) = (decay, momentum, learningRate, epsilon)
    meanSquare.withUnsafeMutableBufferPointer { n in
      mean.withUnsafeMutableBufferPointer { m in
        velocity.withUnsafeMutableBufferPointer { delta in
          parameters.withUnsafeMutableBufferPointer { theta in
            gradient.withUnsafeBufferPointer { g in
              for i in 0..<g.count {
                let gi = g[i]
                n[i] = aleph * n[i] + (1 - aleph) * gi * gi
                m[i] = aleph * m[i] + (1 - aleph) * gi
                let variance = max(n[i] - m[i] * m[i], 0)
                delta[i] = beth * delta[i] - rate * gi / (variance + eps).squareRoot()
                theta[i] += delta[i]
              }
            }
          }
        }
      }
    }
  }

  /// Problems with the state, one sentence each (empty when it is consistent).
  var problems: [String] {
    var problems: [String] = []
    let count = parameterCount
    if mean.count != count || velocity.count != count {
      problems.append("RMSProp state arrays have \(count), \(mean.count) and \(velocity.count) entries")
    }
    if !(learningRate.isFinite && learningRate > 0) { problems.append("RMSProp learning rate \(learningRate) is not a positive number") }
    if !(decay >= 0 && decay < 1) { problems.append("RMSProp decay \(decay) is not in [0, 1)") }
    if !(momentum >= 0 && momentum < 1) { problems.append("RMSProp momentum \(momentum) is not in [0, 1)") }
    if !(epsilon.isFinite && epsilon > 0) { problems.append("RMSProp epsilon \(epsilon) is not a positive number") }
    for (name, values) in [("n", meanSquare), ("mean", mean), ("velocity", velocity)] {
      if let index = values.firstIndex(where: { !$0.isFinite }) {
        problems.append("RMSProp \(name)[\(index)] is \(values[index])")
      }
    }
    return problems
  }
}
