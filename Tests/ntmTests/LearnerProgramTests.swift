import Foundation
import Testing

@testable import ntm

/// Exercise files compiled on their own as `ntm exercises check` does, in a temporary package
/// made from the committed starters (never the learner's own files): a file that does not
/// compile is named by its line and stops nothing else, an import of the library is refused,
/// and a crash and an endless loop are each reported as such. The reference solutions are
/// compiled and graded by `LearnerProgramSolutionTests`.
@Suite(.enabled(if: ExercisesTests.isCheckout))
struct LearnerProgramTests {
  /// A package root in a temporary folder whose `Exercises/` holds `files` (name to text).
  static func root(_ files: [String: String]) throws -> URL {
    let root = try ExercisesCommandTests.makeRoot()
    for (name, text) in files {
      try Data(text.utf8).write(to: root.appendingPathComponent("\(LearnerProgram.folder)/\(name)"))
    }
    return root
  }

  /// Every committed starter, by file name.
  static func starters() throws -> [String: String] {
    try Dictionary(
      uniqueKeysWithValues: ExerciseCatalog.all.map { exercise in
        (exercise.fileName, try StarterFile.committed(exercise, root: ExercisesTests.packageRoot))
      })
  }

  /// `ntm exercises` run in `root`, compiling the files there as the tool does.
  static func run(_ words: [String], in root: URL) -> (code: Int32, output: String, error: String) {
    let recording = Console.Recording()
    var console = recording.console(environment: ["LANG": "en_US.UTF-8", "COLUMNS": "80"])
    do {
      let code = try ExercisesCommand.run(words, console: &console, directory: root)
      return (code, recording.output, recording.error)
    } catch {
      return (-1, recording.output, "\(error)")
    }
  }

  @Test func aFileThatDoesNotCompileIsNamedByItsLineAndTheTourStillRuns() throws {
    var files = try Self.starters()
    files["Exercise05.swift"] = files["Exercise05.swift"]!.replacingOccurrences(
      of: "    // TODO: your code here", with: "    let broken: Int = \"five\"")
    let root = try Self.root(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let line =
      files["Exercise05.swift"]!.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("let broken") }! + 1
    let check = Self.run(["check", "3"], in: root)
    #expect(check.code == 1)
    #expect(check.output.contains("Does not compile"))
    #expect(check.output.contains("  Exercises/Exercise05.swift:\(line):"), "\(check.output)")
    #expect(check.error.hasPrefix("error: the exercises do not compile: Exercises/Exercise05.swift:\(line):"))
    #expect(check.error.split(separator: "\n").count == 1)
    // The tool itself does not compile the exercises: the tour runs in the same folder.
    let tour = try ReplProcessTests.run(["tour", "--no-pause"], environment: ["LANG": "en_US.UTF-8"], in: root)
    #expect(tour.code == 0)
    #expect(tour.output.contains("Content addressing"))
  }

  @Test func aFileThatImportsTheLibraryIsRefused() throws {
    var files = try Self.starters()
    files["Exercise02.swift"] = files["Exercise02.swift"]!.replacingOccurrences(
      of: "import Foundation\n", with: "import Foundation\nimport NTM\n")
    let root = try Self.root(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let check = Self.run(["check", "2"], in: root)
    #expect(check.code == 1)
    #expect(check.error.hasPrefix("error: the exercises do not compile: Exercises/Exercise02.swift:"))
    #expect(check.error.contains(": imports NTM; the exercises are written without the library"))
  }

  @Test func theStartersAreNotDoneACrashIsACrashAndAnEndlessLoopIsStopped() throws {
    var files = try Self.starters()
    let todo = "    // TODO: your code here\n    return nil"
    files["Exercise02.swift"] = files["Exercise02.swift"]!.replacingOccurrences(
      of: todo, with: "    var i = 0\n    while i >= 0 { i = (i + 1) % 7 }\n    return nil")
    files["Exercise03.swift"] = files["Exercise03.swift"]!.replacingOccurrences(
      of: todo, with: "    return [output[output.count]]")
    let crashLine =
      files["Exercise03.swift"]!.split(separator: "\n", omittingEmptySubsequences: false)
      .firstIndex { $0.contains("output[output.count]") }! + 1
    let root = try Self.root(files)
    defer { try? FileManager.default.removeItem(at: root) }
    let program = try LearnerProgram.build(root: root)
    defer { program.remove() }
    let grading = ExercisesCommand.Grading.running(program, timeLimit: 2)
    #expect(try grading.grade(ExerciseCatalog.exercise(2)!) == .timedOut(2))
    let crash = try grading.grade(ExerciseCatalog.exercise(3)!)
    #expect(crash == .crashed("Fatal error: Index out of range (Exercise03.swift:\(crashLine))"), "\(crash)")
    for number in [1, 4, 10, 14] {
      #expect(try grading.grade(ExerciseCatalog.exercise(number)!) == .notDone, "exercise \(number)")
    }
  }
}
