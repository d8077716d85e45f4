import NTM
import Testing

/// The stacked-LSTM baseline: the whole network's backpropagation through time checked
/// numerically, its parameter layout, and that it learns.
struct LSTMNetworkTests {
  static func network(layers: [Int], seed: UInt64) -> (LSTMNetwork, Matrix, SplitMix64) {
    var generator = SplitMix64(seed: seed)
    var network = LSTMNetwork(
      configuration: LSTMNetworkConfiguration(inputSize: 3, outputSize: 2, layerSizes: layers), using: &generator)
    // Move off the initial point (zero biases) so no gradient vanishes by symmetry.
    network.parameters = zip(network.parameters, generator.normals(network.parameters.count, standardDeviation: 0.2)).map(+)
    let steps = 6
    return (network, Matrix(rows: steps, columns: 3, scalars: generator.normals(steps * 3)), generator)
  }

  /// Every parameter of the whole network (layers and output layer) over six steps.
  @Test(arguments: [[4], [4, 3], [3, 4, 2]], [UInt64(1), 2])
  func wholeNetworkGradientCheck(layers: [Int], seed: UInt64) {
    var (network, inputs, generator) = Self.network(layers: layers, seed: seed)
    let report = GradientChecker().check(
      operation: "LSTM network", inputs: [.init("parameters", network.parameters)], using: &generator,
      evaluate: { values in
        var copy = network
        copy.parameters = values[0]
        return copy.forward(inputs).scalars
      },
      gradient: { values, projection in
        var copy = network
        copy.parameters = values[0]
        let logits = copy.forward(inputs)
        var gradient = [Double](repeating: 0, count: values[0].count)
        copy.backward(logitGradient: Matrix(rows: logits.rows, columns: logits.columns, scalars: projection), addingInto: &gradient)
        return [gradient]
      })
    let worst = report.worst!
    let name = network.parameterName(at: worst.worstIndex)
    #expect(report.worstRelativeError <= 1e-6, "\(layers) seed \(seed): \(name) analytic \(worst.analytic) numeric \(worst.numeric)")
  }

  @Test func parameterBlocksTileTheParameters() {
    let (network, _, _) = Self.network(layers: [5, 4], seed: 3)
    var next = 0
    for block in network.parameterBlocks {
      #expect(block.range.lowerBound == next, "\(block.name)")
      next = block.range.upperBound
    }
    #expect(next == network.parameters.count)
    #expect(LSTMNetwork.parameterCount(for: network.configuration) == network.parameters.count)
    #expect(network.parameterName(at: network.parameters.count - 1) == "output.bias[1]")
  }

  @Test func configurationSaysWhatIsWrong() {
    #expect(LSTMNetworkConfiguration(inputSize: 0, outputSize: 1, layerSizes: []).problems.count == 2)
    #expect(LSTMNetworkConfiguration(inputSize: 9, outputSize: 8).layerSizes == [64, 64, 64])
    #expect(LSTMNetworkConfiguration(inputSize: 9, outputSize: 8).summary == "3 × 64 LSTM")
  }

  /// The same trainer that trains the machine lowers the baseline's loss on short copies.
  @Test func trainsWithTheSharedTrainer() throws {
    var generator = SplitMix64(seed: 4)
    let task = TrainingTask.copy(CopyTask(bits: 2, lengths: 1...2))
    let network = LSTMNetwork(configuration: .init(inputSize: 3, outputSize: 2, layerSizes: [8]), using: &generator)
    var trainer = Trainer(
      model: network, task: task, optimiser: Optimiser(.adam, parameterCount: network.parameters.count, learningRate: 1e-2),
      generator: generator)
    var losses: [Double] = []
    try trainer.train(untilSequences: 300, report: { losses.append($0.loss) })
    let early = losses.prefix(50).reduce(0, +) / 50
    let late = losses.suffix(50).reduce(0, +) / 50
    #expect(late < early * 0.8, "loss \(early) → \(late)")
  }
}
