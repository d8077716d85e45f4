import Testing

@testable import TerminalCharts

@Suite struct TextStyleGlyphsTests {
  @Test func asciiGlyphsArePrintableASCII() {
    let glyphs = TextStyle.Glyphs.ascii
    let all =
      [
        glyphs.fullBlock, TextStyle.Glyphs.asciiHalf, glyphs.missing, glyphs.axis,
        glyphs.rule, glyphs.ellipsis,
      ] + glyphs.sparks + glyphs.shades
    for character in all {
      #expect(isASCII(String(character)), "\(character) is not ASCII")
    }
  }

  @Test func levelsRunLowToHighAndAreDistinct() {
    for glyphs in [TextStyle.Glyphs.unicode, .ascii] {
      #expect(glyphs.sparks.count == 8)
      #expect(Set(glyphs.sparks).count == 8)
      #expect(glyphs.shades.count == 5)
      #expect(Set(glyphs.shades).count == 5)
      #expect(glyphs.shades.first == " ")
    }
    #expect(String(TextStyle.Glyphs.unicode.sparks) == "▁▂▃▄▅▆▇█")
    #expect(String(TextStyle.Glyphs.unicode.shades) == " ░▒▓█")
    #expect(String(TextStyle.Glyphs.eighths) == "▏▎▍▌▋▊▉")
  }
}
