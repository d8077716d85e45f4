import Foundation
import Testing

@testable import ntm

/// What the grader makes of the learner's compiled program when it ends badly, and how numbers
/// cross to it and back.
struct LearnerProcessTests {
  /// The first lines of what the Swift runtime and its backtracer write when a learner's
  /// function (here exercise 3's, called from exercise 10's) indexes past the end of an array,
  /// on Linux.
  static let indexOutOfRange = """
    Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

    *** Signal 4: Backtracing from 0x7f26f896df7f... done ***

    *** Program crashed: Illegal instruction at 0x00007f26f896df7f ***

    Thread 0 "exercises" crashed:

      0      0x00007f26f896df7f closure #1 in closure #1 in _assertionFailure(_:_:file:line:flags:) + 623 in libswiftCore.so
      1 [ra] 0x00007f26f8af961f _assertionFailure(_:_:file:line:flags:) + 302 in libswiftCore.so
      2 [ra] 0x00007f26f90ed286 specialized Array.subscript.getter + 85 in libswiftSwiftOnoneSupport.so
      3 [ra] 0x0000557c2ea2e457 static Exercise03.softmaxBackward(output:outputGradient:) + 118 in exercises at /work/Exercises/Exercise03.swift:27:51
      4 [ra] 0x0000557c2ea2e343 static Exercise10.sharpenBackward(_:sharpening:output:outputGradient:) + 242 in exercises at /work/Exercises/Exercise10.swift:24:5

    """

  @Test func aCrashIsNamedByItsFatalErrorAndTheInnermostExerciseLine() {
    #expect(
      LearnerProcess.crash(.signalled(4), error: Self.indexOutOfRange)
        == "Fatal error: Index out of range (Exercise03.swift:27)")
  }

  @Test func aForceUnwrappedNilNamesTheLineFromTheErrorItself() {
    let error = "Exercises/Exercise05.swift:20: Fatal error: Unexpectedly found nil while unwrapping an Optional value\n"
    #expect(
      LearnerProcess.crash(.signalled(4), error: error)
        == "Fatal error: Unexpectedly found nil while unwrapping an Optional value (Exercise05.swift:20)")
  }

  @Test func withoutAFatalErrorTheSignalOrStatusIsSaid() {
    #expect(LearnerProcess.crash(.signalled(11), error: "") == "stopped by signal 11 (Segmentation fault)")
    #expect(LearnerProcess.crash(.exited(3), error: "") == "the program ended with status 3 before the grade")
  }

  @Test(
    arguments: [
      [[[1.5, -2, 0]], [[1e-300, .infinity], [-.infinity, 3]], [[]]],
      [[[.nan]], [[0.1, 0.2, 0.30000000000000004]]],
    ] as [LearnerWire.Fields])
  func numbersCrossTheWireExactly(_ fields: LearnerWire.Fields) {
    let back = LearnerWire.parse(Substring(LearnerWire.spell(fields)))
    #expect(back.count == fields.count)
    for (got, sent) in zip(back.joined().joined(), fields.joined().joined()) {
      #expect(got == sent || (got.isNaN && sent.isNaN))
    }
    #expect(LearnerWire.rows(back, fields.count - 1) == (fields.last == [[]] ? [] : fields.last!))
  }

  @Test func aMissingFieldReadsAsNothingAndAMissingNumberAsNaN() {
    let fields = LearnerWire.parse("1 2")
    #expect(LearnerWire.vector(fields, 3) == [])
    #expect(LearnerWire.rows(fields, 3) == [])
    #expect(LearnerWire.scalar(fields, 3).isNaN)
  }

  @Test func aLearnersImportOfTheLibraryIsFoundWithItsLine() throws {
    let root = try ExercisesCommandTests.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent("Exercises/Exercise02.swift")
    try Data("// import NTM in a comment is fine\nimport Foundation\n  @testable import NTM\n".utf8).write(to: file)
    let found = LearnerProgram.libraryImport(in: [file], root: root)
    #expect(found?.place == "Exercises/Exercise02.swift:3")
    #expect(found?.module == "NTM")
    try Data("import Foundation\nimport NTMish\n".utf8).write(to: file)
    #expect(LearnerProgram.libraryImport(in: [file], root: root) == nil)
  }

  @Test func theFirstErrorIsShownWithItsSourceLineFromThePackageRoot() {
    let root = URL(fileURLWithPath: "/home/learner/ntm")
    let build = URL(fileURLWithPath: "/tmp/ntm-exercises-1")
    let output = """
      /home/learner/ntm/Exercises/Exercise05.swift:21:5: error: cannot find 'x' in scope
          x
          ^
      /home/learner/ntm/Exercises/Exercise05.swift:22:5: error: another
      """
    #expect(
      LearnerProgram.firstError(output, root: root, buildFolder: build)
        == ["Exercises/Exercise05.swift:21:5: error: cannot find 'x' in scope", "    x", "    ^"])
    let harness = "/tmp/ntm-exercises-1/ExerciseCheck.swift:80:30: error: incorrect argument label in call\n"
    let lines = LearnerProgram.firstError(harness, root: root, buildFolder: build)
    #expect(lines.first == "ExerciseCheck.swift:80:30: error: incorrect argument label in call")
    #expect(lines.last?.contains("keep them as they were") == true)
  }
}
