import Foundation
import NTM

/// The paper's experimental settings (Graves et al. 2014, Tables 1–3): what `ntm train
/// --preset paper` starts from, and what the results page compares each shipped model with.
///
/// Table 1 gives the feed-forward NTM, Table 2 the NTM with an LSTM controller, Table 3 the
/// stacked-LSTM baseline; all three train with RMSProp at the rate given, on memories of
/// 128 × 20. The preset takes the NTM from Table 1, except for associative recall, where it
/// takes Table 2's one-head LSTM controller (Table 1's feed-forward controller has four heads,
/// and the paper does not say how many of them read). Table 1's eight heads for priority sort
/// are five read and three write heads here, for the same reason: the split is ours.
enum PaperSettings {
  /// An NTM of the paper.
  struct Machine: Equatable {
    var controller: MachineConfiguration.ControllerKind
    var controllerSizes: [Int]
    var readHeads: Int
    var writeHeads: Int
    /// RMSProp's learning rate.
    var learningRate: Double
    /// Where it comes from, e.g. `Table 1`.
    var source: String
  }

  /// A stacked-LSTM baseline of the paper (Table 3).
  struct Baseline: Equatable {
    var layerSizes: [Int]
    /// RMSProp's learning rate.
    var learningRate: Double
  }

  /// One task's settings; `nil` where the paper has none (Dyck words are not in it).
  struct Task {
    var machine: Machine?
    var baseline: Baseline?
    var training: String
  }

  /// The memory every experiment of the paper uses.
  static let memoryRows = 128
  static let memoryWidth = 20

  /// By task name.
  static let tasks: [String: Task] = [
    "copy": Task(
      machine: Machine(controller: .feedForward, controllerSizes: [100], readHeads: 1, writeHeads: 1, learningRate: 1e-4, source: "Table 1"),
      baseline: Baseline(layerSizes: [256, 256, 256], learningRate: 3e-5), training: "lengths 1–20, 8-bit vectors"),
    "repeat-copy": Task(
      machine: Machine(controller: .feedForward, controllerSizes: [100], readHeads: 1, writeHeads: 1, learningRate: 1e-4, source: "Table 1"),
      baseline: Baseline(layerSizes: [512, 512, 512], learningRate: 3e-5), training: "lengths 1–10, 1–10 repeats"),
    "associative-recall": Task(
      machine: Machine(controller: .lstm, controllerSizes: [100], readHeads: 1, writeHeads: 1, learningRate: 1e-4, source: "Table 2"),
      baseline: Baseline(layerSizes: [256, 256, 256], learningRate: 1e-4), training: "2–6 items of three 6-bit vectors"),
    "ngrams": Task(
      machine: Machine(controller: .feedForward, controllerSizes: [100], readHeads: 1, writeHeads: 1, learningRate: 1e-4, source: "Table 1"),
      baseline: Baseline(layerSizes: [128, 128, 128], learningRate: 1e-4), training: "200-bit sequences, 6-gram tables from Beta(½, ½)"),
    "priority-sort": Task(
      machine: Machine(controller: .feedForward, controllerSizes: [512], readHeads: 5, writeHeads: 3, learningRate: 3e-5, source: "Table 1"),
      baseline: Baseline(layerSizes: [128, 128, 128], learningRate: 3e-5), training: "20 vectors, target the 16 highest"),
    "dyck": Task(machine: nil, baseline: nil, training: "NTM-Lasagne: words of up to 40 brackets, test at 100"),
  ]

  /// The names `--preset` takes.
  static let presetNames = ["paper"]

  /// A learning rate as the paper writes it: `1e-4`, `3e-5`.
  static func rate(_ value: Double) -> String {
    let exponent = Int(floor(log10(value)))
    let mantissa = (value / pow(10, Double(exponent)) * 1000).rounded() / 1000
    let digits = mantissa == mantissa.rounded() ? String(Int(mantissa)) : String(mantissa)
    return "\(digits)e\(exponent)"
  }
}

extension PaperSettings.Machine {
  /// `feed-forward 100, 1 read + 1 write head, memory 128 × 20, RMSProp 1e-4 (Table 1)`.
  var summary: String {
    let kind = controller == .feedForward ? "feed-forward" : "LSTM"
    let heads = "\(readHeads) read + \(writeHeads) write head\(readHeads + writeHeads == 2 ? "" : "s")"
    return "\(kind) \(controllerSizes.map(String.init).joined(separator: "+")), \(heads), memory "
      + "\(PaperSettings.memoryRows) × \(PaperSettings.memoryWidth), RMSProp \(PaperSettings.rate(learningRate)) (\(source))"
  }
}

extension PaperSettings.Baseline {
  /// `3 × 256 LSTM, RMSProp 3e-5 (Table 3)`.
  var summary: String {
    let sizes = Set(layerSizes).count == 1 ? "\(layerSizes[0])" : layerSizes.map(String.init).joined(separator: "/")
    return "\(layerSizes.count) × \(sizes) LSTM, RMSProp \(PaperSettings.rate(learningRate)) (Table 3)"
  }
}
