import Foundation

@testable import ntm

/// What the tests of the reference solutions share: a temporary package root, and
/// `ntm exercises` run in it with its output recorded.
enum SolutionsSupport {
  /// This folder: the solutions, with the learner-shaped files in `Answers/`.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

  /// Functions that all answer nil, as every starter does.
  static let nothing = ExerciseFunctions(
    cosineSimilarity: { _, _ in nil }, softmax: { _ in nil }, softmaxBackward: { _, _ in nil },
    cosineSimilarityBackward: { _, _, _ in nil }, contentAddressingBackward: { _, _, _, _, _, _ in nil },
    interpolationBackward: { _, _, _, _ in nil }, shift: { _, _ in nil }, shiftBackward: { _, _, _ in nil },
    sharpen: { _, _ in nil }, sharpenBackward: { _, _, _, _ in nil }, readBackward: { _, _, _ in nil },
    write: { _, _, _, _ in nil }, writeBackward: { _, _, _, _, _ in nil },
    readHeadStepBackward: { _, _, _, _, _, _ in nil })

  /// A temporary folder that looks like the package: a Package.swift naming NTM and the
  /// learner's folder.
  static func makeRoot() throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-solutions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent(LearnerProgram.folder), withIntermediateDirectories: true)
    try Data("let package = Package(\n  name: \"NTM\",\n)\n".utf8).write(to: root.appendingPathComponent("Package.swift"))
    return root
  }

  /// `ntm exercises` run in `directory`, graded as `grading` says (nil: the files there,
  /// compiled as the tool does).
  static func run(
    _ words: [String], in directory: URL, grading: ExercisesCommand.Grading?
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
}
