import Foundation
import NTM
import Testing

/// `Checkpoint.model()`: a checkpoint turned back into the machine or the baseline it holds,
/// after the same checks as loading a file, and `TrainedModel` running either alike.
@Suite struct TrainedModelTests {
  static let task = TrainingTask.copy(CopyTask(bits: 3, lengths: 1...4))

  /// A checkpoint of `model` on `task`, as a trainer would save it.
  static func checkpoint(
    _ model: some SequenceModel, configuration: MachineConfiguration, baseline: LSTMNetworkConfiguration? = nil,
    modelGenerator: SplitMix64? = nil
  ) -> Checkpoint {
    Checkpoint(
      configuration: configuration, baseline: baseline, task: task, training: TrainingSettings(), optimiser: nil,
      parameters: model.parameters, generator: SplitMix64(seed: 3), modelGenerator: modelGenerator, step: 0,
      sequencesSeen: 0, averages: RunningAverages(), seed: 3, commandLine: [])
  }

  static let machineConfiguration = MachineConfiguration(
    inputSize: task.inputSize, outputSize: task.outputSize, controllerSizes: [6], memoryRows: 8, memoryWidth: 4)

  static func machineCheckpoint(seed: UInt64) -> (NeuralTuringMachine, Checkpoint) {
    var generator = SplitMix64(seed: seed)
    let machine = NeuralTuringMachine(configuration: machineConfiguration, using: &generator)
    return (machine, checkpoint(machine, configuration: machineConfiguration))
  }

  static func inputs(seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    return task.sample(length: 3, using: &generator).inputs
  }

  @Test(arguments: [1, 2] as [UInt64])
  func aMachineComesBackAndRunsAsSaved(seed: UInt64) throws {
    var (machine, checkpoint) = Self.machineCheckpoint(seed: seed)
    var model = try checkpoint.model()
    guard case .machine = model else {
      Issue.record("expected a machine, got \(model.kindName)")
      return
    }
    #expect(model.kindName == "NTM" && model.parameters == machine.parameters)
    #expect(model.inputSize == machine.inputSize && model.outputSize == machine.outputSize)
    let inputs = Self.inputs(seed: seed + 10)
    #expect(model.forward(inputs) == machine.forward(inputs))
  }

  @Test func aBaselineComesBackAndRunsAsSaved() throws {
    let shape = LSTMNetworkConfiguration(inputSize: Self.task.inputSize, outputSize: Self.task.outputSize, layerSizes: [5, 4])
    var generator = SplitMix64(seed: 4)
    var network = LSTMNetwork(configuration: shape, using: &generator)
    let configuration = MachineConfiguration(
      inputSize: shape.inputSize, outputSize: shape.outputSize, controller: .lstm, controllerSizes: shape.layerSizes)
    var model = try Self.checkpoint(network, configuration: configuration, baseline: shape).model()
    guard case .baseline = model else {
      Issue.record("expected the baseline, got \(model.kindName)")
      return
    }
    #expect(model.kindName == "LSTM" && model.parameterName(at: 0) == network.parameterName(at: 0))
    let inputs = Self.inputs(seed: 5)
    #expect(model.forward(inputs) == network.forward(inputs))
  }

  /// A machine with a random initial memory draws it from its own generator: the checkpoint's.
  @Test func aRandomMemoryKeepsItsGenerator() throws {
    var configuration = Self.machineConfiguration
    configuration.memoryInitialisation = .random
    var generator = SplitMix64(seed: 6)
    let machine = NeuralTuringMachine(configuration: configuration, using: &generator)
    let saved = SplitMix64(seed: 77)
    let model = try Self.checkpoint(machine, configuration: configuration, modelGenerator: saved).model()
    #expect(model.modelGenerator == saved)
  }

  /// The configuration is refused before anything the size of its memory is allocated.
  @Test func aBadConfigurationIsRefusedFirst() {
    var (_, checkpoint) = Self.machineCheckpoint(seed: 1)
    checkpoint.configuration.memoryRows = 0
    #expect(throws: CheckpointError.self) { try checkpoint.model() }
    do {
      _ = try checkpoint.model()
    } catch {
      #expect(error.description.contains("configuration: "), "\(error)")
    }
  }

  @Test func aWrongParameterCountIsRefused() {
    var (_, checkpoint) = Self.machineCheckpoint(seed: 1)
    checkpoint.parameters.removeLast()
    do {
      _ = try checkpoint.model()
      Issue.record("a checkpoint one parameter short loaded")
    } catch {
      #expect(error.description.contains("parameters, but its configuration needs"), "\(error)")
    }
  }

  /// Setting the parameters of either kind reaches the model inside.
  @Test func parametersAreWrittenThrough() throws {
    var (_, checkpoint) = Self.machineCheckpoint(seed: 2)
    var model = try checkpoint.model()
    let changed = model.parameters.map { $0 * 0.5 }
    model.parameters = changed
    #expect(model.parameters == changed)
    checkpoint.parameters = changed
    var reloaded = try checkpoint.model()
    let inputs = Self.inputs(seed: 8)
    #expect(model.forward(inputs) == reloaded.forward(inputs))
  }
}
