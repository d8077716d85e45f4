/// Content addressing (paper §3.3.1, eq. 5): focus on the rows most like the key.
///
/// ```
/// w_c(i) = softmax_i(β · K(k, M(i)))
/// ```
/// `β ≥ 0` is the key strength: `β = 0` gives the uniform weighting, a large `β` focuses on
/// the most similar row.
public enum ContentAddressing {
  /// What the forward pass keeps for the backward pass.
  public struct Saved: Equatable, Sendable {
    /// `K(k, M(i))` for every row.
    public var similarity: [Double]
    /// The content weighting `w_c`.
    public var weighting: [Double]
  }

  /// The gradients of the inputs.
  public struct Gradients: Equatable, Sendable {
    public var key: [Double]
    public var memory: Matrix
    public var keyStrength: Double
  }

  /// Kernel: `similarity = K(key, M)`, `weighting = softmax(β · similarity)`, given the
  /// memory's row norms (`CosineSimilarity.rowNorms`).
  @inline(__always)
  public static func forward(
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
  public static func backward(
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

  /// The content weighting, with what the backward pass needs.
  /// - Precondition: `memory.columns == key.count`, `memory.rows ≥ 1`.
  public static func forward(key: [Double], memory: Matrix, keyStrength: Double) -> Saved {
    require(
      memory.columns == key.count,
      "Key of length \(key.count) does not match memory \(memory.shapeDescription)")
    require(memory.rows > 0, "Memory \(memory.shapeDescription) has no rows to address")
    var similarity = [Double](repeating: 0, count: memory.rows)
    var weighting = similarity
    forward(
      key: key, memory: memory.scalars, rowNorms: CosineSimilarity.rowNorms(memory), rows: memory.rows,
      width: memory.columns, keyStrength: keyStrength, similarity: &similarity, into: &weighting)
    return Saved(similarity: similarity, weighting: weighting)
  }

  /// The gradients of the key, the memory and the key strength.
  public static func backward(
    key: [Double], memory: Matrix, keyStrength: Double, saved: Saved, outputGradient: [Double]
  ) -> Gradients {
    require(
      memory.columns == key.count && memory.rows == outputGradient.count,
      "Key \(key.count), memory \(memory.shapeDescription) and weighting gradient \(outputGradient.count) do not match"
    )
    require(
      saved.similarity.count == memory.rows && saved.weighting.count == memory.rows,
      "Saved similarity \(saved.similarity.count) and weighting \(saved.weighting.count) do not match memory \(memory.shapeDescription): pass what forward returned for this memory"
    )
    var gradients = Gradients(
      key: [Double](repeating: 0, count: key.count),
      memory: Matrix(rows: memory.rows, columns: memory.columns), keyStrength: 0)
    var scratch = [Double](repeating: 0, count: memory.rows)
    gradients.keyStrength = backward(
      key: key, memory: memory.scalars, rowNorms: CosineSimilarity.rowNorms(memory), rows: memory.rows,
      width: memory.columns, keyStrength: keyStrength, similarity: saved.similarity, weighting: saved.weighting,
      outputGradient: outputGradient, scratch: &scratch, addingInto: &gradients.key,
      memoryGradient: &gradients.memory.scalars)
    return gradients
  }
}
