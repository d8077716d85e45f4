import NTM
import Testing

/// The feed-forward controller: shapes, and a gradient check of its parameters and inputs
/// over a short sequence.
struct FeedForwardControllerTests {
  @Test func parameterBlocksTileTheParameters() {
    let controller = FeedForwardController(inputSize: 5, sizes: [7, 3])
    let blocks = controller.parameterBlocks
    #expect(blocks.map(\.name) == ["layer0.weights", "layer0.bias", "layer1.weights", "layer1.bias"])
    #expect(blocks.first!.range.lowerBound == 0 && blocks.last!.range.upperBound == controller.parameterCount)
    #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
    #expect(controller.parameterCount == 7 * 6 + 3 * 8)
  }

  @Test func tanhLayerComputesTheEquation() {
    var generator = SplitMix64(seed: 4)
    let controller = FeedForwardController(inputSize: 3, sizes: [2])
    let parameters = controller.initialParameters(using: &generator).map { $0 + 0.1 }
    let x: [Double] = [0.5, -1, 2]
    let run = controller.forward(parameters: parameters, inputs: Matrix([x]))
    let weights = Matrix(rows: 2, columns: 3, scalars: Array(parameters[0..<6]))
    let expected = Tanh.forward(.init(x: Linear.forward(.init(weights: weights, bias: Array(parameters[6..<8]), input: x)).output)).output
    #expect(Check.close(run.outputs.row(0), expected))
  }

  @Test(arguments: [[6], [5, 4]], [Activation.tanh, .relu])
  func gradientCheck(sizes: [Int], activation: Activation) {
    var generator = SplitMix64(seed: 11)
    let controller = FeedForwardController(inputSize: 4, sizes: sizes, activation: activation)
    // A small positive bias shift keeps relu units away from their kink at 0.
    let parameters = controller.initialParameters(using: &generator).map { $0 + (activation == .relu ? 0.05 : 0) }
    let inputs = Matrix(rows: 3, columns: 4, scalars: generator.normals(12))
    let report = GradientChecker().check(
      operation: "feed-forward controller", inputs: [.init("parameters", parameters), .init("inputs", inputs)],
      using: &generator,
      evaluate: { controller.forward(parameters: $0[0], inputs: Matrix(rows: 3, columns: 4, scalars: $0[1])).outputs.scalars },
      gradient: { v, g in
        let x = Matrix(rows: 3, columns: 4, scalars: v[1])
        let run = controller.forward(parameters: v[0], inputs: x)
        let d = controller.backward(
          parameters: v[0], inputs: x, run: run, outputGradient: Matrix(rows: 3, columns: controller.outputSize, scalars: g))
        return [d.parameters, d.inputs.scalars]
      })
    let worst = report.worst!
    // relu has a kink at 0: CS231n's "doubtful" band is acceptable if a unit lands near it.
    let tolerance = activation == .relu ? GradientChecker.wrongTolerance : GradientChecker.goodTolerance
    #expect(
      report.worstRelativeError <= tolerance,
      "\(sizes) \(activation): \(worst.worstElement) analytic \(worst.analytic) numeric \(worst.numeric)")
  }
}
