/// The tasks `ntm train` knows, by name, with their settings: what a checkpoint records so that
/// a resumed run draws from the same distribution.
///
/// Each case wraps one generator; everything the trainer and the commands need goes through
/// `task` (`any RegisteredTask`), so adding a task means one case, one line in `task`, and its
/// `RegisteredTask` conformance (`TrainingTask+Tasks.swift`).
///
/// In JSON a task is `{"name": "copy", "settings": {…the generator's fields…}}`; files written
/// before the newer tasks existed ("copy", "repeat-copy") read unchanged.
public enum TrainingTask: SequenceTask, Codable, Equatable, Sendable {
  case copy(CopyTask)
  case repeatCopy(RepeatCopyTask)
  case associativeRecall(AssociativeRecallTask)
  case ngrams(NGramTask)
  case prioritySort(PrioritySortTask)
  case dyck(DyckWordsTask)

  /// Every registered generator type, in the order commands list them.
  public static let registry: [any RegisteredTask.Type] = [
    CopyTask.self, RepeatCopyTask.self, AssociativeRecallTask.self, NGramTask.self, PrioritySortTask.self,
    DyckWordsTask.self,
  ]

  /// The names, as typed on the command line and saved in checkpoints.
  public static let names = registry.map { $0.taskName }

  /// The task called `name` with its default settings, or nil for an unknown name.
  public init?(name: String) {
    guard let type = Self.registry.first(where: { $0.taskName == name }) else { return nil }
    self = type.init().trainingTask
  }

  /// The generator inside.
  public var task: any RegisteredTask {
    switch self {
    case .copy(let task): task
    case .repeatCopy(let task): task
    case .associativeRecall(let task): task
    case .ngrams(let task): task
    case .prioritySort(let task): task
    case .dyck(let task): task
    }
  }

  public var name: String { type(of: task).taskName }

  /// What one unit of the task's length counts ("vectors", "items", …).
  public var lengthUnit: String { type(of: task).lengthUnit }

  /// The task's training lengths, in its own unit (`lengthUnit`).
  public var lengths: ClosedRange<Int> { task.lengths }

  /// The same task drawing training lengths from `lengths`.
  public func withLengths(_ lengths: ClosedRange<Int>) -> TrainingTask {
    task.withLengths(lengths).trainingTask
  }

  /// Lengths that test generalisation: the training range and beyond.
  public var evaluationLengths: [Int] { task.evaluationLengths }

  public var inputSize: Int { task.inputSize }
  public var outputSize: Int { task.outputSize }

  public func sample(using generator: inout some RandomNumberGenerator) -> Example {
    task.sample(using: &generator)
  }

  public func sample(length: Int, using generator: inout some RandomNumberGenerator) -> Example {
    task.sample(length: length, using: &generator)
  }

  /// Problems with the settings (from a hand-edited or damaged checkpoint), one sentence each.
  public var problems: [String] { task.problems }

  private enum CodingKeys: String, CodingKey { case name, settings }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    let name = try container.decode(String.self, forKey: .name)
    guard let type = Self.registry.first(where: { $0.taskName == name }) else {
      throw DecodingError.dataCorruptedError(
        forKey: .name, in: container,
        debugDescription: "unknown task '\(name)' (known: \(Self.names.joined(separator: ", ")))")
    }
    func decode<T: RegisteredTask>(_ type: T.Type) throws -> TrainingTask {
      try container.decode(type, forKey: .settings).trainingTask
    }
    self = try decode(type)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(name, forKey: .name)
    try container.encode(task, forKey: .settings)
  }
}
