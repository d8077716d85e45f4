/// The training loop (Graves et al. 2014, §4): sample a batch from the task, run the model
/// forward, score it, backpropagate through time, clip, update — and report.
///
/// The trainer owns every piece of state a run depends on: the model's parameters, the
/// optimiser's state, its own random generator (which alone draws the training sequences) and
/// its counters. A checkpoint saves exactly these, so a resumed run continues bit for bit as
/// an uninterrupted one would. The library never prints: progress goes to a callback.
public struct Trainer<Model: SequenceModel, Task: SequenceTask> {
  /// What one update did.
  public struct StepReport: Equatable, Sendable {
    /// The update number, from 1.
    public var step: Int
    /// Sequences trained on so far, this batch included.
    public var sequencesSeen: Int
    /// The mean loss per sequence over the batch (nats, summed over the answer steps).
    public var loss: Double
    /// The mean number of wrong bits per sequence over the batch.
    public var bitErrors: Double
    /// `‖g‖₂` of the batch-averaged gradient before clipping.
    public var gradientNorm: Double
  }

  public var model: Model
  public var task: Task
  public var optimiser: Optimiser
  public var settings: TrainingSettings
  /// Draws the training sequences, and nothing else.
  public var generator: SplitMix64
  /// Updates applied so far.
  public var step: Int
  /// Sequences trained on so far (`step × batchSize` when the batch size never changed).
  public var sequencesSeen: Int
  public var averages: RunningAverages
  /// Names parameters in non-finite errors, when the model can.
  public var naming: ParameterNaming?

  /// Threads that share a batch's sequences (batches of more than one sequence). The result
  /// does not depend on it: each sequence's gradient is computed on its own and the gradients
  /// are summed in the batch's order, so any thread count gives the same bits.
  public var threads: Int {
    didSet { require(Limits.threads.contains(threads), "Threads must be from 1 to \(Limits.threads.upperBound), got \(threads)") }
  }

  var gradient: [Double]
  /// The copies of the model and the gradient buffers a batch runs on; made at the first batch.
  var batchWorkers: BatchWorkers<Model>?

  /// A trainer at step 0.
  /// - Precondition: the task's sizes match the model's, and the optimiser covers the model's
  ///   parameters.
  public init(
    model: Model, task: Task, optimiser: Optimiser, settings: TrainingSettings = TrainingSettings(),
    generator: SplitMix64, step: Int = 0, sequencesSeen: Int = 0, averages: RunningAverages = RunningAverages()
  ) {
    require(
      task.inputSize == model.inputSize && task.outputSize == model.outputSize,
      "Task sizes \(task.inputSize) → \(task.outputSize) do not match the model's \(model.inputSize) → \(model.outputSize)")
    let count = model.parameters.count
    require(optimiser.parameterCount == count, "Optimiser state covers \(optimiser.parameterCount) parameters, the model has \(count)")
    require(settings.problems.isEmpty, "Training settings: \(settings.problems.joined(separator: "; "))")
    self.model = model
    self.task = task
    self.optimiser = optimiser
    self.settings = settings
    self.generator = generator
    self.step = step
    self.sequencesSeen = sequencesSeen
    self.averages = averages
    self.naming = model as? ParameterNaming
    self.threads = 1
    gradient = Array(repeating: 0, count: count)
  }

  /// One update on a fresh batch of `settings.batchSize` sequences.
  ///
  /// The gradient is the mean over the batch of each sequence's `∂L/∂θ`:
  /// ```
  /// g = (1/B) Σ_b ∂L_b/∂θ,   then clip,   then θ ← optimiser(θ, g)
  /// ```
  /// One sequence runs on the model itself. A batch of several runs on `threads` threads,
  /// each sequence's `∂L_b/∂θ` into a buffer of its own, and the sum is taken in the order
  /// `b = 1, 2, …, B` whatever the thread count (see `BatchWorkers`).
  /// - Throws: `NonFiniteError` naming the step and the tensor (loss, gradient or parameters)
  ///   where a NaN or infinity, or a value past its divergence bound, first appeared; the parameters are then left as they were
  ///   before the update when the loss or gradient was at fault.
  @discardableResult
  public mutating func trainStep() throws(NonFiniteError) -> StepReport {
    let current = step + 1
    let batch = settings.batchSize
    for i in gradient.indices { gradient[i] = 0 }
    var totalLoss = 0.0
    var totalErrors = 0
    if batch > 1 {
      (totalLoss, totalErrors) = try accumulateBatch(batch, step: current)
    } else {
      let example = task.sample(using: &generator)
      let logits = model.forward(example.inputs)
      let loss = SigmoidCrossEntropy.forward(logits: logits, targets: example.targets, mask: example.mask)
      try NonFiniteGuard.check(loss, step: current, tensor: "loss")
      let answerSteps = example.mask.reduce(0, +)
      try NonFiniteGuard.checkDivergence(loss: loss, answerBits: answerSteps * Double(task.outputSize), step: current)
      let logitGradient = SigmoidCrossEntropy.backward(logits: logits, targets: example.targets, mask: example.mask)
      model.backward(logitGradient: logitGradient, addingInto: &gradient)
      totalLoss += loss
      totalErrors += BitError.count(logits: logits, targets: example.targets, mask: example.mask)
    }
    if batch > 1 {
      let scale = 1 / Double(batch)
      for i in gradient.indices { gradient[i] *= scale }
    }
    try NonFiniteGuard.check(gradient, step: current, tensor: "gradient", naming: naming)
    let norm = settings.clipping.apply(to: &gradient)
    optimiser.update(&model.parameters, gradient: gradient)
    try NonFiniteGuard.check(model.parameters, step: current, tensor: "parameters", naming: naming)
    try NonFiniteGuard.checkDivergence(
      model.parameters, bound: NonFiniteGuard.parameterBound, step: current, tensor: "parameters", naming: naming)

    step = current
    sequencesSeen += batch
    let loss = totalLoss / Double(batch)
    let errors = Double(totalErrors) / Double(batch)
    averages.add(loss: loss, bitErrors: errors)
    return StepReport(step: current, sequencesSeen: sequencesSeen, loss: loss, bitErrors: errors, gradientNorm: norm)
  }

  /// Trains until `sequences` sequences have been seen in all, or `shouldStop` says so
  /// (checked between updates), calling `report` after every update.
  /// - Returns: whether it stopped early.
  @discardableResult
  public mutating func train(
    untilSequences sequences: Int, shouldStop: () -> Bool = { false }, report: (StepReport) -> Void = { _ in }
  ) throws(NonFiniteError) -> Bool {
    while sequencesSeen < sequences {
      if shouldStop() { return true }
      report(try trainStep())
    }
    return false
  }
}
