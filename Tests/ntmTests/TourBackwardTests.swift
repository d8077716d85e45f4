import Foundation
import NTM
import TerminalCharts
import Testing

@testable import ntm

/// The tour's backward pages: the REPL's backward walk from the target row on the tour's
/// state, every gradient shown checked, pinned at 60 columns (80 is in the whole tour's golden).
@Suite struct TourBackwardTests {
  static let pages = Array(TourPages.all(canvas: Fixtures.unicode).suffix(3))
  static let walk = TourPages.backwardWalk(.builtIn)

  /// The three pages after the gradient check, as `ntm tour` prints them at `columns`.
  static func printed(columns: Int, locale: String) -> String {
    let output = runNTM(["tour", "--no-pause"], environment: ["LANG": locale, "COLUMNS": String(columns)]).output
    let rule = locale == "C" ? "-- 10/12  " : "── 10/12  "
    guard let start = output.range(of: rule) else { return "" }
    return String(output[start.lowerBound...])
  }

  @Test func goldenAtSixtyColumns() {
    PlaygroundGolden.check(Self.printed(columns: 60, locale: "en_US.UTF-8"), PlaygroundGolden.tourBackward60, name: "tourBackward60")
    PlaygroundGolden.check(Self.printed(columns: 60, locale: "C"), PlaygroundGolden.tourBackward60ASCII, name: "tourBackward60ASCII")
  }

  @Test func theyFollowTheForwardPages() {
    #expect(
      Self.pages.map(\.title) == [
        "The gradient flows back", "The gradient flows back: g and β", "The gradient flows back: k and M",
      ])
    #expect(TourPages.all(canvas: Fixtures.unicode)[8].title == "Checking a gradient")
  }

  /// Every gradient the pages show agrees with its centred difference to 1e-7, and the page
  /// prints both numbers as the walk computed them.
  @Test func everyAnalyticGradientShownAgreesWithItsCentredDifference() {
    let lines = Self.pages.flatMap(\.lines)
    let checks = TourPages.shownChecks(Self.walk)
    #expect(checks.count == 1 + 3 + 2 + 4 + 1)
    for check in checks {
      #expect(!check.oneSided, "\(check.name)")
      #expect(check.relativeError <= GradientChecker.goodTolerance, "\(check.name): \(check.analytic) vs \(check.numeric)")
      let row = lines.first { $0.hasPrefix(check.name + " ") }
      #expect(row != nil, "\(check.name) is not shown")
      let numbers = row.map { $0.split(separator: " ").dropFirst().prefix(2).compactMap { Double($0) } } ?? []
      #expect(numbers == [check.analytic, check.numeric].map { Double(NumberFormat.fixed($0, decimals: 6))! }, "\(check.name)")
    }
    // Every check table row on the pages is one of the walk's checks.
    let tableRows = lines.filter { $0.hasPrefix("∂L/∂") && $0.contains("  < 1e-") }
    #expect(tableRows.count == checks.count)
  }

  /// The gradients arriving at each stage's output are the walk's, in the order they flow.
  @Test func theGradientArrivingAtEachStageIsTheWalks() {
    let walk = Self.walk
    let arriving = [walk.atWeighting, walk.atShifted, walk.atInterpolated, walk.atContent, walk.atSimilarity]
    // A bar line: a row number, the axis (bars may grow left of it), the number last. The
    // heatmap's rows end in the axis instead.
    let shown = Self.pages.flatMap(\.lines).filter { line in
      line.contains("│") && line.split(separator: " ").first.flatMap { Int($0) } != nil
    }.compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
    #expect(shown.count == arriving.count * 8)
    for (value, printed) in zip(arriving.joined(), shown) {
      #expect(abs(printed - value) <= 0.0005 + 1e-12, "\(printed) vs \(value)")
    }
  }

  /// The chain rule the middle page prints holds for the numbers it shows.
  @Test func theChainRuleShownHolds() {
    let state = PlaygroundState.builtIn
    let trace = state.trace
    let walk = Self.walk
    let sum = (0..<state.rows).reduce(0.0) {
      $0 + walk.atInterpolated[$1] * (trace.content[$1] - state.previousWeighting[$1])
    }
    #expect(abs(sum - walk.gate.analytic) <= 1e-12 * max(1, abs(sum)))
    #expect(Self.pages[1].lines.contains("  " + TourPages.chainRule))
  }

  /// The notice names the steepest setting and which way to move it; the loss is the walk's.
  @Test func theNoticeSaysWhichSettingToChange() {
    let walk = Self.walk
    let settings = [walk.sharpening, walk.gate, walk.keyStrength] + walk.shift + walk.key
    let top = settings.max { abs($0.analytic) < abs($1.analytic) }!
    let text = Self.pages[2].lines.joined(separator: " ")
    #expect(top.name == "∂L/∂s(-1)" && top.analytic < 0)
    #expect(text.contains("\(top.name) = \(NumberFormat.fixed(top.analytic, decimals: 3)) is the steepest, so raising s(-1)"))
    #expect(text.contains("'target row 5'") && text.contains("'backward'") && text.contains("'descend'"))
    #expect(text.contains("They may differ at a kink"))
    let first = Self.pages[0].lines.joined(separator: " ")
    #expect(first.contains("so L = \(NumberFormat.fixed(walk.loss, decimals: 3))"))
    // Each stage's sentence says which way to move its setting.
    #expect(first.contains("∂L/∂γ > 0: lowering γ would lower L."))
    #expect(Self.pages[1].lines.contains("∂L/∂g > 0: lowering g would lower L."))
  }

  /// The memory's gradient is drawn as the REPL draws it, signed.
  @Test func theMemoryGradientIsASignedHeatmap() {
    let lines = Self.pages[2].lines
    #expect(lines.contains("+ above 0, − below 0, blank near 0"))
    #expect(lines.contains { $0.hasPrefix("5 │") && $0.contains("−██") })
  }
}
