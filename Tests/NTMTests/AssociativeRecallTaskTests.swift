import NTM
import Testing

struct AssociativeRecallTaskTests {
  static let seeds: [UInt64] = [1, 2, 3, 42, 2014]

  /// What the input says, read back by scanning for the delimiter flags only: the items in
  /// order, the query, and the steps after the second query flag.
  struct Reading {
    var items: [[[Double]]] = []
    var query: [[Double]] = []
    var answerSteps: [Int] = []
  }

  static func read(_ example: Example, task: AssociativeRecallTask) -> Reading {
    var reading = Reading()
    var queryFlags = 0
    for t in 0..<example.steps {
      let row = example.inputs.row(t)
      let vector = Array(row[..<task.bits])
      if row[task.itemDelimiterChannel] == 1 {
        reading.items.append([])
      } else if row[task.queryDelimiterChannel] == 1 {
        queryFlags += 1
      } else if queryFlags == 0 {
        reading.items[reading.items.count - 1].append(vector)
      } else if queryFlags == 1 {
        reading.query.append(vector)
      } else {
        reading.answerSteps.append(t)
      }
    }
    return reading
  }

  @Test(arguments: seeds)
  func shapesFollowTheStepTable(seed: UInt64) {
    let task = AssociativeRecallTask()
    var generator = SplitMix64(seed: seed)
    for count in [2, 3, 6, 12] {
      let example = task.sample(length: count, using: &generator)
      #expect(task.inputSize == 8 && task.outputSize == 6)
      #expect(example.inputs.columns == task.inputSize && example.targets.columns == task.outputSize)
      #expect(example.steps == (count + 2) * 4)
      #expect(example.steps == task.steps(items: count))
    }
  }

  @Test(arguments: seeds)
  func delimitersMarkEveryItemAndBracketTheQuery(seed: UInt64) {
    let task = AssociativeRecallTask()
    var generator = SplitMix64(seed: seed)
    let count = 5
    let example = task.sample(length: count, using: &generator)
    let stride = task.vectorsPerItem + 1
    for t in 0..<example.steps {
      let itemFlag = example.inputs[t, task.itemDelimiterChannel]
      let queryFlag = example.inputs[t, task.queryDelimiterChannel]
      #expect(itemFlag == (t % stride == 0 && t < count * stride ? 1 : 0), "step \(t)")
      #expect(queryFlag == (t == count * stride || t == (count + 1) * stride ? 1 : 0), "step \(t)")
      if itemFlag == 1 || queryFlag == 1 {
        #expect(example.inputs.row(t)[..<task.bits].allSatisfy { $0 == 0 }, "delimiter step \(t) carries no bits")
      }
    }
    #expect(
      (example.steps - task.vectorsPerItem..<example.steps).allSatisfy {
        example.inputs.row($0).allSatisfy { $0 == 0 }
      })
  }

  @Test(arguments: seeds)
  func onlyTheAnswerStepsAreMaskedAndTargeted(seed: UInt64) {
    let task = AssociativeRecallTask()
    var generator = SplitMix64(seed: seed)
    let example = task.sample(using: &generator)
    let answerStart = example.steps - task.vectorsPerItem
    #expect(example.mask == (0..<example.steps).map { $0 >= answerStart ? 1 : 0 })
    for t in 0..<answerStart { #expect(example.targets.row(t).allSatisfy { $0 == 0 }) }
  }

  @Test(arguments: seeds)
  func theTargetIsTheItemAfterTheQueryFoundByBruteForce(seed: UInt64) {
    let task = AssociativeRecallTask()
    var generator = SplitMix64(seed: seed)
    for _ in 0..<20 {
      let example = task.sample(using: &generator)
      let reading = Self.read(example, task: task)
      #expect(task.items.contains(reading.items.count))
      #expect(reading.items.allSatisfy { $0.count == task.vectorsPerItem })
      #expect(Set(reading.items).count == reading.items.count, "items are distinct")
      let matches = reading.items.indices.filter { reading.items[$0] == reading.query }
      #expect(matches.count == 1)
      guard let index = matches.first, index + 1 < reading.items.count else {
        Issue.record("the query must be an item other than the last")
        return
      }
      #expect(reading.answerSteps.map { Array(example.targets.row($0)) } == reading.items[index + 1])
      #expect(reading.answerSteps.allSatisfy { example.mask[$0] == 1 })
    }
  }

  @Test func everyItemButTheLastIsQueriedSometimes() {
    let task = AssociativeRecallTask()
    var generator = SplitMix64(seed: 9)
    var queried = Set<Int>()
    for _ in 0..<200 {
      let reading = Self.read(task.sample(length: 4, using: &generator), task: task)
      if let index = reading.items.firstIndex(of: reading.query) { queried.insert(index) }
    }
    #expect(queried == [0, 1, 2])
  }

  @Test(arguments: seeds)
  func theSameSeedGivesTheSameExampleAndOthersDiffer(seed: UInt64) {
    let task = AssociativeRecallTask()
    var a = SplitMix64(seed: seed)
    var b = SplitMix64(seed: seed)
    var c = SplitMix64(seed: seed &+ 1)
    let first = task.sample(using: &a)
    #expect(first == task.sample(using: &b))
    #expect(first != task.sample(using: &c))
  }

  @Test func trainingDrawsCoverTheItemRange() {
    let task = AssociativeRecallTask()
    var generator = SplitMix64(seed: 5)
    let counts = Set((0..<200).map { _ in task.sample(using: &generator).steps / 4 - 2 })
    #expect(counts == Set(2...6))
  }

  @Test func settingsRoundTripAndReportProblems() throws {
    var task = AssociativeRecallTask(bits: 4, vectorsPerItem: 2, items: 3...7)
    #expect(task.lengths == 3...7 && task.problems.isEmpty)
    task.lengths = 2...9
    #expect(task.minimumItems == 2 && task.maximumItems == 9)
    task.minimumItems = 1
    task.vectorsPerItem = 0
    #expect(task.problems.count == 2)
    #expect(AssociativeRecallTask(bits: 1, vectorsPerItem: 1, items: 2...2).distinctItemCount == 2)
  }
}
