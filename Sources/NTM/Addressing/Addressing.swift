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

public enum Addressing {
  /// Every intermediate weighting of one addressing, in stage order: what the backward pass
  /// needs, and what the playground draws.
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

  /// The gradients of every input of the four stages.
  public struct Gradients: Equatable, Sendable {
    public var memory: Matrix
    public var previousWeighting: [Double]
    public var parameters: AddressingParameters
  }

  /// Runs the four stages.
  /// - Precondition: `key.count == memory.columns`, `previousWeighting.count == memory.rows`,
  ///   `shiftWeighting.count = 2R + 1 ≤ memory.rows`.
  public static func forward(memory: Matrix, previousWeighting: [Double], parameters p: AddressingParameters)
    -> Trace
  {
    require(
      previousWeighting.count == memory.rows,
      "Previous weighting of length \(previousWeighting.count) does not match memory \(memory.shapeDescription)"
    )
    let content = ContentAddressing.forward(key: p.key, memory: memory, keyStrength: p.keyStrength)
    let interpolated = Interpolation.forward(content: content.weighting, previous: previousWeighting, gate: p.gate)
    let shifted = Shift.forward(interpolated, shiftWeighting: p.shiftWeighting)
    let weighting = Sharpening.forward(shifted, sharpening: p.sharpening)
    return Trace(
      similarity: content.similarity, content: content.weighting, interpolated: interpolated,
      shifted: shifted, weighting: weighting)
  }

  /// Backpropagates `∂L/∂w` through the four stages, last to first.
  public static func backward(
    memory: Matrix, previousWeighting: [Double], parameters p: AddressingParameters, trace: Trace,
    outputGradient: [Double]
  ) -> Gradients {
    let sharpening = Sharpening.backward(
      trace.shifted, sharpening: p.sharpening, output: trace.weighting, outputGradient: outputGradient)
    let shift = Shift.backward(
      trace.interpolated, shiftWeighting: p.shiftWeighting, outputGradient: sharpening.weighting)
    let interpolation = Interpolation.backward(
      content: trace.content, previous: previousWeighting, gate: p.gate, outputGradient: shift.weighting)
    let content = ContentAddressing.backward(
      key: p.key, memory: memory, keyStrength: p.keyStrength,
      saved: .init(similarity: trace.similarity, weighting: trace.content),
      outputGradient: interpolation.contentWeighting)
    return Gradients(
      memory: content.memory, previousWeighting: interpolation.previousWeighting,
      parameters: AddressingParameters(
        key: content.key, keyStrength: content.keyStrength, gate: interpolation.gate,
        shiftWeighting: shift.shiftWeighting, sharpening: sharpening.sharpening))
  }
}
