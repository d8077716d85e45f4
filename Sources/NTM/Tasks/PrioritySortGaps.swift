/// Priority sort's wrong bits split by how close each answer vector's priority lies to another
/// input's: where a sorting machine goes wrong.
///
/// For the `n` priorities of an example sorted by descending value, `p_(1) > p_(2) > … > p_(n)`,
/// the answer vector of rank `r` (`1 ≤ r ≤ k`) has the gap
/// ```
/// gap_r = min(p_(r−1) − p_(r), p_(r) − p_(r+1))     (a side that does not exist is left out)
/// ```
/// to its nearest neighbour among all the inputs, answered or not. A machine that places each
/// vector in memory by its priority cannot tell apart two priorities closer than its placement's
/// resolution: its errors gather at small gaps. Each answer vector is counted in the bin of its
/// gap, with its wrong bits (`BitError`'s rounding, on its step alone).
///
/// ```swift
/// var profile = PrioritySortGaps()
/// profile.add(example, logits: model.forward(example.inputs), task: task)
/// profile.bins[0].wrongBitsPerVector  // wrong bits per answer vector with a gap under 0.01
/// ```
public struct PrioritySortGaps: Equatable, Sendable {
  /// The bins' upper edges, in priority (the range `PrioritySortTask.priorityRange` is 2 wide);
  /// the last bin has no upper edge. With 20 priorities uniform on [−1, 1], about a sixth of the
  /// answer vectors fall under 0.01 and a quarter above 0.1.
  public static let upperEdges = [0.01, 0.02, 0.03, 0.05, 0.1]

  /// The answer vectors whose gap lies in `lower ≤ gap < upper`.
  public struct Bin: Equatable, Sendable {
    public var lower: Double
    /// `nil` for the last bin: no upper edge.
    public var upper: Double?
    /// How many answer vectors fell in the bin.
    public var vectors = 0
    /// Their wrong bits, summed.
    public var wrongBits = 0

    public init(lower: Double, upper: Double?) {
      self.lower = lower
      self.upper = upper
    }

    /// The mean wrong bits of an answer vector in the bin (0 for an empty bin).
    public var wrongBitsPerVector: Double { vectors == 0 ? 0 : Double(wrongBits) / Double(vectors) }

    /// Whether `gap` belongs in the bin.
    public func contains(_ gap: Double) -> Bool { gap >= lower && upper.map { gap < $0 } ?? true }
  }

  /// One bin per interval of `upperEdges`, then one open above the last.
  public var bins: [Bin]
  /// The number of examples added.
  public var sequences = 0

  public init() {
    let lowers = [0] + Self.upperEdges
    bins = lowers.indices.map { Bin(lower: lowers[$0], upper: $0 < Self.upperEdges.count ? Self.upperEdges[$0] : nil) }
  }

  /// Every answer vector counted, over every bin.
  public var vectors: Int { bins.reduce(0) { $0 + $1.vectors } }
  /// Every wrong bit counted, over every bin: the wrong bits of all the added sequences.
  public var wrongBits: Int { bins.reduce(0) { $0 + $1.wrongBits } }
  /// The mean wrong bits of an answer vector, over every bin (0 before any is counted).
  public var wrongBitsPerVector: Double { vectors == 0 ? 0 : Double(wrongBits) / Double(vectors) }

  /// The gap of each answer vector of an example with `priorities` (the inputs' priorities in
  /// input order), by rank: the first is the highest priority's. `answers` of them.
  /// - Precondition: `1 ≤ answers ≤ priorities.count`.
  public static func gaps(priorities: [Double], answers: Int) -> [Double] {
    require(answers >= 1 && answers <= priorities.count, "Need 1 to \(priorities.count) answers, got \(answers)")
    let sorted = priorities.sorted(by: >)
    return (0..<answers).map { r in
      let above = r > 0 ? sorted[r - 1] - sorted[r] : Double.infinity
      let below = r + 1 < sorted.count ? sorted[r] - sorted[r + 1] : Double.infinity
      return min(above, below)
    }
  }

  /// Counts the answer vectors of `example` (drawn by `task`) with the wrong bits of `logits`,
  /// the model's outputs for it.
  /// - Precondition: `example` is one of `task`'s (its priorities in `task.priorityChannel`,
  ///   the delimiter once after them) and `logits` has its targets' shape.
  public mutating func add(_ example: Example, logits: Matrix, task: PrioritySortTask) {
    let steps = example.inputs.rows
    guard let delimiter = (0..<steps).first(where: { example.inputs[$0, task.delimiterChannel] != 0 }) else {
      preconditionFailure("A priority sort example has a delimiter step")
    }
    let priorities = (0..<delimiter).map { example.inputs[$0, task.priorityChannel] }
    let answers = task.answerCount(length: delimiter)
    for (rank, gap) in Self.gaps(priorities: priorities, answers: answers).enumerated() {
      let wrong = BitError.count(logits: logits, targets: example.targets, step: delimiter + 1 + rank)
      guard let bin = bins.firstIndex(where: { $0.contains(gap) }) else { continue }
      bins[bin].vectors += 1
      bins[bin].wrongBits += wrong
    }
    sequences += 1
  }

  /// `model` on `count` sequences of `length` input vectors from `generator`: the same
  /// sequences, in the same order, as `Evaluation.run` draws from the same generator.
  /// - Precondition: `count ≥ 1` and `length ≥ 1`.
  public static func run<Model: SequenceModel>(
    _ model: inout Model, on task: PrioritySortTask, count: Int, length: Int,
    using generator: inout some RandomNumberGenerator
  ) -> PrioritySortGaps {
    require(count >= 1, "Need at least one sequence, got \(count)")
    var profile = PrioritySortGaps()
    for _ in 0..<count {
      let example = task.sample(length: length, using: &generator)
      profile.add(example, logits: model.forward(example.inputs), task: task)
    }
    return profile
  }
}
