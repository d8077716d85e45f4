/// Writing (paper §3.2, eqs. 3–4): erase, then add.
///
/// ```
/// M̃(i) = M(i) ⊙ (1 − w(i) e)        erase, e ∈ (0, 1)^W
/// M'(i) = M̃(i) + w(i) a              add,   a ∈ (−1, 1)^W
/// ```
/// Where `w(i) = 1` and `e = 1`, row `i` is replaced by `a`; where `w(i) = 0` it is untouched.
public enum Write: Stage {
  /// The memory `M` before the write (N × W), the write weighting `w` (N), the erase vector
  /// `e` and the add vector `a` (W each).
  public struct Input: Equatable, Sendable {
    public var memory: Matrix
    public var weighting: [Double]
    public var erase: [Double]
    public var add: [Double]

    public init(memory: Matrix, weighting: [Double], erase: [Double], add: [Double]) {
      self.memory = memory
      self.weighting = weighting
      self.erase = erase
      self.add = add
    }
  }

  /// The forward's input: every gradient needs some of it.
  public struct Cache: Equatable, Sendable {
    public var input: Input
  }

  /// The memory after the write, `M'[i, j] = M[i, j] (1 − w(i) e_j) + w(i) a_j`.
  /// - Precondition: `weighting.count == memory.rows`, `erase.count == add.count == memory.columns`.
  public static func forward(_ input: Input) -> (output: Matrix, cache: Cache) {
    let (memory, w, e, a) = (input.memory, input.weighting, input.erase, input.add)
    checkShapes(input)
    var written = memory
    for i in 0..<memory.rows {
      for j in 0..<memory.columns { written[i, j] = memory[i, j] * (1 - w[i] * e[j]) + w[i] * a[j] }
    }
    return (written, Cache(input: input))
  }

  /// Given `G = ∂L/∂M'`:
  /// ```
  /// ∂M[i, j] = G_ij (1 − w(i) e_j)
  /// ∂w(i)    = Σ_j G_ij (a_j − M[i, j] e_j)
  /// ∂e_j     = −Σ_i G_ij M[i, j] w(i)
  /// ∂a_j     = Σ_i G_ij w(i)
  /// ```
  /// - Precondition: the gradient has the memory's shape.
  public static func backward(_ outputGradient: Matrix, _ cache: Cache) -> Input {
    let (memory, w, e, a) = (cache.input.memory, cache.input.weighting, cache.input.erase, cache.input.add)
    require(
      outputGradient.rows == memory.rows && outputGradient.columns == memory.columns,
      "Output gradient \(outputGradient.shapeDescription) does not match memory \(memory.shapeDescription)")
    var gradient = Input(
      memory: Matrix(rows: memory.rows, columns: memory.columns),
      weighting: [Double](repeating: 0, count: memory.rows),
      erase: [Double](repeating: 0, count: memory.columns), add: [Double](repeating: 0, count: memory.columns))
    for i in 0..<memory.rows {
      for j in 0..<memory.columns {
        let g = outputGradient[i, j]
        gradient.memory[i, j] = g * (1 - w[i] * e[j])
        gradient.weighting[i] += g * (a[j] - memory[i, j] * e[j])
        gradient.erase[j] -= g * memory[i, j] * w[i]
        gradient.add[j] += g * w[i]
      }
    }
    return gradient
  }

  static func checkShapes(_ input: Input) {
    require(
      input.weighting.count == input.memory.rows,
      "Weighting of length \(input.weighting.count) does not match memory \(input.memory.shapeDescription)")
    require(
      input.erase.count == input.memory.columns && input.add.count == input.memory.columns,
      "Erase (\(input.erase.count)) and add (\(input.add.count)) vectors must have the memory's width: memory \(input.memory.shapeDescription)"
    )
  }
}
