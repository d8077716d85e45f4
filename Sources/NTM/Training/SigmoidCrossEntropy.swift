import Foundation

/// The training loss: sigmoid cross-entropy between the model's output logits and binary
/// targets, summed over the time steps a mask selects and over the output bits (Graves et al.
/// 2014, §4: "binary cross-entropy objective function").
///
/// For a logit `z` (the output is `y = σ(z)`) and a target `t ∈ [0, 1]`:
/// ```
/// ℓ(z, t) = −t log σ(z) − (1 − t) log(1 − σ(z))
///         = max(z, 0) − z t + log(1 + e^(−|z|))
/// ```
/// and over a sequence with mask `m` (one entry per time step):
/// ```
/// L = Σ_t m_t Σ_k ℓ(z_tk, t_tk)        ∂L/∂z_tk = m_t (σ(z_tk) − t_tk)
/// ```
/// The second form of `ℓ` is finite for every finite `z` (no `log 0`, no overflowing `exp`), and
/// working on logits rather than on `y` gives the gradient `σ(z) − t` with no division by
/// `y (1 − y)`. Steps with `m_t = 0` (the input phase of the copy task) contribute nothing.
///
/// - Note: The loss is a sum, not a mean, over the sequence: one sequence of length 20 weighs
///   twice one of length 10, as in the paper's "cost per sequence".
public enum SigmoidCrossEntropy {
  /// `ℓ(z, t)` for one logit and one target, in the stable form.
  @inline(__always)
  public static func loss(logit z: Double, target t: Double) -> Double {
    max(z, 0) - z * t + log1p(exp(-abs(z)))
  }

  /// `L = Σ_t m_t Σ_k ℓ(z_tk, t_tk)`.
  /// - Parameters:
  ///   - logits: T × K output logits.
  ///   - targets: T × K targets in [0, 1].
  ///   - mask: T weights, usually 0 or 1.
  /// - Precondition: the shapes agree.
  public static func forward(logits: Matrix, targets: Matrix, mask: [Double]) -> Double {
    requireShapes(logits: logits, targets: targets, mask: mask)
    var total = 0.0
    for t in 0..<logits.rows where mask[t] != 0 {
      var step = 0.0
      for k in 0..<logits.columns {
        let index = t * logits.columns + k
        step += loss(logit: logits.scalars[index], target: targets.scalars[index])
      }
      total += mask[t] * step
    }
    return total
  }

  /// `∂L/∂z_tk = m_t (σ(z_tk) − t_tk)`, T × K.
  /// - Precondition: the shapes agree.
  public static func backward(logits: Matrix, targets: Matrix, mask: [Double]) -> Matrix {
    requireShapes(logits: logits, targets: targets, mask: mask)
    var gradient = Matrix(rows: logits.rows, columns: logits.columns)
    for t in 0..<logits.rows where mask[t] != 0 {
      for k in 0..<logits.columns {
        let index = t * logits.columns + k
        gradient.scalars[index] = mask[t] * (Activation.sigmoid(logits.scalars[index]) - targets.scalars[index])
      }
    }
    return gradient
  }

  static func requireShapes(logits: Matrix, targets: Matrix, mask: [Double]) {
    require(
      logits.rows == targets.rows && logits.columns == targets.columns,
      "Loss: logits \(logits.shapeDescription) and targets \(targets.shapeDescription) differ in shape")
    require(
      mask.count == logits.rows,
      "Loss: mask of length \(mask.count) for logits of \(logits.rows) time steps")
  }
}
