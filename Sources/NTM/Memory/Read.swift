/// Reading (paper §3.1, eq. 2): a weighted sum of memory rows.
///
/// ```
/// r = Σ_i w(i) M(i)
/// ```
public enum Read {
  /// The gradients of the inputs.
  public struct Gradients: Equatable, Sendable {
    public var memory: Matrix
    public var weighting: [Double]
  }

  /// Kernel: `output = Σ_i w(i) M(i)` (width entries; overwrites `output`). Rows go four at a
  /// time (`addScaledFourRows`), so `output` is loaded and stored once per four rows; the
  /// rows are still added in order.
  @inline(__always)
  public static func forward(
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
  public static func backward(
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

  /// The read vector `r`.
  /// - Precondition: `weighting.count == memory.rows`.
  public static func forward(memory: Matrix, weighting: [Double]) -> [Double] {
    require(
      weighting.count == memory.rows,
      "Weighting of length \(weighting.count) does not match memory \(memory.shapeDescription)")
    var output = [Double](repeating: 0, count: memory.columns)
    forward(memory: memory.scalars, rows: memory.rows, width: memory.columns, weighting: weighting, into: &output)
    return output
  }

  /// The gradients of the memory and the weighting, given the read vector's gradient.
  public static func backward(memory: Matrix, weighting: [Double], outputGradient: [Double]) -> Gradients {
    require(
      weighting.count == memory.rows && outputGradient.count == memory.columns,
      "Weighting \(weighting.count) and read gradient \(outputGradient.count) do not match memory \(memory.shapeDescription)"
    )
    var gradients = Gradients(
      memory: Matrix(rows: memory.rows, columns: memory.columns),
      weighting: [Double](repeating: 0, count: memory.rows))
    backward(
      memory: memory.scalars, rows: memory.rows, width: memory.columns, weighting: weighting,
      outputGradient: outputGradient, addingInto: &gradients.memory.scalars,
      weightingGradient: &gradients.weighting)
    return gradients
  }
}
