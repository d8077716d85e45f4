import NTM
import Testing

@Suite struct TrainerTests {
  static let task = TrainingTask.copy(CopyTask(bits: 3, lengths: 1...3))

  static func trainer(seed: UInt64, kind: Optimiser.Kind = .rmsprop, batchSize: Int = 1) -> Trainer<TinyRecurrentModel, TrainingTask> {
    var generator = SplitMix64(seed: seed)
    let model = TinyRecurrentModel(inputSize: task.inputSize, outputSize: task.outputSize, hiddenSize: 6, using: &generator)
    return Trainer(
      model: model, task: task, optimiser: Optimiser(kind, parameterCount: model.parameters.count, learningRate: 3e-3),
      settings: TrainingSettings(batchSize: batchSize), generator: generator)
  }

  @Test(arguments: Optimiser.Kind.allCases)
  func sameSeedGivesBitwiseIdenticalLosses(kind: Optimiser.Kind) throws {
    var a = Self.trainer(seed: 42, kind: kind)
    var b = Self.trainer(seed: 42, kind: kind)
    var lossesA: [Double] = []
    var lossesB: [Double] = []
    try a.train(untilSequences: 40, report: { lossesA.append($0.loss) })
    try b.train(untilSequences: 40, report: { lossesB.append($0.loss) })
    #expect(lossesA == lossesB)
    #expect(a.model.parameters == b.model.parameters)
    var c = Self.trainer(seed: 43, kind: kind)
    try c.train(untilSequences: 40)
    #expect(c.model.parameters != a.model.parameters)
  }

  /// Remembering one bit over two steps is within a tiny network's reach in a few hundred
  /// sequences.
  @Test func learningLowersTheLoss() throws {
    let task = CopyTask(bits: 1, lengths: 1...1)
    var generator = SplitMix64(seed: 1)
    let model = TinyRecurrentModel(inputSize: 2, outputSize: 1, hiddenSize: 4, using: &generator)
    var trainer = Trainer(
      model: model, task: task, optimiser: Optimiser(.adam, parameterCount: model.parameters.count, learningRate: 3e-2),
      generator: generator)
    var evaluationGenerator = SplitMix64(seed: 99)
    let before = Evaluation.run(&trainer.model, on: task, count: 50, using: &evaluationGenerator)
    try trainer.train(untilSequences: 300)
    evaluationGenerator = SplitMix64(seed: 99)
    let after = Evaluation.run(&trainer.model, on: task, count: 50, using: &evaluationGenerator)
    #expect(after.bitErrors < 0.1, "bits \(before.bitErrors) → \(after.bitErrors)")
    #expect(after.loss < before.loss, "loss \(before.loss) → \(after.loss)")
  }

  @Test func countsSequencesAndSteps() throws {
    var trainer = Self.trainer(seed: 2, batchSize: 4)
    let report = try trainer.trainStep()
    #expect(report.step == 1 && report.sequencesSeen == 4)
    try trainer.train(untilSequences: 10)
    #expect(trainer.step == 3 && trainer.sequencesSeen == 12)
  }

  /// A batch's gradient is the mean of its sequences' gradients: with plain gradient steps
  /// (Adam's first step divides by |g|, so use a model that reports its gradient), two
  /// identical sequences in a batch give the same update as one.
  @Test func batchGradientIsTheMean() throws {
    let model = PoisonableModel(inputSize: 4, outputSize: 3, parameters: [0.5, 0.5], reportedGradient: 2)
    var one = Trainer(
      model: model, task: CopyTask(bits: 3), optimiser: Optimiser(.rmsprop, parameterCount: 2),
      settings: TrainingSettings(batchSize: 1), generator: SplitMix64(seed: 1))
    var four = Trainer(
      model: model, task: CopyTask(bits: 3), optimiser: Optimiser(.rmsprop, parameterCount: 2),
      settings: TrainingSettings(batchSize: 4), generator: SplitMix64(seed: 1))
    try one.trainStep()
    try four.trainStep()
    #expect(one.model.parameters == four.model.parameters)
  }

  @Test func stopsWhenAsked() throws {
    var trainer = Self.trainer(seed: 3)
    var calls = 0
    let stopped = try trainer.train(
      untilSequences: 100,
      shouldStop: {
        calls += 1
        return calls > 5
      })
    #expect(stopped && trainer.sequencesSeen == 5)
  }

  @Test func runningAveragesStartUnbiased() {
    var averages = RunningAverages()
    averages.add(loss: 4, bitErrors: 2)
    #expect(abs(averages.loss - 4) < 1e-12 && abs(averages.bitErrors - 2) < 1e-12)
    averages.add(loss: 2, bitErrors: 0)
    #expect(averages.loss > 2 && averages.loss < 4)
  }
}
