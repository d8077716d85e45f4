import Testing

@testable import NTM

/// One controller step on arrays, driven step by step, against the sequence form that runs the
/// kernels over the whole input at once: the same records, parameter and input gradients.
struct ControllerStepTests {
  static let controllers: [any Controller] = [
    FeedForwardController(inputSize: 5, sizes: [4, 3]), FeedForwardController(inputSize: 5, sizes: [6], activation: .relu),
    LSTMController(inputSize: 5, sizes: [4]), LSTMController(inputSize: 5, sizes: [3, 4]),
  ]

  @Test(arguments: controllers.indices)
  func stepByStepEqualsTheSequence(index: Int) {
    let controller = Self.controllers[index]
    var generator = SplitMix64(seed: UInt64(10 + index))
    let parameters = controller.initialParameters(using: &generator)
    let steps = 5
    let inputs = Matrix(rows: steps, columns: controller.inputSize, scalars: generator.normals(steps * controller.inputSize))
    let outputGradient = Matrix(rows: steps, columns: controller.outputSize, scalars: generator.normals(steps * controller.outputSize))
    let run = controller.forward(parameters: parameters, inputs: inputs)
    let sequence = controller.backward(parameters: parameters, inputs: inputs, run: run, outputGradient: outputGradient)

    var records: [[Double]] = []
    for t in 0..<steps {
      records.append(controller.forward(parameters: parameters, input: inputs.row(t), previous: records.last))
      #expect(controller.output(of: records[t]) == run.outputs.row(t))
    }
    #expect(records.flatMap { $0 } == run.records)

    var carry = controller.initialBackwardCarry()
    var parameterGradient = [Double](repeating: 0, count: controller.parameterCount)
    for t in (0..<steps).reversed() {
      let step = controller.backward(
        parameters: parameters, input: inputs.row(t), previous: t == 0 ? nil : records[t - 1], record: records[t],
        outputGradient: outputGradient.row(t), carry: &carry)
      #expect(Check.close(step.input, sequence.inputs.row(t)), "step \(t)")
      for i in parameterGradient.indices { parameterGradient[i] += step.parameters[i] }
    }
    #expect(Check.close(parameterGradient, sequence.parameters, tolerance: 1e-12))
  }
}
