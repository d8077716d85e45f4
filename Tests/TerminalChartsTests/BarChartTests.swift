import TerminalCharts
import Testing

@Suite struct BarChartTests {
  @Test(
    arguments: [
      (0.5, "████", "####"),
      (0.5625, "████▌", "####+"),
      (1.0, "████████", "########"),
      (0.125, "█", "#"),
      (1.0 / 64, "▏", ""),
      (7.0 / 64, "▉", "+"),
      (3.0 / 64, "▍", ""),
      (0.0, "", ""),
      (-0.5, "", ""),
      (Double.nan, "", ""),
      (Double.infinity, "", ""),
      (2.0, "████████", "########"),
    ] as [(Double, String, String)])
  func barInEightCells(value: Double, unicode: String, ascii: String) {
    #expect(BarChart.bar(value, maximum: 1, cells: 8, glyphs: .unicode) == unicode)
    #expect(BarChart.bar(value, maximum: 1, cells: 8, glyphs: .ascii) == ascii)
  }

  @Test func barWithoutAUsableMaximumIsEmpty() {
    for maximum in [0, -1, Double.nan, Double.infinity] {
      #expect(BarChart.bar(0.5, maximum: maximum, cells: 8, glyphs: .unicode) == "")
    }
  }

  @Test func goldenUnicode() {
    let lines = BarChart.render([0.5, 0.5625, 0, 1], maximum: 1, width: 17, style: .unicode)
    #expect(
      lines == [
        "0 │████     0.500",
        "1 │████▌    0.562",
        "2 │         0.000",
        "3 │████████ 1.000",
      ])
  }

  @Test func goldenASCIIWithLabelsAndDecimals() {
    let lines = BarChart.render(
      [0.5, 0.5625, -0.25], labels: ["w(0)", "w(1)", "w(10)"], maximum: 1, width: 21,
      decimals: 2, style: .ascii)
    // 21 = label 5 + " " + 8 cells split by the axis (2 for −0.25, 6 for 1) + " " + number 5
    #expect(
      lines == [
        " w(0)   |###     0.50",
        " w(1)   |###     0.56",
        "w(10) ##|       -0.25",
      ])
  }

  @Test func scaleDefaultsToTheLargestFiniteValue() {
    let lines = BarChart.render(
      [2, 4, .nan, .infinity], width: 15, decimals: 1, style: .unicode)
    #expect(
      lines == [
        "0 │████     2.0",
        "1 │████████ 4.0",
        "2 │         nan",
        "3 │         inf",
      ])
  }

  @Test func longLabelsAreCut() {
    let lines = BarChart.render(
      [1], labels: [String(repeating: "x", count: 50)], width: 30,
      style: .unicode)
    #expect(lines == ["xxxxxxxxx… │████████████ 1.000"])
    #expect(TextWidth.of(lines[0]) == 30)
  }

  @Test func emptyAndMissingLabels() {
    #expect(BarChart.render([], width: 40, style: .unicode) == [])
    let lines = BarChart.render([1, 1], labels: ["a"], width: 12, decimals: 0, style: .ascii)
    #expect(lines == ["a |####### 1", "  |####### 1"])
  }

  @Test(arguments: propertySeeds)
  func linesFitAndASCIIStaysASCII(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let width = Int.random(in: 20...200, using: &generator)
    let count = Int.random(in: 0...20, using: &generator)
    let values = generator.awkwardDoubles(count)
    let labels = (0..<count).map { _ in generator.label() }
    let maximum: Double? = Bool.random(using: &generator) ? nil : generator.awkwardDouble()
    for style in [TextStyle.unicode, .ascii] {
      let lines = BarChart.render(
        values, labels: labels, maximum: maximum, width: width, style: style)
      #expect(lines.count == count)
      #expect(allFit(lines, width: width), "width \(width): \(lines)")
      if style == .ascii {
        // Labels may hold non-ASCII; everything the chart draws itself must be ASCII.
        let unlabelled = BarChart.render(values, maximum: maximum, width: width, style: style)
        #expect(unlabelled.allSatisfy(isASCII), "\(unlabelled)")
      }
    }
  }
}
