/// The shape of the stacked-LSTM baseline network (`LSTMNetwork`): what a checkpoint records
/// to rebuild it.
///
/// The paper compares the NTM with "a standard LSTM network" of three stacked layers (Graves et
/// al. 2014, §4 and Table 3: 3 × 256 units for copy and associative recall, 3 × 512 for repeat
/// copy, 3 × 128 for N-grams and priority sort).
public struct LSTMNetworkConfiguration: Codable, Equatable, Hashable, Sendable {
  /// The paper's depth: three stacked layers.
  public static let paperLayers = 3
  /// The layer width `ntm train --model lstm` uses unless told otherwise.
  ///
  /// - Note: The paper uses 128 to 512 units per layer (Table 3). 64 keeps a baseline's
  ///   training within minutes on one CPU core; the results page says so.
  public static let defaultLayerSize = 64

  /// Inputs per time step.
  public var inputSize: Int
  /// Outputs per time step (logits).
  public var outputSize: Int
  /// Units per stacked layer, bottom first.
  public var layerSizes: [Int]

  public init(
    inputSize: Int, outputSize: Int,
    layerSizes: [Int] = [Int](repeating: defaultLayerSize, count: paperLayers)
  ) {
    self.inputSize = inputSize
    self.outputSize = outputSize
    self.layerSizes = layerSizes
  }

  /// Problems with this configuration, one sentence each (empty when it is valid).
  public var problems: [String] {
    var problems: [String] = []
    if !Limits.size.contains(inputSize) { problems.append("input size must be from 1 to \(Limits.size.upperBound), got \(inputSize)") }
    if !Limits.size.contains(outputSize) { problems.append("output size must be from 1 to \(Limits.size.upperBound), got \(outputSize)") }
    if !Limits.layerCount.contains(layerSizes.count) || !layerSizes.allSatisfy(Limits.size.contains) {
      problems.append(
        "LSTM layer sizes must be \(Limits.layerCount.lowerBound) to \(Limits.layerCount.upperBound) numbers from 1 to \(Limits.size.upperBound), got \(MachineConfiguration.list(layerSizes))"
      )
    }
    return problems
  }

  /// `3 × 64 LSTM`, or `64+32 LSTM` for unequal layers.
  public var summary: String {
    let sizes =
      Set(layerSizes).count == 1 && layerSizes.count > 1
      ? "\(layerSizes.count) × \(layerSizes[0])" : layerSizes.map(String.init).joined(separator: "+")
    return "\(sizes) LSTM"
  }
}
