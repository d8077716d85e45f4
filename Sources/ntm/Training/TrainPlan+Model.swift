import NTM

/// Which model `ntm train` trains: the Neural Turing Machine (the default) or the paper's
/// baseline, a network of stacked LSTM layers (`--model lstm`).
enum ModelChoice: Equatable {
  case machine
  case baseline(LSTMNetworkConfiguration)

  /// The baseline's shape, if that is the choice.
  var baselineConfiguration: LSTMNetworkConfiguration? {
    if case .baseline(let configuration) = self { return configuration }
    return nil
  }
}

extension TrainPlan {
  /// Flags that take a value and choose or shape the model, or say where to export it.
  static let modelOptions = ["model", "layer-sizes", "export"] + taskOptions

  /// The flags that shape the machine alone; the LSTM baseline refuses them rather than
  /// ignore them, as the machine refuses `--layer-sizes`.
  static let machineOnlyOptions = [
    "controller", "controller-size", "activation", "memory-rows", "memory-width", "read-heads", "write-heads",
    "shift-range", "memory-init",
  ]

  /// Sets `model` and `exportPath` from `--model`, `--layer-sizes` and `--export`. For the
  /// baseline, `configuration` keeps only the task's sizes and the layer sizes (a checkpoint
  /// records the baseline's shape in `baseline`); `paperLayers` are the layer sizes of
  /// `--preset paper`, used when `--layer-sizes` is absent.
  mutating func chooseModel(_ arguments: Arguments, paperLayers: [Int]? = nil) throws {
    let hint = "Try 'ntm train --help'."
    exportPath = arguments.value("export")
    switch arguments.value("model") ?? "ntm" {
    case "ntm":
      if arguments.value("layer-sizes") != nil {
        throw Arguments.UsageError(message: "--layer-sizes shapes the LSTM baseline; add --model lstm. \(hint)")
      }
      model = .machine
    case "lstm":
      if let flag = Self.machineOnlyOptions.first(where: { arguments.value($0) != nil }) {
        throw Arguments.UsageError(message: "--\(flag) shapes the NTM; the LSTM baseline (--model lstm) does not use it. \(hint)")
      }
      let text = arguments.value("layer-sizes")
      let defaults = LSTMNetworkConfiguration(inputSize: task.inputSize, outputSize: task.outputSize)
      let sizes = text.map { $0.split(separator: ",").map { Int($0) } } ?? (paperLayers ?? defaults.layerSizes).map { $0 }
      guard Limits.layerCount.contains(sizes.count), sizes.allSatisfy({ $0.map(Limits.size.contains) ?? false }) else {
        throw Arguments.UsageError(message: "--layer-sizes must be \(Limits.layerCount.upperBound) or fewer whole numbers from 1 to \(Limits.size.upperBound), separated by commas, got '\(EchoedText.echo(text ?? ""))'. \(hint)")
      }
      let baseline = LSTMNetworkConfiguration(inputSize: task.inputSize, outputSize: task.outputSize, layerSizes: sizes.compactMap { $0 })
      model = .baseline(baseline)
      configuration = MachineConfiguration(
        inputSize: task.inputSize, outputSize: task.outputSize, controller: .lstm, controllerSizes: baseline.layerSizes)
    case let other:
      throw Arguments.UsageError(message: "--model must be ntm or lstm, got '\(EchoedText.echo(other))'. \(hint)")
    }
  }
}

extension TrainPlan {
  /// Refuses a model that would not fit in this computer's memory while training on the
  /// longest sequences of the task's range, before anything is allocated.
  /// - Throws: `CommandLineTool.Failure` naming the estimate and the computer's memory.
  func checkMemory(physicalBytes: Double = MemoryEstimate.physicalBytes) throws {
    let steps = task.steps(length: task.lengths.upperBound)
    let arrays = optimiser == .adam ? 2 : MemoryEstimate.mostOptimiserArrays
    let estimate = model.baselineConfiguration.map { MemoryEstimate.baseline($0, steps: steps, optimiserArrays: arrays) }
      ?? MemoryEstimate.machine(configuration, steps: steps, optimiserArrays: arrays)
    if let problem = estimate.problem(physicalBytes: physicalBytes) ?? estimate.parameterProblem {
      throw CommandLineTool.Failure(message: "\(problem). Try smaller sizes or shorter sequences.")
    }
  }
}
