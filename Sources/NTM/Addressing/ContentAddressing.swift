/// Content addressing (paper §3.3.1, eq. 5): focus on the rows most like the key.
///
/// ```
/// w_c(i) = softmax_i(β · K(k, M(i)))
/// ```
/// `β ≥ 0` is the key strength: `β = 0` gives the uniform weighting, a large `β` focuses on
/// the most similar row.
public enum ContentAddressing: Stage {
  /// The key `k` (W entries), the memory `M` (N × W) and the key strength `β`.
  public struct Input: Equatable, Sendable {
    public var key: [Double]
    public var memory: Matrix
    public var keyStrength: Double

    public init(key: [Double], memory: Matrix, keyStrength: Double) {
      self.key = key
      self.memory = memory
      self.keyStrength = keyStrength
    }
  }

  /// What the two sub-stages kept: the cosine's cache (with `K(k, M(i))`) and the softmax's
  /// (with the content weighting `w_c`).
  public struct Cache: Equatable, Sendable {
    public var cosine: CosineSimilarity.Cache
    public var softmax: Softmax.Cache
    public var keyStrength: Double

    /// `K(k, M(i))` for every row.
    public var similarity: [Double] { cosine.similarity }
    /// The content weighting `w_c`.
    public var weighting: [Double] { softmax.output }
  }

  /// The content weighting `w_c`.
  /// - Precondition: `memory.columns == key.count`, `memory.rows ≥ 1`.
  public static func forward(_ input: Input) -> (output: [Double], cache: Cache) {
    require(input.memory.rows > 0, "Memory \(input.memory.shapeDescription) has no rows to address")
    let (similarity, cosine) = CosineSimilarity.forward(.init(key: input.key, memory: input.memory))
    let (weighting, softmax) = Softmax.forward(.init(scores: similarity.map { input.keyStrength * $0 }))
    return (weighting, Cache(cosine: cosine, softmax: softmax, keyStrength: input.keyStrength))
  }

  /// With `z_i = β K_i`: `∂z = softmax'ᵀ G`, then `∂β = Σ_i ∂z_i K_i` and `∂K_i = β ∂z_i`,
  /// which the cosine's backward turns into `∂k` and `∂M`.
  public static func backward(_ outputGradient: [Double], _ cache: Cache) -> Input {
    let scores = Softmax.backward(outputGradient, cache.softmax).scores
    var keyStrength = 0.0
    for i in 0..<scores.count { keyStrength += scores[i] * cache.similarity[i] }
    let cosine = CosineSimilarity.backward(scores.map { cache.keyStrength * $0 }, cache.cosine)
    return Input(key: cosine.key, memory: cosine.memory, keyStrength: keyStrength)
  }
}
