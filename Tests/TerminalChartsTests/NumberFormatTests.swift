import TerminalCharts
import Testing

@Suite struct NumberFormatTests {
  @Test(
    arguments: [
      (0.5, 3, "0.500"), (0.5625, 3, "0.562"), (0.5626, 3, "0.563"), (1, 0, "1"),
      (-1.25, 2, "-1.25"), (-0.0, 3, "0.000"), (-0.0001, 3, "0.000"), (-0.0006, 3, "-0.001"),
      (Double.nan, 3, "nan"), (Double.infinity, 3, "inf"), (-Double.infinity, 2, "-inf"),
      (1_234_567_890, 2, "1.23e+09"), (-1e300, 1, "-1.0e+300"), (999_999_999, 0, "999999999"),
      (0.1, -4, "0"), (1.0 / 3, 40, "0.333333333333"),
    ] as [(Double, Int, String)])
  func fixed(value: Double, decimals: Int, expected: String) {
    #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
  }

  @Test func defaultIsThreeDecimals() {
    #expect(NumberFormat.fixed(0.25) == "0.250")
  }

  @Test func staysShortForAnyDouble() {
    var generator = SeededGenerator(seed: 7)
    for _ in 0..<2000 {
      let value = Double(bitPattern: generator.next())
      #expect(NumberFormat.fixed(value, decimals: 3).count <= 16, "\(value)")
    }
  }
}
