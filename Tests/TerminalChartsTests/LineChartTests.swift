import TerminalCharts
import Testing

@Suite struct LineChartTests {
  /// Two learning curves: one falls from 60 to 0 by 3,000 sequences, one levels out at 20 (they
  /// start at the same point, which shows as the mark of more than one).
  static let curves = [
    LineChart.Series("NTM", x: [0, 1_000, 2_000, 3_000, 4_000], y: [60, 30, 5, 0, 0]),
    LineChart.Series("LSTM", x: [0, 2_000, 4_000, 6_000, 8_000], y: [60, 40, 25, 20, 20]),
  ]

  @Test func twoCurvesWithTheirAxesAndLegend() {
    let lines = LineChart.render(
      Self.curves, width: 40, height: 7, xLabel: "sequences seen", yLabel: "cost (bits)", style: .unicode)
    #expect(
      lines.joined(separator: "\n") == """
        cost (bits)
        60 ┤◆○○
           │ ● ○○○○
        40 ┤  ●●   ○○○○○
           │    ●       ○○○○○○
        20 ┤     ●●           ○○○○○○○○○○○○○○○○○○
           │       ●●
         0 ┤         ●●●●●●●●●●
           └┬────────┬────────┬───────┬────────┬
            0       2k       4k      6k       8k
                       sequences seen
        ● NTM  ○ LSTM  ◆ more than one
        """)
  }

  @Test func asciiDrawsOnlyASCII() {
    let lines = LineChart.render(Self.curves, width: 40, height: 7, xLabel: "sequences seen", yLabel: "cost", style: .ascii)
    #expect(lines.allSatisfy { $0.unicodeScalars.allSatisfy { $0.isASCII } }, "\(lines)")
    #expect(lines.last == "* NTM  o LSTM  & more than one")
    #expect(lines.contains { $0.hasPrefix("60 +&") })
  }

  /// Every line fits the width asked for, the legend wrapping when its names are long.
  @Test(arguments: [60, 80])
  func fitsTheWidth(width: Int) {
    let long = (1...5).map { LineChart.Series("model \($0) with a long descriptive name", x: [0, 50_000], y: [Double($0), 0]) }
    for style in [TextStyle.unicode, .ascii] {
      let lines = LineChart.render(long, width: width, xLabel: "sequences seen", yLabel: "cost per sequence (bits)", style: style)
      #expect(lines.allSatisfy { TextWidth.of($0) <= width }, "\(lines)")
      #expect(lines.count == 1 + LineChart.defaultHeight + 3 + (width == 60 ? 5 : 3), "\(lines)")
    }
  }

  /// A straight line between two distant points: one mark in every column between them.
  @Test func pointsAreJoinedColumnByColumn() {
    let lines = LineChart.render([.init("a", x: [0, 100], y: [0, 100])], width: 30, height: 5, style: .unicode)
    let plot = lines.prefix(5).map { $0.split(separator: "┤", maxSplits: 1).last.map(String.init) ?? "" }
    #expect(plot.joined().filter { $0 == "●" }.count == 30 - 5, "\(lines)")
  }

  @Test func nonFinitePointsAreSkippedAndNoPointsSayNoData() {
    let skipped = LineChart.render([.init("a", x: [0, .nan, 2], y: [1, 5, .infinity])], width: 30, height: 4, style: .unicode)
    #expect(skipped.dropLast().joined().filter { $0 == "●" }.count == 1, "one point drawn, and the legend")
    let empty = LineChart.render([.init("a", x: [], y: [])], width: 30, height: 4, style: .unicode)
    #expect(empty.contains { $0.hasSuffix("no data") }, "\(empty)")
    #expect(empty.last == "● a")
  }
}
