extension TrainingTask {
  /// The most time steps an example of `length` (in the task's unit) can have: what the
  /// machine's tape must hold for it. Repeat copy counts its largest repeat count.
  ///
  /// - Precondition: the task's settings are valid (`problems` is empty) and `length` lies in
  ///   `Limits.length`, so no product here can overflow.
  public func steps(length: Int) -> Int {
    switch self {
    case .copy: 2 * length + 1
    case .repeatCopy(let task):
      length + (task.encoding == .scalar ? 1 : task.maximumRepeats) + 1 + task.maximumRepeats * length + 1
    case .associativeRecall(let task): task.steps(items: length)
    case .ngrams: length
    case .prioritySort(let task): task.steps(length: length)
    case .dyck: 2 * length
    }
  }
}
