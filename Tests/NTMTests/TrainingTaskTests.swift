import Foundation
import NTM
import Testing

@Suite struct TrainingTaskTests {
  @Test func namesRoundTrip() {
    for name in TrainingTask.names { #expect(TrainingTask(name: name)?.name == name) }
    #expect(TrainingTask(name: "cpy") == nil)
  }

  @Test func settingsSurviveJSON() throws {
    let tasks: [TrainingTask] = [
      .copy(CopyTask(bits: 4, lengths: 2...7)),
      .repeatCopy(RepeatCopyTask(bits: 5, lengths: 1...3, repeats: 2...6, encoding: .unary)),
      .associativeRecall(AssociativeRecallTask(bits: 4, vectorsPerItem: 2, items: 2...5)),
      .ngrams(NGramTask(contextLength: 3, lengths: 20...40)),
      .prioritySort(PrioritySortTask(bits: 3, lengths: 5...9, outputCount: 4)),
      .dyck(DyckWordsTask(lengths: 2...7, dyckProbability: 0.25)),
    ]
    for task in tasks {
      let data = try JSONEncoder().encode(task)
      #expect(try JSONDecoder().decode(TrainingTask.self, from: data) == task)
      #expect(String(decoding: data, as: UTF8.self).contains("\"name\":\"\(task.name)\""))
    }
  }

  @Test func allSixTasksAreRegistered() {
    #expect(TrainingTask.names == ["copy", "repeat-copy", "associative-recall", "ngrams", "priority-sort", "dyck"])
    for name in TrainingTask.names {
      let task = TrainingTask(name: name)!
      #expect(task.problems.isEmpty, "\(name)")
      #expect(task.evaluationLengths.contains { task.lengths.contains($0) }, "\(name) is evaluated in its training range")
      #expect(task.evaluationLengths.contains { $0 > task.lengths.upperBound }, "\(name) is evaluated beyond it")
      #expect(task.withLengths(3...7).lengths == 3...7)
      var generator = SplitMix64(seed: 2)
      let example = task.sample(using: &generator)
      #expect(example.inputs.columns == task.inputSize && example.targets.columns == task.outputSize)
    }
  }

  /// A file written before the newer tasks existed reads unchanged.
  @Test func olderFilesStillRead() throws {
    let json = #"{"name":"copy","settings":{"bits":8,"maximumLength":20,"minimumLength":1}}"#
    #expect(try JSONDecoder().decode(TrainingTask.self, from: Data(json.utf8)) == .copy(CopyTask()))
    let unknown = #"{"name":"sorting","settings":{}}"#
    #expect(throws: DecodingError.self) { try JSONDecoder().decode(TrainingTask.self, from: Data(unknown.utf8)) }
  }

  @Test func delegatesToItsTask() {
    var a = SplitMix64(seed: 1)
    var b = SplitMix64(seed: 1)
    let copy = CopyTask(lengths: 4...9)
    #expect(TrainingTask.copy(copy).sample(using: &a) == copy.sample(using: &b))
    #expect(TrainingTask.copy(copy).withLengths(1...3).lengths == 1...3)
  }
}
