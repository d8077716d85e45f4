import Foundation

/// The bytes a model needs to run sequences of `T` steps, estimated from its configuration
/// alone — before anything is allocated — so a size someone typed or a file asked for is
/// refused with one sentence instead of by the allocator.
///
/// ```
/// bytes = 8 · ( P · (2 + s)              the parameters, their gradient, s optimiser arrays
///             + T · r + S                the tape: r numbers per step, S of working state
///             + (T · H_w + 1) · N · W    the memories: M_0 and one per write head per step
///             + 3 · T · (X + Y) )        one example's inputs and targets, and the logits
/// ```
/// The sizes come from the same layouts the machine allocates (`MachineParameterLayout`,
/// `MachineTape.Layout`); the sum is taken in `Double`, so it cannot overflow.
public struct MemoryEstimate: Sendable, Equatable {
  /// What the model is called in a message: `machine` or `network`.
  public var model: String
  /// The sizes that drive the estimate, for the message: `memory 128 × 20, 62,346 parameters`.
  public var summary: String
  /// P, the model's parameter count.
  public var parameterCount: Int
  /// The estimate.
  public var bytes: Double
  /// The part of it one running sequence needs (the tape or records, the example, the
  /// logits): a batch on several threads needs it once per thread.
  public var sequenceBytes: Double = 0

  /// The share of the computer's memory one run may ask for: the system and other programs
  /// need the rest, and a run that makes the computer swap is no faster than one refused.
  public static let usableFraction = 0.8

  /// The computer's physical memory, in bytes.
  public static var physicalBytes: Double { Double(ProcessInfo.processInfo.physicalMemory) }

  /// Optimiser arrays per parameter when the optimiser is not yet known: RMSProp's three
  /// (Adam keeps two).
  public static let mostOptimiserArrays = 3

  /// A machine of `configuration` running `steps` steps with `optimiserArrays` arrays of
  /// optimiser state. - Precondition: `configuration.problems` is empty.
  public static func machine(_ configuration: MachineConfiguration, steps: Int, optimiserArrays: Int) -> MemoryEstimate {
    let c = configuration
    let (controller, heads) = NeuralTuringMachine.parts(for: c)
    let parameters = MachineParameterLayout(controller: controller, heads: heads, readHeads: c.readHeads, configuration: c).count
    let tape = MachineTape.Layout(controller: controller, heads: heads, readHeads: c.readHeads, rows: c.memoryRows, width: c.memoryWidth)
    let t = Double(steps)
    let numbers =
      Double(parameters) * Double(2 + optimiserArrays) + t * Double(tape.recordSize) + Double(tape.stateSize)
      + (t * Double(c.writeHeads) + 1) * Double(c.memoryRows) * Double(c.memoryWidth)
      + 3 * t * Double(c.inputSize + c.outputSize)
    return MemoryEstimate(
      model: "machine",
      summary: "memory \(c.memoryRows) × \(c.memoryWidth), \(Self.count(parameters)) parameters, \(Self.count(steps))-step sequences",
      parameterCount: parameters, bytes: 8 * numbers, sequenceBytes: 8 * (numbers - Double(parameters) * Double(2 + optimiserArrays)))
  }

  /// The stacked-LSTM baseline of `configuration` running `steps` steps.
  /// - Precondition: `configuration.problems` is empty.
  public static func baseline(_ configuration: LSTMNetworkConfiguration, steps: Int, optimiserArrays: Int) -> MemoryEstimate {
    let layers = LSTMController(inputSize: configuration.inputSize, sizes: configuration.layerSizes)
    let parameters = LSTMNetwork.parameterCount(for: configuration)
    let t = Double(steps)
    let numbers =
      Double(parameters) * Double(2 + optimiserArrays) + t * Double(layers.recordSize) + Double(layers.scratchSize)
      + 3 * t * Double(configuration.inputSize + configuration.outputSize)
    return MemoryEstimate(
      model: "network",
      summary:
        "layers \(configuration.layerSizes.map(String.init).joined(separator: "+")), \(Self.count(parameters)) parameters, \(Self.count(steps))-step sequences",
      parameterCount: parameters, bytes: 8 * numbers, sequenceBytes: 8 * (numbers - Double(parameters) * Double(2 + optimiserArrays)))
  }

  /// The model a checkpoint holds running examples of `length` (the task's unit), with the
  /// checkpoint's optimiser. - Precondition: the configuration and task are valid.
  public static func checkpoint(_ checkpoint: Checkpoint, length: Int) -> MemoryEstimate {
    let steps = checkpoint.task.steps(length: length)
    let arrays = checkpoint.optimiser.map { $0.kind == .adam ? 2 : 3 } ?? 0
    if let shape = checkpoint.baseline { return Self.baseline(shape, steps: steps, optimiserArrays: arrays) }
    return Self.machine(checkpoint.configuration, steps: steps, optimiserArrays: arrays)
  }

  /// The estimate for batches of `batchSize` sequences on `threads` threads: a copy of the
  /// model and one sequence's working memory per thread beyond the first, and a gradient
  /// buffer per sequence summed at once (`BatchChunk.size`).
  public func training(batchSize: Int, threads: Int) -> MemoryEstimate {
    guard batchSize > 1 else { return self }
    let chunk = BatchChunk.size(parameters: parameterCount)
    let copies = Double(min(threads, min(batchSize, chunk)))
    var estimate = self
    estimate.bytes +=
      copies * (sequenceBytes + 8 * Double(parameterCount)) + Double(min(batchSize, chunk)) * 8 * Double(parameterCount)
    return estimate
  }

  /// One sentence when the estimate exceeds `usableFraction` of `physicalBytes`, else nil:
  /// `this machine would need 74.5 GB (memory 100000 × 100000, …); this computer has 24 GB`.
  public func problem(physicalBytes: Double = MemoryEstimate.physicalBytes) -> String? {
    guard bytes > physicalBytes * Self.usableFraction else { return nil }
    return "this \(model) would need \(Self.bytesText(bytes)) (\(summary)); this computer has \(Self.bytesText(physicalBytes))"
  }

  /// One sentence when the parameter count is beyond `Limits.parameterCount`, else nil.
  public var parameterProblem: String? {
    guard !Limits.parameterCount.contains(parameterCount) else { return nil }
    return
      "this \(model) has \(Self.count(parameterCount)) parameters (\(summary)); a checkpoint holds at most \(Self.count(Limits.parameterCount.upperBound))"
  }

  /// `74.5 GB`, `310 MB`: binary units, as a computer's memory is quoted.
  public static func bytesText(_ bytes: Double) -> String {
    let units = ["bytes", "KB", "MB", "GB", "TB", "PB", "EB"]
    var value = bytes
    var unit = 0
    while value >= 1024 && unit < units.count - 1 {
      value /= 1024
      unit += 1
    }
    let rounded = (value * 10).rounded() / 10
    return rounded == rounded.rounded() ? "\(Int(rounded)) \(units[unit])" : "\(rounded) \(units[unit])"
  }

  /// `1,234,567`.
  static func count(_ value: Int) -> String {
    let digits = String(value)
    var text = ""
    for (index, digit) in digits.reversed().enumerated() {
      if index > 0 && index % 3 == 0 { text.append(",") }
      text.append(digit)
    }
    return String(text.reversed())
  }
}
