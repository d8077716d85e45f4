import Foundation
import NTM

/// One classroom exercise: what to write, the equation, hints revealed one at a time, the
/// exercises whose functions it calls, and the check that grades a learner's function. The
/// starter is the file itself, `Exercises/ExerciseNN.swift`.
struct Exercise: Sendable {
  /// Grades the functions it is given; returns false when the learner's function says it is
  /// not done yet (returns nil), throws `Grader.Mismatch` at the first wrong answer.
  typealias Check = @Sendable (_ functions: ExerciseFunctions, _ grader: inout Grader) throws -> Bool

  var number: Int
  var title: String
  /// The equation to implement, one or more lines.
  var equation: String
  var hints: [String]
  /// The earlier exercises whose functions this one is meant to call, with what each gives.
  var uses: [Use] = []
  var check: Check

  /// An earlier exercise whose function a later one calls: exercise 10 calls exercise 3's
  /// softmax backward.
  struct Use: Sendable, Equatable {
    var number: Int
    /// What it gives, as in "uses your softmax backward from exercise 3".
    var what: String
  }

  /// `Exercise03.swift`.
  var fileName: String { "Exercise" + (number < 10 ? "0" : "") + "\(number).swift" }
  /// Where the learner's file lives, from the package root.
  var path: String { LearnerProgram.folder + "/" + fileName }

  /// Grades `functions`.
  func grade(_ functions: ExerciseFunctions) -> Outcome {
    var grader = Grader()
    do {
      return try check(functions, &grader) ? .passed(grader.passed) : .notDone
    } catch let mismatch as Grader.Mismatch {
      return .failed(mismatch.message, passed: grader.passed)
    } catch {
      return .failed("\(error)", passed: grader.passed)
    }
  }

  /// The result of a check.
  enum Outcome: Codable, Equatable, Sendable {
    /// The function still returns nil.
    case notDone
    /// Every comparison passed; one line for each.
    case passed([String])
    /// The first comparison that failed, after the ones that passed.
    case failed(String, passed: [String])
    /// The learner's function stopped the program that graded it (an index out of range, a
    /// force-unwrapped nil): one line on how, from `LearnerProcess`.
    case crashed(String)
    /// The learner's function was still running after this many seconds and was stopped.
    case timedOut(Double)
    /// The learner's files do not build (or import the library): the compiler's first error.
    case doesNotCompile([String])
  }
}

/// Compares a learner's answers with the library's and runs the gradient checker on a
/// learner's backward pass, naming the element that is most wrong.
struct Grader {
  /// A wrong answer: one line naming the element, what it is and what it should be near.
  struct Mismatch: Error, Equatable {
    var message: String
  }

  /// A value passes when `|got − expected| ≤ tolerance · max(1, |expected|)`.
  static let tolerance = 1e-7

  /// One line per comparison that passed.
  private(set) var passed: [String] = []

  /// Compares `got` with `expected` element by element and names the worst: the first that
  /// is not finite, else the one furthest outside the tolerance. `shape` names positions:
  /// `[N, W]` gives `name[i, j]`, `[]` a scalar.
  mutating func values(
    _ name: String, _ got: [Double], _ expected: [Double], shape: [Int]? = nil, what: String
  ) throws {
    let shape = shape ?? [expected.count]
    guard got.count == expected.count else {
      throw Mismatch(message: "\(name) has \(got.count) numbers; it should have \(expected.count).")
    }
    var worst = -1
    var worstExcess = 0.0
    for index in expected.indices {
      let excess = abs(got[index] - expected[index]) / (Self.tolerance * max(1, abs(expected[index])))
      if !got[index].isFinite || excess > max(1, worstExcess) {
        worst = index
        worstExcess = got[index].isFinite ? excess : .infinity
        if !got[index].isFinite { break }
      }
    }
    if worst >= 0 {
      let element = Self.elementName(name, index: worst, shape: shape)
      throw Mismatch(
        message: "\(element) is \(Self.format(got[worst])), should be near \(Self.format(expected[worst])) (\(what)).")
    }
    let difference = zip(got, expected).map { abs($0 - $1) }.max() ?? 0
    passed.append("\(name) matches \(what) (largest difference \(Self.scientific(difference)))")
  }

  /// Compares rows with a matrix, checking the number of rows and of numbers in each.
  mutating func rows(_ name: String, _ got: [[Double]], _ expected: Matrix, what: String) throws {
    guard got.count == expected.rows else {
      throw Mismatch(message: "\(name) has \(got.count) rows; it should have \(expected.rows).")
    }
    if let bad = got.firstIndex(where: { $0.count != expected.columns }) {
      throw Mismatch(message: "row \(bad) of \(name) has \(got[bad].count) numbers; it should have \(expected.columns).")
    }
    try values(name, got.flatMap { $0 }, expected.scalars, shape: [expected.rows, expected.columns], what: what)
  }

  /// Runs the library's gradient checker on `gradient` (the learner's backward pass) against
  /// numeric differences of `evaluate` (the forward pass).
  mutating func gradientCheck(
    _ operation: String, inputs: [GradientChecker.Input], seed: UInt64,
    evaluate: ([[Double]]) -> [Double], gradient: ([[Double]], [Double]) -> [[Double]?]?
  ) throws {
    var generator = SplitMix64(seed: seed)
    var malformed: String?
    let report = GradientChecker().check(
      operation: operation, inputs: inputs, using: &generator, evaluate: evaluate,
      gradient: { point, outputGradient in
        let answer = gradient(point, outputGradient) ?? []
        // A function that answers nil or the wrong shape here gets zeros, and a clear failure.
        return inputs.enumerated().map { index, input in
          if index < answer.count, let values = answer[index], values.count == input.values.count { return values }
          malformed = malformed ?? "d\(input.name)"
          return [Double](repeating: 0, count: input.values.count)
        }
      })
    if let malformed {
      throw Mismatch(message: "gradient check: \(malformed) was missing or the wrong size for another output gradient.")
    }
    guard let worst = report.worst else { return }
    if !report.passes() {
      throw Mismatch(
        message: "gradient check: d\(worst.worstElement) is \(Self.format(worst.analytic)), numeric differences say "
          + "\(Self.format(worst.numeric)) (relative error \(Self.scientific(worst.relativeError))).")
    }
    passed.append(
      "gradient check passes (worst element d\(worst.worstElement), relative error \(Self.scientific(worst.relativeError)))")
  }

  /// `name[i]`, `name[i, j]`, or `name` for a scalar.
  static func elementName(_ name: String, index: Int, shape: [Int]) -> String {
    if shape.isEmpty { return name }
    var position = [Int](repeating: 0, count: shape.count)
    var remainder = index
    for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] > 0 {
      position[axis] = remainder % shape[axis]
      remainder /= shape[axis]
    }
    return "\(name)[\(position.map(String.init).joined(separator: ", "))]"
  }

  /// Four decimals for ordinary numbers, scientific notation for tiny or huge ones.
  static func format(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    if x == 0 || (abs(x) >= 1e-3 && abs(x) < 1e5) { return String(format: "%.4f", x) }
    return String(format: "%.3e", x)
  }

  static func scientific(_ x: Double) -> String {
    x == 0 ? "0" : String(format: "%.1e", x)
  }
}
