import Foundation
import Testing

@testable import ntm

/// Grading in a child process: what the parent makes of a child's end and standard error, the
/// child's outcome line, and the real `ntm` binary grading the untouched starters.
struct ExercisesSubprocessTests {
  static let exercise3 = ExerciseCatalog.exercise(3)!

  /// The first lines of what the Swift runtime and its backtracer write when a learner's
  /// function indexes past the end of an array, on Linux.
  static let indexOutOfRange = """
    Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

    *** Signal 4: Backtracing from 0x7f26f896df7f... done ***

    *** Program crashed: Illegal instruction at 0x00007f26f896df7f ***

    Thread 0 "ntm" crashed:

      0      0x00007f26f896df7f closure #1 in closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
      1 [ra] 0x00007f26f8af961f _assertionFailure(_:_:file:line:flags:) + 302 in libswiftCore.so
      2 [ra] 0x00007f26f90ed286 specialized Array.subscript.getter + 85 in libswiftSwiftOnoneSupport.so
      3 [ra] 0x0000557c2ea2e457 static Exercise03.softmaxBackward(output:outputGradient:) + 118 in ntm at /work/Sources/ntm/Exercises/Learner/Exercise03.swift:27:51
      4 [ra] 0x0000557c2ea2e343 closure #3 in variable initialization expression of static ExerciseFunctions.learner + 242 in ntm at /work/Sources/ntm/Exercises/ExerciseFunctions.swift:56:5

    """

  @Test func aChildKilledBySignalIsACrashNamedByItsFatalErrorAndTheLearnersLine() {
    let outcome = ExercisesSubprocess.outcome(termination: .signalled(4), error: Self.indexOutOfRange, file: "Exercise03.swift")
    #expect(outcome == .crashed("Fatal error: Index out of range (Exercise03.swift:27)"))
  }

  @Test func aForceUnwrappedNilNamesTheLineFromTheErrorItself() {
    let error = "ntm/Exercise05.swift:20: Fatal error: Unexpectedly found nil while unwrapping an Optional value\n"
    #expect(
      ExercisesSubprocess.crash(.signalled(4), error: error, file: "Exercise05.swift")
        == "Fatal error: Unexpectedly found nil while unwrapping an Optional value (Exercise05.swift:20)")
  }

  @Test func withoutAFatalErrorTheSignalOrStatusIsSaid() {
    #expect(ExercisesSubprocess.crash(.signalled(11), error: "", file: "Exercise03.swift") == "stopped by signal 11 (Segmentation fault)")
    #expect(
      ExercisesSubprocess.crash(.timedOut, error: "", file: "Exercise03.swift")
        == "it was still running after 30 seconds (an endless loop?)")
    #expect(
      ExercisesSubprocess.outcome(termination: .exited(3), error: "", file: "Exercise03.swift")
        == .crashed("the program ended with status 3 before the grade"))
  }

  @Test(arguments: [
    Exercise.Outcome.notDone, .passed(["p matches", "gradient check passes"]), .failed("dz[4] is 0.1", passed: ["one"]),
  ])
  func theOutcomeLineIsReadBackAfterWhateverTheLearnerPrinted(_ outcome: Exercise.Outcome) {
    let error = "a line the learner printed on standard error\n" + ExercisesSubprocess.outcomeLine(outcome) + "\n"
    #expect(ExercisesSubprocess.outcome(termination: .exited(0), error: error, file: "Exercise03.swift") == outcome)
  }

  @Test func anOutcomeLineFromAChildThatThenDiedIsNotTrusted() {
    let error = ExercisesSubprocess.outcomeLine(.notDone) + "\n" + Self.indexOutOfRange
    #expect(
      ExercisesSubprocess.outcome(termination: .signalled(4), error: error, file: "Exercise03.swift")
        == .crashed("Fatal error: Index out of range (Exercise03.swift:27)"))
  }

  @Test func theHiddenActionPrintsTheOutcomeOnStandardErrorOnly() throws {
    let root = try ExercisesCommandTests.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = ExercisesCommandTests.run([ExercisesSubprocess.action, "6"], in: root, functions: ExerciseSolutions.all)
    #expect(result.code == 0)
    #expect(result.output == "")
    #expect(result.error == ExercisesSubprocess.outcomeLine(ExerciseCatalog.exercise(6)!.grade(ExerciseSolutions.all)) + "\n")
    #expect(!ExercisesCommand.help.contains(ExercisesSubprocess.action))
  }

  // MARK: - The built binary

  static func run(_ arguments: [String], in directory: URL) throws -> (code: Int32, output: String, error: String) {
    try ReplProcessTests.run(arguments, environment: ["LANG": "en_US.UTF-8", "COLUMNS": "80"], in: directory)
  }

  @Test
  func theBinaryGradesTheUntouchedStarterInAChildAsNotDone() throws {
    let root = try ExercisesCommandTests.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let child = try Self.run(["exercises", ExercisesSubprocess.action, "1"], in: root)
    #expect(child.code == 0)
    #expect(child.output == "")
    #expect(child.error == ExercisesSubprocess.outcomeLine(.notDone) + "\n")

    let check = try Self.run(["exercises", "check", "1"], in: root)
    #expect(check.code == 1)
    #expect(check.output.hasPrefix("Exercise 1: cosine similarity, forward\n"))
    #expect(check.output.contains("Not done yet"))
    #expect(check.error == "error: exercise 1 is not done yet.\n")

    let list = try Self.run(["exercises"], in: root)
    #expect(list.code == 0)
    #expect(list.output.contains("  0 of 14 done"))
    #expect(list.error == "")
  }
}
