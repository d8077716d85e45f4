import TerminalCharts
import Testing

/// Negative values draw left of the axis, on the scale of the positive ones.
@Suite struct BarChartSignedTests {
  @Test(
    arguments: [
      (-0.5, "████", "####"),
      (-0.5625, "▐████", "+####"),
      (-1.0, "████████", "########"),
      (-1.0 / 64, "", ""),
      (0.0, "", ""),
      (0.5, "", ""),
      (Double.nan, "", ""),
      (-Double.infinity, "", ""),
      (-2.0, "████████", "########"),
    ] as [(Double, String, String)])
  func negativeBarInEightCells(value: Double, unicode: String, ascii: String) {
    #expect(BarChart.negativeBar(value, extent: 1, cells: 8, glyphs: .unicode) == unicode)
    #expect(BarChart.negativeBar(value, extent: 1, cells: 8, glyphs: .ascii) == ascii)
  }

  @Test func aNegativeValueDrawsLeftOfTheAxisOnTheSameScale() {
    let lines = BarChart.render([1, -0.5, 0], maximum: 1, width: 19, style: .unicode)
    #expect(
      lines == [
        "0    │██████  1.000",
        "1 ███│       -0.500",
        "2    │        0.000",
      ])
  }

  @Test func aChartWithoutNegativesKeepsItsAxisOnTheLeft() {
    let lines = BarChart.render([1, 0], maximum: 1, width: 14, style: .ascii)
    #expect(lines == ["0 |##### 1.000", "1 |      0.000"])
  }

  @Test func sideBySideDrawsNegativesInEveryColumn() {
    let lines = BarChart.sideBySide(
      [BarSeries("K", [-0.5, 1]), BarSeries("w", [0.25, 0.75])], maximum: 1, width: 40, style: .ascii)
    #expect(lines.count == 3)
    // Every column has its axis at the same place on every row.
    let axes = lines.dropFirst().map { line in line.indices.filter { line[$0] == "|" }.map { line.distance(from: line.startIndex, to: $0) }
    }
    #expect(Set(axes).count == 1)
    #expect(lines[1].contains("#|"), "the negative bar touches the axis from the left: \(lines[1])")
    #expect(!lines[2].contains("#|"), "a positive value draws nothing left of the axis: \(lines[2])")
  }

  @Test func onlyNegativeValuesUseTheWholeArea() {
    let lines = BarChart.render([-1, -0.5], width: 14, style: .ascii)
    #expect(lines.first?.contains("|") == true)
    #expect(lines.allSatisfy { $0.count <= 14 })
  }
}
