/// The associative recall task (Graves et al. 2014, §4.3): read a list of items, then a query
/// item, and write the item that came right after the query in the list.
///
/// An item is `v` consecutive `bits`-bit vectors (the paper: three six-bit vectors). For `K`
/// items `I_0 … I_{K−1}` and a query index `q` drawn uniformly from `0 … K−2` (any item but the
/// last, so an answer always exists), the example has `T = (K + 2)(v + 1)` steps:
/// ```
/// step                           input          target
/// j(v+1)                         item flag      —          ┐ for each item
/// j(v+1)+1 … j(v+1)+v            I_j            —          ┘ j = 0 … K−1
/// K(v+1)                         query flag     —
/// K(v+1)+1 … K(v+1)+v            I_q            —
/// (K+1)(v+1)                     query flag     —
/// (K+1)(v+1)+1 … (K+2)(v+1)−1    0              I_{q+1}
/// ```
/// Every item is preceded by one step that raises the item delimiter; the query item is enclosed
/// by two steps that raise the distinct query delimiter, the second one saying "answer now". The input has `bits + 2` channels: the bits, then the item delimiter
/// (channel `bits`), then the query delimiter (channel `bits + 1`). The target has `bits`
/// channels. The mask is 1 on the last `v` steps only, where the answer is written.
///
/// The paper trains on 2…6 items of three six-bit vectors and tests on longer lists.
///
/// - Note: The paper does not say what happens when two items are equal (then the query has
///   two possible answers). Here the items of one example are always distinct: an item equal to
///   an earlier one is drawn again. With 18 bits per item this is rare and changes nothing else.
public struct AssociativeRecallTask: SequenceTask, Codable, Equatable, Sendable {
  /// The paper's vector width.
  public static let defaultBits = 6
  /// The paper's item size: vectors per item.
  public static let defaultVectorsPerItem = 3
  /// The paper's training item counts.
  public static let defaultItems = 2...6
  /// The fewest items that leave a query with an answer: the query is never the last item.
  public static let minimumItemCount = 2

  /// Bits per vector.
  public var bits: Int
  /// Vectors per item (`v`).
  public var vectorsPerItem: Int
  /// Fewest items drawn for training.
  public var minimumItems: Int
  /// Most items drawn for training.
  public var maximumItems: Int

  /// - Precondition: `bits ≥ 1`, `vectorsPerItem ≥ 1`, `2 ≤ items.lowerBound`.
  public init(
    bits: Int = defaultBits, vectorsPerItem: Int = defaultVectorsPerItem,
    items: ClosedRange<Int> = defaultItems
  ) {
    require(bits >= 1, "Associative recall needs at least 1 bit per vector, got \(bits)")
    require(vectorsPerItem >= 1, "Associative recall needs at least 1 vector per item, got \(vectorsPerItem)")
    require(
      items.lowerBound >= Self.minimumItemCount,
      "Associative recall needs at least \(Self.minimumItemCount) items, got \(items)")
    self.bits = bits
    self.vectorsPerItem = vectorsPerItem
    minimumItems = items.lowerBound
    maximumItems = items.upperBound
  }

  /// The training item counts.
  public var items: ClosedRange<Int> { minimumItems...maximumItems }

  /// The training "lengths": for this task a length is a number of items.
  public var lengths: ClosedRange<Int> {
    get { items }
    set {
      minimumItems = newValue.lowerBound
      maximumItems = newValue.upperBound
    }
  }

  public var inputSize: Int { bits + 2 }
  public var outputSize: Int { bits }

  /// The input channel raised before every item.
  public var itemDelimiterChannel: Int { bits }
  /// The input channel raised before and after the query item.
  public var queryDelimiterChannel: Int { bits + 1 }

  /// The number of steps for `count` items: `T = (K + 2)(v + 1)`.
  public func steps(items count: Int) -> Int { (count + 2) * (vectorsPerItem + 1) }

  /// The most distinct items there are, `2^(bits · v)`, or `Int.max` when that does not fit.
  public var distinctItemCount: Int {
    let itemBits = bits * vectorsPerItem
    return itemBits < Int.bitWidth - 1 ? 1 << itemBits : Int.max
  }

  /// Problems with the settings (from a hand-edited or damaged checkpoint), one sentence each.
  public var problems: [String] {
    var problems: [String] = []
    if !Limits.bits.contains(bits) {
      problems.append("associative recall has \(bits) bits per vector; it needs \(Limits.text(Limits.bits))")
    }
    if !Limits.vectorsPerItem.contains(vectorsPerItem) {
      problems.append("associative recall has \(vectorsPerItem) vectors per item; it needs \(Limits.text(Limits.vectorsPerItem))")
    }
    if !Limits.isRange(minimumItems, maximumItems, inside: Self.minimumItemCount...Limits.length.upperBound) {
      problems.append(
        "associative recall item counts \(minimumItems)…\(maximumItems) are not a range inside "
          + "\(Self.minimumItemCount)…\(Limits.length.upperBound)")
    }
    if Limits.bits.contains(bits) && Limits.vectorsPerItem.contains(vectorsPerItem) && maximumItems > distinctItemCount {
      problems.append(
        "associative recall asks for \(maximumItems) distinct items, but \(bits) × \(vectorsPerItem) bits make only \(distinctItemCount)")
    }
    return problems
  }

  public func sample(using generator: inout some RandomNumberGenerator) -> Example {
    sample(length: generator.nextInt(in: items), using: &generator)
  }

  /// An example with `length` items.
  /// - Precondition: `2 ≤ length ≤ 2^(bits · v)` (the items must be distinct).
  public func sample(length count: Int, using generator: inout some RandomNumberGenerator) -> Example {
    require(
      count >= Self.minimumItemCount,
      "Associative recall needs at least \(Self.minimumItemCount) items, got \(count)")
    require(
      count <= distinctItemCount,
      "Associative recall cannot draw \(count) distinct items of \(vectorsPerItem) × \(bits) bits")
    let itemList = drawDistinctItems(count, using: &generator)
    let query = generator.nextInt(in: 0...(count - 2))

    let stride = vectorsPerItem + 1
    let steps = steps(items: count)
    var inputs = Matrix(rows: steps, columns: inputSize)
    var targets = Matrix(rows: steps, columns: outputSize)
    var mask = [Double](repeating: 0, count: steps)

    func place(_ item: [Double], after delimiterStep: Int) {
      for vector in 0..<vectorsPerItem {
        for bit in 0..<bits { inputs[delimiterStep + 1 + vector, bit] = item[vector * bits + bit] }
      }
    }
    for (j, item) in itemList.enumerated() {
      inputs[j * stride, itemDelimiterChannel] = 1
      place(item, after: j * stride)
    }
    let queryStep = count * stride
    let answerStep = (count + 1) * stride
    inputs[queryStep, queryDelimiterChannel] = 1
    place(itemList[query], after: queryStep)
    inputs[answerStep, queryDelimiterChannel] = 1

    let answer = itemList[query + 1]
    for vector in 0..<vectorsPerItem {
      let t = answerStep + 1 + vector
      for bit in 0..<bits { targets[t, bit] = answer[vector * bits + bit] }
      mask[t] = 1
    }
    return Example(inputs: inputs, targets: targets, mask: mask)
  }

  /// `count` distinct random items, each `v · bits` values in {0, 1}, vector after vector.
  private func drawDistinctItems(_ count: Int, using generator: inout some RandomNumberGenerator) -> [[Double]] {
    var drawn: [[Double]] = []
    var seen: Set<[Double]> = []
    while drawn.count < count {
      let item = (0..<(vectorsPerItem * bits)).map { _ in generator.nextBit() }
      if seen.insert(item).inserted { drawn.append(item) }
    }
    return drawn
  }
}
