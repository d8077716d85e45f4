import Foundation

/// Adam (Kingma & Ba, 2015, Algorithm 1), the optimiser of Collier & Beel's NTM (2018):
/// ```
/// m ← β₁ m + (1 − β₁) g
/// v ← β₂ v + (1 − β₂) g²
/// θ ← θ − lr · m̂ / (√v̂ + ε),   m̂ = m / (1 − β₁ᵗ),  v̂ = v / (1 − β₂ᵗ)
/// ```
/// where `t` counts the updates so far, this one included.
public struct Adam: Codable, Equatable, Sendable {
  /// Kingma & Ba's and Collier & Beel's step size.
  public static let defaultLearningRate = 1e-3
  /// `β₁`, the decay of the mean of `g`.
  public static let defaultBeta1 = 0.9
  /// `β₂`, the decay of the mean of `g²`.
  public static let defaultBeta2 = 0.999
  /// `ε`, added to `√v̂` so a parameter whose gradient has always been 0 does not divide by 0.
  public static let defaultEpsilon = 1e-8

  public var learningRate: Double
  public var beta1: Double
  public var beta2: Double
  public var epsilon: Double
  /// `t`, the number of updates applied.
  public private(set) var stepCount: Int
  /// `m`, the running mean of `g`.
  public private(set) var firstMoment: [Double]
  /// `v`, the running mean of `g²`.
  public private(set) var secondMoment: [Double]

  /// A fresh optimiser for `parameterCount` parameters.
  public init(
    parameterCount: Int, learningRate: Double = defaultLearningRate, beta1: Double = defaultBeta1,
    beta2: Double = defaultBeta2, epsilon: Double = defaultEpsilon
  ) {
    self.learningRate = learningRate
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    stepCount = 0
    firstMoment = Array(repeating: 0, count: parameterCount)
    secondMoment = firstMoment
  }

  public var parameterCount: Int { firstMoment.count }

  /// Applies one step to `parameters` in place, given their gradient `g`.
  /// - Precondition: both arrays have `parameterCount` entries.
  public mutating func update(_ parameters: inout [Double], gradient: [Double]) {
    requireLength(parameters.count, parameterCount, "Adam parameters")
    requireLength(gradient.count, parameterCount, "Adam gradient")
    stepCount += 1
    let (b1, b2, eps) = (beta1, beta2, epsilon)
    let correction1 = 1 - pow(b1, Double(stepCount))
    let correction2 = 1 - pow(b2, Double(stepCount))
    let rate = learningRate / correction1
    firstMoment.withUnsafeMutableBufferPointer { m in
      secondMoment.withUnsafeMutableBufferPointer { v in
        parameters.withUnsafeMutableBufferPointer { theta in
          gradient.withUnsafeBufferPointer { g in
            for i in 0..<g.count {
              let gi = g[i]
              m[i] = b1 * m[i] + (1 - b1) * gi
              v[i] = b2 * v[i] + (1 - b2) * gi * gi
              theta[i] -= rate * m[i] / ((v[i] / correction2).squareRoot() + eps)
            }
          }
        }
      }
    }
  }

  /// Problems with the state, one sentence each (empty when it is consistent).
  var problems: [String] {
    var problems: [String] = []
    if secondMoment.count != parameterCount {
      problems.append("Adam state arrays have \(parameterCount) and \(secondMoment.count) entries")
    }
    if !Limits.counter.contains(stepCount) { problems.append("Adam step count \(stepCount) is not from 0 to \(Limits.counter.upperBound)") }
    if !(learningRate.isFinite && learningRate > 0) { problems.append("Adam learning rate \(learningRate) is not a positive number") }
    if !(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1) { problems.append("Adam β₁ = \(beta1), β₂ = \(beta2) are not in [0, 1)") }
    if !(epsilon.isFinite && epsilon > 0) { problems.append("Adam epsilon \(epsilon) is not a positive number") }
    for (name, values) in [("m", firstMoment), ("v", secondMoment)] {
      if let index = values.firstIndex(where: { !$0.isFinite }) {
        problems.append("Adam \(name)[\(index)] is \(values[index])")
      }
    }
    return problems
  }
}
