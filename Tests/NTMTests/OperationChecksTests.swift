import NTM
import Testing

/// Every input of every core operation, over the shapes and several seeds.
struct OperationChecksTests {
  static let shapes: [OperationChecks.Shape] = [1, 2, 5, 16, 128].flatMap { rows in
    [1, 3, 20].flatMap { width in
      [0, 1, 2].compactMap { range in
        2 * range + 1 <= rows ? OperationChecks.Shape(rows: rows, width: width, shiftRange: range) : nil
      }
    }
  }

  @Test(arguments: shapes, [UInt64(1), 2, 3])
  func everyOperationPassesItsGradientCheck(shape: OperationChecks.Shape, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let reports = OperationChecks.all(shape: shape, using: &generator)
    #expect(reports.map(\.operation) == OperationChecks.names)
    for report in reports {
      let worst = report.worst!
      #expect(
        report.worstRelativeError <= GradientChecker.goodTolerance,
        "\(report.operation) at \(shape), seed \(seed): \(worst.worstElement) analytic \(worst.analytic) numeric \(worst.numeric)"
      )
    }
  }
}
