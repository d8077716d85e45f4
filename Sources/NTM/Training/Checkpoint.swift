import Foundation

/// Everything a training run needs to continue exactly where it stopped, as versioned JSON:
/// the machine's configuration, the task and its settings, the training settings, the
/// optimiser and its state, the parameters, the random generator's state and the counters —
/// plus, for the record, the seed and the command line that started the run.
///
/// **Which model.** Without `baseline` the file holds a Neural Turing Machine built from
/// `configuration`. With `baseline` it holds the stacked-LSTM baseline (`LSTMNetwork`) of that
/// shape; `configuration` then records only the input and output sizes (its controller entry
/// repeats the layer sizes). Files written before the baseline existed have no `baseline`
/// field and read as machines, unchanged.
///
/// **Shipping.** A checkpoint exported for shipping (`exportedForShipping()`) has no
/// optimiser state and single-precision parameters: it evaluates and shows like any other,
/// but cannot resume training.
///
/// Files are written atomically (`CheckpointFile.write`) and validated on load
/// (`CheckpointFile.load`: `read`, then `validate()`), so a run resumes bit for bit or
/// fails with one clear sentence.
public struct Checkpoint: Codable, Equatable, Sendable {
  /// The format this library writes and reads. Bump it when a field changes meaning.
  public static let currentFormatVersion = 1

  public var formatVersion: Int
  public var configuration: MachineConfiguration
  /// The stacked-LSTM baseline's shape, when the model is the baseline rather than a machine.
  public var baseline: LSTMNetworkConfiguration?
  public var task: TrainingTask
  public var training: TrainingSettings
  /// The optimiser and its state; nil in a checkpoint exported for shipping.
  public var optimiser: Optimiser?
  /// The model's flat parameter vector.
  public var parameters: [Double]
  /// The trainer's generator, ready to draw the next training sequence.
  public var generator: SplitMix64
  /// The model's own generator (a machine with a random initial memory), when it has one.
  public var modelGenerator: SplitMix64?
  /// Updates applied.
  public var step: Int
  /// Sequences trained on.
  public var sequencesSeen: Int
  public var averages: RunningAverages
  /// The seed the run started from (for the record; `generator` is what resumes).
  public var seed: UInt64
  /// The command line that started the run (for the record).
  public var commandLine: [String]
  /// Wall time, evaluations and convergence of the run (for the record), when it kept them.
  public var record: TrainingRecord?

  public init(
    configuration: MachineConfiguration, baseline: LSTMNetworkConfiguration? = nil, task: TrainingTask,
    training: TrainingSettings, optimiser: Optimiser?, parameters: [Double], generator: SplitMix64,
    modelGenerator: SplitMix64? = nil, step: Int, sequencesSeen: Int, averages: RunningAverages, seed: UInt64,
    commandLine: [String], record: TrainingRecord? = nil
  ) {
    formatVersion = Self.currentFormatVersion
    self.configuration = configuration
    self.baseline = baseline
    self.record = record
    self.task = task
    self.training = training
    self.optimiser = optimiser
    self.parameters = parameters
    self.generator = generator
    self.modelGenerator = modelGenerator
    self.step = step
    self.sequencesSeen = sequencesSeen
    self.averages = averages
    self.seed = seed
    self.commandLine = commandLine
  }

  /// The same checkpoint for shipping: no optimiser state, and the parameters rounded to single
  /// precision (stored packed, `Checkpoint+Codable.swift`) — about a tenth of the file. The
  /// shipped model is the rounded one; everything measured about it is measured on it.
  public func exportedForShipping() -> Checkpoint {
    var exported = self
    exported.optimiser = nil
    exported.parameters = parameters.map { Double(Float($0)) }
    return exported
  }

  /// Whether the checkpoint holds the stacked-LSTM baseline rather than a machine.
  public var isBaseline: Bool { baseline != nil }

  /// The model's input and output sizes, from whichever configuration describes it.
  public var modelSizes: (inputs: Int, outputs: Int) {
    baseline.map { ($0.inputSize, $0.outputSize) } ?? (configuration.inputSize, configuration.outputSize)
  }

  /// Problems that make the checkpoint unusable, one sentence each (empty when it is sound).
  /// - Parameter parameterCount: how many parameters `configuration` (or `baseline`) gives
  ///   the model.
  public func problems(parameterCount: Int) -> [String] {
    var problems: [String] = []
    if let baseline {
      problems += baseline.problems.map { "baseline: \($0)" }
    } else {
      problems += configuration.problems.map { "configuration: \($0)" }
    }
    problems += task.problems
    let (inputs, outputs) = modelSizes
    if task.inputSize != inputs || task.outputSize != outputs {
      problems.append(
        "the \(task.name) task reads \(task.inputSize) and writes \(task.outputSize) channels, the \(isBaseline ? "network" : "machine") \(inputs) and \(outputs)"
      )
    }
    problems += training.problems
    if parameters.count != parameterCount {
      problems.append("it holds \(parameters.count) parameters, but its configuration needs \(parameterCount)")
    }
    if let optimiser, optimiser.parameterCount != parameters.count {
      problems.append("the optimiser state covers \(optimiser.parameterCount) parameters, not \(parameters.count)")
    }
    if let index = parameters.firstIndex(where: { !$0.isFinite }) {
      problems.append("parameter \(index) is \(parameters[index])")
    }
    problems += optimiser?.problems ?? []
    for (name, value) in [("step", step), ("sequencesSeen", sequencesSeen)] where !Limits.counter.contains(value) {
      problems.append("the field \(name) is \(value); it must be from 0 to \(Limits.counter.upperBound)")
    }
    if !Limits.seed.contains(seed) { problems.append("the field seed is \(seed); it must be from 0 to \(Limits.seed.upperBound)") }
    problems += averages.problems
    problems += record?.problems ?? []
    return problems
  }

  /// Throws the first problem as a `CheckpointError.invalid`.
  public func validate(parameterCount: Int) throws(CheckpointError) {
    if let problem = problems(parameterCount: parameterCount).first { throw .invalid(problem) }
  }
}

/// Why a checkpoint could not be read or used. Each description is one line.
public enum CheckpointError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The file could not be read or written.
  case unreadable(String)
  /// The file ends before the JSON does.
  case truncated
  /// The file is not JSON, or not a checkpoint's JSON.
  case corrupted(String)
  /// Written by another version of the format.
  case wrongFormatVersion(found: Int, expected: Int)
  /// Well-formed, but the contents do not fit together.
  case invalid(String)
  /// Sound, but too large for this computer: the file, or the memory its model would need.
  case tooLarge(String)

  public var description: String {
    switch self {
    case .unreadable(let reason): reason
    case .truncated: "the file ends early (truncated: was a save interrupted?)"
    case .corrupted(let reason): "it is not a valid checkpoint: \(reason)"
    case .wrongFormatVersion(let found, let expected):
      "it has format version \(found); this version of ntm reads version \(expected)"
    case .invalid(let reason): "it does not fit together: \(reason)"
    case .tooLarge(let reason): reason
    }
  }
}
