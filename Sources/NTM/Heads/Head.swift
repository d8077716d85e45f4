/// One read or write head (paper §3): a linear layer from the controller output `h` to the
/// head's parameters, the four addressing stages, and a read or an erase-then-add write.
///
/// ```
/// z = W_head h + b_head                       one linear layer per head
/// (k, β, g, s, γ, e, a) = activations(z)      HeadActivations
/// w_t = address(M_{t−1}, w_{t−1}; k, β, g, s, γ)
/// read:  r_t = Σ_i w_t(i) M_{t−1}(i)
/// write: M(i) ← M(i) ⊙ (1 − w_t(i) e) + w_t(i) a
/// ```
/// A `Head` holds only sizes. Its parameters live in the caller's flat parameter vector
/// (`parameterCount` numbers: the weights, row-major `emitted × controllerSize`, then the
/// bias), and each step's intermediate values in a caller-owned record of `recordSize`
/// numbers, so a whole sequence runs without allocating.
public struct Head: Sendable, Equatable, Hashable, Codable {
  /// What the head emits and where.
  public let layout: HeadLayout
  /// N, the number of memory locations.
  public let rows: Int
  /// The length of the controller output `h` that feeds the head's linear layer.
  public let controllerSize: Int

  /// - Precondition: `rows ≥ 1`, `2R + 1 ≤ rows`, `controllerSize ≥ 1`.
  public init(kind: HeadKind, rows: Int, width: Int, shiftRange: Int, controllerSize: Int) {
    require(rows >= 1, "A head needs N ≥ 1 memory rows, got \(rows)")
    require(
      2 * shiftRange + 1 <= rows, "Shift range R = \(shiftRange) needs 2R + 1 ≤ N = \(rows)")
    require(controllerSize >= 1, "A head needs a controller output of length ≥ 1, got \(controllerSize)")
    layout = HeadLayout(kind: kind, width: width, shiftRange: shiftRange)
    self.rows = rows
    self.controllerSize = controllerSize
  }

  public var kind: HeadKind { layout.kind }
  /// W, the width of a memory location.
  public var width: Int { layout.width }
  /// How many numbers the linear layer emits.
  public var emittedCount: Int { layout.count }

  // MARK: Parameters

  /// Weights (`emittedCount × controllerSize`) then bias (`emittedCount`).
  public var parameterCount: Int { emittedCount * (controllerSize + 1) }
  /// Where the bias starts inside the head's parameters.
  public var biasOffset: Int { emittedCount * controllerSize }

  /// The raw bias of the key strength β at initialisation: `β = softplus(1) ≈ 1.3`, so the
  /// first content lookups already prefer similar rows a little.
  public static let initialKeyStrengthBias = 1.0
  /// The raw bias of the sharpening γ at initialisation: `γ = 1 + softplus(1) ≈ 2.3`, so a
  /// weighting blurred by a fractional shift is re-focused from the first step.
  public static let initialSharpeningBias = 1.0

  /// Writes initial parameters: Glorot-uniform weights (`±√(6 / (fan_in + fan_out))`), zero
  /// biases except the positive key-strength and sharpening biases above.
  func initialise(
    _ parameters: UnsafeMutablePointer<Double>, using generator: inout some RandomNumberGenerator
  ) {
    Glorot.fill(parameters, count: biasOffset, fanIn: controllerSize, fanOut: emittedCount, using: &generator)
    let bias = parameters + biasOffset
    bias.update(repeating: 0, count: emittedCount)
    bias[layout.keyStrength] = Self.initialKeyStrengthBias
    bias[layout.sharpening] = Self.initialSharpeningBias
  }

  /// Fresh initial parameters as an array.
  public func initialParameters(using generator: inout some RandomNumberGenerator) -> [Double] {
    var parameters = [Double](repeating: 0, count: parameterCount)
    parameters.withUnsafeMutableBufferPointer { initialise($0.baseAddress!, using: &generator) }
    return parameters
  }

  // MARK: One step's record

  /// The raw linear output `z`.
  public var rawOffset: Int { 0 }
  /// The activated parameters, laid out by `layout`.
  public var emittedOffset: Int { emittedCount }
  /// `K(k, M(i))` per row.
  public var similarityOffset: Int { 2 * emittedCount }
  /// `w_c`, after content addressing.
  public var contentOffset: Int { similarityOffset + rows }
  /// `w_g`, after interpolation.
  public var interpolatedOffset: Int { contentOffset + rows }
  /// `w̃`, after the shift.
  public var shiftedOffset: Int { interpolatedOffset + rows }
  /// `log(w̃ + ε)`, kept for the sharpening's backward pass.
  public var logShiftedOffset: Int { shiftedOffset + rows }
  /// `w_t`, the final weighting.
  public var weightingOffset: Int { logShiftedOffset + rows }
  /// `r_t` (read heads only).
  public var readOffset: Int { weightingOffset + rows }
  /// Numbers in one step's record.
  public var recordSize: Int { readOffset + (kind == .read ? width : 0) }
  /// Numbers of scratch the backward step needs.
  public var scratchSize: Int { 4 * rows + emittedCount }
}
