import Foundation
import Testing

@testable import ntm

/// The exercises' checks on the reference solutions: each passes, and a wrong answer made
/// from one is named down to its element.
struct ReferenceSolutionTests {
  static let numbers = ExerciseCatalog.all.map(\.number)

  @Test(arguments: numbers)
  func theReferenceSolutionPasses(_ number: Int) {
    let outcome = ExerciseCatalog.exercise(number)!.grade(ExerciseSolutions.all)
    guard case .passed(let lines) = outcome else {
      Issue.record("exercise \(number): \(outcome)")
      return
    }
    #expect(!lines.isEmpty)
  }

  static func failure(_ number: Int, _ functions: ExerciseFunctions) -> String {
    guard case .failed(let message, _) = ExerciseCatalog.exercise(number)!.grade(functions) else { return "" }
    return message
  }

  @Test func aWrongBackwardIsNamedDownToItsElement() {
    var wrong = ExerciseSolutions.all
    // Forgets to subtract Σ_j p_j G_j.
    wrong.softmaxBackward = { p, g in zip(p, g).map { $0 * $1 } }
    let message = Self.failure(3, wrong)
    #expect(message.hasPrefix("dz["))
    #expect(message.contains(" should be near "))
    #expect(message.contains("the library's Softmax.backward"))
  }

  @Test func aWrongSignInTheWriteIsNamed() {
    var wrong = ExerciseSolutions.all
    wrong.writeBackward = { m, w, e, a, g in
      let right = ExerciseSolutions.writeBackward(m, w, e, a, g)!
      return (right.memory, right.weighting, right.erase.map { -$0 }, right.add)
    }
    #expect(Self.failure(13, wrong).hasPrefix("de["))
  }

  @Test func aMatrixElementIsNamedByRowAndColumn() {
    var wrong = ExerciseSolutions.all
    wrong.readBackward = { m, w, g in
      var right = ExerciseSolutions.readBackward(m, w, g)!
      right.memory[2][1] = 0
      return right
    }
    let message = Self.failure(11, wrong)
    #expect(message.hasPrefix("dM[2, 1] is 0.0000, should be near "), "\(message)")
  }

  @Test func aNaiveSoftmaxFailsOnLargeScoresWithNaN() {
    var naive = ExerciseSolutions.all
    naive.softmax = { z in
      let e = z.map(exp)
      let sum = e.reduce(0, +)
      return e.map { $0 / sum }
    }
    let outcome = ExerciseCatalog.exercise(2)!.grade(naive)
    guard case .failed(let message, let passed) = outcome else {
      Issue.record("\(outcome)")
      return
    }
    #expect(passed.count == 1)
    #expect(message.hasPrefix("p (scores near 1000)[0] is nan"))
  }

  @Test func aMissingEpsilonFailsOnTheZeroRow() {
    var wrong = ExerciseSolutions.all
    wrong.cosineSimilarity = { k, m in
      m.map { ExerciseSolutions.dot(k, $0) / (ExerciseSolutions.norm(k) * ExerciseSolutions.norm($0)) }
    }
    #expect(Self.failure(1, wrong) == "K[3] is nan, should be near 0.0000 (the library's CosineSimilarity.forward).")
  }

  @Test func theWrongNumberOfEntriesIsSaid() {
    var short = ExerciseSolutions.all
    short.shift = { w, s in Array(ExerciseSolutions.shift(w, s)!.dropLast()) }
    #expect(Self.failure(7, short) == "w̃ has 4 numbers; it should have 5.")
  }
}
