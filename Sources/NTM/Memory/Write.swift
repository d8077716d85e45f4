/// Writing (paper §3.2, eqs. 3–4): erase, then add.
///
/// ```
/// M̃(i) = M(i) ⊙ (1 − w(i) e)        erase, e ∈ (0, 1)^W
/// M'(i) = M̃(i) + w(i) a              add,   a ∈ (−1, 1)^W
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
    let whole = wholeBlocks(width)
    var row = memory
    var written = output
    for i in 0..<rows {
      let w = weighting[i]
      let ws = Lanes4(repeating: w)
      var j = 0
      while j < whole {
        store4(load4(row + j) * (1 - ws * load4(erase + j)) + ws * load4(add + j), at: written + j)
        j &+= 4
      }
      while j < width {
        written[j] = row[j] * (1 - w * erase[j]) + w * add[j]
        j &+= 1
      }
      row += width
      written += width
    }
  }

  /// Kernel: given `G = ∂L/∂M'` and the memory *before* the write, writes `∂M` into
  /// `memoryGradient` and adds the other three:
  /// ```
  /// ∂M(i) = G_i ⊙ (1 − w(i) e)
  /// ∂w(i) = Σ_j G_ij (a_j − M[i,j] e_j)  =  G_i · a − Σ_j G_ij M[i,j] e_j
  /// ∂e_j = −Σ_i G_ij M[i,j] w(i)
  /// ∂a_j = Σ_i G_ij w(i)
  /// ```
  /// `∂M(i)` overwrites `memoryGradient`, which may be `outputGradient` itself: each `G_ij`
  /// is read for all four terms before `∂M[i,j]` replaces it, so the backward pass through a
  /// chain of writes needs one gradient buffer and no zeroing. `∂w(i)` is a sum over the row,
  /// taken as two sums with `dot`'s four accumulators, in the same pass as the element-wise
  /// terms.
  @inline(__always)
  public static func backward(
    memory: UnsafePointer<Double>, rows: Int, width: Int, weighting: UnsafePointer<Double>,
    erase: UnsafePointer<Double>, add: UnsafePointer<Double>, outputGradient: UnsafePointer<Double>,
    into memoryGradient: UnsafeMutablePointer<Double>,
    weightingGradient: UnsafeMutablePointer<Double>, eraseGradient: UnsafeMutablePointer<Double>,
    addGradient: UnsafeMutablePointer<Double>
  ) {
    let whole = wholeBlocks(width)
    var row = memory
    var g = outputGradient
    var rowGradient = memoryGradient
    for i in 0..<rows {
      let w = weighting[i]
      let ws = Lanes4(repeating: w)
      var (alongAdd, alongErase) = (Lanes4(), Lanes4())  // G_i · a, Σ_j G_ij M[i,j] e_j
      var j = 0
      while j < whole {
        let (gj, m, e) = (load4(g + j), load4(row + j), load4(erase + j))
        alongAdd += gj * load4(add + j)
        alongErase += gj * m * e
        store4(load4(eraseGradient + j) - ws * gj * m, at: eraseGradient + j)
        store4(load4(addGradient + j) + ws * gj, at: addGradient + j)
        store4(gj * (1 - ws * e), at: rowGradient + j)
        j &+= 4
      }
      while j < width {
        let gj = g[j]
        alongAdd[0] += gj * add[j]
        alongErase[0] += gj * row[j] * erase[j]
        eraseGradient[j] -= w * gj * row[j]
        addGradient[j] += w * gj
        rowGradient[j] = gj * (1 - w * erase[j])
        j &+= 1
      }
      weightingGradient[i] += total(alongAdd) - total(alongErase)
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
      into: &gradients.memory.scalars, weightingGradient: &gradients.weighting,
      eraseGradient: &gradients.erase, addGradient: &gradients.add)
    return gradients
  }
}
