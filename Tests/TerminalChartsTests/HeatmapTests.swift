import Testing

@testable import TerminalCharts

@Suite struct HeatmapTests {
  let grid: [[Double]] = [[0, 0.25], [0.5, 1]]

  @Test func goldenUnicode() {
    #expect(
      Heatmap.render(grid, width: 60, style: .unicode) == [
        "   0 1",
        "0 │  ░░│",
        "1 │▒▒██│",
        "[ ] 0.00  [░] 0.25  [▒] 0.50  [▓] 0.75  [█] 1.00",
      ])
  }

  @Test func goldenASCII() {
    #expect(
      Heatmap.render(grid, title: "memory", width: 60, style: .ascii) == [
        "memory",
        "   0 1",
        "0 |  ..|",
        "1 |::##|",
        "[ ] 0.00  [.] 0.25  [:] 0.50  [*] 0.75  [#] 1.00",
      ])
  }

  @Test func narrowWidthUsesTheShortLegend() {
    #expect(Heatmap.render(grid, width: 30, style: .unicode).last == "0.00 [ ░▒▓█] 1.00")
  }

  @Test func givenRangeAndOneColumnCells() {
    #expect(
      Heatmap.render(
        [[-1, 0, 1, 2]], minimum: -1, maximum: 1, width: 50, cellWidth: 1, decimals: 1,
        style: .unicode) == [
          "   0 2",  // single-column cells leave no room for a number over every column
          "0 │ ▒██│",
          "[ ] -1.0  [░] -0.5  [▒] 0.0  [▓] 0.5  [█] 1.0",
        ])
  }

  @Test func oneByOneIsFlat() {
    #expect(
      Heatmap.render([[0.5]], title: "M", width: 20, style: .unicode) == [
        "M", "   0", "0 │▒▒│", "[▒] all 0.50",
      ])
  }

  @Test func nanRaggedRowsAndLabels() {
    #expect(
      Heatmap.render(
        [[1, 0], [.nan]], rowLabels: ["a", "bb"], width: 40, style: .unicode) == [
          "    0 1",
          " a │██  │",
          "bb │????│",
          "0.00 [ ░▒▓█] 1.00  [?] nan",
        ])
  }

  @Test func empty() {
    #expect(Heatmap.render([], width: 40, style: .unicode) == ["(empty)"])
    #expect(Heatmap.render([[], []], title: "T", width: 40, style: .unicode) == ["T", "(empty)"])
  }

  @Test func tooManyColumnsShowsTheFirstAndSaysSo() {
    let row = (0..<30).map { Double($0 % 2) }
    let lines = Heatmap.render([row], width: 20, style: .ascii)
    // 20 columns: label 1, " |", 16 cells of 1 column, "|".
    #expect(
      lines == [
        "   0    5    10   15",
        "0 | # # # # # # # #|",
        "0.00 [ .:*#] 1.00",
        "(14 more columns)",
      ])
  }

  @Test(arguments: [
    (4, 2, "0 1 2 3"),
    (12, 2, "0   2   4   6   8   10"),
    (30, 1, "0    5    10   15   20   25"),
    (1, 2, "0"),
  ])
  func columnNumbers(count: Int, cellWidth: Int, expected: String) {
    #expect(TextWidth.trimTrailing(Heatmap.columnNumbers(count, cellWidth: cellWidth)) == expected)
  }

  @Test func columnNumbersForHundredsStepByTwenty() {
    // Three digits and a space need 4 columns: steps 1 and 2 are too close, 5 is enough.
    let text = Heatmap.columnNumbers(120, cellWidth: 1)
    #expect(text.hasPrefix("0    5    10   15"))
    #expect(text.contains("100  105  110  115"))
  }

  @Test(arguments: propertySeeds)
  func linesFitAndASCIIStaysASCII(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let width = Int.random(in: 20...200, using: &generator)
    let rowCount = Int.random(in: 0...12, using: &generator)
    let columnCount = Int.random(in: 0...250, using: &generator)
    let rows = (0..<rowCount).map { _ in generator.awkwardDoubles(columnCount) }
    let labels = (0..<rowCount).map { _ in generator.label() }
    for style in [TextStyle.unicode, .ascii] {
      let lines = Heatmap.render(
        rows, rowLabels: labels, title: generator.label(), width: width, style: style)
      #expect(allFit(lines, width: width), "width \(width): \(lines)")
      if style == .ascii {
        let plain = Heatmap.render(rows, width: width, decimals: 3, style: style)
        #expect(plain.allSatisfy(isASCII), "\(plain)")
      }
    }
  }
}

/// A window into a longer matrix numbers its columns from where it starts.
@Suite struct HeatmapWindowTests {
  @Test func columnNumbersCountFromTheFirstColumn() {
    #expect(Heatmap.columnNumbers(10, cellWidth: 1, first: 70).hasPrefix("70   75"))
    #expect(Heatmap.columnNumbers(6, cellWidth: 1, first: 9).hasPrefix(" 10"))
    #expect(Heatmap.columnNumbers(6, cellWidth: 1) == Heatmap.columnNumbers(6, cellWidth: 1, first: 0))
    let lines = Heatmap.render([[0, 1, 0, 1, 0, 1]], width: 40, cellWidth: 1, style: .unicode, firstColumn: 68)
    #expect(lines[0] == "     70", "label, space, axis, then the third column, step 70")
  }
}
