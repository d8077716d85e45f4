import NTM
import Testing

/// The LSTM controller: the cell equations at one step, and backpropagation through time
/// checked numerically for one and two stacked layers.
struct LSTMControllerTests {
  @Test func firstStepFollowsTheCellEquations() {
    var generator = SplitMix64(seed: 5)
    let controller = LSTMController(inputSize: 2, sizes: [3])
    let parameters = controller.initialParameters(using: &generator)
    let x: [Double] = [0.7, -0.4]
    let run = controller.forward(parameters: parameters, inputs: Matrix([x]))
    // At t = 0, h_{−1} = c_{−1} = 0, so h = σ(o) tanh(σ(i) tanh(ĉ)).
    let weights = Matrix(rows: 12, columns: 5, scalars: Array(parameters[0..<60]))
    let z = Linear.forward(.init(weights: weights, bias: Array(parameters[60..<72]), input: x + [0, 0, 0])).output
    let expected = (0..<3).map { j in
      let (sigmoid, tanh) = (Activation.sigmoid, Activation.tanh)
      return sigmoid(z[9 + j]) * tanh(sigmoid(z[j]) * tanh(z[6 + j]))
    }
    #expect(Check.close(run.outputs.row(0), expected))
    #expect(parameters[63..<66].allSatisfy { $0 == LSTMController.initialForgetBias })
  }

  @Test(arguments: [[5], [4, 3]], [UInt64(1), 2])
  func gradientCheckThroughTime(sizes: [Int], seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let controller = LSTMController(inputSize: 3, sizes: sizes)
    let steps = 5
    let parameters = zip(
      controller.initialParameters(using: &generator), generator.normals(controller.parameterCount, standardDeviation: 0.2)
    ).map(+)
    let inputs = Matrix(rows: steps, columns: 3, scalars: generator.normals(steps * 3))
    let report = GradientChecker().check(
      operation: "LSTM controller", inputs: [.init("parameters", parameters), .init("inputs", inputs)],
      using: &generator,
      evaluate: { controller.forward(parameters: $0[0], inputs: Matrix(rows: steps, columns: 3, scalars: $0[1])).outputs.scalars },
      gradient: { v, g in
        let x = Matrix(rows: steps, columns: 3, scalars: v[1])
        let run = controller.forward(parameters: v[0], inputs: x)
        let d = controller.backward(
          parameters: v[0], inputs: x, run: run,
          outputGradient: Matrix(rows: steps, columns: controller.outputSize, scalars: g))
        return [d.parameters, d.inputs.scalars]
      })
    let worst = report.worst!
    #expect(
      report.worstRelativeError <= GradientChecker.goodTolerance,
      "\(sizes) seed \(seed): \(worst.worstElement) analytic \(worst.analytic) numeric \(worst.numeric)")
  }
}
