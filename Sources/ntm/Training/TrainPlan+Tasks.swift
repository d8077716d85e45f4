import NTM

/// The task flags of `ntm train`: `--min-length`/`--max-length` in each task's own unit, and
/// the settings only some tasks have.
extension TrainPlan {
  /// Flags that take a value and belong to one task or another.
  static let taskOptions = ["vectors-per-item", "context", "outputs"]

  /// The flags only some tasks use, and those tasks. A flag a task does not use is refused
  /// rather than ignored: `train copy --context 3` would otherwise train something other than
  /// what was asked, without a word.
  static let tasksUsing: KeyValuePairs<String, [String]> = [
    "bits": ["copy", "repeat-copy", "associative-recall", "priority-sort"],
    "vectors-per-item": ["associative-recall"],
    "context": ["ngrams"],
    "outputs": ["priority-sort"],
    "min-repeats": ["repeat-copy"],
    "max-repeats": ["repeat-copy"],
    "repeat-encoding": ["repeat-copy"],
  ]

  /// - Throws: `Arguments.UsageError` for the first flag given that `task` does not use,
  ///   naming the tasks that do.
  static func refuseUnusedTaskFlags(_ arguments: Arguments, task: String) throws {
    for (flag, tasks) in tasksUsing where arguments.value(flag) != nil && !tasks.contains(task) {
      let names = tasks.count == 1 ? tasks[0] : tasks.dropLast().joined(separator: ", ") + " and " + tasks.last!
      throw Arguments.UsageError(
        message: "--\(flag) is for the \(names) task\(tasks.count == 1 ? "" : "s"); '\(task)' does not use it. Try 'ntm train --help'.")
    }
  }

  /// The task with its lengths and settings from the flags.
  static func taskSettings(
    _ task: TrainingTask, arguments: Arguments, whole: (String, Int, ClosedRange<Int>) throws -> Int
  ) throws -> TrainingTask {
    let hint = "Try 'ntm train --help'."
    try refuseUnusedTaskFlags(arguments, task: task.name)
    let shortest = try whole("min-length", task.lengths.lowerBound, Limits.length)
    let longest = try whole("max-length", task.lengths.upperBound, Limits.length)
    guard shortest <= longest else {
      throw Arguments.UsageError(message: "--min-length \(shortest) is more than --max-length \(longest). \(hint)")
    }
    let lengths = shortest...longest
    func bits(_ fallback: Int) throws -> Int { try whole("bits", fallback, Limits.bits) }
    switch task {
    case .copy:
      return .copy(CopyTask(bits: try bits(CopyTask.defaultBits), lengths: lengths))
    case .repeatCopy:
      let low = try whole("min-repeats", RepeatCopyTask.defaultRepeats.lowerBound, Limits.repeats)
      let high = try whole("max-repeats", RepeatCopyTask.defaultRepeats.upperBound, Limits.repeats)
      guard low <= high else { throw Arguments.UsageError(message: "--min-repeats \(low) is more than --max-repeats \(high). \(hint)") }
      guard let encoding = RepeatCopyTask.CountEncoding(rawValue: arguments.value("repeat-encoding") ?? "scalar") else {
        throw Arguments.UsageError(message: "--repeat-encoding must be scalar or unary, got '\(EchoedText.echo(arguments.value("repeat-encoding")!))'. \(hint)")
      }
      return .repeatCopy(RepeatCopyTask(bits: try bits(RepeatCopyTask.defaultBits), lengths: lengths, repeats: low...high, encoding: encoding))
    case .associativeRecall:
      guard shortest >= AssociativeRecallTask.minimumItemCount else {
        throw Arguments.UsageError(message: "associative recall needs --min-length of at least \(AssociativeRecallTask.minimumItemCount) items, got \(shortest). \(hint)")
      }
      let vectors = try whole("vectors-per-item", AssociativeRecallTask.defaultVectorsPerItem, Limits.vectorsPerItem)
      let recall = AssociativeRecallTask(bits: try bits(AssociativeRecallTask.defaultBits), vectorsPerItem: vectors, items: lengths)
      // The generator draws distinct items: there must be enough of them.
      guard longest <= recall.distinctItemCount else {
        throw Arguments.UsageError(
          message: "associative recall cannot draw \(longest) distinct items of \(vectors) × \(recall.bits) bits: there are only \(recall.distinctItemCount); use --max-length \(recall.distinctItemCount) or more --bits or --vectors-per-item. \(hint)")
      }
      return .associativeRecall(recall)
    case .ngrams:
      let context = try whole("context", NGramTask.defaultContextLength, 1...NGramTask.maximumContextLength)
      guard shortest > context else {
        throw Arguments.UsageError(message: "ngrams needs --min-length longer than the context of \(context) bits, got \(shortest). \(hint)")
      }
      return .ngrams(NGramTask(contextLength: context, lengths: lengths))
    case .prioritySort:
      let outputs = try whole("outputs", PrioritySortTask.defaultOutputCount, Limits.outputs)
      return .prioritySort(PrioritySortTask(bits: try bits(PrioritySortTask.defaultBits), lengths: lengths, outputCount: outputs))
    case .dyck:
      return .dyck(DyckWordsTask(lengths: lengths))
    }
  }
}
