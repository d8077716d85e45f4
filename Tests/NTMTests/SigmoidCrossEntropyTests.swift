import Foundation
import NTM
import Testing

@Suite struct SigmoidCrossEntropyTests {
  @Test(arguments: [-12.0, -3, -0.5, 0, 0.25, 2, 12])
  func stableFormEqualsTheDefinition(logit: Double) {
    for target in [0.0, 0.3, 1.0] {
      let y = 1 / (1 + exp(-logit))
      let naive = -target * log(y) - (1 - target) * log(1 - y)
      let stable = SigmoidCrossEntropy.loss(logit: logit, target: target)
      #expect(abs(stable - naive) <= 1e-9 * max(1, abs(naive)), "z = \(logit), t = \(target): \(stable) vs \(naive)")
    }
  }

  @Test func hugeLogitsStayFinite() {
    for z in [-1e300, -800, 800, 1e300] {
      for t in [0.0, 1.0] {
        let loss = SigmoidCrossEntropy.loss(logit: z, target: t)
        #expect(loss.isFinite && loss >= 0, "z = \(z), t = \(t): \(loss)")
      }
    }
    #expect(SigmoidCrossEntropy.loss(logit: 1e300, target: 1) == 0)
    // Far out, the loss is the straight line max(z, 0) − z t, which the naive form rounds away.
    #expect(SigmoidCrossEntropy.loss(logit: 40, target: 0) == 40)
    #expect(SigmoidCrossEntropy.loss(logit: -40, target: 1) == 40)
  }

  @Test func maskedStepsCountForNothing() {
    let logits = Matrix([[5, -5], [0.3, 0.1], [-2, 2]])
    let targets = Matrix([[0, 1], [1, 0], [0, 1]])
    let onlyMiddle = SigmoidCrossEntropy.forward(logits: logits, targets: targets, mask: [0, 1, 0])
    let middle = SigmoidCrossEntropy.loss(logit: 0.3, target: 1) + SigmoidCrossEntropy.loss(logit: 0.1, target: 0)
    #expect(onlyMiddle == middle)
    let gradient = SigmoidCrossEntropy.backward(logits: logits, targets: targets, mask: [0, 1, 0])
    #expect(gradient.row(0) == [0, 0] && gradient.row(2) == [0, 0])
  }

  @Test(arguments: [1 as UInt64, 2, 3])
  func backwardMatchesNumericDifferences(seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let (steps, channels) = (6, 4)
    let logits = generator.normals(steps * channels, standardDeviation: 3)
    let targets = Matrix(rows: steps, columns: channels, scalars: (0..<steps * channels).map { _ in generator.nextBit() })
    let mask: [Double] = [0, 0, 1, 1, 0.5, 1]
    let report = GradientChecker().check(
      operation: "sigmoid cross-entropy", inputs: [.init("logits", shape: [steps, channels], values: logits)],
      using: &generator,
      evaluate: {
        [SigmoidCrossEntropy.forward(logits: Matrix(rows: steps, columns: channels, scalars: $0[0]), targets: targets, mask: mask)]
      },
      gradient: { values, outputGradient in
        let g = SigmoidCrossEntropy.backward(
          logits: Matrix(rows: steps, columns: channels, scalars: values[0]), targets: targets, mask: mask)
        return [g.scalars.map { $0 * outputGradient[0] }]
      })
    let relativeError = report.worstRelativeError
    #expect(relativeError < 1e-7, "worst element \(report.worst?.worstElement ?? "")")
  }
}
