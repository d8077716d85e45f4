import Foundation
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
  /// Sets `model` and `exportPath` from `--model`, `--layer-sizes` and `--export`. For the
  /// baseline, `configuration` keeps only the task's sizes and the layer sizes (a checkpoint
  /// records the baseline's shape in `baseline`); `paperLayers` are the layer sizes of
  /// `--preset paper`, used when `--layer-sizes` is absent.
  mutating func chooseModel(_ arguments: Arguments, paperLayers: [Int]? = nil) throws {
    let hint = arguments.hint
    exportPath = arguments.value(Option.export)
    switch try arguments.word(Option.model) {
    case "lstm":
      if let option = Self.machineOnlyOptions.first(where: { arguments.value($0) != nil }) {
        throw Arguments.UsageError(message: "--\(option.name) shapes the NTM; the LSTM baseline (--model lstm) does not use it. \(hint)")
      }
      let sizes = try Self.sizeList(Option.layerSizes, arguments, default: paperLayers ?? Self.baselineDefaults.layerSizes)
      let baseline = LSTMNetworkConfiguration(inputSize: task.inputSize, outputSize: task.outputSize, layerSizes: sizes)
      model = .baseline(baseline)
      configuration = MachineConfiguration(
        inputSize: task.inputSize, outputSize: task.outputSize, controller: .lstm, controllerSizes: baseline.layerSizes)
    default:
      if arguments.value(Option.layerSizes) != nil {
        throw Arguments.UsageError(message: "--layer-sizes shapes the LSTM baseline; add --model lstm. \(hint)")
      }
      model = .machine
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
    let single =
      model.baselineConfiguration.map { MemoryEstimate.baseline($0, steps: steps, optimiserArrays: arrays) }
      ?? MemoryEstimate.machine(configuration, steps: steps, optimiserArrays: arrays)
    let estimate = single.training(batchSize: settings.batchSize, threads: threads ?? ProcessInfo.processInfo.activeProcessorCount)
    if let problem = estimate.problem(physicalBytes: physicalBytes) ?? estimate.parameterProblem {
      throw CommandLineTool.Failure(message: "\(problem). Try smaller sizes or shorter sequences.")
    }
  }
}
