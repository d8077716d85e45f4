/// Writing (paper §3.2, eqs. 3–4): erase, then add.
///
/// ```
/// M̃_i = M_i ⊙ (1 − w(i) e)        erase, e ∈ (0, 1)^W
/// M'_i = M̃_i + w(i) a              add,   a ∈ (−1, 1)^W
/// ```
/// Where `w(i) = 1` and `e = 1`, row `i` is replaced by `a`; where `w(i) = 0` it is untouched.
public enum Write {
  /// The gradients of the inputs.
  public struct Gradients: Equatable, Sendable {
    public var memory: Matrix
    public var weighting: [Double]
    public var erase: [Double]
    public var add: [Double]
  }

  /// Kernel: `output = M ⊙ (1 − w eᵀ) + w aᵀ`. `output` may be `memory` itself (in place).
  @inline(__always)
  public static func forward(
    memory: UnsafePointer<Double>, rows: Int, width: Int, weighting: UnsafePointer<Double>,
    erase: UnsafePointer<Double>, add: UnsafePointer<Double>,
    into output: UnsafeMutablePointer<Double>
  ) {
    var row = memory
    var written = output
    for i in 0..<rows {
      let w = weighting[i]
      for j in 0..<width { written[j] = row[j] * (1 - w * erase[j]) + w * add[j] }
      row += width
      written += width
    }
  }

  /// Kernel: given `G = ∂L/∂M'` and the memory *before* the write, adds
  /// ```
  /// ∂M_i = G_i ⊙ (1 − w(i) e)
  /// ∂w(i) = Σ_j G_ij (a_j − M_ij e_j)  =  G_i · a − Σ_j G_ij M_ij e_j
  /// ∂e_j = −Σ_i G_ij M_ij w(i)
  /// ∂a_j = Σ_i G_ij w(i)
  /// ```
  /// `∂w(i)` is a sum over the row, so it is taken as two `dot`s (four accumulators each);
  /// the other three are element-wise.
  @inline(__always)
  public static func backward(
    memory: UnsafePointer<Double>, rows: Int, width: Int, weighting: UnsafePointer<Double>,
    erase: UnsafePointer<Double>, add: UnsafePointer<Double>, outputGradient: UnsafePointer<Double>,
    addingInto memoryGradient: UnsafeMutablePointer<Double>,
    weightingGradient: UnsafeMutablePointer<Double>, eraseGradient: UnsafeMutablePointer<Double>,
    addGradient: UnsafeMutablePointer<Double>
  ) {
    var row = memory
    var g = outputGradient
    var rowGradient = memoryGradient
    for i in 0..<rows {
      let w = weighting[i]
      weightingGradient[i] += dot(g, add, count: width) - dot(g, row, erase, count: width)
      for j in 0..<width {
        rowGradient[j] += g[j] * (1 - w * erase[j])
        eraseGradient[j] -= w * g[j] * row[j]
        addGradient[j] += w * g[j]
      }
      row += width
      g += width
      rowGradient += width
    }
  }

  static func checkShapes(memory: Matrix, weighting: [Double], erase: [Double], add: [Double]) {
    require(
      weighting.count == memory.rows,
      "Weighting of length \(weighting.count) does not match memory \(memory.shapeDescription)")
    require(
      erase.count == memory.columns && add.count == memory.columns,
      "Erase (\(erase.count)) and add (\(add.count)) vectors must have the memory's width: memory \(memory.shapeDescription)"
    )
  }

  /// The memory after erasing and adding.
  /// - Precondition: `weighting.count == memory.rows`, `erase.count == add.count == memory.columns`.
  public static func forward(memory: Matrix, weighting: [Double], erase: [Double], add: [Double]) -> Matrix {
    checkShapes(memory: memory, weighting: weighting, erase: erase, add: add)
    var output = Matrix(rows: memory.rows, columns: memory.columns)
    forward(
      memory: memory.scalars, rows: memory.rows, width: memory.columns, weighting: weighting,
      erase: erase, add: add, into: &output.scalars)
    return output
  }

  /// The gradients of the memory before the write, the weighting, the erase and the add
  /// vectors, given the gradient of the memory after it.
  public static func backward(
    memory: Matrix, weighting: [Double], erase: [Double], add: [Double], outputGradient: Matrix
  ) -> Gradients {
    checkShapes(memory: memory, weighting: weighting, erase: erase, add: add)
    require(
      outputGradient.rows == memory.rows && outputGradient.columns == memory.columns,
      "Output gradient \(outputGradient.shapeDescription) does not match memory \(memory.shapeDescription)")
    var gradients = Gradients(
      memory: Matrix(rows: memory.rows, columns: memory.columns),
      weighting: [Double](repeating: 0, count: memory.rows),
      erase: [Double](repeating: 0, count: memory.columns),
      add: [Double](repeating: 0, count: memory.columns))
    backward(
      memory: memory.scalars, rows: memory.rows, width: memory.columns, weighting: weighting,
      erase: erase, add: add, outputGradient: outputGradient.scalars,
      addingInto: &gradients.memory.scalars, weightingGradient: &gradients.weighting,
      eraseGradient: &gradients.erase, addGradient: &gradients.add)
    return gradients
  }
}
