import TerminalCharts
import Testing

@Suite struct TextTableTests {
  let header = ["task", "loss"]
  let rows = [["copy", "0.012"], ["recall", "0.3"]]

  @Test func goldenUnicode() {
    #expect(
      TextTable.render(
        header: header, rows: rows, alignments: [.left, .right],
        style: .unicode) == [
          "task     loss",
          "──────  ─────",
          "copy    0.012",
          "recall    0.3",
        ])
  }

  @Test func goldenASCIILeftAligned() {
    #expect(
      TextTable.render(header: header, rows: rows, style: .ascii) == [
        "task    loss",
        "------  -----",
        "copy    0.012",
        "recall  0.3",
      ])
  }

  @Test func raggedRows() {
    #expect(
      TextTable.render(
        header: ["a", "b"], rows: [["x"], ["y", "z", "extra"]],
        style: .ascii) == ["a  b", "-  -", "x", "y  z"])
  }

  @Test func widthNarrowsTheWidestColumn() {
    #expect(
      TextTable.render(
        header: ["name", "value"], rows: [["a-very-long-name", "1"]],
        width: 12, style: .unicode) == [
          "name   value",
          "─────  ─────",
          "a-ve…  1",
        ])
  }

  @Test func emptyHeader() {
    #expect(TextTable.render(header: [], rows: [["x"]], style: .unicode) == [])
  }

  @Test(arguments: propertySeeds)
  func linesFitAndASCIIStaysASCII(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let width = Int.random(in: 20...200, using: &generator)
    let columns = Int.random(in: 1...6, using: &generator)
    let header = (0..<columns).map { _ in generator.label() }
    let rows = (0..<Int.random(in: 0...8, using: &generator)).map { _ in
      (0..<Int.random(in: 0...7, using: &generator)).map { _ in
        NumberFormat.fixed(generator.awkwardDouble())
      }
    }
    let lines = TextTable.render(
      header: header, rows: rows, alignments: [.right, .left], width: width, style: .ascii)
    #expect(lines.count == rows.count + 2)
    #expect(allFit(lines, width: width), "width \(width): \(lines)")
    let plain = TextTable.render(
      header: header.map { _ in "h" }, rows: rows, width: width, style: .ascii)
    #expect(plain.allSatisfy(isASCII))
  }
}
