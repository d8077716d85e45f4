/// Saving a trainer to a checkpoint and resuming one from it. Together they carry every piece
/// of state a run depends on, so `resume(save(trainer))` trains on bit for bit as `trainer`
/// would have.
extension Trainer where Task == TrainingTask {
  /// A checkpoint of this trainer's whole state.
  /// - Parameters:
  ///   - configuration: the shape the model was built from (for the LSTM baseline, its sizes).
  ///   - baseline: the LSTM baseline's shape, when the model is the baseline.
  ///   - seed: the seed the run started from (recorded only).
  ///   - commandLine: the command that started the run (recorded only).
  ///   - record: wall time and evaluations of the run (recorded only).
  public func checkpoint(
    configuration: MachineConfiguration, baseline: LSTMNetworkConfiguration? = nil, seed: UInt64,
    commandLine: [String], record: TrainingRecord? = nil
  ) -> Checkpoint {
    Checkpoint(
      configuration: configuration, baseline: baseline, task: task, training: settings, optimiser: optimiser,
      parameters: model.parameters, generator: generator, modelGenerator: (model as? RandomisedModel)?.modelGenerator,
      step: step, sequencesSeen: sequencesSeen,
      averages: averages, seed: seed, commandLine: commandLine, record: record)
  }

  /// A trainer that continues the run saved in `checkpoint`.
  /// - Parameters:
  ///   - checkpoint: the saved run.
  ///   - model: a model built from `checkpoint.configuration`; its parameters are replaced by
  ///     the saved ones.
  /// - Throws: `CheckpointError.invalid` when the checkpoint does not fit the model, or was
  ///   exported for shipping (no optimiser state to resume from).
  public init(resuming checkpoint: Checkpoint, model: Model) throws(CheckpointError) {
    var model = model
    try checkpoint.validate(parameterCount: model.parameters.count)
    if checkpoint.task.inputSize != model.inputSize || checkpoint.task.outputSize != model.outputSize {
      throw .invalid("the \(checkpoint.task.name) task does not fit a model of \(model.inputSize) inputs and \(model.outputSize) outputs")
    }
    guard let optimiser = checkpoint.optimiser else {
      throw .invalid("it was exported for shipping without optimiser state, so it cannot resume training")
    }
    model.parameters = checkpoint.parameters
    if let saved = checkpoint.modelGenerator, var randomised = model as? RandomisedModel {
      randomised.modelGenerator = saved
      model = randomised as! Model
    }
    self.init(
      model: model, task: checkpoint.task, optimiser: optimiser, settings: checkpoint.training,
      generator: checkpoint.generator, step: checkpoint.step, sequencesSeen: checkpoint.sequencesSeen,
      averages: checkpoint.averages)
  }
}
