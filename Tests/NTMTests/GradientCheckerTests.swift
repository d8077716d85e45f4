import NTM
import Testing

/// The checker itself: it must fail a wrong gradient, name the worst element, and pass a
/// right one.
struct GradientCheckerTests {
  /// `f(x) = x² ⊙ (1, 2, 3)` elementwise, with a backward that can be broken on purpose.
  static func check(breaking brokenIndex: Int?, by amount: Double = 0) -> GradientChecker.Report {
    var generator = SplitMix64(seed: 9)
    let scale = [1.0, 2, 3, 4, 5, 6]
    return GradientChecker().check(
      operation: "scaled square", inputs: [.init("x", shape: [2, 3], values: [0.3, -1.2, 2, 0.7, -0.4, 1.1])],
      using: &generator, evaluate: { v in v[0].indices.map { scale[$0] * v[0][$0] * v[0][$0] } },
      gradient: { v, g in
        var d = v[0].indices.map { 2 * scale[$0] * v[0][$0] * g[$0] }
        if let brokenIndex { d[brokenIndex] *= 1 + amount }
        return [d]
      })
  }

  @Test func aRightGradientPasses() {
    let report = Self.check(breaking: nil)
    #expect(report.worstRelativeError <= GradientChecker.goodTolerance)
    #expect(report.passes())
  }

  @Test(arguments: [1e-6, 1e-3, 1.0])
  func aWrongGradientFailsAndItsElementIsNamed(amount: Double) {
    let report = Self.check(breaking: 4, by: amount)
    #expect(!report.passes())
    #expect(report.worst?.worstElement == "x[1, 1]")
    #expect(report.worst?.worstIndex == 4)
    #expect(abs(report.worstRelativeError - amount / (1 + amount)) < 1e-6 * amount + 1e-9)
  }

  @Test func aMissingTermInARealBackwardIsCaught() {
    // Sharpening's ∂γ without the log term's weighting: a plausible slip.
    var generator = SplitMix64(seed: 3)
    let w = Softmax.forward(.init(scores: generator.normals(6))).output
    let report = GradientChecker().check(
      operation: "sharpening", inputs: [.init("w", w), .init("γ", scalar: 2.5)], using: &generator,
      evaluate: { Sharpening.forward(.init(weighting: $0[0], sharpening: $0[1][0])).output },
      gradient: { v, g in
        var d = Sharpening.backward(g, Sharpening.forward(.init(weighting: v[0], sharpening: v[1][0])).cache)
        d.weighting = d.weighting.map { $0 / v[1][0] }  // forgets the factor γ
        return [d.weighting, [d.sharpening]]
      })
    #expect(!report.passes())
    #expect(report.worst?.name == "w")
    #expect(report.inputs[1].relativeError <= GradientChecker.goodTolerance)
  }

  @Test func aNaNGradientFails() {
    var generator = SplitMix64(seed: 1)
    let report = GradientChecker().check(
      operation: "nan", inputs: [.init("x", [1, 2])], using: &generator, evaluate: { $0[0] },
      gradient: { _, g in [[g[0], .nan]] })
    #expect(!report.passes())
    #expect(report.worst?.worstElement == "x[1]")
  }

  @Test func relativeErrorFollowsCS231n() {
    #expect(GradientChecker.relativeError(analytic: 1, numeric: 1.5) == 0.5 / 1.5)
    #expect(GradientChecker.relativeError(analytic: -2, numeric: 2) == 2)
    #expect(GradientChecker.relativeError(analytic: 1e-12, numeric: -1e-12) == 0)
    #expect(GradientChecker.relativeError(analytic: 0, numeric: 1e-6) == 1)
  }

  @Test func verdictsFollowCS231nTiers() {
    #expect(GradientChecker.Verdict(relativeError: 1e-9) == .good)
    #expect(GradientChecker.Verdict(relativeError: 1e-5) == .doubtful)
    #expect(GradientChecker.Verdict(relativeError: 1e-2) == .wrong)
    #expect(GradientChecker.Verdict(relativeError: .nan) == .wrong)
  }

  @Test func scalarInputsHaveNoPosition() {
    var generator = SplitMix64(seed: 1)
    let report = GradientChecker().check(
      operation: "square", inputs: [.init("β", scalar: 3)], using: &generator,
      evaluate: { [$0[0][0] * $0[0][0]] }, gradient: { v, g in [[2 * v[0][0] * g[0]]] })
    #expect(report.worst?.worstElement == "β")
    #expect(report.passes())
  }
}
