/// The kernels the machine runs for `ContentAddressing`: the cosine kernel, then `β` and the
/// softmax kernel in place, given the row norms computed once per memory.
extension ContentAddressing {
  /// Kernel: `similarity = K(key, M)`, `weighting = softmax(β · similarity)`, given the
  /// memory's row norms (`CosineSimilarity.rowNorms`).
  @inline(__always)
  static func forward(
    key: UnsafePointer<Double>, memory: UnsafePointer<Double>, rowNorms: UnsafePointer<Double>,
    rows: Int, width: Int, keyStrength: Double, similarity: UnsafeMutablePointer<Double>,
    into weighting: UnsafeMutablePointer<Double>
  ) {
    CosineSimilarity.forward(
      key: key, memory: memory, rowNorms: rowNorms, rows: rows, width: width, into: similarity)
    for i in 0..<rows { weighting[i] = keyStrength * similarity[i] }
    Softmax.forward(weighting, count: rows, into: weighting)
  }

  /// Kernel: backward. `∂z = softmax'ᵀ G`, `∂β = Σ_i ∂z_i K_i`, `∂K_i = β ∂z_i`, then through
  /// `K`. Adds into `keyGradient` and `memoryGradient`; returns `∂L/∂β`. `scratch` (N entries)
  /// is overwritten.
  @inline(__always)
  static func backward(
    key: UnsafePointer<Double>, memory: UnsafePointer<Double>, rowNorms: UnsafePointer<Double>,
    rows: Int, width: Int, keyStrength: Double, similarity: UnsafePointer<Double>,
    weighting: UnsafePointer<Double>, outputGradient: UnsafePointer<Double>,
    scratch: UnsafeMutablePointer<Double>,
    addingInto keyGradient: UnsafeMutablePointer<Double>,
    memoryGradient: UnsafeMutablePointer<Double>
  ) -> Double {
    scratch.update(repeating: 0, count: rows)
    Softmax.backward(output: weighting, outputGradient: outputGradient, count: rows, addingInto: scratch)
    let strengthGradient = dot(scratch, similarity, count: rows)
    for i in 0..<rows { scratch[i] *= keyStrength }
    CosineSimilarity.backward(
      key: key, memory: memory, rowNorms: rowNorms, similarity: similarity, rows: rows,
      width: width, outputGradient: scratch, addingInto: keyGradient, memoryGradient: memoryGradient)
    return strengthGradient
  }
}
