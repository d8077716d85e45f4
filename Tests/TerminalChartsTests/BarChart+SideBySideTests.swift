import TerminalCharts
import Testing

@Suite struct BarChartSideBySideTests {
  @Test func goldenUnicode() {
    let lines = BarChart.sideBySide(
      [BarSeries("β = 1", [1, 0.5]), BarSeries("β = 20", [0.25, 0])],
      maximum: 1, width: 26, style: .unicode)
    #expect(
      lines == [
        "  β = 1        β = 20",
        "0 │████ 1.000  │█    0.250",
        "1 │██   0.500  │     0.000",
      ])
  }

  @Test func goldenASCIISharedScaleAndShortSeries() {
    // No maximum: the scale is the largest value of all series (4), so 2 is half a bar.
    let lines = BarChart.sideBySide(
      [BarSeries("a", [2, 1]), BarSeries("b", [4])], labels: ["x", "y"], width: 24,
      decimals: 1, style: .ascii)
    // 24 = 1 + 1 + 2 * (2 + 3) + 2 → 10 left for 2 bars of 5 cells
    #expect(
      lines == [
        "  a           b",
        "x |##+   2.0  |##### 4.0",
        "y |#     1.0",
      ])
  }

  @Test func titlesAreCutToTheirColumn() {
    let lines = BarChart.sideBySide(
      [BarSeries("a very long title", [1]), BarSeries("b", [1])], width: 24, decimals: 0,
      style: .unicode)
    #expect(lines[0] == "  a very lo…  b")
  }

  @Test func nothingToDraw() {
    #expect(BarChart.sideBySide([], width: 40, style: .unicode) == [])
    #expect(BarChart.sideBySide([BarSeries("a", [])], width: 40, style: .unicode) == [])
  }

  @Test(arguments: propertySeeds)
  func linesFitAndASCIIStaysASCII(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let width = Int.random(in: 20...200, using: &generator)
    let series = (0..<Int.random(in: 1...5, using: &generator)).map { _ in
      BarSeries(generator.label(), generator.awkwardDoubles(Int.random(in: 0...12, using: &generator)))
    }
    let maximum: Double? = Bool.random(using: &generator) ? nil : 1
    for style in [TextStyle.unicode, .ascii] {
      let lines = BarChart.sideBySide(series, maximum: maximum, width: width, style: style)
      #expect(allFit(lines, width: width), "width \(width): \(lines)")
      if style == .ascii {
        let untitled = series.map { BarSeries("t", $0.values) }
        let plain = BarChart.sideBySide(untitled, maximum: maximum, width: width, style: style)
        #expect(plain.allSatisfy(isASCII), "\(plain)")
      }
    }
  }
}
