/// How the trainer turns gradients into updates, apart from the optimiser: the batch size and
/// the clipping. Saved in checkpoints.
public struct TrainingSettings: Codable, Equatable, Sendable {
  /// One sequence per update, as in the paper (Graves et al. 2014, Fig. 3 counts sequences).
  public static let defaultBatchSize = 1

  /// B: sequences per update; their gradients are averaged.
  public var batchSize: Int
  public var clipping: GradientClipping

  public init(batchSize: Int = defaultBatchSize, clipping: GradientClipping = GradientClipping()) {
    self.batchSize = batchSize
    self.clipping = clipping
  }

  /// Problems with the settings, one sentence each.
  public var problems: [String] {
    var problems: [String] = []
    if !Limits.batchSize.contains(batchSize) {
      problems.append("batch size must be from 1 to \(Limits.batchSize.upperBound), got \(batchSize)")
    }
    for (name, bound) in [("value", clipping.valueBound), ("norm", clipping.normBound)] {
      if let bound, !(bound.isFinite && bound > 0) { problems.append("clip \(name) bound must be a positive number, got \(bound)") }
    }
    return problems
  }
}

/// Exponential moving averages of the loss and the bit errors per sequence, corrected for
/// their start at 0 (as Adam corrects its moments), so the first reports are not dragged
/// towards 0:
/// ```
/// s ← λ s + (1 − λ) x        average = s / (1 − λⁿ)
/// ```
public struct RunningAverages: Codable, Equatable, Sendable {
  /// `λ`: the averages cover roughly the last `1 / (1 − λ)` = 100 updates.
  public static let defaultSmoothing = 0.99

  public var smoothing: Double
  public private(set) var lossSum: Double
  public private(set) var bitErrorSum: Double
  /// n, the number of values seen.
  public private(set) var count: Int

  public init(smoothing: Double = defaultSmoothing) {
    self.smoothing = smoothing
    lossSum = 0
    bitErrorSum = 0
    count = 0
  }

  public mutating func add(loss: Double, bitErrors: Double) {
    lossSum = smoothing * lossSum + (1 - smoothing) * loss
    bitErrorSum = smoothing * bitErrorSum + (1 - smoothing) * bitErrors
    count += 1
  }

  /// Problems with a saved state, one sentence each: `λ` must lie in [0, 1) (at 1 the
  /// averages never move, above it they grow without bound), the sums must be finite and the
  /// count inside `Limits.counter`.
  public var problems: [String] {
    var problems: [String] = []
    if !(smoothing >= 0 && smoothing < 1) { problems.append("averages smoothing λ = \(smoothing) is not in [0, 1)") }
    if !lossSum.isFinite || !bitErrorSum.isFinite { problems.append("averages sums \(lossSum) and \(bitErrorSum) are not finite") }
    if !Limits.counter.contains(count) { problems.append("averages count \(count) is not from 0 to \(Limits.counter.upperBound)") }
    return problems
  }

  private var correction: Double {
    var power = 1.0
    for _ in 0..<min(count, 10_000) { power *= smoothing }
    return 1 - power
  }

  /// The average loss per sequence (NaN before the first value).
  public var loss: Double { count == 0 ? .nan : lossSum / correction }
  /// The average number of wrong bits per sequence (NaN before the first value).
  public var bitErrors: Double { count == 0 ? .nan : bitErrorSum / correction }
}
