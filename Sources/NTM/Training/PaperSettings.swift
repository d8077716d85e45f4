/// The paper's experimental settings (Graves et al. 2014, Tables 1–3): what `ntm train
/// --preset paper` starts from, and what the results page compares each shipped model with.
/// ``MachineConfiguration/paper(for:)`` and ``LSTMNetworkConfiguration/paper(for:)`` build the
/// models from them.
///
/// Table 1 gives the feed-forward NTM, Table 2 the NTM with an LSTM controller, Table 3 the
/// stacked-LSTM baseline; all three train with RMSProp at the rate given, on memories of
/// 128 × 20. The preset takes the NTM from Table 1, except for associative recall, where it
/// takes Table 2's one-head LSTM controller (Table 1's feed-forward controller has four heads,
/// and the paper does not say how many of them read). Table 1's eight heads for priority sort
/// are five read and three write heads here, for the same reason: the split is ours.
public enum PaperSettings {
  /// An NTM of the paper.
  public struct Machine: Equatable, Sendable {
    public var controller: MachineConfiguration.ControllerKind
    public var controllerSizes: [Int]
    public var readHeads: Int
    public var writeHeads: Int
    /// RMSProp's learning rate.
    public var learningRate: Double
    /// Where it comes from, e.g. `Table 1`.
    public var source: String

    public init(
      controller: MachineConfiguration.ControllerKind, controllerSizes: [Int], readHeads: Int, writeHeads: Int,
      learningRate: Double, source: String
    ) {
      self.controller = controller
      self.controllerSizes = controllerSizes
      self.readHeads = readHeads
      self.writeHeads = writeHeads
      self.learningRate = learningRate
      self.source = source
    }
  }

  /// A stacked-LSTM baseline of the paper (Table 3).
  public struct Baseline: Equatable, Sendable {
    public var layerSizes: [Int]
    /// RMSProp's learning rate.
    public var learningRate: Double

    public init(layerSizes: [Int], learningRate: Double) {
      self.layerSizes = layerSizes
      self.learningRate = learningRate
    }
  }

  /// One task's settings; `nil` where the paper has none (Dyck words are not in it).
  public struct Task: Equatable, Sendable {
    public var machine: Machine?
    public var baseline: Baseline?
    /// What the paper trains on, in its words: `lengths 1–20, 8-bit vectors`.
    public var training: String

    public init(machine: Machine?, baseline: Baseline?, training: String) {
      self.machine = machine
      self.baseline = baseline
      self.training = training
    }
  }

  /// The memory every experiment of the paper uses: 128 rows…
  public static let memoryRows = 128
  /// …of 20 numbers.
  public static let memoryWidth = 20

  /// Table 1's NTM for copy, repeat copy and N-grams: one feed-forward layer of 100, one read
  /// and one write head, RMSProp at 1e-4.
  static let table1 = Machine(
    controller: .feedForward, controllerSizes: [100], readHeads: 1, writeHeads: 1, learningRate: 1e-4, source: "Table 1")

  /// By task name (``TrainingTask/name``).
  public static let tasks: [String: Task] = [
    "copy": Task(
      machine: table1, baseline: Baseline(layerSizes: [256, 256, 256], learningRate: 3e-5), training: "lengths 1–20, 8-bit vectors"),
    "repeat-copy": Task(
      machine: table1, baseline: Baseline(layerSizes: [512, 512, 512], learningRate: 3e-5), training: "lengths 1–10, 1–10 repeats"),
    "associative-recall": Task(
      machine: Machine(controller: .lstm, controllerSizes: [100], readHeads: 1, writeHeads: 1, learningRate: 1e-4, source: "Table 2"),
      baseline: Baseline(layerSizes: [256, 256, 256], learningRate: 1e-4), training: "2–6 items of three 6-bit vectors"),
    "ngrams": Task(
      machine: table1, baseline: Baseline(layerSizes: [128, 128, 128], learningRate: 1e-4),
      training: "200-bit sequences, 6-gram tables from Beta(½, ½)"),
    "priority-sort": Task(
      machine: Machine(
        controller: .feedForward, controllerSizes: [512], readHeads: 5, writeHeads: 3, learningRate: 3e-5, source: "Table 1"),
      baseline: Baseline(layerSizes: [128, 128, 128], learningRate: 3e-5), training: "20 vectors, target the 16 highest"),
    "dyck": Task(machine: nil, baseline: nil, training: "NTM-Lasagne: words of up to 40 brackets, test at 100"),
  ]
}

extension PaperSettings {
  /// The paper's settings for `task`, or nil for a task the paper does not have.
  public static func settings(for task: TrainingTask) -> Task? { tasks[task.name] }
}

extension MachineConfiguration {
  /// The paper's NTM for `task` (Tables 1–2), sized for the task's inputs and outputs, on the
  /// paper's 128 × 20 memory; nil where the paper has no NTM for it.
  public static func paper(for task: TrainingTask) -> MachineConfiguration? {
    guard let machine = PaperSettings.settings(for: task)?.machine else { return nil }
    return MachineConfiguration(
      inputSize: task.inputSize, outputSize: task.outputSize, controller: machine.controller,
      controllerSizes: machine.controllerSizes, memoryRows: PaperSettings.memoryRows,
      memoryWidth: PaperSettings.memoryWidth, readHeads: machine.readHeads, writeHeads: machine.writeHeads)
  }
}

extension LSTMNetworkConfiguration {
  /// The paper's stacked-LSTM baseline for `task` (Table 3), sized for the task's inputs and
  /// outputs; nil where the paper has no baseline for it.
  public static func paper(for task: TrainingTask) -> LSTMNetworkConfiguration? {
    guard let baseline = PaperSettings.settings(for: task)?.baseline else { return nil }
    return LSTMNetworkConfiguration(inputSize: task.inputSize, outputSize: task.outputSize, layerSizes: baseline.layerSizes)
  }
}
