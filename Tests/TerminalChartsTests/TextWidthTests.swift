import TerminalCharts
import Testing

@Suite struct TextWidthTests {
  @Test(arguments: [
    ("", 0), ("abc", 3), ("████▌", 5), ("β = 20", 6), ("│─░▒▓", 5), ("e\u{301}", 1),
    ("\u{1B}[1mbold\u{1B}[0m", 4), ("記憶", 4), ("🙂 ok", 5), ("한글", 4), ("❤️", 2),
    // The quick paths (printable ASCII; scalars that stand alone) and what sends text past them.
    ("0.25 …", 6), ("−1.5e−3 → ∂L/∂γ", 15), ("a\tb", 3), ("β\u{301} ok", 4), ("x\u{200D}y", 2), ("\r\n", 1),
  ])
  func widthCountsColumns(text: String, expected: Int) {
    #expect(TextWidth.of(text) == expected)
  }

  @Test func padding() {
    #expect(TextWidth.padLeft("█", to: 3) == "  █")
    #expect(TextWidth.padRight("β", to: 3) == "β  ")
    #expect(TextWidth.padLeft("long", to: 2) == "long")
    #expect(TextWidth.padRight("long", to: 2) == "long")
  }

  @Test func truncation() {
    #expect(TextWidth.truncate("memory", to: 4) == "memo")
    #expect(TextWidth.truncate("memory", to: 4, ellipsis: "…") == "mem…")
    #expect(TextWidth.truncate("mem", to: 4, ellipsis: "…") == "mem")
    #expect(TextWidth.truncate("memory", to: 0) == "")
    #expect(TextWidth.truncate("░▒▓█", to: 2) == "░▒")
    // A wide character is kept whole or not at all.
    #expect(TextWidth.truncate("記憶装置", to: 5, ellipsis: "…") == "記憶…")
    #expect(TextWidth.truncate("記憶装置", to: 3) == "記")
  }
}
