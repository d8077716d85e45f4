import NTM
import Testing

@Suite struct NonFiniteGuardTests {
  @Test func findsTheFirstBadElement() {
    #expect(throws: NonFiniteError(step: 4, tensor: "gradient", index: 2, parameterName: nil, value: .infinity)) {
      try NonFiniteGuard.check([1, 2, .infinity, .nan], step: 4, tensor: "gradient")
    }
    #expect(throws: Never.self) { try NonFiniteGuard.check([1, -2, 1e308], step: 1, tensor: "gradient") }
  }

  @Test func trainerStopsOnANonFiniteLossAndNamesTheStep() {
    let task = CopyTask(bits: 2, lengths: 1...2)
    let model = PoisonableModel(inputSize: 3, outputSize: 2, parameters: [0, 0])
    var trainer = Trainer(
      model: model, task: task, optimiser: Optimiser(.adam, parameterCount: 2), generator: SplitMix64(seed: 1))
    trainer.model.parameters[0] = .nan
    do {
      try trainer.trainStep()
      Issue.record("expected a non-finite error")
    } catch {
      #expect(error.step == 1 && error.tensor == "loss")
      #expect(error.description.contains("step 1"))
    }
  }

  @Test func trainerNamesTheParameterOfANonFiniteGradient() throws {
    var generator = SplitMix64(seed: 2)
    let tiny = TinyRecurrentModel(inputSize: 3, outputSize: 2, hiddenSize: 2, using: &generator)
    var trainer = Trainer(
      model: tiny, task: CopyTask(bits: 2, lengths: 1...2), optimiser: Optimiser(.rmsprop, parameterCount: tiny.parameters.count),
      generator: generator)
    try trainer.trainStep()
    trainer.model.parameters[7] = .infinity  // a recurrent weight: the gradient turns NaN
    #expect {
      try trainer.trainStep()
    } throws: { error in
      guard let error = error as? NonFiniteError else { return false }
      return error.step == 2 && (error.tensor == "gradient" || error.tensor == "loss")
    }
  }

  @Test func valuesPastTheirBoundAreDivergence() {
    let bound = NonFiniteGuard.parameterBound
    #expect(throws: NonFiniteError(step: 3, tensor: "parameters", index: 1, parameterName: nil, value: -bound * 2, bound: bound)) {
      try NonFiniteGuard.checkDivergence([bound, -bound * 2, 1e20], bound: bound, step: 3, tensor: "parameters")
    }
    #expect(throws: Never.self) { try NonFiniteGuard.checkDivergence([bound, -bound], bound: bound, step: 1, tensor: "parameters") }
    let limit = NonFiniteGuard.lossPerBitBound
    #expect(throws: Never.self) { try NonFiniteGuard.checkDivergence(loss: limit * 8, answerBits: 8, step: 1) }
    #expect(throws: Never.self) { try NonFiniteGuard.checkDivergence(loss: 1e20, answerBits: 0, step: 1) }
    #expect(throws: NonFiniteError.self) { try NonFiniteGuard.checkDivergence(loss: limit * 8.5, answerBits: 8, step: 1) }
  }

  /// A learning rate of 1e20 sends the weights past any sane size in one update; every number
  /// stays finite, and the trainer stops all the same, naming the step and the tensor.
  @Test func trainerStopsARunawayRunAtTheFirstStep() {
    var generator = SplitMix64(seed: 2)
    let tiny = TinyRecurrentModel(inputSize: 3, outputSize: 2, hiddenSize: 2, using: &generator)
    var trainer = Trainer(
      model: tiny, task: CopyTask(bits: 2, lengths: 1...2),
      optimiser: Optimiser(.rmsprop, parameterCount: tiny.parameters.count, learningRate: 1e20), generator: generator)
    do {
      try trainer.trainStep()
      Issue.record("expected divergence")
    } catch {
      #expect(error.step == 1 && error.tensor == "parameters" && error.bound == NonFiniteGuard.parameterBound)
      #expect(error.value.isFinite && error.description.hasPrefix("diverging parameters ("), "\(error.description)")
    }
  }
}
