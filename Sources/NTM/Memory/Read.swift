/// Reading (paper §3.1, eq. 2): a weighted sum of memory rows.
///
/// ```
/// r = Σ_i w(i) M(i)
/// ```
public enum Read: Stage {
  /// The memory `M` (N × W) and the read weighting `w` (N entries).
  public struct Input: Equatable, Sendable {
    public var memory: Matrix
    public var weighting: [Double]

    public init(memory: Matrix, weighting: [Double]) {
      self.memory = memory
      self.weighting = weighting
    }
  }

  /// The forward's input: `∂M` needs `w`, `∂w` needs `M`.
  public struct Cache: Equatable, Sendable {
    public var input: Input
  }

  /// The read vector `r[j] = Σ_i w(i) M[i, j]`.
  /// - Precondition: `weighting.count == memory.rows`.
  public static func forward(_ input: Input) -> (output: [Double], cache: Cache) {
    let (memory, weighting) = (input.memory, input.weighting)
    require(
      weighting.count == memory.rows,
      "Weighting of length \(weighting.count) does not match memory \(memory.shapeDescription)")
    var read = [Double](repeating: 0, count: memory.columns)
    for i in 0..<memory.rows {
      for j in 0..<memory.columns { read[j] += weighting[i] * memory[i, j] }
    }
    return (read, Cache(input: input))
  }

  /// `∂M[i, j] = w(i) G_j`, `∂w(i) = Σ_j G_j M[i, j]`.
  /// - Precondition: the gradient has the memory's width.
  public static func backward(_ outputGradient: [Double], _ cache: Cache) -> Input {
    let (memory, weighting) = (cache.input.memory, cache.input.weighting)
    requireLength(outputGradient.count, memory.columns, "Read gradient for memory \(memory.shapeDescription)")
    var gradient = Input(
      memory: Matrix(rows: memory.rows, columns: memory.columns), weighting: [Double](repeating: 0, count: memory.rows))
    for i in 0..<memory.rows {
      for j in 0..<memory.columns {
        gradient.memory[i, j] = weighting[i] * outputGradient[j]
        gradient.weighting[i] += outputGradient[j] * memory[i, j]
      }
    }
    return gradient
  }
}
