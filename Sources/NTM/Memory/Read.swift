/// Reading (paper §3.1, eq. 2): a weighted sum of memory rows.
///
/// ```
/// r = Σ_i w(i) M_i
/// ```
public enum Read {
  /// The gradients of the inputs.
  public struct Gradients: Equatable, Sendable {
    public var memory: Matrix
    public var weighting: [Double]
  }

  /// Kernel: `output = Σ_i w(i) M_i` (width entries; overwrites `output`).
  @inline(__always)
  public static func forward(
    memory: UnsafePointer<Double>, rows: Int, width: Int, weighting: UnsafePointer<Double>,
    into output: UnsafeMutablePointer<Double>
  ) {
    output.update(repeating: 0, count: width)
    var row = memory
    for i in 0..<rows {
      addScaled(weighting[i], row, to: output, count: width)
      row += width
    }
  }

  /// Kernel: adds `∂M_i = w(i) G` and `∂w(i) = G · M_i`.
  @inline(__always)
  public static func backward(
    memory: UnsafePointer<Double>, rows: Int, width: Int, weighting: UnsafePointer<Double>,
    outputGradient: UnsafePointer<Double>, addingInto memoryGradient: UnsafeMutablePointer<Double>,
    weightingGradient: UnsafeMutablePointer<Double>
  ) {
    var row = memory
    var rowGradient = memoryGradient
    for i in 0..<rows {
      addScaled(weighting[i], outputGradient, to: rowGradient, count: width)
      weightingGradient[i] += dot(outputGradient, row, count: width)
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
