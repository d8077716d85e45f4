/// The kernels the machine runs for `Interpolation`: the same loops on pointers, the backward
/// adding into the caller's gradient buffers.
extension Interpolation {
  /// Kernel: `output = g · content + (1 − g) · previous`, `count` entries.
  @inline(__always)
  static func forward(
    content: UnsafePointer<Double>, previous: UnsafePointer<Double>, gate: Double, count: Int,
    into output: UnsafeMutablePointer<Double>
  ) {
    for i in 0..<count { output[i] = gate * content[i] + (1 - gate) * previous[i] }
  }

  /// Kernel: adds `∂w_c = g G` and `∂w_prev = (1 − g) G`; returns `∂g = Σ_i G_i (w_c(i) − w_prev(i))`.
  @inline(__always)
  static func backward(
    content: UnsafePointer<Double>, previous: UnsafePointer<Double>, gate: Double, count: Int,
    outputGradient: UnsafePointer<Double>, addingInto contentGradient: UnsafeMutablePointer<Double>,
    previousGradient: UnsafeMutablePointer<Double>
  ) -> Double {
    var gateGradient = 0.0
    for i in 0..<count {
      let g = outputGradient[i]
      contentGradient[i] += gate * g
      previousGradient[i] += (1 - gate) * g
      gateGradient += g * (content[i] - previous[i])
    }
    return gateGradient
  }
}
