import TerminalCharts
import Testing

@Suite struct TextWrapTests {
  @Test func shortTextIsOneLine() {
    #expect(TextWrap.lines("loss 3.2  bits 1.5", width: 60) == ["loss 3.2  bits 1.5"])
    #expect(TextWrap.lines("", width: 60) == [""])
  }

  @Test func breaksBetweenWordsAndIndentsTheRest() {
    let text = "copy, trained on 1–20 vectors for 5,000 sequences"
    let lines = TextWrap.lines(text, width: 24, indent: "  ")
    #expect(lines == ["copy, trained on 1–20", "  vectors for 5,000", "  sequences"])
    #expect(lines.allSatisfy { TextWidth.of($0) <= 24 })
    // Every word survives, in order, and none is cut.
    #expect(lines.joined(separator: " ").split(separator: " ") == text.split(separator: " "))
  }

  @Test func keepsInnerSpacingWithinALine() {
    #expect(TextWrap.lines("aaaa  bb  cc dddddd", width: 10) == ["aaaa  bb", "cc dddddd"])
  }

  @Test func aWordWiderThanTheLineStaysWhole() {
    let lines = TextWrap.lines("saved to /a/very/long/path/copy.checkpoint.json now", width: 12, indent: "  ")
    #expect(lines == ["saved to", "  /a/very/long/path/copy.checkpoint.json", "  now"])
  }

  @Test func wideCharactersCountTwo() {
    #expect(TextWrap.lines("記憶 記憶 記憶", width: 9) == ["記憶 記憶", "記憶"])
  }

  @Test(arguments: [20, 33, 60, 80])
  func randomProseFits(width: Int) {
    var generator = SeededGenerator(seed: UInt64(width))
    for _ in 0..<50 {
      let words = (0..<Int.random(in: 1...40, using: &generator)).map { _ in
        String(repeating: "x", count: Int.random(in: 1...(width - 3), using: &generator))
      }
      let lines = TextWrap.lines(words.joined(separator: " "), width: width, indent: "  ")
      #expect(lines.allSatisfy { TextWidth.of($0) <= width }, "\(lines)")
      #expect(lines.joined(separator: " ").split(separator: " ").map(String.init) == words)
    }
  }
}
