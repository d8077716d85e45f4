import Foundation
import Testing

@testable import ntm

/// `ntm exercises`: the list, check, hint and reset, and the state file, in a temporary
/// package root.
struct ExercisesCommandTests {
  /// A temporary folder that looks like the package: a Package.swift naming NTM and the
  /// learner's folder.
  static func makeRoot() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-exercises-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(LearnerProgram.folder), withIntermediateDirectories: true)
    try Data("let package = Package(\n  name: \"NTM\",\n)\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
    return root
  }

  static func run(
    _ words: [String], in directory: URL, functions: ExerciseFunctions = ExercisesTests.nothing
  ) -> (code: Int32, output: String, error: String) {
    run(words, in: directory, grading: .inProcess(functions))
  }

  static func run(
    _ words: [String], in directory: URL, grading: ExercisesCommand.Grading
  ) -> (code: Int32, output: String, error: String) {
    let recording = Console.Recording()
    var console = recording.console(environment: ["LANG": "en_US.UTF-8", "COLUMNS": "80"])
    let code: Int32
    do {
      code = try ExercisesCommand.run(words, console: &console, directory: directory, grading: grading)
    } catch let error as Arguments.UsageError {
      console.printError("error: \(error.message)")
      code = CommandLineTool.ExitCode.usage
    } catch let error as CommandLineTool.Failure {
      console.printError("error: \(error.message)")
      code = CommandLineTool.ExitCode.failure
    } catch {
      code = -1
    }
    return (code, recording.output, recording.error)
  }

  @Test func theListShowsAProgressBarAndEveryExercise() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = Self.run([], in: root)
    #expect(result.code == 0)
    #expect(result.output.contains("[                                        ]  0 of 14 done"))
    for exercise in ExerciseCatalog.all {
      #expect(result.output.contains(exercise.title))
    }
    #expect(result.output.contains("Next: edit Exercises/Exercise01.swift,"))
  }

  @Test func checkOfAStarterSaysNotDoneAndExitsOne() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = Self.run(["check", "3"], in: root)
    #expect(result.code == 1)
    #expect(result.output.contains("Not done yet"))
    #expect(result.error == "error: exercise 3 is not done yet.\n")
  }

  /// Grading in which exercise 3's function crashed, and every other is not done yet.
  static let crashingThree = ExercisesCommand.Grading { exercise in
    exercise.number == 3 ? .crashed("Fatal error: Index out of range (Exercise03.swift:27)") : .notDone
  }

  @Test func checkOfAFunctionThatCrashedSaysSoInOneErrorLineAndExitsOne() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = Self.run(["check", "3"], in: root, grading: Self.crashingThree)
    #expect(result.code == 1)
    #expect(
      result.output.contains(
        """
        Crashed: the function in Exercises/Exercise03.swift
        stopped the program before it could be graded:
          ✗ Fatal error: Index out of range (Exercise03.swift:27)

        Not yet: fix Exercises/Exercise03.swift and check again.
        """))
    #expect(
      result.error
        == "error: exercise 3 crashed: Fatal error: Index out of range (Exercise03.swift:27). Fix the function and check again.\n")
  }

  @Test func theListShowsAnExerciseThatCrashedAndCarriesOn() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let result = Self.run([], in: root, grading: Self.crashingThree)
    #expect(result.code == 0)
    #expect(result.output.contains("  0 of 14 done"))
    #expect(result.output.split(separator: "\n").contains { $0.contains("softmax, backward") && $0.contains("crashed") })
    #expect(result.output.components(separatedBy: "to do").count - 1 == 13)
    #expect(ExerciseProgress.load(from: root).passed == [])
  }

  @Test func hintsAreRevealedOneAtATimeAndRemembered() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let exercise = ExerciseCatalog.exercise(7)!
    let first = Self.run(["hint", "7"], in: root)
    #expect(first.output.contains("Hint 1 of \(exercise.hints.count):"))
    #expect(!first.output.contains("Hint 2 of"))
    for _ in 0..<5 { _ = Self.run(["hint", "7"], in: root) }
    let last = Self.run(["hint", "7"], in: root)
    #expect(last.output.contains("Hint \(exercise.hints.count) of \(exercise.hints.count):"))
    #expect(last.output.contains("That is every hint."))
    #expect(ExerciseProgress.load(from: root).hints(7) == exercise.hints.count)
    #expect(Self.run([], in: root).output.contains("\(exercise.hints.count) of \(exercise.hints.count)"))
  }

  /// Runs git in `root`, which must work.
  static func git(_ arguments: [String], in root: URL) throws {
    _ = try StarterFile.git(arguments, root: root, exercise: ExerciseCatalog.all[0])
  }

  @Test(.enabled(if: ExercisesTests.isCheckout))
  func resetWritesTheCommittedStarterBackPastALearnersCommitAndForgetsTheHints() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let exercise = ExerciseCatalog.exercise(9)!
    let file = root.appendingPathComponent(exercise.path)
    let starter = try StarterFile.committed(exercise, root: ExercisesTests.packageRoot)
    try Data(starter.utf8).write(to: file)
    try Self.git(["init", "-q"], in: root)
    try Self.git(["add", "-A"], in: root)
    let author = ["-c", "user.name=Learner", "-c", "user.email=learner@example.com"]
    try Self.git(author + ["commit", "-q", "-m", "start"], in: root)
    try Data(starter.replacingOccurrences(of: "return nil", with: "return []").utf8).write(to: file)
    try Self.git(author + ["commit", "-q", "-am", "my attempt"], in: root)
    try Data("// my next attempt\n".utf8).write(to: file)
    _ = Self.run(["hint", "9"], in: root)
    let result = Self.run(["reset", "9"], in: root)
    #expect(result.code == 0)
    #expect(result.output.hasPrefix("Exercise 9 is back to its starter: Exercises/Exercise09.swift."))
    #expect(try String(contentsOf: file, encoding: .utf8) == starter)
    #expect(ExerciseProgress.load(from: root).hints(9) == 0)
  }

  @Test func resetOutsideAGitCheckoutSaysWhereTheStarterComesFromAndTouchesNothing() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let file = root.appendingPathComponent(ExerciseCatalog.exercise(2)!.path)
    try Data("// my attempt\n".utf8).write(to: file)
    let result = Self.run(["reset", "2"], in: root)
    #expect(result.code == 1)
    #expect(result.error.hasPrefix("error: cannot restore Exercises/Exercise02.swift: its starter comes from git"))
    #expect(result.error.split(separator: "\n").count == 1)
    #expect(try String(contentsOf: file, encoding: .utf8) == "// my attempt\n")
  }

  @Test func anEndlessLoopHasItsOwnHeadingAndErrorLine() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let looping = ExercisesCommand.Grading { $0.number == 4 ? .timedOut(30) : .notDone }
    let result = Self.run(["check", "4"], in: root, grading: looping)
    #expect(result.code == 1)
    #expect(
      result.output.contains(
        """
        Endless loop? The function in Exercises/Exercise04.swift
        was still running after 30 seconds, and was stopped.
        """))
    #expect(!result.output.contains("Crashed"))
    #expect(result.error == "error: exercise 4 was still running after 30 seconds and was stopped (an endless loop?).\n")
    let list = Self.run([], in: root, grading: looping)
    #expect(list.output.split(separator: "\n").contains { $0.contains("cosine similarity, backward") && $0.contains("endless loop") })
  }

  @Test func filesThatDoNotCompileShowTheFirstErrorInEveryCheck() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let error = ["Exercises/Exercise05.swift:21:5: error: cannot find 'x' in scope", "    x", "    ^"]
    let broken = ExercisesCommand.Grading { _ in .doesNotCompile(error) }
    let result = Self.run(["check", "2"], in: root, grading: broken)
    #expect(result.code == 1)
    #expect(
      result.output.contains(
        "Does not compile: every file in Exercises/ must build before any can be graded.\n"
          + "  Exercises/Exercise05.swift:21:5: error: cannot find 'x' in scope\n      x\n      ^\n"))
    #expect(result.error == "error: the exercises do not compile: Exercises/Exercise05.swift:21:5: error: cannot find 'x' in scope.\n")
    let list = Self.run([], in: root, grading: broken)
    #expect(list.code == 0)
    #expect(
      list.output.contains(
        "The files in Exercises/ do not compile, so none could be graded:\n"
          + "  Exercises/Exercise05.swift:21:5: error: cannot find 'x' in scope\n"))
  }

  @Test func theRootIsFoundFromASubfolder() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    let inside = root.appendingPathComponent("Sources/ntm")
    #expect(PackageRoot.find(from: inside)?.standardizedFileURL.path == root.standardizedFileURL.path)
    _ = Self.run(["hint", "1"], in: inside)
    #expect(ExerciseProgress.load(from: root).hints(1) == 1)
  }

  @Test func withoutAPackageRootResetFailsAndTheRestSaysProgressIsNotSaved() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-no-package-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let reset = Self.run(["reset", "1"], in: folder)
    #expect(reset.code == 1)
    #expect(reset.error.hasPrefix("error: cannot find the NTM package (a Package.swift with name: \"NTM\") in "))
    #expect(reset.error.split(separator: "\n").count == 1)
    let list = Self.run([], in: folder)
    #expect(list.code == 0)
    #expect(list.output.contains("Note: progress is not saved"))
  }

  @Test func aDeletedOrBrokenStateFileStartsAfresh() throws {
    let root = try Self.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    _ = Self.run(["hint", "2"], in: root)
    let state = root.appendingPathComponent(ExerciseProgress.fileName)
    try Data("{ not json".utf8).write(to: state)
    #expect(ExerciseProgress.load(from: root) == ExerciseProgress())
    try FileManager.default.removeItem(at: state)
    let hint = Self.run(["hint", "2"], in: root)
    #expect(hint.output.contains("Hint 1 of"))
    #expect(ExerciseProgress.load(from: root).hints(2) == 1)
  }

  @Test(arguments: [
    (["check", "0"], "error: no exercise '0': exercises are numbered 1 to 14. Try 'ntm exercises' for the list.\n"),
    (["hint", "x"], "error: no exercise 'x': exercises are numbered 1 to 14. Try 'ntm exercises' for the list.\n"),
    (["reset"], "error: reset needs an exercise number from 1 to 14: 'ntm exercises reset 3'.\n"),
    (["chek", "1"], "error: unknown action 'chek' for 'exercises'. Did you mean 'check'? Try 'ntm exercises --help'.\n"),
  ])
  func aBadNumberOrActionGetsOneErrorLineAndExit64(_ words: [String], _ expected: String) {
    let recording = Console.Recording()
    var console = recording.console()
    #expect(CommandLineTool.run(["exercises"] + words, console: &console) == 64)
    #expect(recording.error == expected)
    #expect(recording.output.isEmpty)
  }

  @Test func theCommandIsListedInHelp() {
    #expect(CommandLineTool.subcommands.contains { $0.name == "exercises" })
    #expect(ExercisesCommand.help.contains("ntm exercises check <N>"))
  }
}
