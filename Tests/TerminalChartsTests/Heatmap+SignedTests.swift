import Testing

@testable import TerminalCharts

/// Signed heatmaps: each cell its sign and its size, blank near 0, in both repertoires.
@Suite struct HeatmapSignedTests {
  let grid: [[Double]] = [[0, 0.5], [-1, 0.25]]

  @Test func goldenUnicode() {
    #expect(
      Heatmap.renderSigned(grid, width: 60, style: .unicode) == [
        "   0  1",
        "0 │   +▒▒│",
        "1 │−██+░░│",
        "+ above 0, − below 0, blank near 0",
        "size: [░] 0.25  [▒] 0.50  [▓] 0.75  [█] 1.00",
      ])
  }

  @Test func goldenASCII() {
    let lines = Heatmap.renderSigned(grid, title: "dL/dM", width: 60, style: .ascii)
    #expect(
      lines == [
        "dL/dM",
        "   0  1",
        "0 |   +::|",
        "1 |-##+..|",
        "+ above 0, - below 0, blank near 0",
        "size: [.] 0.25  [:] 0.50  [*] 0.75  [#] 1.00",
      ])
    #expect(lines.joined().unicodeScalars.allSatisfy { $0.isASCII })
  }

  /// The sign follows the value and the shade its size, the same for both signs.
  @Test(
    arguments: [
      (0.0, "   "), (0.1, "   "), (0.2, "+░░"), (-0.2, "−░░"), (0.4, "+▒▒"), (-0.7, "−▓▓"), (0.9, "+██"),
      (-3.0, "−██"), (Double.infinity, "+██"), (-Double.infinity, "−██"), (Double.nan, "???"),
    ] as [(Double, String)])
  func cellShowsSignAndSize(value: Double, cell: String) {
    #expect(Heatmap.signedCell(value, extent: 1, cellWidth: 3, glyphs: .unicode) == cell)
  }

  @Test func aGivenExtentSetsTheScale() {
    let lines = Heatmap.renderSigned([[1, -1]], extent: 4, width: 60, decimals: 0, style: .unicode)
    #expect(lines[1] == "0 │+░░−░░│")
    #expect(lines.last == "size: [░] 1  [▒] 2  [▓] 3  [█] 4")
  }

  @Test func allZeroDrawsBlankCells() {
    #expect(Heatmap.renderSigned([[0, 0]], width: 40, style: .ascii) == ["   0  1", "0 |      |", "all 0"])
  }

  @Test func narrowWidthUsesTheShortLegend() {
    #expect(Heatmap.renderSigned(grid, width: 30, style: .unicode).last == "size: 0 [ ░▒▓█] 1.00")
  }

  @Test func cellsShrinkToTwoColumnsThenToTheSignAlone() {
    let row: [[Double]] = [[1, -1, 0, 0.5, -0.5, 1, -1, 0.1]]
    // 8 cells of 3 columns need 24 + 4 columns.
    #expect(Heatmap.renderSigned(row, width: 28, style: .ascii)[1] == "0 |+##-##   +::-::+##-##   |")
    #expect(Heatmap.renderSigned(row, width: 27, style: .ascii)[1] == "0 |+#-#  +:-:+#-#  |")
    let signs = Heatmap.renderSigned(row, width: 19, style: .ascii)
    #expect(signs[1] == "0 |+- +-+- |")
    #expect(signs.suffix(2) == ["+ > 0, - < 0", "blank < 0.12"])
  }

  @Test func tooManyColumnsShowsTheFirstAndSaysSo() {
    let row = (0..<30).map { $0 % 2 == 0 ? 1.0 : -1.0 }
    let lines = Heatmap.renderSigned([row], width: 20, style: .ascii)
    #expect(lines[1] == "0 |+-+-+-+-+-+-+-+-|")
    #expect(lines.last == "(14 more columns)")
  }

  @Test func nanIsMarkedAndNamed() {
    let lines = Heatmap.renderSigned([[1, .nan], [-1]], width: 60, style: .unicode)
    #expect(lines[1] == "0 │+██???│")
    #expect(lines[2] == "1 │−██???│")
    #expect(lines.last!.hasSuffix("  [?] nan"))
  }

  @Test func emptyMatrix() {
    #expect(Heatmap.renderSigned([], width: 40, style: .unicode) == ["(empty)"])
  }

  @Test(arguments: [8, 13, 20, 33, 60, 80])
  func everyLineFitsTheWidth(width: Int) {
    var generator = SeededGenerator(seed: UInt64(width))
    let rows = (0..<9).map { _ in (0..<17).map { _ in generator.awkwardDouble() } }
    for style in [TextStyle.unicode, .ascii] {
      for line in Heatmap.renderSigned(rows, title: "a long title for the gradient", width: width, style: style) {
        #expect(TextWidth.of(line) <= width, "\(line)")
      }
    }
  }
}
