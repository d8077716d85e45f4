/// The four addressing stages in order (paper §3.3, Figure 2): content, interpolation, shift,
/// sharpening.
///
/// ```
/// w_c = softmax(β K(k, M))            content
/// w_g = g w_c + (1 − g) w_prev        interpolation
/// w̃   = w_g ⊛ s                       circular shift
/// w   = softmax(γ log(w̃ + ε))         sharpening
/// ```

/// What a head emits to address memory: the key and the four scalars and vector that steer
/// the stages.
public struct AddressingParameters: Equatable, Sendable, Codable {
  /// The key `k` (W entries), compared with every memory row.
  public var key: [Double]
  /// The key strength `β ≥ 0`.
  public var keyStrength: Double
  /// The interpolation gate `g ∈ [0, 1]`.
  public var gate: Double
  /// The shift weighting `s` over shifts `−R…R` (2R + 1 entries summing to 1).
  public var shiftWeighting: [Double]
  /// The sharpening exponent `γ ≥ 1`.
  public var sharpening: Double

  public init(key: [Double], keyStrength: Double, gate: Double, shiftWeighting: [Double], sharpening: Double) {
    self.key = key
    self.keyStrength = keyStrength
    self.gate = gate
    self.shiftWeighting = shiftWeighting
    self.sharpening = sharpening
  }
}

/// The four stages chained: memory, previous weighting and head parameters in, the final
/// weighting out.
public enum Addressing: Stage {
  /// The memory `M` to address, the previous weighting `w_{t−1}` and the head's parameters.
  public struct Input: Equatable, Sendable {
    public var memory: Matrix
    public var previousWeighting: [Double]
    public var parameters: AddressingParameters

    public init(memory: Matrix, previousWeighting: [Double], parameters: AddressingParameters) {
      self.memory = memory
      self.previousWeighting = previousWeighting
      self.parameters = parameters
    }
  }

  /// The four stages' caches, in stage order.
  public struct Cache: Equatable, Sendable {
    public var content: ContentAddressing.Cache
    public var interpolation: Interpolation.Cache
    public var shift: Shift.Cache
    public var sharpening: Sharpening.Cache

    /// Every intermediate weighting, for drawing.
    public var trace: Trace {
      Trace(
        similarity: content.similarity, content: content.weighting, interpolated: shift.input.weighting,
        shifted: sharpening.input.weighting, weighting: sharpening.output)
    }
  }

  /// Every intermediate weighting of one addressing, in stage order: what the playground
  /// draws, and what the machine keeps for its backward pass.
  public struct Trace: Equatable, Sendable, Codable {
    /// `K(k, M(i))` per row.
    public var similarity: [Double]
    /// `w_c`, after content addressing.
    public var content: [Double]
    /// `w_g`, after interpolation.
    public var interpolated: [Double]
    /// `w̃`, after the shift.
    public var shifted: [Double]
    /// `w`, after sharpening: the final weighting.
    public var weighting: [Double]
  }

  /// Runs the four stages, each on the last one's output.
  /// - Precondition: `key.count == memory.columns`, `previousWeighting.count == memory.rows`,
  ///   `shiftWeighting.count = 2R + 1 ≤ memory.rows`.
  public static func forward(_ input: Input) -> (output: [Double], cache: Cache) {
    let (memory, p) = (input.memory, input.parameters)
    require(
      input.previousWeighting.count == memory.rows,
      "Previous weighting of length \(input.previousWeighting.count) does not match memory \(memory.shapeDescription)"
    )
    let content = ContentAddressing.forward(.init(key: p.key, memory: memory, keyStrength: p.keyStrength))
    let interpolated = Interpolation.forward(
      .init(content: content.output, previous: input.previousWeighting, gate: p.gate))
    let shifted = Shift.forward(.init(weighting: interpolated.output, shiftWeighting: p.shiftWeighting))
    let sharpened = Sharpening.forward(.init(weighting: shifted.output, sharpening: p.sharpening))
    return (
      sharpened.output,
      Cache(content: content.cache, interpolation: interpolated.cache, shift: shifted.cache, sharpening: sharpened.cache)
    )
  }

  /// Backpropagates `∂L/∂w` through the four stages, last to first.
  public static func backward(_ outputGradient: [Double], _ cache: Cache) -> Input {
    let sharpened = Sharpening.backward(outputGradient, cache.sharpening)
    let shifted = Shift.backward(sharpened.weighting, cache.shift)
    let interpolated = Interpolation.backward(shifted.weighting, cache.interpolation)
    let content = ContentAddressing.backward(interpolated.content, cache.content)
    return Input(
      memory: content.memory, previousWeighting: interpolated.previous,
      parameters: AddressingParameters(
        key: content.key, keyStrength: content.keyStrength, gate: interpolated.gate,
        shiftWeighting: shifted.shiftWeighting, sharpening: sharpened.sharpening))
  }
}
