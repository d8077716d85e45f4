import Testing

@testable import TerminalCharts

@Suite struct SVGElementTests {
  @Test func markupKeepsAttributeOrderAndEscapes() {
    let element = SVGElement(
      "g", ["id": "a&b"],
      children: [
        SVGElement("rect", ["x": 1.5, "width": 10.0, "fill": "#ffffff"]),
        SVGElement.text("<&>", x: 1, y: 2, size: 10),
      ])
    #expect(
      element.markup() == [
        #"<g id="a&amp;b">"#,
        ##"  <rect x="1.5" width="10" fill="#ffffff"/>"##,
        #"  <text x="1" y="2" font-size="10" text-anchor="start">&lt;&amp;&gt;</text>"#,
        "</g>",
      ])
  }

  @Test func rectClassComesFirstAndSizesAreNeverNegative() {
    let rect = SVGElement.rect(x: 0, y: 0, width: -3, height: 2, fill: "none", class: "cell")
    #expect(rect.markup() == [#"<rect class="cell" x="0" y="0" width="0" height="2" fill="none"/>"#])
  }

  @Test func rotatedTextAndDashedLine() {
    #expect(
      SVGElement.text("y", x: 12, y: 50, anchor: .middle, size: 12, rotated: true).markup() == [
        #"<text x="12" y="50" font-size="12" text-anchor="middle" transform="rotate(-90 12 50)">y</text>"#
      ])
    #expect(
      SVGElement.line(x1: 0, y1: 1, x2: 2, y2: 3, stroke: "#000000", dash: "5 4").markup() == [
        ##"<line x1="0" y1="1" x2="2" y2="3" stroke="#000000" stroke-width="1" stroke-dasharray="5 4"/>"##
      ])
  }

  @Test func documentHasDeclarationRootAndSize() {
    let document = SVGFigure(width: 99.2, height: 50, elements: [], title: "t").document()
    #expect(
      document == """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50" \
        font-family="sans-serif">
          <title>t</title>
          <rect width="100%" height="100%" fill="#ffffff"/>
        </svg>

        """)
    #expect(isValidSVG(document))
  }

  @Test func definitionsAreWrittenOncePerID() {
    let pattern = SVGHeatmap.missingPattern
    let document = SVGFigure(
      width: 10, height: 10, elements: [], definitions: [pattern, pattern]
    ).document()
    #expect(parseSVG(document).counts["pattern"] == 1)
  }

  @Test(arguments: [(Double.nan, 0.0), (-5, 0), (1e300, SVGFigure.maximumSize), (640, 640)])
  func usableSizes(requested: Double, expected: Double) {
    #expect(SVGFigure.usable(requested) == expected)
  }
}
