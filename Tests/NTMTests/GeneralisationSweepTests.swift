import Foundation
import NTM
import Testing

/// `GeneralisationSweep`: models scored at several lengths on the same sequences.
@Suite struct GeneralisationSweepTests {
  static func machine(seed: UInt64) throws -> TrainedModel {
    try TrainedModelTests.machineCheckpoint(seed: seed).1.model()
  }

  /// The same sequences for every model: a model compared with itself scores the same twice.
  @Test(arguments: [9, 10] as [UInt64])
  func everyModelSeesTheSameSequences(seed: UInt64) throws {
    let model = try Self.machine(seed: 1)
    var models = [model, model]
    let sweep = GeneralisationSweep.run(&models, task: TrainedModelTests.task, lengths: [2, 4], count: 3, seed: seed)
    #expect(sweep.rows.map(\.length) == [2, 4])
    #expect(sweep.scores(model: 0) == sweep.scores(model: 1))
    #expect(sweep.rows.allSatisfy { $0.optimalBits == nil && $0.evaluations.count == 2 })
  }

  /// Each length's scores are those of `Evaluation.run` on that length's own generator, so two
  /// different models are told apart.
  @Test func eachLengthIsAnEvaluationOnItsOwnGenerator() throws {
    var models = [try Self.machine(seed: 1), try Self.machine(seed: 2)]
    let sweep = GeneralisationSweep.run(&models, task: TrainedModelTests.task, lengths: [3, 5], count: 4, seed: 7)
    for row in sweep.rows {
      for index in models.indices {
        var generator = GeneralisationSweep.generator(seed: 7, length: row.length)
        let expected = Evaluation.run(&models[index], on: TrainedModelTests.task, count: 4, length: row.length, using: &generator)
        #expect(row.evaluations[index] == expected)
      }
    }
    #expect(sweep.rows[0].evaluations[0] != sweep.rows[0].evaluations[1])
  }

  /// N-grams are scored by their cost in bits, beside the Bayes-optimal estimator's.
  @Test func nGramsAreScoredInBitsAgainstTheOptimum() throws {
    let task = TrainingTask.ngrams(NGramTask(contextLength: 2, lengths: 8...8))
    let configuration = MachineConfiguration(
      inputSize: task.inputSize, outputSize: task.outputSize, controllerSizes: [4], memoryRows: 4, memoryWidth: 3)
    var generator = SplitMix64(seed: 3)
    var models = [NeuralTuringMachine(configuration: configuration, using: &generator)]
    let sweep = GeneralisationSweep.run(&models, task: task, lengths: [12], count: 2, seed: 5)
    let row = try #require(sweep.rows.first)
    let optimal = try #require(row.optimalBits)
    #expect(optimal.isFinite && optimal > 0)
    #expect(GeneralisationSweep.scoresCost(task) && !GeneralisationSweep.scoresCost(TrainedModelTests.task))
    #expect(sweep.scores(model: 0) == [NGramBaseline.bits(fromNats: row.evaluations[0].loss)])
  }
}
