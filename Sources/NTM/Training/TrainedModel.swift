/// The model a checkpoint holds — a Neural Turing Machine or the stacked-LSTM baseline — as one
/// `SequenceModel`, so training, evaluation and the commands treat both alike.
///
/// Load one with ``Checkpoint/model(physicalBytes:)``, which validates the checkpoint first:
///
/// ```swift
/// let checkpoint = try CheckpointFile.read(from: url)
/// var model = try checkpoint.model()
/// var generator = SplitMix64(seed: 1)
/// let score = Evaluation.run(&model, on: checkpoint.task, count: 50, using: &generator)
/// ```
///
/// Each call moves the model out of the enum before it runs (leaving `.empty` behind), so the
/// model's buffers stay uniquely referenced and are reused in place rather than copied.
public enum TrainedModel: SequenceModel, ParameterNaming {
  /// A Neural Turing Machine.
  case machine(NeuralTuringMachine)
  /// The paper's stacked-LSTM baseline.
  case baseline(LSTMNetwork)
  /// Only while a call has moved the model out.
  case empty

  /// The model `checkpoint` describes, with its saved parameters (and generator).
  /// - Precondition: the checkpoint has been validated against this model's parameter count
  ///   (``Checkpoint/model(physicalBytes:)`` does both).
  init(validated checkpoint: Checkpoint) {
    if let baseline = checkpoint.baseline {
      self = .baseline(LSTMNetwork(configuration: baseline, parameters: checkpoint.parameters))
    } else {
      var machine = NeuralTuringMachine(configuration: checkpoint.configuration, parameters: checkpoint.parameters)
      if let saved = checkpoint.modelGenerator { machine.modelGenerator = saved }
      self = .machine(machine)
    }
  }

  /// `NTM` or `LSTM`: the column title in comparisons.
  public var kindName: String {
    switch self {
    case .machine: "NTM"
    case .baseline: "LSTM"
    case .empty: "none"
    }
  }

  public var inputSize: Int {
    switch self {
    case .machine(let model): model.inputSize
    case .baseline(let model): model.inputSize
    case .empty: 0
    }
  }

  public var outputSize: Int {
    switch self {
    case .machine(let model): model.outputSize
    case .baseline(let model): model.outputSize
    case .empty: 0
    }
  }

  public var parameters: [Double] {
    get {
      switch self {
      case .machine(let model): model.parameters
      case .baseline(let model): model.parameters
      case .empty: []
      }
    }
    set {
      switch self {
      case .machine(var model):
        self = .empty
        model.parameters = newValue
        self = .machine(model)
      case .baseline(var model):
        self = .empty
        model.parameters = newValue
        self = .baseline(model)
      case .empty: break
      }
    }
  }

  public mutating func forward(_ inputs: Matrix) -> Matrix {
    switch self {
    case .machine(var model):
      self = .empty
      defer { self = .machine(model) }
      return model.forward(inputs)
    case .baseline(var model):
      self = .empty
      defer { self = .baseline(model) }
      return model.forward(inputs)
    case .empty:
      preconditionFailure("A model was used while moved out")
    }
  }

  public mutating func backward(logitGradient: Matrix, addingInto gradient: inout [Double]) {
    switch self {
    case .machine(var model):
      self = .empty
      model.backward(logitGradient: logitGradient, addingInto: &gradient)
      self = .machine(model)
    case .baseline(var model):
      self = .empty
      model.backward(logitGradient: logitGradient, addingInto: &gradient)
      self = .baseline(model)
    case .empty:
      preconditionFailure("A model was used while moved out")
    }
  }

  public func parameterName(at index: Int) -> String {
    switch self {
    case .machine(let model): model.parameterName(at: index)
    case .baseline(let model): model.parameterName(at: index)
    case .empty: "parameter \(index)"
    }
  }
}

extension TrainedModel {
  public var forwardGenerator: SplitMix64? {
    get {
      if case .machine(let model) = self { return model.forwardGenerator }
      return nil
    }
    set {
      if case .machine(var model) = self {
        self = .empty
        model.forwardGenerator = newValue
        self = .machine(model)
      }
    }
  }

  public func skipForward(_ generator: inout SplitMix64) {
    if case .machine(let model) = self { model.skipForward(&generator) }
  }
}

extension TrainedModel: RandomisedModel {
  /// The machine's memory generator (a baseline draws nothing; it reports a fixed one).
  public var modelGenerator: SplitMix64 {
    get {
      if case .machine(let model) = self { return model.modelGenerator }
      return SplitMix64(seed: 0)
    }
    set {
      if case .machine(var model) = self {
        self = .empty
        model.modelGenerator = newValue
        self = .machine(model)
      }
    }
  }
}

extension Checkpoint {
  /// The model this checkpoint holds, with its saved parameters (and, for a machine with a
  /// random initial memory, its generator), ready to run, evaluate or go on training.
  ///
  /// The checkpoint is validated first (`validate(physicalBytes:)`): its sizes against their
  /// ranges and the memory the model would need against `physicalBytes` before anything is
  /// allocated, so a file that asks for an absurd memory is refused rather than run out of
  /// memory; then everything else, the parameter count included.
  /// - Parameter physicalBytes: the memory the model may need at the most; this computer's by
  ///   default.
  /// - Throws: `CheckpointError` naming the first problem found.
  public func model(physicalBytes: Double = MemoryEstimate.physicalBytes) throws(CheckpointError) -> TrainedModel {
    try validate(physicalBytes: physicalBytes)
    return TrainedModel(validated: self)
  }
}
