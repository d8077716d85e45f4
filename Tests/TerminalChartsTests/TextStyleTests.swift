import TerminalCharts
import Testing

@Suite struct TextStyleTests {
  @Test(
    arguments: [
      (["LANG": "C"], TextStyle.Glyphs.ascii),
      (["LANG": "en_US.UTF-8"], .unicode),
      (["LANG": "en_GB.utf8"], .unicode),
      (["LANG": "de_DE.Utf-8"], .unicode),
      (["LANG": "en_US.ISO-8859-1"], .ascii),
      ([:], .ascii),
      (["LANG": ""], .ascii),
      (["LC_ALL": "C", "LANG": "en_US.UTF-8"], .ascii),
      (["LC_ALL": "en_US.UTF-8", "LANG": "C"], .unicode),
      (["LC_CTYPE": "C.UTF-8", "LANG": "C"], .unicode),
      (["LC_ALL": "POSIX", "LC_CTYPE": "C.UTF-8"], .ascii),
      (["LC_ALL": "", "LC_CTYPE": "", "LANG": "C.UTF-8"], .unicode),
    ] as [([String: String], TextStyle.Glyphs)])
  func glyphsFollowTheLocale(environment: [String: String], expected: TextStyle.Glyphs) {
    #expect(TextStyle.detect(environment: environment, isTerminal: true).glyphs == expected)
  }

  @Test func forceASCIIBeatsAUTF8Locale() {
    let style = TextStyle.detect(
      environment: ["LANG": "en_US.UTF-8"], isTerminal: true, forceASCII: true)
    #expect(style.glyphs == .ascii)
  }

  @Test(
    arguments: [
      ([:], true, true),
      (["TERM": "xterm-256color"], true, true),
      (["TERM": "xterm-256color"], false, false),
      (["NO_COLOR": "1"], true, false),
      (["NO_COLOR": ""], true, true),
      (["TERM": "dumb"], true, false),
    ] as [([String: String], Bool, Bool)])
  func colour(environment: [String: String], isTerminal: Bool, expected: Bool) {
    #expect(TextStyle.detect(environment: environment, isTerminal: isTerminal).colour == expected)
  }

  @Test(arguments: [
    ("100", 100), (" 132 ", 132), ("0", 80), ("-5", 80), ("wide", 80), ("", 80), ("12x", 80),
    ("5", 20), ("20", 20), ("400", 400), ("10000", 400),
  ])
  func widthComesFromColumns(columns: String, expected: Int) {
    #expect(TextStyle.width(environment: ["COLUMNS": columns]) == expected)
  }

  @Test func widthWithoutColumnsIs80() {
    #expect(TextStyle.width(environment: ["LANG": "C"]) == 80)
  }

  @Test func paintOnlyWhenColourIsOn() {
    #expect(TextStyle(glyphs: .unicode, colour: false).paint("hi", .red) == "hi")
    let painted = TextStyle(glyphs: .unicode, colour: true).paint("hi", .red)
    #expect(painted == "\u{1B}[31mhi\u{1B}[0m")
    #expect(TextWidth.of(painted) == 2)
  }
}
