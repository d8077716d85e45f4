import Foundation
import Testing

@testable import ntm

/// The reference solutions in `Answers/`, copied into a package's `Exercises/` and compiled on
/// their own as `ntm exercises check` does: every exercise passes.
struct LearnerProgramSolutionTests {
  @Test func everyReferenceSolutionCompiledOnItsOwnPasses() throws {
    let root = try SolutionsSupport.makeRoot()
    defer { try? FileManager.default.removeItem(at: root) }
    for exercise in ExerciseCatalog.all {
      try FileManager.default.copyItem(
        at: SolutionsSupport.folder.appendingPathComponent("Answers/\(exercise.fileName)"),
        to: root.appendingPathComponent(exercise.path))
    }
    let list = SolutionsSupport.run([], in: root, grading: nil)
    #expect(list.code == 0, "\(list.error)")
    #expect(list.output.contains("  14 of 14 done"), "\(list.output)")
    #expect(ExerciseProgress.load(from: root).passed == Array(1...14))
    let check = SolutionsSupport.run(["check", "14"], in: root, grading: nil)
    #expect(check.code == 0)
    #expect(check.output.contains("✓ gradient check passes"))
  }
}
