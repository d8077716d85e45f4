/// The kernels the machine runs for `Read`. The forward adds rows four at a time, so the
/// output is loaded and stored once per four rows (the rows still added in order):
/// ```
///   r ← r + w(i) M(i) + w(i+1) M(i+1) + w(i+2) M(i+2) + w(i+3) M(i+3)
/// ```
/// The backward takes `∂M(i)` and `∂w(i)` in one pass over each row.
extension Read {
  /// Kernel: `output = Σ_i w(i) M(i)` (width entries; overwrites `output`). Rows go four at a
  /// time (`addScaledFourRows`), so `output` is loaded and stored once per four rows; the
  /// rows are still added in order.
  @inline(__always)
  static func forward(
    memory: UnsafePointer<Double>, rows: Int, width: Int, weighting: UnsafePointer<Double>,
    into output: UnsafeMutablePointer<Double>
  ) {
    output.update(repeating: 0, count: width)
    var row = memory
    var i = 0
    while i &+ 4 <= rows {
      addScaledFourRows(load4(weighting + i), row, to: output, count: width)
      row += 4 * width
      i &+= 4
    }
    while i < rows {
      addScaled(weighting[i], row, to: output, count: width)
      row += width
      i &+= 1
    }
  }

  /// Kernel: adds `∂M(i) = w(i) G` and `∂w(i) = G · M(i)`, both in one pass over the row (the
  /// dot product with `dot`'s four accumulators).
  @inline(__always)
  static func backward(
    memory: UnsafePointer<Double>, rows: Int, width: Int, weighting: UnsafePointer<Double>,
    outputGradient: UnsafePointer<Double>, addingInto memoryGradient: UnsafeMutablePointer<Double>,
    weightingGradient: UnsafeMutablePointer<Double>
  ) {
    let whole = wholeBlocks(width)
    var row = memory
    var rowGradient = memoryGradient
    for i in 0..<rows {
      let w = weighting[i]
      let ws = Lanes4(repeating: w)
      var s = Lanes4()
      var j = 0
      while j < whole {
        let g = load4(outputGradient + j)
        store4(load4(rowGradient + j) + ws * g, at: rowGradient + j)
        s += g * load4(row + j)
        j &+= 4
      }
      while j < width {
        rowGradient[j] += w * outputGradient[j]
        s[0] += outputGradient[j] * row[j]
        j &+= 1
      }
      weightingGradient[i] += total(s)
      row += width
      rowGradient += width
    }
  }
}
