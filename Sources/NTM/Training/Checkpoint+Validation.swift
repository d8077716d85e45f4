/// Checking a loaded checkpoint in the order that keeps every check safe: the sizes against
/// their ranges first (`Limits`, no arithmetic before that), then the memory the model would
/// need (`MemoryEstimate`, before anything is allocated), then everything else.
extension Checkpoint {
  /// How many parameters the model this checkpoint describes has.
  /// - Precondition: the configuration (or baseline) has no problems.
  public var modelParameterCount: Int {
    baseline.map(LSTMNetwork.parameterCount(for:)) ?? NeuralTuringMachine.parameterCount(for: configuration)
  }

  /// The model training (or running) on the task's longest training sequences.
  /// - Precondition: the configuration (or baseline) and the task have no problems.
  public var memoryEstimate: MemoryEstimate { MemoryEstimate.checkpoint(self, length: task.lengths.upperBound) }

  /// Throws the first problem as a `CheckpointError.invalid`: a size out of its range, a model
  /// that would not fit in `physicalBytes` (the computer's memory by default), or anything
  /// `problems(parameterCount:)` finds.
  public func validate(physicalBytes: Double = MemoryEstimate.physicalBytes) throws(CheckpointError) {
    if let problem = rangeProblem { throw .invalid(problem) }
    let estimate = memoryEstimate
    if let problem = estimate.problem(physicalBytes: physicalBytes) ?? estimate.parameterProblem { throw .tooLarge(problem) }
    try validate(parameterCount: modelParameterCount)
  }

  /// The first size, setting or counter outside its range, checked without arithmetic that
  /// could overflow; nil when all are inside.
  var rangeProblem: String? {
    let shape = baseline.map { $0.problems.map { "baseline: \($0)" } } ?? configuration.problems.map { "configuration: \($0)" }
    var counters: [String] = []
    for (name, value) in [("step", step), ("sequencesSeen", sequencesSeen)] where !Limits.counter.contains(value) {
      counters.append("the field \(name) is \(value); it must be from 0 to \(Limits.counter.upperBound)")
    }
    return (shape + task.problems + training.problems + counters + averages.problems).first
  }
}
