/// The priority sort task (Graves et al. 2014, §4.5): read random binary vectors, each with a
/// scalar priority, then write the highest-priority ones in order of priority.
///
/// For `n` vectors `x_1 … x_n` (`bits` wide) with priorities `p_1 … p_n` drawn uniformly from
/// `[−1, 1]`, let `π` order them by descending priority, `p_π(1) > p_π(2) > …`, and let
/// `k = min(outputCount, n)`. The example has `T = n + 1 + k` steps:
/// ```
/// step     0 … n−1            n            n+1 … n+k
/// input    x_1 … x_n          delimiter    0 … 0
///          p_1 … p_n
/// target   —                  —            x_π(1) … x_π(k)
/// ```
/// The input has `bits + 2` channels: the bits, the priority (channel `bits`, 0 outside the
/// first `n` steps) and the delimiter (channel `bits + 1`, set only at step `n`). The target has
/// `bits` channels. The mask is 1 on the `k` answer steps.
///
/// The paper uses 20 input vectors and a target of the 16 with the highest priorities.
///
/// - Note: The paper's text says only that the target holds "the 16 highest-priority vectors",
///   sorted by priority; here the highest comes first (descending priority), as the phrase
///   suggests. For `n` other than the training count (an evaluation sweep) the target is the
///   top `min(outputCount, n)`, so shorter inputs are sorted in full and longer ones still
///   yield `outputCount` vectors. Equal priorities (probability 0) keep their input order.
public struct PrioritySortTask: SequenceTask, Codable, Equatable, Sendable {
  /// The vector width used for the paper's sort experiment.
  public static let defaultBits = 8
  /// The paper's number of input vectors.
  public static let defaultLengths = 20...20
  /// The paper's number of vectors in the target.
  public static let defaultOutputCount = 16
  /// Priorities are drawn uniformly from this range.
  public static let priorityRange = -1.0...1.0

  /// Bits per vector.
  public var bits: Int
  /// Fewest input vectors drawn for training.
  public var minimumLength: Int
  /// Most input vectors drawn for training.
  public var maximumLength: Int
  /// How many of the highest-priority vectors the target holds (at most the number of inputs).
  public var outputCount: Int

  /// - Precondition: `bits ≥ 1`, `1 ≤ lengths.lowerBound`, `outputCount ≥ 1`.
  public init(
    bits: Int = defaultBits, lengths: ClosedRange<Int> = defaultLengths,
    outputCount: Int = defaultOutputCount
  ) {
    require(bits >= 1, "Priority sort needs at least 1 bit per vector, got \(bits)")
    require(lengths.lowerBound >= 1, "Priority sort lengths must start at 1 or more, got \(lengths)")
    require(outputCount >= 1, "Priority sort must output at least 1 vector, got \(outputCount)")
    self.bits = bits
    minimumLength = lengths.lowerBound
    maximumLength = lengths.upperBound
    self.outputCount = outputCount
  }

  /// The training lengths (numbers of input vectors).
  public var lengths: ClosedRange<Int> {
    get { minimumLength...maximumLength }
    set {
      minimumLength = newValue.lowerBound
      maximumLength = newValue.upperBound
    }
  }

  public var inputSize: Int { bits + 2 }
  public var outputSize: Int { bits }

  /// The input channel holding each vector's priority.
  public var priorityChannel: Int { bits }
  /// The input channel raised once, after the last vector.
  public var delimiterChannel: Int { bits + 1 }

  /// The number of vectors in the target for `length` inputs: `k = min(outputCount, n)`.
  public func answerCount(length: Int) -> Int { min(outputCount, length) }

  /// The number of steps for `length` inputs: `T = n + 1 + k`.
  public func steps(length: Int) -> Int { length + 1 + answerCount(length: length) }

  /// Problems with the settings (from a hand-edited or damaged checkpoint), one sentence each.
  public var problems: [String] {
    var problems: [String] = []
    if !Limits.bits.contains(bits) { problems.append("priority sort has \(bits) bits per vector; it needs \(Limits.text(Limits.bits))") }
    if !Limits.isRange(minimumLength, maximumLength, inside: Limits.length) {
      problems.append("priority sort lengths \(minimumLength)…\(maximumLength) are not a range inside \(Limits.text(Limits.length))")
    }
    if !Limits.outputs.contains(outputCount) {
      problems.append("priority sort outputs \(outputCount) vectors; it needs \(Limits.text(Limits.outputs))")
    }
    return problems
  }

  public func sample(using generator: inout some RandomNumberGenerator) -> Example {
    sample(length: generator.nextInt(in: lengths), using: &generator)
  }

  /// An example with `length` input vectors.
  /// - Precondition: `length ≥ 1`.
  public func sample(length: Int, using generator: inout some RandomNumberGenerator) -> Example {
    require(length >= 1, "Priority sort length must be at least 1, got \(length)")
    let answers = answerCount(length: length)
    let steps = steps(length: length)
    var inputs = Matrix(rows: steps, columns: inputSize)
    var targets = Matrix(rows: steps, columns: outputSize)
    var mask = [Double](repeating: 0, count: steps)

    let (low, high) = (Self.priorityRange.lowerBound, Self.priorityRange.upperBound)
    var priorities: [Double] = []
    for t in 0..<length {
      for bit in 0..<bits { inputs[t, bit] = generator.nextBit() }
      let priority = low + (high - low) * generator.nextUnit()
      inputs[t, priorityChannel] = priority
      priorities.append(priority)
    }
    inputs[length, delimiterChannel] = 1

    // Ties broken by position so the order never depends on the sorting algorithm.
    let order = priorities.indices.sorted {
      priorities[$0] != priorities[$1] ? priorities[$0] > priorities[$1] : $0 < $1
    }
    for (rank, source) in order.prefix(answers).enumerated() {
      let t = length + 1 + rank
      for bit in 0..<bits { targets[t, bit] = inputs[source, bit] }
      mask[t] = 1
    }
    return Example(inputs: inputs, targets: targets, mask: mask)
  }
}
