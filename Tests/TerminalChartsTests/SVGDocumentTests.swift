import Foundation
import Testing

@testable import TerminalCharts

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// What an XML parse of a document found.
struct ParsedSVG {
  /// Whether the parser read the whole document without an error.
  var isWellFormed: Bool
  /// The root element's name and namespace.
  var rootName: String?
  var rootNamespace: String?
  /// How many elements of each name, and every element's attributes in document order.
  var counts: [String: Int]
  var elements: [(name: String, attributes: [String: String])]
  /// The concatenated text of every element.
  var text: String

  /// The attributes of the elements named `name` whose `class` is `kind` (any, when `nil`).
  func attributes(of name: String, class kind: String? = nil) -> [[String: String]] {
    elements.filter { $0.name == name && (kind == nil || $0.attributes["class"] == kind) }
      .map(\.attributes)
  }
}

/// Parses `document` with Foundation's `XMLParser`, reporting namespaces.
func parseSVG(_ document: String) -> ParsedSVG {
  final class Collector: NSObject, XMLParserDelegate {
    var parsed = ParsedSVG(
      isWellFormed: false, rootName: nil, rootNamespace: nil, counts: [:], elements: [], text: "")
    func parser(
      _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
      qualifiedName: String?, attributes: [String: String] = [:]
    ) {
      if parsed.rootName == nil {
        parsed.rootName = elementName
        parsed.rootNamespace = namespaceURI
      }
      parsed.counts[elementName, default: 0] += 1
      parsed.elements.append((elementName, attributes))
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
      parsed.text += string
    }
  }
  let parser = XMLParser(data: Data(document.utf8))
  parser.shouldProcessNamespaces = true
  let collector = Collector()
  parser.delegate = collector
  collector.parsed.isWellFormed = parser.parse()
  return collector.parsed
}

/// Whether `document` is a well-formed standalone SVG with no non-finite number in it.
func isValidSVG(_ document: String) -> Bool {
  let parsed = parseSVG(document)
  let lowered = document.lowercased()
  return parsed.isWellFormed && parsed.rootName == "svg" && parsed.rootNamespace == SVG.namespace
    && document.hasPrefix(SVG.xmlDeclaration + "\n<svg ")
    && !lowered.contains("nan") && !lowered.contains("inf") && !lowered.contains("e+")
}

@Suite struct SVGDocumentTests {
  @Test func escapesMarkupCharacters() {
    #expect(SVG.escape(#"a<b & "c" 'd'>"#) == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;")
    #expect(SVG.escape("β = 1\tok") == "β = 1\tok")
    #expect(SVG.escape("bell\u{07}here\u{0}") == "bell here ")
  }

  @Test(
    arguments: [
      (12.0, "12"), (0.5, "0.5"), (0.126, "0.13"), (-0.001, "0"), (-3.25, "-3.25"),
      (Double.nan, "0"), (Double.infinity, "0"), (1e300, "10000000"), (-1e300, "-10000000"),
      (123456.789, "123456.79"),
    ] as [(Double, String)])
  func numbers(value: Double, expected: String) {
    #expect(SVG.number(value) == expected)
  }

  @Test(
    arguments: [
      (0.5625, 2, "0.56"), (-0.001, 2, "0.00"), (2.5e12, 2, "2.5×10¹²"), (1e6, 1, "1×10⁶"),
      (-4.2e7, 0, "-4.2×10⁷"), (Double.nan, 2, "n/a"), (Double.infinity, 2, "∞"),
      (-Double.infinity, 2, "−∞"), (3, 0, "3"),
    ] as [(Double, Int, String)])
  func readableValues(value: Double, decimals: Int, expected: String) {
    #expect(SVG.readable(value, decimals: decimals) == expected)
  }

  @Test(
    arguments: [
      (0.0, 0.2, "0"), (0.4, 0.2, "0.4"), (20, 20, "20"), (0.05, 0.05, "0.05"), (2000, 500, "2000"),
      (2e-5, 1e-5, "2×10⁻⁵"), (3e8, 1e8, "3×10⁸"),
    ] as [(Double, Double, String)])
  func tickLabels(value: Double, step: Double, expected: String) {
    #expect(SVG.tickLabel(value, step: step) == expected)
  }
}
