import NTM

/// The task flags of `ntm train`: `--min-length`/`--max-length` in each task's own unit, and
/// the settings only some tasks have.
extension TrainPlan {
  /// - Throws: `Arguments.UsageError` for the first flag given that `task` does not use,
  ///   naming the tasks that do.
  static func refuseUnusedTaskFlags(_ arguments: Arguments, task: String) throws {
    for (flag, tasks) in tasksUsing where arguments.value(flag) != nil && !tasks.contains(task) {
      let names = CommandOption.both(tasks)
      throw Arguments.UsageError(
        message: "--\(flag) is for the \(names) task\(tasks.count == 1 ? "" : "s"); '\(task)' does not use it. Try 'ntm train --help'.")
    }
  }

  /// The task with its lengths and settings from the flags.
  static func taskSettings(_ task: TrainingTask, arguments: Arguments) throws -> TrainingTask {
    let hint = arguments.hint
    try refuseUnusedTaskFlags(arguments, task: task.name)
    let shortest = try arguments.integer(Option.minLength, default: task.lengths.lowerBound)
    let longest = try arguments.integer(Option.maxLength, default: task.lengths.upperBound)
    guard shortest <= longest else {
      throw Arguments.UsageError(message: "--min-length \(shortest) is more than --max-length \(longest). \(hint)")
    }
    let lengths = shortest...longest
    func bits(_ fallback: Int) throws -> Int { try arguments.integer(Option.bits, default: fallback) }
    switch task {
    case .copy:
      return .copy(CopyTask(bits: try bits(CopyTask.defaultBits), lengths: lengths))
    case .repeatCopy:
      let low = try arguments.integer(Option.minRepeats)
      let high = try arguments.integer(Option.maxRepeats)
      guard low <= high else { throw Arguments.UsageError(message: "--min-repeats \(low) is more than --max-repeats \(high). \(hint)") }
      // The declaration allows only the encodings' names.
      let encoding = RepeatCopyTask.CountEncoding(rawValue: try arguments.word(Option.repeatEncoding)) ?? .scalar
      return .repeatCopy(
        RepeatCopyTask(bits: try bits(RepeatCopyTask.defaultBits), lengths: lengths, repeats: low...high, encoding: encoding))
    case .associativeRecall:
      guard shortest >= AssociativeRecallTask.minimumItemCount else {
        throw Arguments.UsageError(
          message:
            "associative recall needs --min-length of at least \(AssociativeRecallTask.minimumItemCount) items, got \(shortest). \(hint)")
      }
      let vectors = try arguments.integer(Option.vectorsPerItem)
      let recall = AssociativeRecallTask(bits: try bits(AssociativeRecallTask.defaultBits), vectorsPerItem: vectors, items: lengths)
      // The generator draws distinct items: there must be enough of them.
      guard longest <= recall.distinctItemCount else {
        throw Arguments.UsageError(
          message:
            "associative recall cannot draw \(longest) distinct items of \(vectors) × \(recall.bits) bits: there are only \(recall.distinctItemCount); use --max-length \(recall.distinctItemCount) or more --bits or --vectors-per-item. \(hint)"
        )
      }
      return .associativeRecall(recall)
    case .ngrams:
      let context = try arguments.integer(Option.context)
      guard shortest > context else {
        throw Arguments.UsageError(
          message: "ngrams needs --min-length longer than the context of \(context) bits, got \(shortest). \(hint)")
      }
      return .ngrams(NGramTask(contextLength: context, lengths: lengths))
    case .prioritySort:
      let outputs = try arguments.integer(Option.outputs)
      return .prioritySort(PrioritySortTask(bits: try bits(PrioritySortTask.defaultBits), lengths: lengths, outputCount: outputs))
    case .dyck:
      return .dyck(DyckWordsTask(lengths: lengths))
    }
  }
}
