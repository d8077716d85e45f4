/// Cosine similarity of a key with every row of the memory (paper §3.3.1, eq. 6).
///
/// ```
/// K(u, v) = u·v / (‖u‖ ‖v‖ + ε),   ε = 1e-8
/// ```
/// - Note: The paper writes `u·v / (‖u‖‖v‖)`. The `ε` keeps a zero key or a zero memory row
///   (the memory starts near zero) from dividing by zero; `K` is then 0. Where a norm is 0 its
///   gradient is taken as 0 (a convention of this package), so a zero vector gets a finite gradient too.
public enum CosineSimilarity: Stage {
  /// The `ε` added to the product of norms.
  public static let epsilon = 1e-8

  /// The key `k` (W entries) and the memory `M` (N × W).
  public struct Input: Equatable, Sendable {
    public var key: [Double]
    public var memory: Matrix

    public init(key: [Double], memory: Matrix) {
      self.key = key
      self.memory = memory
    }
  }

  /// The forward's input and its output `K(k, M(i))`.
  public struct Cache: Equatable, Sendable {
    public var input: Input
    public var similarity: [Double]
  }

  /// `K(k, M(i))` for every row `i`.
  /// - Precondition: `memory.columns == key.count`.
  public static func forward(_ input: Input) -> (output: [Double], cache: Cache) {
    let (key, memory) = (input.key, input.memory)
    require(
      memory.columns == key.count,
      "Key of length \(key.count) does not match memory \(memory.shapeDescription)")
    let keyNorm = norm(key)
    var similarity = [Double](repeating: 0, count: memory.rows)
    for i in 0..<memory.rows {
      var (product, rowSquares) = (0.0, 0.0)  // k · M(i) and ‖M(i)‖²
      for j in 0..<key.count {
        product += key[j] * memory[i, j]
        rowSquares += memory[i, j] * memory[i, j]
      }
      similarity[i] = product / (keyNorm * rowSquares.squareRoot() + epsilon)
    }
    return (similarity, Cache(input: input, similarity: similarity))
  }

  /// With `d = u·v`, `a = ‖u‖`, `b = ‖v‖`, `D = ab + ε`:
  /// ```
  /// ∂K/∂u = v / D − (d b / D²) · u / a      (the last term 0 when a = 0)
  /// ∂K/∂v = u / D − (d a / D²) · v / b      (the last term 0 when b = 0)
  /// ```
  /// and `∂L/∂k = Σ_i G_i ∂K_i/∂k`, `∂L/∂M(i) = G_i ∂K_i/∂M(i)`. As `K = d / D`, the factor
  /// `d / D²` is the cached `K_i / D`: no dot product is taken again.
  public static func backward(_ outputGradient: [Double], _ cache: Cache) -> Input {
    let (key, memory) = (cache.input.key, cache.input.memory)
    requireLength(outputGradient.count, memory.rows, "Similarity gradient for memory \(memory.shapeDescription)")
    var gradient = Input(key: [Double](repeating: 0, count: key.count), memory: Matrix(rows: memory.rows, columns: memory.columns))
    let a = norm(key)
    for i in 0..<memory.rows {
      let row = memory.row(i)
      let b = norm(row)
      let denominator = a * b + epsilon
      let g = outputGradient[i]
      let overSquare = g * cache.similarity[i] / denominator  // G_i d / D²
      let keyScale = a > 0 ? overSquare * b / a : 0
      let rowScale = b > 0 ? overSquare * a / b : 0
      for j in 0..<key.count {
        gradient.key[j] += g / denominator * row[j] - keyScale * key[j]
        gradient.memory[i, j] += g / denominator * key[j] - rowScale * row[j]
      }
    }
    return gradient
  }

  /// `u · v`.
  static func dotProduct(_ u: [Double], _ v: [Double]) -> Double {
    var sum = 0.0
    for j in 0..<u.count { sum += u[j] * v[j] }
    return sum
  }

  /// `‖u‖`.
  static func norm(_ u: [Double]) -> Double { dotProduct(u, u).squareRoot() }
}
