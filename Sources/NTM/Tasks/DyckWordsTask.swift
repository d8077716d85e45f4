/// The Dyck words task (from NTM-Lasagne, Snips 2015, `utils/generators.py`, `DyckWordsTask`;
/// not in the paper): read a word of brackets one bracket at a time and say, after every
/// bracket, whether the prefix read so far is a Dyck word (balanced and never closing more
/// than it opened).
///
/// For a word `b_1 … b_2n` of semilength `n` (`n` opening and `n` closing brackets), with the
/// height `h_t = #opening − #closing` among `b_1 … b_t`, the example has `T = 2n` steps:
/// ```
/// step     0 … 2n−1
/// input    b_1 … b_2n              1 for a closing bracket ")", 0 for an opening one "("
/// target   d_1 … d_2n              d_t = 1 ⇔ h_t = 0 and h_s ≥ 0 for every s ≤ t
/// ```
/// One input and one output channel; the mask is 1 on every step (each step is classified).
/// A word is a Dyck word with probability `dyckProbability` (½ by default) and otherwise a
/// balanced word that is not a Dyck word; each kind is drawn uniformly among the words of its
/// kind, so both classes occur and the only way to tell them apart is to count. To answer, the
/// machine must keep the height and remember whether it ever went below zero.
///
/// NTM-Lasagne trains on semilengths growing to 20 (words of at most 40 brackets); here the
/// training semilengths are 1…20 and `defaultTestLength` (50: words of 100 brackets) is the
/// generalisation test.
///
/// - Note: `sample(length:)` takes the semilength `n`, as NTM-Lasagne does: a word of `2n`
///   brackets.
public struct DyckWordsTask: SequenceTask, Codable, Equatable, Sendable {
  /// Training semilengths: words of 2 … 40 brackets.
  public static let defaultLengths = 1...20
  /// The semilength of the generalisation test: words of 100 brackets.
  public static let defaultTestLength = 50
  /// How often a drawn word is a Dyck word.
  public static let defaultDyckProbability = 0.5
  /// The input value of an opening bracket "(".
  public static let opening = 0
  /// The input value of a closing bracket ")".
  public static let closing = 1

  /// Shortest semilength drawn for training.
  public var minimumLength: Int
  /// Longest semilength drawn for training.
  public var maximumLength: Int
  /// The probability that a drawn word is a Dyck word.
  public var dyckProbability: Double

  /// - Precondition: `1 ≤ lengths.lowerBound`, `0 ≤ dyckProbability ≤ 1`.
  public init(lengths: ClosedRange<Int> = defaultLengths, dyckProbability: Double = defaultDyckProbability) {
    require(lengths.lowerBound >= 1, "Dyck words semilengths must start at 1 or more, got \(lengths)")
    require(
      (0...1).contains(dyckProbability), "Dyck words probability must lie in [0, 1], got \(dyckProbability)")
    minimumLength = lengths.lowerBound
    maximumLength = lengths.upperBound
    self.dyckProbability = dyckProbability
  }

  /// The training semilengths.
  public var lengths: ClosedRange<Int> {
    get { minimumLength...maximumLength }
    set {
      minimumLength = newValue.lowerBound
      maximumLength = newValue.upperBound
    }
  }

  public var inputSize: Int { 1 }
  public var outputSize: Int { 1 }

  /// Problems with the settings (from a hand-edited or damaged checkpoint), one sentence each.
  public var problems: [String] {
    var problems: [String] = []
    if !Limits.isRange(minimumLength, maximumLength, inside: Limits.length) {
      problems.append("dyck semilengths \(minimumLength)…\(maximumLength) are not a range inside \(Limits.text(Limits.length))")
    }
    if !(0...1).contains(dyckProbability) {
      problems.append("dyck probability \(dyckProbability) does not lie in [0, 1]")
    }
    return problems
  }

  public func sample(using generator: inout some RandomNumberGenerator) -> Example {
    sample(length: generator.nextInt(in: lengths), using: &generator)
  }

  /// An example whose word has semilength `length` (`2 · length` brackets).
  /// - Precondition: `length ≥ 1`.
  public func sample(length: Int, using generator: inout some RandomNumberGenerator) -> Example {
    require(length >= 1, "Dyck words semilength must be at least 1, got \(length)")
    let word =
      generator.nextUnit() < dyckProbability
      ? Self.randomDyckWord(semilength: length, using: &generator)
      : Self.randomNonDyckWord(semilength: length, using: &generator)
    let flags = Self.dyckPrefixes(of: word)
    let steps = word.count
    return Example(
      inputs: Matrix(rows: steps, columns: 1, scalars: word.map(Double.init)),
      targets: Matrix(rows: steps, columns: 1, scalars: flags.map { $0 ? 1 : 0 }),
      mask: [Double](repeating: 1, count: steps))
  }

  /// `d_t` for every prefix: whether `b_1 … b_t` is a Dyck word.
  public static func dyckPrefixes(of word: [Int]) -> [Bool] {
    var height = 0
    var everNegative = false
    return word.map { bracket in
      height += bracket == closing ? -1 : 1
      everNegative = everNegative || height < 0
      return !everNegative && height == 0
    }
  }

  /// A Dyck word of semilength `n`, uniform among all `C_n` (the Catalan number) of them.
  ///
  /// By the cycle lemma (Flajolet & Sedgewick, *Analytic Combinatorics*, notes I.47 and I.49):
  /// a word `w` with `n` opening and `n + 1` closing brackets has height −1, and exactly one of
  /// its `2n + 1` rotations stays at height ≥ 0 until its last letter — the rotation that starts
  /// just after the first prefix of `w` that reaches the lowest height. Dropping that last
  /// (closing) letter leaves a Dyck word, and each Dyck word arises from exactly `2n + 1`
  /// shuffles, so a uniform shuffle gives a uniform Dyck word.
  public static func randomDyckWord(semilength n: Int, using generator: inout some RandomNumberGenerator) -> [Int] {
    var word = [Int](repeating: opening, count: n) + [Int](repeating: closing, count: n + 1)
    shuffle(&word, using: &generator)
    var (height, lowest, start) = (0, 0, 0)
    for (index, bracket) in word.enumerated() {
      height += bracket == closing ? -1 : 1
      if height < lowest { (lowest, start) = (height, index + 1) }
    }
    let rotated = word[start...] + word[..<start]
    return Array(rotated.dropLast())
  }

  /// A balanced word of semilength `n` that is not a Dyck word, uniform among all such words.
  ///
  /// By the reflection principle: in a word with `n − 1` opening and `n + 1` closing brackets
  /// the height first reaches −1 somewhere; swapping every bracket after that point gives a
  /// balanced word that goes below zero, and this is a bijection onto those words.
  public static func randomNonDyckWord(semilength n: Int, using generator: inout some RandomNumberGenerator) -> [Int] {
    var word = [Int](repeating: opening, count: n - 1) + [Int](repeating: closing, count: n + 1)
    shuffle(&word, using: &generator)
    var height = 0
    var reflecting = false
    for index in word.indices {
      if reflecting {
        word[index] = word[index] == closing ? opening : closing
      } else {
        height += word[index] == closing ? -1 : 1
        reflecting = height < 0
      }
    }
    return word
  }

  /// Fisher–Yates, written out so a seed gives the same word on every toolchain.
  private static func shuffle(_ word: inout [Int], using generator: inout some RandomNumberGenerator) {
    guard word.count > 1 else { return }
    for index in stride(from: word.count - 1, to: 0, by: -1) {
      word.swapAt(index, generator.nextInt(in: 0...index))
    }
  }
}
