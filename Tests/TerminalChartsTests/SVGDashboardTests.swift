import Testing

@testable import TerminalCharts

@Suite struct SVGDashboardTests {
  let input: [[Double]] = [[1, 0, 0, 0], [0, 1, 0, 0]]
  let weighting: [[Double]] = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, .nan]]
  let memory: [[Double]] = [[0.5, -0.5], [.nan, 2]]

  @Test func panelsAreStackedWithTheirTitles() {
    let document = SVGDashboard.render(
      [
        (title: "input", rows: input), (title: "write weighting", rows: weighting),
        (title: "memory", rows: memory),
      ],
      title: "Copy <T = 4>")
    #expect(isValidSVG(document))
    let parsed = parseSVG(document)
    for text in ["Copy <T = 4>", "input", "write weighting", "memory"] {
      #expect(parsed.text.contains(text), "\(text)")
    }
    #expect(parsed.attributes(of: "rect", class: "cell").count == 8 + 12 + 4)
    #expect(parsed.counts["pattern"] == 1)
    // Every panel is its own group, moved below the one before.
    let offsets = parsed.attributes(of: "g").compactMap { $0["transform"] }.map { transform in
      Double(transform.dropFirst("translate(0 ".count).dropLast()) ?? -1
    }
    #expect(offsets.count == 3)
    #expect(offsets == offsets.sorted() && Set(offsets).count == 3 && offsets[0] > 0)
  }

  @Test func panelsShareACellWidthAndLeftEdge() {
    let parsed = parseSVG(
      SVGDashboard.render([(title: "input", rows: input), (title: "weights", rows: weighting)]))
    let cells = parsed.attributes(of: "rect", class: "cell")
    #expect(Set(cells.map { $0["width"] }).count == 1)
    let firstColumn = cells.filter { $0["x"] == cells[0]["x"] }
    #expect(firstColumn.count == input.count + weighting.count)
  }

  @Test func noPanels() {
    let document = SVGDashboard.render([SVGDashboard.Panel]())
    #expect(isValidSVG(document))
    #expect(parseSVG(document).text.contains("no data"))
  }

  @Test func panelsTakeRowLabelsAndAFixedScale() {
    let rows: [[Double]] = [[0.2, 0.4], [0.3, 0.1]]
    let document = SVGDashboard.render([SVGDashboard.Panel("weighting", rows: rows, rowLabels: ["117", "118"], minimum: 0, maximum: 1)])
    #expect(isValidSVG(document))
    let text = parseSVG(document).text
    #expect(text.contains("117") && text.contains("118"))
    // The legend runs over the given range, not the values' own 0.1…0.4.
    #expect(text.contains("0.00") && text.contains("1.00") && !text.contains("0.40"))
    // The tuple form is the same dashboard with numbered rows and the values' own range.
    let plain = SVGDashboard.render([(title: "weighting", rows: rows)])
    #expect(plain == SVGDashboard.render([SVGDashboard.Panel("weighting", rows: rows)]))
  }

  @Test(arguments: propertySeeds.prefix(20))
  func alwaysWellFormedAndDeterministic(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let panels = (0..<Int.random(in: 0...6, using: &generator)).map { _ in
      let columns = Int.random(in: 0...30, using: &generator)
      let rows = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
        generator.awkwardDoubles(columns)
      }
      return (title: generator.label() + "&", rows: rows)
    }
    let document = SVGDashboard.render(panels, title: "<dashboard>")
    #expect(isValidSVG(document), "\(document)")
    #expect(SVGDashboard.render(panels, title: "<dashboard>") == document)
  }
}
