import Foundation

/// The dynamic N-grams task (Graves et al. 2014, §4.4): read a sequence of bits drawn from a
/// random 6-gram distribution, and predict each next bit. The distribution is new for every
/// sequence, so the machine must learn it on the fly by counting what followed each context.
///
/// **The distribution.** With a context of `n = 5` bits (a 6-gram counts the bit it predicts),
/// a table holds `2^n = 32` probabilities, one per context `c`, each drawn independently:
/// ```
/// θ_c = P(x_t = 1 | x_{t−5} … x_{t−1} = c)  ~  Beta(½, ½)
/// c   = Σ_{j=1…n} x_{t−j} · 2^(j−1)               (the latest bit is the lowest binary digit)
/// ```
/// **The sequence** `x_0 … x_{L−1}` (the paper: `L = 200`): the first `n` bits are fair coin
/// flips (there is no context for them yet), then `x_t ~ Bernoulli(θ_c)` for `t ≥ n`.
///
/// **The example** has `T = L − 1` steps; at each the machine reads a bit and predicts the next:
/// ```
/// step     0 … n−2          n−1 … L−2
/// input    x_0 … x_{n−2}    x_{n−1} … x_{L−2}
/// target   x_1 … x_{n−1}    x_n … x_{L−1}
/// mask     0                1
/// ```
/// One input and one output channel. The mask is 1 on the `L − n` steps whose target was drawn
/// from the table; the fair coin flips at the start cannot be predicted and are not scored. The
/// best possible predictor is the Bayes-optimal estimator in `NGramBaseline`.
///
/// - Note: Beta(½, ½) is the arcsine distribution, drawn here by inverting its distribution
///   function: `F(x) = (2/π) arcsin √x`, so `x = sin²(πU/2)` for `U` uniform on `[0, 1)`.
///   How the first `n` bits are drawn is not stated in the paper; coin flips follow
///   NTM-Lasagne. (NTM-Lasagne keeps one table for all sequences; the paper, and this task,
///   draw a new table for each.)
public struct NGramTask: SequenceTask, Codable, Equatable, Sendable {
  /// The paper's context: 5 earlier bits (6-grams).
  public static let defaultContextLength = 5
  /// The paper's sequence length.
  public static let defaultLengths = 200...200
  /// Both shape parameters of the Beta prior on each table entry.
  public static let betaShape = 0.5
  /// Contexts longer than this would make the table unreasonably large.
  public static let maximumContextLength = 16

  /// `n`, the number of earlier bits a prediction depends on.
  public var contextLength: Int
  /// Shortest sequence drawn for training.
  public var minimumLength: Int
  /// Longest sequence drawn for training.
  public var maximumLength: Int

  /// - Precondition: `1 ≤ contextLength ≤ 16`, `lengths.lowerBound > contextLength`.
  public init(contextLength: Int = defaultContextLength, lengths: ClosedRange<Int> = defaultLengths) {
    require(
      (1...Self.maximumContextLength).contains(contextLength),
      "N-grams context must be 1…\(Self.maximumContextLength) bits, got \(contextLength)")
    require(
      lengths.lowerBound > contextLength,
      "N-grams sequences must be longer than the context of \(contextLength) bits, got \(lengths)")
    self.contextLength = contextLength
    minimumLength = lengths.lowerBound
    maximumLength = lengths.upperBound
  }

  /// The training lengths (bits per sequence).
  public var lengths: ClosedRange<Int> {
    get { minimumLength...maximumLength }
    set {
      minimumLength = newValue.lowerBound
      maximumLength = newValue.upperBound
    }
  }

  public var inputSize: Int { 1 }
  public var outputSize: Int { 1 }

  /// `2^n`, the number of contexts and table entries.
  public var tableSize: Int { 1 << contextLength }

  /// Problems with the settings (from a hand-edited or damaged checkpoint), one sentence each.
  public var problems: [String] {
    var problems: [String] = []
    if !(1...Self.maximumContextLength).contains(contextLength) {
      problems.append("ngrams context of \(contextLength) bits is not in 1…\(Self.maximumContextLength)")
    }
    if !(contextLength < minimumLength && Limits.isRange(minimumLength, maximumLength, inside: Limits.length)) {
      problems.append(
        "ngrams lengths \(minimumLength)…\(maximumLength) are not a range inside \(Limits.text(Limits.length)) longer than the context of "
          + "\(contextLength) bits")
    }
    return problems
  }

  /// A fresh table: `2^n` probabilities, each from Beta(½, ½).
  public func drawTable(using generator: inout some RandomNumberGenerator) -> [Double] {
    (0..<tableSize).map { _ in generator.nextArcsine() }
  }

  /// `length` bits: `n` coin flips, then each bit drawn from `table` given the `n` before it.
  /// - Precondition: `table.count == 2^n`, `length > n`.
  public func drawSequence(
    length: Int, table: [Double], using generator: inout some RandomNumberGenerator
  ) -> [Int] {
    require(table.count == tableSize, "N-grams table has \(table.count) entries, expected \(tableSize)")
    require(length > contextLength, "N-grams length \(length) must exceed the context of \(contextLength) bits")
    var sequence = (0..<contextLength).map { _ in Int(generator.nextBit()) }
    var context = Self.context(before: contextLength, in: sequence, contextLength: contextLength)
    for _ in contextLength..<length {
      let bit = generator.nextUnit() < table[context] ? 1 : 0
      sequence.append(bit)
      context = Self.nextContext(context, after: bit, contextLength: contextLength)
    }
    return sequence
  }

  /// The example that reads `sequence` bit by bit and predicts each next bit.
  /// - Precondition: `sequence.count > n`, every entry 0 or 1.
  public func example(sequence: [Int]) -> Example {
    require(
      sequence.count > contextLength,
      "N-grams sequence of \(sequence.count) bits must exceed the context of \(contextLength) bits")
    require(sequence.allSatisfy { $0 == 0 || $0 == 1 }, "N-grams sequence must hold only 0 and 1")
    let steps = sequence.count - 1
    return Example(
      inputs: Matrix(rows: steps, columns: 1, scalars: sequence.dropLast().map(Double.init)),
      targets: Matrix(rows: steps, columns: 1, scalars: sequence.dropFirst().map(Double.init)),
      mask: (0..<steps).map { $0 + 1 >= contextLength ? 1 : 0 })
  }

  public func sample(using generator: inout some RandomNumberGenerator) -> Example {
    sample(length: generator.nextInt(in: lengths), using: &generator)
  }

  /// An example of `length` bits (`length − 1` steps) from a freshly drawn table.
  /// - Precondition: `length > n`.
  public func sample(length: Int, using generator: inout some RandomNumberGenerator) -> Example {
    sampleWithTable(length: length, using: &generator).example
  }

  /// As `sample(length:using:)`, also returning the table the sequence was drawn from (to
  /// compare a model with the true distribution).
  public func sampleWithTable(
    length: Int, using generator: inout some RandomNumberGenerator
  ) -> (example: Example, table: [Double]) {
    let table = drawTable(using: &generator)
    let sequence = drawSequence(length: length, table: table, using: &generator)
    return (example(sequence: sequence), table)
  }

  /// The context `c` of position `t`: `Σ_{j=1…n} x_{t−j} 2^(j−1)`.
  /// - Precondition: `n ≤ t ≤ sequence.count`.
  public static func context(before t: Int, in sequence: [Int], contextLength n: Int) -> Int {
    require(n <= t && t <= sequence.count, "N-grams position \(t) has no context of \(n) bits")
    var context = 0
    for j in 1...n { context |= sequence[t - j] << (j - 1) }
    return context
  }

  /// The context after `bit` follows context `c`: shift the bit in, forget the oldest.
  @inline(__always)
  public static func nextContext(_ context: Int, after bit: Int, contextLength n: Int) -> Int {
    ((context << 1) | bit) & ((1 << n) - 1)
  }
}

extension RandomNumberGenerator {
  /// A draw from Beta(½, ½), the arcsine distribution on `[0, 1]`: `sin²(πU/2)`, `U` uniform.
  ///
  /// Its distribution function is `F(x) = (2/π) arcsin √x`; solving `F(x) = U` gives the draw.
  /// Mean ½, variance 1/8; most of its mass lies near 0 and 1, so many contexts are nearly
  /// deterministic.
  public mutating func nextArcsine() -> Double {
    let root = sin(Double.pi / 2 * nextUnit())
    return root * root
  }
}
