import Foundation
import TerminalCharts
import Testing

/// The styles of the one number formatter, each against printf or a hand-worked value, and
/// every style over arbitrary bit patterns (none traps, none prints `-0`).
@Suite struct NumberFormatStylesTests {
  @Test(
    arguments: [
      (12.3456, 3, "12.346"), (-1.25, 1, "-1.3"), (0.125, 2, "0.13"), (0.0049, 2, "0.00"), (-0.0004, 3, "0.000"),
      (3, 0, "3"), (1e20, 3, "1.00e+20"), (-3e300, 3, "-3.00e+300"), (1e13, 3, "1.00e+13"),
      (123_456_789.5, 1, "123456789.5"), (Double.nan, 3, "nan"), (-Double.infinity, 1, "-inf"), (0.5, -2, "1"),
    ] as [(Double, Int, String)])
  func roundedIsHalfAwayFromZero(value: Double, decimals: Int, expected: String) {
    #expect(NumberFormat.rounded(value, decimals: decimals) == expected)
  }

  @Test(
    arguments: [
      (0.000123, 2, false, "1.23e-04"), (0, 2, false, "0.00e+00"), (0, 4, true, "0"), (-0.0, 1, true, "0"),
      (-31_415.9, 4, true, "-3.1416e+04"), (Double.nan, 2, true, "nan"), (Double.infinity, 2, false, "inf"),
    ] as [(Double, Int, Bool, String)])
  func scientific(value: Double, digits: Int, plainZero: Bool, expected: String) {
    #expect(NumberFormat.scientific(value, digits: digits, plainZero: plainZero) == expected)
  }

  @Test(
    arguments: [
      (0.25, "0.2500"), (0, "0.0000"), (0.000123, "1.230e-04"), (99_999.5, "99999.5000"), (123_456, "1.235e+05"),
      (-0.001, "-0.0010"), (Double.nan, "nan"), (-Double.infinity, "-inf"),
    ] as [(Double, String)])
  func general(value: Double, expected: String) {
    #expect(NumberFormat.general(value) == expected)
  }

  @Test(
    arguments: [
      (3, "3"), (-0.0, "0"), (0.1 + 0.2, "0.3"), (1e-7, "1e-07"), (2.5, "2.5"), (1e16, "1e+16"), (Double.nan, "nan"),
    ] as [(Double, String)])
  func short(value: Double, expected: String) {
    #expect(NumberFormat.short(value) == expected)
  }

  @Test(
    arguments: [
      (2.5e12, TextStyle.Glyphs.unicode, "2.5×10¹²"), (2.5e12, .ascii, "2.5x10^12"), (-1e-5, .unicode, "-1×10⁻⁵"),
      (-1e-5, .ascii, "-1x10^-5"), (9.999e6, .unicode, "1×10⁷"), (0, .ascii, "0"), (.nan, .unicode, "0"),
    ] as [(Double, TextStyle.Glyphs, String)])
  func powerOfTen(value: Double, glyphs: TextStyle.Glyphs, expected: String) {
    #expect(NumberFormat.powerOfTen(value, glyphs: glyphs) == expected)
  }

  @Test(
    arguments: [
      (0.5625, 2, TextStyle.Glyphs.unicode, "0.56"), (-0.001, 2, .unicode, "0.00"), (2.5e12, 2, .ascii, "2.5x10^12"),
      (-Double.infinity, 2, .unicode, "−∞"), (-Double.infinity, 2, .ascii, "-inf"), (Double.nan, 2, .ascii, "n/a"),
      (1.0 / 3, 40, .unicode, "0.333333"),
    ] as [(Double, Int, TextStyle.Glyphs, String)])
  func readable(value: Double, decimals: Int, glyphs: TextStyle.Glyphs, expected: String) {
    #expect(NumberFormat.readable(value, decimals: decimals, glyphs: glyphs) == expected)
  }

  @Test(arguments: [(1e-4, "1e-4"), (3e-5, "3e-5"), (2.5e-3, "2.5e-3"), (1, "1e0"), (0, "0"), (.infinity, "inf")] as [(Double, String)])
  func paperExponent(value: Double, expected: String) {
    #expect(NumberFormat.paperExponent(value) == expected)
  }

  @Test(
    arguments: [
      (0, "0"), (999, "999"), (1000, "1,000"), (-1_234_567, "-1,234,567"), (-100, "-100"), (Int.min, "-9,223,372,036,854,775,808"),
    ] as [(Int, String)])
  func grouped(value: Int, expected: String) {
    #expect(NumberFormat.grouped(value) == expected)
  }

  @Test(arguments: [(12, 2, "12"), (0.126, 2, "0.13"), (-0.001, 2, "0"), (1.5, 0, "2"), (Double.nan, 2, "0")] as [(Double, Int, String)])
  func trimmed(value: Double, decimals: Int, expected: String) {
    #expect(NumberFormat.trimmed(value, decimals: decimals) == expected)
  }

  /// Fixed decimals agree with printf wherever both write decimals; where the rounding rules
  /// differ it is only at a tie.
  @Test func fixedAndRoundedAgreeWithPrintfAwayFromTies() {
    var generator = SeededGenerator(seed: 11)
    for _ in 0..<2000 {
      let value = Double(Int64(bitPattern: generator.next()) % 10_000_000) / 1000.0 + 0.0001
      let printf = String(format: "%.2f", value)
      #expect(NumberFormat.fixed(value, decimals: 2) == printf, "\(value)")
      #expect(NumberFormat.rounded(value, decimals: 2) == printf, "\(value)")
    }
  }

  @Test func everyStyleWritesEveryDouble() {
    var generator = SeededGenerator(seed: 5)
    for _ in 0..<2000 {
      let value = Double(bitPattern: generator.next())
      let texts = [
        NumberFormat.rounded(value, decimals: 3), NumberFormat.scientific(value, digits: 2), NumberFormat.general(value),
        NumberFormat.short(value), NumberFormat.readable(value, decimals: 2, glyphs: .ascii),
        NumberFormat.powerOfTen(value, glyphs: .ascii), NumberFormat.paperExponent(value),
      ]
      for text in texts {
        #expect(!text.isEmpty && !text.hasPrefix("-0.000") && text.count <= 32, "\(value): \(text)")
      }
      let ascii = NumberFormat.readable(value, decimals: 2, glyphs: .ascii)
      #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII }, "\(ascii)")
    }
  }
}
