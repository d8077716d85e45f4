import NTM
import Testing

/// Every input of every stage, through the generic checker, over shapes from one row to the
/// paper's 128 × 20 memory and several seeds.
struct OperationChecksTests {
  /// The paper's memory: its checks difference each of its N × W entries through every stage
  /// that reads the memory, so it is checked once per shift range, each range with its own
  /// seed, rather than under every seed.
  static let paperRows = 128
  static let paperWidth = 20

  static let cases: [(shape: OperationChecks.Shape, seed: UInt64)] = [1, 2, 5, 16, 128].flatMap { rows in
    [1, 3, 20].flatMap { width in
      [0, 1, 2].flatMap { range -> [(shape: OperationChecks.Shape, seed: UInt64)] in
        guard 2 * range + 1 <= rows else { return [] }
        let shape = OperationChecks.Shape(rows: rows, width: width, shiftRange: range)
        if rows == paperRows && width == paperWidth { return [(shape, UInt64(range + 1))] }
        return [1, 2, 3].map { (shape, UInt64($0)) }
      }
    }
  }

  @Test(arguments: 0..<cases.count)
  func everyOperationPassesItsGradientCheck(index: Int) {
    let (shape, seed) = Self.cases[index]
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
