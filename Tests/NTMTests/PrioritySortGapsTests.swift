import NTM
import Testing

/// Priority sort's wrong bits by the gap to the nearest other priority: the gaps, the bins and
/// the totals, which must be those of `BitError` and `Evaluation` on the same sequences.
@Suite struct PrioritySortGapsTests {
  @Test func eachAnswerTakesTheGapToItsNearestNeighbourAmongAllInputs() {
    // Sorted: 1, 0.625, 0.5, −0.25 (exact in binary, so the differences are too).
    let priorities = [0.5, -0.25, 0.625, 1.0]
    #expect(PrioritySortGaps.gaps(priorities: priorities, answers: 4) == [0.375, 0.125, 0.125, 0.75])
    #expect(PrioritySortGaps.gaps(priorities: priorities, answers: 2) == [0.375, 0.125], "the unanswered inputs still count")
    #expect(PrioritySortGaps.gaps(priorities: [0.3], answers: 1) == [.infinity], "a lone input has no neighbour")
  }

  @Test func theBinsCoverEveryGapOnce() {
    let bins = PrioritySortGaps().bins
    #expect(bins.count == PrioritySortGaps.upperEdges.count + 1)
    for gap in [0, 0.005, 0.01, 0.0299, 0.05, 0.1, 1.5, .infinity] {
      #expect(bins.filter { $0.contains(gap) }.count == 1, "\(gap)")
    }
    #expect(bins[0].contains(0.009) && !bins[0].contains(0.01) && bins[1].contains(0.01))
  }

  @Test func aPerfectAnswerHasNoWrongBitsAndAFlippedStepHasThemAllInItsBin() {
    let task = PrioritySortTask(bits: 4, lengths: 6...6, outputCount: 3)
    var generator = SplitMix64(seed: 11)
    let example = task.sample(using: &generator)
    var perfect = Matrix(rows: example.targets.rows, columns: example.targets.columns)
    for t in 0..<perfect.rows {
      for k in 0..<perfect.columns { perfect[t, k] = example.targets[t, k] >= 0.5 ? 5 : -5 }
    }
    var profile = PrioritySortGaps()
    profile.add(example, logits: perfect, task: task)
    #expect(profile.vectors == 3 && profile.wrongBits == 0 && profile.sequences == 1)

    // Every bit of the second answer (rank 1, step 6 + 1 + 1) turned over.
    var flipped = perfect
    for k in 0..<flipped.columns { flipped[8, k] = -flipped[8, k] }
    var wrong = PrioritySortGaps()
    wrong.add(example, logits: flipped, task: task)
    let priorities = (0..<6).map { example.inputs[$0, task.priorityChannel] }
    let gap = PrioritySortGaps.gaps(priorities: priorities, answers: 3)[1]
    let bin = wrong.bins.first { $0.contains(gap) }
    #expect(bin?.wrongBits == 4 && wrong.wrongBits == 4)
  }

  @Test func theTotalsAreThoseOfTheEvaluationOnTheSameSequences() {
    let task = PrioritySortTask(bits: 3, lengths: 5...5, outputCount: 4)
    let configuration = MachineConfiguration(
      inputSize: task.inputSize, outputSize: task.outputSize, controller: .feedForward, controllerSizes: [8], memoryRows: 8,
      memoryWidth: 4, readHeads: 2, writeHeads: 1, shiftRange: 1, memoryInitialisation: .learned)
    var generator = SplitMix64(seed: 5)
    var machine = NeuralTuringMachine(configuration: configuration, using: &generator)
    var first = machine
    var scores = SplitMix64(seed: 99)
    var gaps = SplitMix64(seed: 99)
    let evaluation = Evaluation.run(&first, on: task, count: 30, length: 7, using: &scores)
    let profile = PrioritySortGaps.run(&machine, on: task, count: 30, length: 7, using: &gaps)
    #expect(profile.sequences == 30 && profile.vectors == 30 * 4)
    #expect(Double(profile.wrongBits) / 30 == evaluation.bitErrors)
    #expect(profile.wrongBits > 0, "an untrained machine makes mistakes to share out")
    #expect(scores.next() == gaps.next(), "the same sequences were drawn")
  }
}
