import Foundation

/// The kernels the machine runs for `Softmax`, on buffers the caller owns. Like every kernel
/// in the library, the backward pass **adds** into its gradient buffer, so gradients from
/// several uses of one value accumulate. The forward multiplies by `1 / Σ` once instead of
/// dividing every entry.
extension Softmax {
  /// Kernel: `output = softmax(scores)`, `count` entries. `output` may be `scores` itself.
  @inline(__always)
  static func forward(
    _ scores: UnsafePointer<Double>, count: Int, into output: UnsafeMutablePointer<Double>
  ) {
    var largest = -Double.infinity
    for i in 0..<count where scores[i] > largest { largest = scores[i] }
    var sum = 0.0
    for i in 0..<count {
      let e = exp(scores[i] - largest)
      output[i] = e
      sum += e
    }
    let inverse = 1 / sum
    for i in 0..<count { output[i] *= inverse }
  }

  /// Kernel: given the forward's output `p` and its gradient `G`, adds
  /// `∂z_i = p_i (G_i − Σ_j p_j G_j)` into `scoresGradient`.
  @inline(__always)
  static func backward(
    output: UnsafePointer<Double>, outputGradient: UnsafePointer<Double>, count: Int,
    addingInto scoresGradient: UnsafeMutablePointer<Double>
  ) {
    let mean = dot(output, outputGradient, count: count)
    for i in 0..<count { scoresGradient[i] += output[i] * (outputGradient[i] - mean) }
  }
}
