import Foundation
import NTM
import Testing

/// The one shape of every operation: backward returns the gradient shaped like the input, and
/// the generic checker takes any stage apart by its fields and names the worst element.
struct StageTests {
  /// Sharpening with the `∂γ` term left out of its backward pass: a wrong gradient the
  /// generic checker must catch and name.
  enum SharpeningWithoutExponentGradient: Stage {
    static func forward(_ input: Sharpening.Input) -> (output: [Double], cache: Sharpening.Cache) {
      Sharpening.forward(input)
    }

    static func backward(_ outputGradient: [Double], _ cache: Sharpening.Cache) -> Sharpening.Input {
      var gradient = Sharpening.backward(outputGradient, cache)
      gradient.sharpening = 0
      return gradient
    }
  }

  @Test func theReadmeExampleRunsAndItsGradientIsTheNumericOne() {
    let memory = Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0]])
    let parameters = AddressingParameters(
      key: [0.9, 0.1, 0], keyStrength: 5, gate: 1, shiftWeighting: [0, 0, 1], sharpening: 2)
    let input = Addressing.Input(memory: memory, previousWeighting: [0.25, 0.25, 0.25, 0.25], parameters: parameters)
    let (w, cache) = Addressing.forward(input)
    #expect(cache.trace.weighting == w)
    #expect(Check.isWeighting(w))
    let (r, _) = Read.forward(.init(memory: memory, weighting: w))
    #expect(r.count == 3)
    let gradient = Addressing.backward([1, 0, 0, 0], cache)
    // ∂w(0)/∂β by a centred difference.
    let h = 1e-5
    func w0(_ beta: Double) -> Double {
      var shifted = input
      shifted.parameters.keyStrength = beta
      return Addressing.forward(shifted).output[0]
    }
    let numeric = (w0(5 + h) - w0(5 - h)) / (2 * h)
    #expect(abs(gradient.parameters.keyStrength - numeric) < 1e-8 * max(1, abs(numeric)))
  }

  @Test(arguments: [UInt64(1), 2, 3])
  func aDroppedTermIsCaughtAndNamedByItsField(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let input = Sharpening.Input(
      weighting: Softmax.forward(.init(scores: generator.normals(6))).output, sharpening: 2.5)
    let right = GradientChecker().check(Sharpening.self, at: input, using: &generator)
    #expect(right.passes())
    #expect(right.inputs.map(\.name) == ["weighting", "sharpening"])
    let wrong = GradientChecker().check(SharpeningWithoutExponentGradient.self, at: input, using: &generator)
    #expect(!wrong.passes())
    #expect(wrong.worst?.worstElement == "sharpening")
    #expect(wrong.operation == "SharpeningWithoutExponentGradient")
  }

  @Test func aMatrixFieldIsNamedByRowAndColumn() {
    var generator = SplitMix64(seed: 4)
    let memory = Matrix(rows: 4, columns: 3, scalars: generator.normals(12))
    let report = GradientChecker().check(Read.self, at: .init(memory: memory, weighting: [0.1, 0.2, 0.3, 0.4]), using: &generator)
    #expect(report.inputs.map(\.name) == ["memory", "weighting"])
    #expect(report.inputs[0].shape == [4, 3])
    #expect(report.inputs[0].worstElement.hasPrefix("memory["))
    #expect(report.inputs[0].worstElement.contains(", "))
  }

  /// Each stage's gradient has its input's fields: the same names, in order, of the same shapes.
  @Test(arguments: [UInt64(1), 2])
  func everyGradientIsShapedLikeItsInput(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let (n, w) = (7, 3)
    let memory = Matrix(rows: n, columns: w, scalars: generator.normals(n * w))
    let weighting = Softmax.forward(.init(scores: generator.normals(n))).output
    let key = generator.normals(w)
    let parameters = AddressingParameters(
      key: key, keyStrength: 2, gate: 0.4, shiftWeighting: [0.2, 0.5, 0.3], sharpening: 1.5)
    func expectShaped<S: Stage>(_ stage: S.Type, _ input: S.Input, _ outputGradient: (S.Output) -> S.Output)
    where S.Input: ScalarFields {
      let (output, cache) = S.forward(input)
      let gradient = S.backward(outputGradient(output), cache)
      #expect(gradient.fields.map(\.name) == input.fields.map(\.name), "\(stage)")
      #expect(gradient.fields.map(\.shape) == input.fields.map(\.shape), "\(stage)")
    }
    let ones = { (y: [Double]) in y.map { _ in 1.0 } }
    expectShaped(CosineSimilarity.self, .init(key: key, memory: memory), ones)
    expectShaped(ContentAddressing.self, .init(key: key, memory: memory, keyStrength: 3), ones)
    expectShaped(Interpolation.self, .init(content: weighting, previous: weighting.reversed(), gate: 0.3), ones)
    expectShaped(Shift.self, .init(weighting: weighting, shiftWeighting: [0.2, 0.5, 0.3]), ones)
    expectShaped(Sharpening.self, .init(weighting: weighting, sharpening: 2), ones)
    expectShaped(Addressing.self, .init(memory: memory, previousWeighting: weighting, parameters: parameters), ones)
    expectShaped(Read.self, .init(memory: memory, weighting: weighting), ones)
    expectShaped(Write.self, .init(memory: memory, weighting: weighting, erase: [0.5, 0.1, 0.9], add: key)) { m in
      Matrix(rows: m.rows, columns: m.columns, repeating: 1)
    }
    expectShaped(Softmax.self, .init(scores: key), ones)
    expectShaped(Sigmoid.self, .init(x: key), ones)
    expectShaped(Tanh.self, .init(x: key), ones)
    expectShaped(Softplus.self, .init(x: key), ones)
    expectShaped(ReLU.self, .init(x: key), ones)
    expectShaped(Linear.self, .init(weights: memory, bias: weighting, input: key), ones)
  }
}
