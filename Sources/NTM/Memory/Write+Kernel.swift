/// The kernels the machine runs for `Write`. The forward may write in place; the backward
/// overwrites `∂M` into the buffer that held `∂M'`, so a chain of writes backpropagates
/// through one buffer:
/// ```
///   G_i,j  ──read for ∂w, ∂e, ∂a──▶  then replaced by  G_i,j (1 − w(i) e_j)
/// ```
extension Write {
  /// Kernel: `output = M ⊙ (1 − w eᵀ) + w aᵀ`. `output` may be `memory` itself (in place).
  @inline(__always)
  static func forward(
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
  static func backward(
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
}
