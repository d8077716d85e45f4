/// The kernels the machine runs for `CosineSimilarity`: the same equations as its `forward`
/// and `backward`, on pointers into buffers the caller owns, allocating nothing.
///
/// Two tricks beyond the equation. The row norms `‖M(i)‖` are a step of their own, computed
/// once per memory and shared by every head and by the backward pass. And rows go four at a
/// time, so one pass over the key serves four dot products:
/// ```
///             key k ─────────────┐
///   M(i)   ───── · ─────▶ d_i    │  one load of k[j..j+3]
///   M(i+1) ───── · ─────▶ d_i+1  │  serves four rows
///   M(i+2) ───── · ─────▶ d_i+2  │
///   M(i+3) ───── · ─────▶ d_i+3 ◀┘
/// ```
extension CosineSimilarity {
  /// Kernel: `norms[i] = ‖M(i)‖` for every row of the `rows × width` memory.
  ///
  /// Every cosine against one memory needs the same row norms, so computing them is a step of
  /// its own: the machine does it once per time step and shares the norms between all the
  /// heads that address that memory, instead of once per head and again in the backward pass.
  @inline(__always)
  static func rowNorms(
    memory: UnsafePointer<Double>, rows: Int, width: Int, into norms: UnsafeMutablePointer<Double>
  ) {
    var row = memory
    for i in 0..<rows {
      norms[i] = dot(row, row, count: width).squareRoot()
      row += width
    }
  }

  /// Kernel: `similarity[i] = K(key, M(i))`, given `rowNorms[i] = ‖M(i)‖` (from `rowNorms`).
  @inline(__always)
  static func forward(
    key: UnsafePointer<Double>, memory: UnsafePointer<Double>, rowNorms: UnsafePointer<Double>,
    rows: Int, width: Int, into similarity: UnsafeMutablePointer<Double>
  ) {
    let keyNorm = dot(key, key, count: width).squareRoot()
    var row = memory
    var i = 0
    // Four rows at a time: one pass over the key serves four dot products.
    while i &+ 4 <= rows {
      let products = dotFourRows(row, key, count: width)
      let denominators = keyNorm * load4(rowNorms + i) + epsilon
      store4(products / denominators, at: similarity + i)
      row += 4 * width
      i &+= 4
    }
    while i < rows {
      similarity[i] = dot(key, row, count: width) / (keyNorm * rowNorms[i] + epsilon)
      row += width
      i &+= 1
    }
  }

  /// Kernel: backward. With `d = u·v`, `a = ‖u‖`, `b = ‖v‖`, `D = ab + ε`:
  /// ```
  /// ∂K/∂u = v / D − (d b / D²) · u / a      (the last term 0 when a = 0)
  /// ∂K/∂v = u / D − (d a / D²) · v / b      (the last term 0 when b = 0)
  /// ```
  /// Adds `Σ_i G_i ∂K_i/∂key` into `keyGradient` and `G_i ∂K_i/∂M(i)` into `memoryGradient`.
  ///
  /// Takes the row norms and the forward's `similarity`, and saves work twice: `d / D` is the
  /// saved `K_i`, so no dot product is recomputed; and the key's second term points along `u`
  /// for every row, so its scales are summed over the rows and `u` is added once at the end.
  @inline(__always)
  static func backward(
    key: UnsafePointer<Double>, memory: UnsafePointer<Double>, rowNorms: UnsafePointer<Double>,
    similarity: UnsafePointer<Double>, rows: Int, width: Int, outputGradient: UnsafePointer<Double>,
    addingInto keyGradient: UnsafeMutablePointer<Double>, memoryGradient: UnsafeMutablePointer<Double>
  ) {
    let a = dot(key, key, count: width).squareRoot()
    var keyScaleSum = 0.0
    var row = memory
    var rowGradient = memoryGradient
    for i in 0..<rows {
      let g = outputGradient[i]
      if g != 0 {
        let b = rowNorms[i]
        let denominator = a * b + epsilon
        let direct = g / denominator
        let overSquare = g * similarity[i] / denominator  // g d / D², as K = d / D
        // Zero norms contribute no gradient through ‖·‖ (a convention of this package).
        keyScaleSum += a > 0 ? overSquare * b / a : 0
        let rowScale = b > 0 ? overSquare * a / b : 0
        addRowGradients(
          direct: direct, rowScale: rowScale, key: key, row: row, width: width,
          keyGradient: keyGradient, rowGradient: rowGradient)
      }
      row += width
      rowGradient += width
    }
    addScaled(-keyScaleSum, key, to: keyGradient, count: width)
  }

  /// One row's terms of `backward`, in one pass over the row:
  /// `keyGradient += direct · M(i)` and `rowGradient += direct · key − rowScale · M(i)`.
  @inline(__always)
  static func addRowGradients(
    direct: Double, rowScale: Double, key: UnsafePointer<Double>, row: UnsafePointer<Double>,
    width: Int, keyGradient: UnsafeMutablePointer<Double>, rowGradient: UnsafeMutablePointer<Double>
  ) {
    let (d, r) = (Lanes4(repeating: direct), Lanes4(repeating: rowScale))
    let whole = wholeBlocks(width)
    var j = 0
    while j < whole {
      let m = load4(row + j)
      store4(load4(keyGradient + j) + d * m, at: keyGradient + j)
      store4(load4(rowGradient + j) + (d * load4(key + j) - r * m), at: rowGradient + j)
      j &+= 4
    }
    while j < width {
      keyGradient[j] += direct * row[j]
      rowGradient[j] += direct * key[j] - rowScale * row[j]
      j &+= 1
    }
  }

  /// `‖M(i)‖` for every row of `memory`, through the kernel.
  static func rowNorms(_ memory: Matrix) -> [Double] {
    var norms = [Double](repeating: 0, count: memory.rows)
    rowNorms(memory: memory.scalars, rows: memory.rows, width: memory.columns, into: &norms)
    return norms
  }
}
