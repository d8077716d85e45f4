import TerminalCharts
import Testing

/// The ASCII spelling of everything the program prints, for terminals that cannot show it.
@Suite struct StringASCIITests {
  @Test func spellings() {
    #expect("paper §3.3".asciiSpelled == "paper section 3.3")
    #expect("paper § 3.3".asciiSpelled == "paper section 3.3")
    #expect("x₀ x₁ x₉".asciiSpelled == "x0 x1 x9")
    #expect("10⁻⁴ and x²".asciiSpelled == "10^-4 and x^2")
    #expect("w̃ ŵ ← β·k ≤ ½".asciiSpelled == "w~ w^ <- beta*k <= 1/2")
    #expect("ключ".asciiSpelled == "????")
  }

  @Test func spellingKeepsColumns() {
    #expect(
      "  --beta β        the strength\n  --gate g        the gate".asciiSpelledKeepingColumns
        == "  --beta beta     the strength\n  --gate g        the gate")
    #expect("a β  b".asciiSpelledKeepingColumns == "a beta  b")
    #expect("x  ".asciiSpelledKeepingColumns == "x  ")
  }

  /// The signs the number formatter writes all have a spelling.
  @Test func theNumberSignsAreSpelled() {
    #expect("−2.5×10¹² −∞".asciiSpelled == "-2.5x10^12 -inf")
  }
}
