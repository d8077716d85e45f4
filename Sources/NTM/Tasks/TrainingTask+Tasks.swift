/// A task generator `ntm train` can train on: a name for the command line and checkpoints,
/// default settings, training lengths that can be changed, and checks for settings read from
/// a file.
public protocol RegisteredTask: SequenceTask, Codable, Equatable, Sendable {
  /// The name typed on the command line and saved in checkpoints, e.g. `associative-recall`.
  static var taskName: String { get }
  /// What one unit of the task's length counts, e.g. `items`.
  static var lengthUnit: String { get }
  /// The paper's settings.
  init()
  /// The training lengths, in `lengthUnit`.
  var lengths: ClosedRange<Int> { get }
  /// The same task with other training lengths.
  func withLengths(_ lengths: ClosedRange<Int>) -> Self
  /// Lengths that test generalisation: inside the training range and beyond it.
  var evaluationLengths: [Int] { get }
  /// Problems with the settings, one sentence each.
  var problems: [String] { get }
  /// This task as the registry's case.
  var trainingTask: TrainingTask { get }
}

extension CopyTask: RegisteredTask {
  public static let taskName = "copy"
  public static let lengthUnit = "vectors"
  public init() { self.init(bits: Self.defaultBits) }
  public func withLengths(_ lengths: ClosedRange<Int>) -> CopyTask {
    var task = self
    (task.minimumLength, task.maximumLength) = (lengths.lowerBound, lengths.upperBound)
    return task
  }
  /// The paper's Fig. 4 and 5 lengths, and 100, the length the reference model is judged at.
  public var evaluationLengths: [Int] { Array(Set([10, maximumLength, 40, 80, 100, 120])).sorted() }
  public var problems: [String] {
    var problems: [String] = []
    if !Limits.bits.contains(bits) { problems.append("copy task has \(bits) bits per vector; it needs \(Limits.text(Limits.bits))") }
    if !Limits.isRange(minimumLength, maximumLength, inside: Limits.length) {
      problems.append("copy task lengths \(minimumLength)…\(maximumLength) are not a range inside \(Limits.text(Limits.length))")
    }
    return problems
  }
  public var trainingTask: TrainingTask { .copy(self) }
}

extension RepeatCopyTask: RegisteredTask {
  public static let taskName = "repeat-copy"
  public static let lengthUnit = "vectors"
  public init() { self.init(bits: Self.defaultBits) }
  public func withLengths(_ lengths: ClosedRange<Int>) -> RepeatCopyTask {
    var task = self
    (task.minimumLength, task.maximumLength) = (lengths.lowerBound, lengths.upperBound)
    return task
  }
  public var evaluationLengths: [Int] { Array(Set([5, maximumLength, 2 * maximumLength])).sorted() }
  public var problems: [String] {
    var problems: [String] = []
    if !Limits.bits.contains(bits) { problems.append("repeat-copy task has \(bits) bits per vector; it needs \(Limits.text(Limits.bits))") }
    if !Limits.isRange(minimumLength, maximumLength, inside: Limits.length) {
      problems.append("repeat-copy task lengths \(minimumLength)…\(maximumLength) are not a range inside \(Limits.text(Limits.length))")
    }
    if !Limits.isRange(minimumRepeats, maximumRepeats, inside: Limits.repeats) {
      problems.append("repeat-copy counts \(minimumRepeats)…\(maximumRepeats) are not a range inside \(Limits.text(Limits.repeats))")
    }
    return problems
  }
  public var trainingTask: TrainingTask { .repeatCopy(self) }
}

extension AssociativeRecallTask: RegisteredTask {
  public static let taskName = "associative-recall"
  public static let lengthUnit = "items"
  public init() { self.init(bits: Self.defaultBits) }
  public func withLengths(_ lengths: ClosedRange<Int>) -> AssociativeRecallTask {
    var task = self
    task.lengths = lengths
    return task
  }
  /// The paper's Fig. 10 goes from the training range to 20 items; never more items than there
  /// are distinct ones.
  public var evaluationLengths: [Int] {
    Array(Set([3, maximumItems, 8, 10, 12, 15])).filter { $0 <= distinctItemCount }.sorted()
  }
  public var trainingTask: TrainingTask { .associativeRecall(self) }
}

extension NGramTask: RegisteredTask {
  public static let taskName = "ngrams"
  public static let lengthUnit = "bits"
  public init() { self.init(contextLength: Self.defaultContextLength) }
  public func withLengths(_ lengths: ClosedRange<Int>) -> NGramTask {
    var task = self
    task.lengths = lengths
    return task
  }
  public var evaluationLengths: [Int] { Array(Set([100, maximumLength, 2 * maximumLength])).sorted() }
  public var trainingTask: TrainingTask { .ngrams(self) }
}

extension PrioritySortTask: RegisteredTask {
  public static let taskName = "priority-sort"
  public static let lengthUnit = "input vectors"
  public init() { self.init(bits: Self.defaultBits) }
  public func withLengths(_ lengths: ClosedRange<Int>) -> PrioritySortTask {
    var task = self
    task.lengths = lengths
    return task
  }
  public var evaluationLengths: [Int] { Array(Set([outputCount, maximumLength, maximumLength + 10])).sorted() }
  public var trainingTask: TrainingTask { .prioritySort(self) }
}

extension DyckWordsTask: RegisteredTask {
  public static let taskName = "dyck"
  public static let lengthUnit = "bracket pairs"
  public init() { self.init(lengths: Self.defaultLengths) }
  public func withLengths(_ lengths: ClosedRange<Int>) -> DyckWordsTask {
    var task = self
    task.lengths = lengths
    return task
  }
  /// The training range and `defaultTestLength` (words of 100 brackets).
  public var evaluationLengths: [Int] { Array(Set([10, maximumLength, 30, Self.defaultTestLength])).sorted() }
  public var trainingTask: TrainingTask { .dyck(self) }
}
