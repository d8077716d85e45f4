/// The copy task (Graves et al. 2014, §4.1): read a sequence of random binary vectors, then,
/// after a delimiter, write it out again.
///
/// For a sequence `x_1 … x_L` of `bits`-bit vectors, the example has `T = 2L + 1` steps:
/// ```
/// step        0 … L−1       L            L+1 … 2L
/// input       x_1 … x_L     delimiter    0 … 0
/// target      —             —            x_1 … x_L
/// ```
/// The input has `bits + 1` channels; the last is the delimiter flag, set only at step `L`.
/// The mask is 1 on the answer steps `L+1 … 2L` and 0 before, so only the copy is scored.
/// The paper trains on lengths 1…20 of 8-bit vectors, drawn uniformly, and tests longer ones.
public struct CopyTask: SequenceTask, Codable, Equatable, Sendable {
  /// The paper's vector width.
  public static let defaultBits = 8
  /// The paper's training lengths.
  public static let defaultLengths = 1...20

  /// Bits per vector.
  public var bits: Int
  /// Shortest sequence drawn for training.
  public var minimumLength: Int
  /// Longest sequence drawn for training.
  public var maximumLength: Int

  /// - Precondition: `bits ≥ 1`, `1 ≤ minimumLength ≤ maximumLength`.
  public init(bits: Int = defaultBits, lengths: ClosedRange<Int> = defaultLengths) {
    require(bits >= 1, "Copy task needs at least 1 bit per vector, got \(bits)")
    require(lengths.lowerBound >= 1, "Copy task lengths must start at 1 or more, got \(lengths)")
    self.bits = bits
    minimumLength = lengths.lowerBound
    maximumLength = lengths.upperBound
  }

  /// The training lengths.
  public var lengths: ClosedRange<Int> { minimumLength...maximumLength }

  public var inputSize: Int { bits + 1 }
  public var outputSize: Int { bits }

  public func sample(using generator: inout some RandomNumberGenerator) -> Example {
    sample(length: generator.nextInt(in: lengths), using: &generator)
  }

  /// - Precondition: `length ≥ 1`.
  public func sample(length: Int, using generator: inout some RandomNumberGenerator) -> Example {
    require(length >= 1, "Copy task length must be at least 1, got \(length)")
    let steps = 2 * length + 1
    var inputs = Matrix(rows: steps, columns: inputSize)
    var targets = Matrix(rows: steps, columns: outputSize)
    var mask = [Double](repeating: 0, count: steps)
    for t in 0..<length {
      for bit in 0..<bits {
        let value = generator.nextBit()
        inputs[t, bit] = value
        targets[length + 1 + t, bit] = value
      }
      mask[length + 1 + t] = 1
    }
    inputs[length, bits] = 1
    return Example(inputs: inputs, targets: targets, mask: mask)
  }
}
