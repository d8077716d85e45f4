import Foundation
import Testing

@testable import ntm

/// `ntm exercises` grading the reference solutions and answers made wrong from them, in a
/// temporary package root.
struct ExercisesCommandSolutionTests {
  static func makeRoot() throws -> URL { try SolutionsSupport.makeRoot() }

  static func run(
    _ words: [String], in directory: URL, functions: ExerciseFunctions
  ) -> (code: Int32, output: String, error: String) {
    SolutionsSupport.run(words, in: directory, grading: .inProcess(functions))
  }

  @Test func theListOfSolvedExercisesIsFullAndRecorded() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let done = Self.run(["list"], in: root, functions: ExerciseSolutions.all)
    #expect(done.output.contains("[████████████████████████████████████████]  14 of 14 done"))
    #expect(!done.output.contains("to do"))
    #expect(ExerciseProgress.load(from: root).passed == Array(1...14))
  }

  @Test func checkPassesWithExitZeroAndRecordsIt() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = Self.run(["check", "10"], in: root, functions: ExerciseSolutions.all)
    #expect(result.code == 0)
    #expect(result.output.hasPrefix("Exercise 10: sharpening, backward\n"))
    #expect(result.output.contains("✓ gradient check passes"))
    #expect(result.output.contains("Passed. 1 of 14 done"))
    #expect(ExerciseProgress.load(from: root).passed == [10])
    #expect(SolutionsSupport.run(["list"], in: root, grading: .inProcess(SolutionsSupport.nothing)).output.contains("  0 of 14 done"))
  }

  @Test func checkOfAWrongAnswerNamesTheElement() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    var wrong = ExerciseSolutions.all
    wrong.interpolationBackward = { c, p, gate, g in
      let right = ExerciseSolutions.interpolationBackward(c, p, gate, g)!
      return (right.content, right.content, right.gate)
    }
    let result = Self.run(["check", "6"], in: root, functions: wrong)
    #expect(result.code == 1)
    #expect(result.output.contains("✓ dw_c matches"))
    #expect(result.output.contains("✗ dw_prev["))
    #expect(result.error == "error: exercise 6 does not pass yet.\n")
  }

  @Test func anExerciseWaitingOnAnEarlierOneThatIsNotDoneNamesIt() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    // Exercise 3 answers nil, so exercise 10, which calls it, answers nil too.
    var waiting = ExerciseSolutions.all
    waiting.softmaxBackward = { _, _ in nil }
    waiting.sharpenBackward = { _, _, _, _ in nil }
    let result = Self.run(["check", "10"], in: root, functions: waiting)
    #expect(result.code == 1)
    #expect(result.output.contains("Not done yet: exercise 10 uses your softmax backward from exercise 3, which does"))
    #expect(result.output.contains("Run 'swift run ntm exercises check 3' first."))
    #expect(!result.output.contains("still returns nil"))
    #expect(result.error == "error: exercise 10 uses your softmax backward from exercise 3, which does not pass yet.\n")
    // Exercise 3 itself, and exercise 10 once 3 passes, say nothing of it.
    #expect(!Self.run(["check", "3"], in: root, functions: waiting).output.contains("uses your"))
    #expect(Self.run(["check", "10"], in: root, functions: ExerciseSolutions.all).code == 0)
  }

  @Test func aFailingExerciseWaitingOnAFailingOneSaysBoth() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    var wrong = ExerciseSolutions.all
    wrong.softmaxBackward = { p, g in zip(p, g).map { $0 * $1 } }
    // As exercise 5 is when it calls that softmax backward: a wrong answer.
    wrong.contentAddressingBackward = { k, m, beta, similarity, w, g in
      ExerciseSolutions.contentAddressingBackward(k, m, beta, similarity, w, g.map { 2 * $0 })
    }
    let result = Self.run(["check", "5"], in: root, functions: wrong)
    #expect(result.code == 1)
    #expect(result.output.contains("✗ "))
    #expect(result.output.contains("Exercise 5 uses your softmax backward from exercise 3, which does not pass yet:"))
    #expect(result.error == "error: exercise 5 does not pass yet.\n")
  }
}
