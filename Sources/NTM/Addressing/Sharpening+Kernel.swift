import Foundation

/// The kernels the machine runs for `Sharpening`: the logarithms are taken once, in the
/// forward pass, and kept in the caller's buffer for the backward pass.
extension Sharpening {
  /// Kernel: `logs[i] = log(w̃(i) + ε)`, the exponent of sharpening before `γ` scales it.
  @inline(__always)
  static func logarithms(_ weighting: UnsafePointer<Double>, count: Int, into logs: UnsafeMutablePointer<Double>) {
    for i in 0..<count { logs[i] = log(weighting[i] + epsilon) }
  }

  /// Kernel: `output = softmax(γ · log(weighting + ε))`, `count` entries. Keeps
  /// `logs[i] = log(w̃(i) + ε)` for the backward pass, which then takes no logarithms.
  @inline(__always)
  static func forward(
    _ weighting: UnsafePointer<Double>, count: Int, sharpening: Double,
    logs: UnsafeMutablePointer<Double>, into output: UnsafeMutablePointer<Double>
  ) {
    logarithms(weighting, count: count, into: logs)
    for i in 0..<count { output[i] = sharpening * logs[i] }
    Softmax.forward(output, count: count, into: output)
  }

  /// Kernel: with `z_i = γ log(w̃_i + ε)` and `∂z = softmax'ᵀ G`, adds
  /// `∂w̃_i = γ ∂z_i / (w̃_i + ε)` and returns `∂γ = Σ_i ∂z_i log(w̃_i + ε)`, given the
  /// forward's `logs` and `output`.
  @inline(__always)
  static func backward(
    _ weighting: UnsafePointer<Double>, logs: UnsafePointer<Double>, count: Int, sharpening: Double,
    output: UnsafePointer<Double>, outputGradient: UnsafePointer<Double>,
    addingInto weightingGradient: UnsafeMutablePointer<Double>
  ) -> Double {
    let mean = dot(output, outputGradient, count: count)
    var sharpeningGradient = 0.0
    for i in 0..<count {
      let scoreGradient = output[i] * (outputGradient[i] - mean)
      sharpeningGradient += scoreGradient * logs[i]
      weightingGradient[i] += sharpening * scoreGradient / (weighting[i] + epsilon)
    }
    return sharpeningGradient
  }
}
