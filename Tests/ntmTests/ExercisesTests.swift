import Foundation
import Testing

@testable import ntm

/// The exercises' checks: a correct answer passes, a starter is "not done", a wrong answer is
/// named down to its element.
struct ExercisesTests {
  static let numbers = ExerciseCatalog.all.map(\.number)

  /// Functions that all answer nil, as every starter does.
  static let nothing = ExerciseFunctions(
    cosineSimilarity: { _, _ in nil }, softmax: { _ in nil }, softmaxBackward: { _, _ in nil },
    cosineSimilarityBackward: { _, _, _ in nil }, contentAddressingBackward: { _, _, _, _, _, _ in nil },
    interpolationBackward: { _, _, _, _ in nil }, shift: { _, _ in nil }, shiftBackward: { _, _, _ in nil },
    sharpen: { _, _ in nil }, sharpenBackward: { _, _, _, _ in nil }, readBackward: { _, _, _ in nil },
    write: { _, _, _, _ in nil }, writeBackward: { _, _, _, _, _ in nil },
    readHeadStepBackward: { _, _, _, _, _, _ in nil })

  @Test func thereAreAtLeastTenExercisesNumberedInOrder() {
    #expect(ExerciseCatalog.all.count >= 10)
    #expect(Self.numbers == Array(1...ExerciseCatalog.all.count))
    for exercise in ExerciseCatalog.all {
      #expect(!exercise.hints.isEmpty && !exercise.equation.isEmpty && !exercise.title.isEmpty)
    }
  }

  @Test(arguments: numbers)
  func aFunctionThatAnswersNilIsNotDone(_ number: Int) {
    #expect(ExerciseCatalog.exercise(number)!.grade(Self.nothing) == .notDone)
  }

  /// The package's own folder, where the committed starters are.
  static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Whether the package is a git checkout, where the starters are read from.
  static let isCheckout = (try? StarterFile.git(["rev-parse", "HEAD"], root: packageRoot, exercise: ExerciseCatalog.all[0])) != nil

  @Test(.enabled(if: isCheckout), arguments: numbers)
  func eachCommittedStarterIsTheExercisesFileWithItsTitle(_ number: Int) throws {
    let exercise = ExerciseCatalog.exercise(number)!
    let text = try StarterFile.committed(exercise, root: Self.packageRoot)
    #expect(text.hasPrefix("// Exercise \(number) — \(exercise.title)"))
    #expect(text.contains(StarterFile.marker))
    #expect(text.contains("enum Exercise" + (number < 10 ? "0" : "") + "\(number)"))
    #expect(!text.contains("import NTM"))
  }

  @Test func theExercisesAFunctionUsesComeBeforeIt() {
    for exercise in ExerciseCatalog.all {
      #expect(exercise.uses.allSatisfy { $0.number < exercise.number }, "exercise \(exercise.number)")
    }
    #expect(ExerciseCatalog.exercise(10)!.uses == [.init(number: 3, what: "softmax backward")])
  }

  @Test func theGradientCheckCatchesABackwardThatIsNotTheForwardsGradient() {
    var grader = Grader()
    #expect(throws: Grader.Mismatch.self) {
      try grader.gradientCheck(
        "double", inputs: [.init("x", [1, 2, 3])], seed: 1, evaluate: { $0[0].map { 2 * $0 } },
        gradient: { _, g in [g.map { 3 * $0 }] })
    }
    do {
      try grader.gradientCheck(
        "double", inputs: [.init("x", [1, 2, 3])], seed: 1, evaluate: { $0[0].map { 2 * $0 } },
        gradient: { _, g in [g.map { 3 * $0 }] })
    } catch let mismatch as Grader.Mismatch {
      #expect(mismatch.message.hasPrefix("gradient check: dx["))
      #expect(mismatch.message.contains("numeric differences say"))
    } catch {}
    try? grader.gradientCheck(
      "double", inputs: [.init("x", [1, 2, 3])], seed: 1, evaluate: { $0[0].map { 2 * $0 } },
      gradient: { _, g in [g.map { 2 * $0 }] })
    #expect(grader.passed.count == 1)
  }

  @Test func aBackwardOfTheWrongShapeInTheGradientCheckFailsWithoutCrashing() {
    var grader = Grader()
    #expect(throws: Grader.Mismatch(message: "gradient check: dx was missing or the wrong size for another output gradient.")) {
      try grader.gradientCheck(
        "double", inputs: [.init("x", [1, 2, 3])], seed: 1, evaluate: { $0[0].map { 2 * $0 } },
        gradient: { _, g in [Array(g.dropLast())] })
    }
  }

  @Test func numbersAreFormattedForReading() {
    #expect(Grader.format(0.41372) == "0.4137")
    #expect(Grader.format(0) == "0.0000")
    #expect(Grader.format(2.5e-7) == "2.500e-07")
    #expect(Grader.format(.nan) == "nan")
    #expect(Grader.elementName("dM", index: 7, shape: [5, 3]) == "dM[2, 1]")
    #expect(Grader.elementName("dβ", index: 0, shape: []) == "dβ")
  }
}
