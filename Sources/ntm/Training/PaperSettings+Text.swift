import NTM
import TerminalCharts

/// The paper's settings as `ntm train --preset` names them and the results page writes them.
extension PaperSettings {
  /// The names `--preset` takes.
  static let presetNames = ["paper"]

  /// A learning rate as the paper writes it: `1e-4`, `3e-5`.
  static func rate(_ value: Double) -> String { NumberFormat.paperExponent(value) }
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
