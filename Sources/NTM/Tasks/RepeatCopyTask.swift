/// The repeat copy task (Graves et al. 2014, §4.2): read a sequence of random binary vectors and
/// a repeat count, then write the sequence that many times and finish with an end marker.
///
/// For `x_1 … x_L` (`bits` wide) and a count `R`, with the count spread over `c` steps (`c = 1`
/// as a scalar, `c = R` as unary flags — NTM-Lasagne's two encodings):
/// ```
/// step      0 … L−1     L … L+c−1     L+c         L+c+1 … L+c+RL      L+c+RL+1
/// input     x_1 … x_L   count         delimiter   0 …                 0
/// target    —           —             —           x_1 … x_L (R times) end marker
/// ```
/// The input has `bits + 2` channels: the bits, the count channel, the delimiter. The count
/// channel holds `R / maximumRepeats` at step `L` (scalar) or 1 at steps `L … L+R−1` (unary).
/// The target has `bits + 1` channels; the last is the end marker, set only on the final step.
/// The mask is 1 on the `RL + 1` answer steps. To stop on time the machine must both read the
/// count and keep track of how many copies it has written.
///
/// - Note: The paper normalises the count to mean 0 and variance 1; NTM-Lasagne divides by the
///   largest count, which is followed here so the scalar stays in (0, 1].
public struct RepeatCopyTask: SequenceTask, Codable, Equatable, Sendable {
  /// How the repeat count is shown to the machine.
  public enum CountEncoding: String, Codable, Sendable, CaseIterable {
    /// One step holding `R / maximumRepeats`.
    case scalar
    /// `R` steps each flagged 1.
    case unary
  }

  /// The paper's vector width.
  public static let defaultBits = 8
  /// The paper's training lengths.
  public static let defaultLengths = 1...10
  /// The paper's training repeat counts.
  public static let defaultRepeats = 1...10

  public var bits: Int
  public var minimumLength: Int
  public var maximumLength: Int
  public var minimumRepeats: Int
  public var maximumRepeats: Int
  public var encoding: CountEncoding

  /// - Precondition: `bits ≥ 1`, lengths and repeats start at 1 or more.
  public init(
    bits: Int = defaultBits, lengths: ClosedRange<Int> = defaultLengths,
    repeats: ClosedRange<Int> = defaultRepeats, encoding: CountEncoding = .scalar
  ) {
    require(bits >= 1, "Repeat copy needs at least 1 bit per vector, got \(bits)")
    require(lengths.lowerBound >= 1, "Repeat copy lengths must start at 1 or more, got \(lengths)")
    require(repeats.lowerBound >= 1, "Repeat copy counts must start at 1 or more, got \(repeats)")
    self.bits = bits
    minimumLength = lengths.lowerBound
    maximumLength = lengths.upperBound
    minimumRepeats = repeats.lowerBound
    maximumRepeats = repeats.upperBound
    self.encoding = encoding
  }

  public var lengths: ClosedRange<Int> { minimumLength...maximumLength }
  public var repeats: ClosedRange<Int> { minimumRepeats...maximumRepeats }

  public var inputSize: Int { bits + 2 }
  public var outputSize: Int { bits + 1 }

  public func sample(using generator: inout some RandomNumberGenerator) -> Example {
    let length = generator.nextInt(in: lengths)
    return sample(length: length, repeats: generator.nextInt(in: repeats), using: &generator)
  }

  /// An example of `length` vectors with a count drawn from the training range.
  public func sample(length: Int, using generator: inout some RandomNumberGenerator) -> Example {
    sample(length: length, repeats: generator.nextInt(in: repeats), using: &generator)
  }

  /// An example of `length` vectors to be written `repeats` times.
  /// - Precondition: `length ≥ 1`, `repeats ≥ 1`.
  public func sample(length: Int, repeats count: Int, using generator: inout some RandomNumberGenerator) -> Example {
    require(length >= 1 && count >= 1, "Repeat copy needs length ≥ 1 and count ≥ 1, got \(length) and \(count)")
    let countSteps = encoding == .scalar ? 1 : count
    let delimiterStep = length + countSteps
    let answerStart = delimiterStep + 1
    let steps = answerStart + count * length + 1
    let (countChannel, delimiterChannel, endChannel) = (bits, bits + 1, bits)
    var inputs = Matrix(rows: steps, columns: inputSize)
    var targets = Matrix(rows: steps, columns: outputSize)
    var mask = [Double](repeating: 0, count: steps)
    for t in 0..<length {
      for bit in 0..<bits {
        let value = generator.nextBit()
        inputs[t, bit] = value
        for copy in 0..<count { targets[answerStart + copy * length + t, bit] = value }
      }
    }
    switch encoding {
    case .scalar: inputs[length, countChannel] = Double(count) / Double(maximumRepeats)
    case .unary: for t in length..<delimiterStep { inputs[t, countChannel] = 1 }
    }
    inputs[delimiterStep, delimiterChannel] = 1
    targets[steps - 1, endChannel] = 1
    for t in answerStart..<steps { mask[t] = 1 }
    return Example(inputs: inputs, targets: targets, mask: mask)
  }
}
