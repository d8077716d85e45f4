import NTM
import Testing

/// A batch split across threads trains to the same bits as on one thread: each sequence's
/// gradient is computed on its own and the sum is taken in the batch's order.
@Suite struct TrainerThreadsTests {
  static let task = TrainingTask.copy(CopyTask(bits: 3, lengths: 1...6))

  static func machine(_ memory: MachineConfiguration.MemoryInitialisation) -> NeuralTuringMachine {
    var generator = SplitMix64(seed: 5)
    let configuration = MachineConfiguration(
      inputSize: task.inputSize, outputSize: task.outputSize, controllerSizes: [12], memoryRows: 10, memoryWidth: 4,
      memoryInitialisation: memory)
    return NeuralTuringMachine(configuration: configuration, using: &generator)
  }

  static func train<Model: SequenceModel>(_ model: Model, threads: Int, batch: Int, sequences: Int) throws -> Trainer<Model, TrainingTask> {
    var trainer = Trainer(
      model: model, task: task, optimiser: Optimiser(.rmsprop, parameterCount: model.parameters.count, learningRate: 1e-3),
      settings: TrainingSettings(batchSize: batch), generator: SplitMix64(seed: 11))
    trainer.threads = threads
    try trainer.train(untilSequences: sequences)
    return trainer
  }

  @Test(arguments: [MachineConfiguration.MemoryInitialisation.constant, .learned, .random])
  func machineParametersAreBitIdenticalOnOneAndSeveralThreads(memory: MachineConfiguration.MemoryInitialisation) throws {
    let one = try Self.train(Self.machine(memory), threads: 1, batch: 8, sequences: 48)
    for threads in [2, 3, 8] {
      let several = try Self.train(Self.machine(memory), threads: threads, batch: 8, sequences: 48)
      #expect(several.model.parameters == one.model.parameters, "\(threads) threads, memory \(memory)")
      #expect(several.optimiser == one.optimiser)
      #expect(several.generator == one.generator)
      #expect(several.model.memoryGenerator == one.model.memoryGenerator)
      #expect(several.averages == one.averages)
    }
    // Training moved the parameters, so equality above is not the equality of untouched copies.
    #expect(one.model.parameters != Self.machine(memory).parameters)
  }

  /// A random initial memory is drawn per sequence in batch order, as one thread draws it: the
  /// machine's generator ends where a batch-1 run over the same sequences leaves it.
  @Test func randomMemoryDrawsMatchASequentialRun() throws {
    let batched = try Self.train(Self.machine(.random), threads: 2, batch: 4, sequences: 12)
    let single = try Self.train(Self.machine(.random), threads: 1, batch: 1, sequences: 12)
    #expect(batched.model.memoryGenerator == single.model.memoryGenerator)
    #expect(batched.generator == single.generator)
  }

  @Test func baselineParametersAreBitIdenticalOnOneAndTwoThreads() throws {
    func network() -> LSTMNetwork {
      var generator = SplitMix64(seed: 3)
      return LSTMNetwork(
        configuration: LSTMNetworkConfiguration(inputSize: Self.task.inputSize, outputSize: Self.task.outputSize, layerSizes: [8, 8]),
        using: &generator)
    }
    let one = try Self.train(network(), threads: 1, batch: 8, sequences: 32)
    let two = try Self.train(network(), threads: 2, batch: 8, sequences: 32)
    #expect(two.model.parameters == one.model.parameters)
    #expect(one.model.parameters != network().parameters)
  }

  /// The batch's gradient is the mean of the sequences' gradients whichever path computes it:
  /// a batch of 3 on threads agrees with three sequences' gradients summed by hand.
  @Test func batchedGradientMatchesSumOfSingleSequenceGradients() throws {
    var model = Self.machine(.constant)
    var generator = SplitMix64(seed: 11)
    var manual = [Double](repeating: 0, count: model.parameters.count)
    for _ in 0..<3 {
      let example = Self.task.sample(using: &generator)
      let logits = model.forward(example.inputs)
      var one = [Double](repeating: 0, count: manual.count)
      model.backward(
        logitGradient: SigmoidCrossEntropy.backward(logits: logits, targets: example.targets, mask: example.mask), addingInto: &one)
      for i in manual.indices { manual[i] += one[i] }
    }
    // Plain gradient steps of rate 1 from a recorded start would need an SGD optimiser; instead,
    // Adam's first step is lr · g / (|g| + ε) elementwise, whose sign follows the mean gradient.
    var trainer = Trainer(
      model: Self.machine(.constant), task: Self.task,
      optimiser: Optimiser(.adam, parameterCount: manual.count, learningRate: 1e-3),
      settings: TrainingSettings(batchSize: 3, clipping: GradientClipping(valueBound: nil, normBound: nil)), generator: SplitMix64(seed: 11)
    )
    trainer.threads = 2
    let before = trainer.model.parameters
    try trainer.trainStep()
    var checked = 0
    for i in manual.indices where abs(manual[i]) > 1e-6 {
      let moved = trainer.model.parameters[i] - before[i]
      #expect(moved * manual[i] < 0, "parameter \(i) moved \(moved) against gradient \(manual[i])")
      checked += 1
    }
    #expect(checked > 100)
  }

  /// A batch larger than the sequences one sum gathers (64 for a small model) runs in chunks;
  /// the chunks are summed in order too.
  @Test func batchesLongerThanAChunkAreBitIdentical() throws {
    let one = try Self.train(Self.machine(.constant), threads: 1, batch: 70, sequences: 70)
    let two = try Self.train(Self.machine(.constant), threads: 2, batch: 70, sequences: 70)
    #expect(two.model.parameters == one.model.parameters)
  }
}

/// A batch on threads needs a model copy and a sequence's memory per thread and a gradient
/// buffer per sequence summed at once; batch 1 needs no more than before.
@Suite struct MemoryEstimateThreadsTests {
  @Test func threadsAndBatchesAddTheirCopiesAndBuffers() {
    let configuration = MachineConfiguration.reference(bits: 8)
    let one = MemoryEstimate.machine(configuration, steps: 41, optimiserArrays: 3)
    #expect(one.training(batchSize: 1, threads: 8) == one)
    #expect(one.sequenceBytes > 0 && one.sequenceBytes < one.bytes)
    let parameterBytes = 8 * Double(one.parameterCount)
    let batch = one.training(batchSize: 16, threads: 4)
    #expect(batch.bytes == one.bytes + 4 * (one.sequenceBytes + parameterBytes) + 16 * parameterBytes)
    // More threads than sequences make no more copies.
    #expect(one.training(batchSize: 2, threads: 64) == one.training(batchSize: 2, threads: 2))
  }
}

/// Scoring on threads gives one thread's numbers, and leaves the generators where one thread
/// leaves them.
@Suite struct EvaluationThreadsTests {
  @Test(arguments: [MachineConfiguration.MemoryInitialisation.constant, .random])
  func threadsScoreAsOneThreadDoes(memory: MachineConfiguration.MemoryInitialisation) {
    var one = TrainerThreadsTests.machine(memory)
    var several = TrainerThreadsTests.machine(memory)
    var generatorOne = SplitMix64(seed: 8)
    var generatorSeveral = SplitMix64(seed: 8)
    let a = Evaluation.run(&one, on: TrainerThreadsTests.task, count: 25, using: &generatorOne)
    let b = Evaluation.run(&several, on: TrainerThreadsTests.task, count: 25, threads: 3, using: &generatorSeveral)
    #expect(a == b)
    #expect(a.loss > 0 && a.bitErrors > 0)
    #expect(generatorOne == generatorSeveral)
    #expect(one.memoryGenerator == several.memoryGenerator)
    // The model that ran on one thread can run again and give the same as the one copied.
    #expect(
      one.forward(TrainerThreadsTests.task.sample(using: &generatorOne).inputs)
        == several.forward(TrainerThreadsTests.task.sample(using: &generatorSeveral).inputs))
  }
}
