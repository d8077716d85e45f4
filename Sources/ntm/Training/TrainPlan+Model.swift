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
      guard !sizes.isEmpty, sizes.allSatisfy({ ($0 ?? 0) >= 1 && ($0 ?? 0) <= 100_000 }) else {
        throw Arguments.UsageError(message: "--layer-sizes must be whole numbers from 1 to 100000, separated by commas, got '\(EchoedText.echo(text ?? ""))'. \(hint)")
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
