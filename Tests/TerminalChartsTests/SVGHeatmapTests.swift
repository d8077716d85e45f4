import Testing

@testable import TerminalCharts

@Suite struct SVGHeatmapTests {
  @Test func twoByTwoHasFourCellsWithTheirShades() {
    let document = SVGHeatmap.render([[0, 0.25], [0.5, 1]], title: "w", cellSize: 10)
    #expect(isValidSVG(document))
    let cells = parseSVG(document).attributes(of: "rect", class: "cell")
    #expect(cells.map { $0["fill"] } == ["#ffffff", "#bfbfbf", "#808080", "#000000"])
    #expect(cells.map { $0["width"] } == ["10", "10", "10", "10"])
    let xs = cells.map { Double($0["x"]!)! }
    let ys = cells.map { Double($0["y"]!)! }
    #expect(xs[1] - xs[0] == 10 && xs[2] == xs[0] && ys[2] - ys[0] == 10)
  }

  @Test(
    arguments: [
      (0.0, SVGHeatmap.Palette.grey, "#ffffff"), (1, .grey, "#000000"), (0.5, .grey, "#808080"),
      (1, .blue, "#08306b"), (0, .blue, "#ffffff"), (.infinity, .grey, "#000000"),
      (-.infinity, .grey, "#ffffff"), (7, .grey, "#000000"), (-7, .grey, "#ffffff"),
    ] as [(Double, SVGHeatmap.Palette, String)])
  func fills(value: Double, palette: SVGHeatmap.Palette, expected: String) {
    #expect(SVGHeatmap.fill(value, minimum: 0, maximum: 1, palette: palette) == expected)
  }

  @Test func legendWritesBothEnds() {
    let parsed = parseSVG(SVGHeatmap.render([[-1, 3]], title: "m", minimum: -2, decimals: 1))
    #expect(parsed.text.contains("-2.0") && parsed.text.contains("3.0"))
  }

  @Test func constantMatrixIsMiddleGreyAndSaysAll() {
    let parsed = parseSVG(SVGHeatmap.render([[0.5, 0.5]], title: "flat"))
    #expect(Set(parsed.attributes(of: "rect", class: "cell").map { $0["fill"] }) == ["#808080"])
    #expect(parsed.text.contains("all 0.50"))
  }

  @Test func nanIsHatchedAndRaggedRowsArePadded() {
    let document = SVGHeatmap.render([[1, .nan], [0]], title: "holes")
    #expect(isValidSVG(document))
    let parsed = parseSVG(document)
    let fills = parsed.attributes(of: "rect", class: "cell").map { $0["fill"] ?? "" }
    #expect(fills == ["#000000", "url(#no-value)", "#ffffff", "url(#no-value)"])
    #expect(parsed.counts["pattern"] == 1)
    #expect(parsed.text.contains("no value"))
  }

  @Test func noPatternWithoutNaN() {
    #expect(parseSVG(SVGHeatmap.render([[1, 2]], title: "t")).counts["pattern"] == nil)
  }

  @Test func labelsEveryFewRowsAndColumns() {
    let rows = (0..<128).map { _ in [Double](repeating: 0, count: 100) }
    let parsed = parseSVG(SVGHeatmap.render(rows, title: "big"))
    #expect(parsed.attributes(of: "rect", class: "cell").count == 12_800)
    let labels = parsed.text
    #expect(labels.contains("120") && !labels.contains("127"))
  }

  @Test func rowLabelsAndAxisNames() {
    let parsed = parseSVG(
      SVGHeatmap.render(
        [[0, 1], [1, 0]], title: "t", rowLabels: ["start", "end"], rowAxis: "location",
        columnAxis: "time step"))
    for text in ["start", "end", "location", "time step"] {
      #expect(parsed.text.contains(text), "\(text)")
    }
  }

  @Test func emptyMatrixSaysSo() {
    for rows in [[], [[]]] as [[[Double]]] {
      let document = SVGHeatmap.render(rows, title: "empty")
      #expect(isValidSVG(document))
      #expect(parseSVG(document).text.contains("no data"))
    }
  }

  @Test(arguments: [(20.0, 12.0, 1), (5, 12, 5), (1, 12, 20), (3, 30, 10)])
  func labelSteps(spacing: Double, needed: Double, expected: Int) {
    #expect(SVGHeatmap.step(spacing: spacing, needed: needed) == expected)
  }

  @Test(arguments: propertySeeds)
  func alwaysWellFormedAndDeterministic(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let columns = Int.random(in: 0...60, using: &generator)
    let rows = (0..<Int.random(in: 0...20, using: &generator)).map { _ in
      generator.awkwardDoubles(Int.random(in: 0...columns, using: &generator))
    }
    let minimum: Double? = Bool.random(using: &generator) ? generator.awkwardDouble() : nil
    let maximum: Double? = Bool.random(using: &generator) ? generator.awkwardDouble() : nil
    let labels = (0..<rows.count).map { _ in generator.label() + "'" }
    let title = generator.label() + "<"
    let render = {
      SVGHeatmap.render(
        rows, title: title, rowLabels: labels, minimum: minimum, maximum: maximum,
        palette: seed % 2 == 0 ? .grey : .blue)
    }
    let document = render()
    #expect(isValidSVG(document), "\(document)")
    #expect(render() == document)
    let cells = parseSVG(document).attributes(of: "rect", class: "cell").count
    #expect(cells == rows.count * (rows.map(\.count).max() ?? 0))
  }
}
