import Foundation
import Testing

@testable import TerminalCharts

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

/// The C library's formatting writes what Foundation's does, for every kind of number.
@Suite struct NumberFormatPrintfTests {
  @Test func formattedMatchesFoundationsFormat() {
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    var values: [Double] = [0, -0.0, 0.5, -0.5, 1.25, -1.25, 2.675, 1e-300, 9.999_999, 123_456_789.987_654_321, 1e15 - 1]
    for _ in 0..<2000 {
      let bits = next()
      let value = Double(bitPattern: bits)
      if value.isFinite { values.append(value) }
      values.append(Double(Int64(bitPattern: next()) % 2_000_000) / 997)
    }
    for value in values {
      for places in [0, 1, 2, 3, 4, 6, 12] {
        #expect(NumberFormat.formatted("%.*f", places, value) == String(format: "%.*f", places, value), "\(value) \(places)")
        #expect(NumberFormat.formatted("%.*e", places, value) == String(format: "%.*e", places, value), "\(value) \(places)")
      }
    }
  }

  /// The quick path of `fixed` writes exactly what the C library writes, wherever it answers:
  /// numbers near a tie (0.125 at two decimals, 2.675, 1.0005) go to the C library.
  @Test func quickFixedMatchesTheCLibrary() {
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func next() -> UInt64 {
      state ^= state << 13
      state ^= state >> 7
      state ^= state << 17
      return state
    }
    var values: [Double] = [0, -0.0, 0.125, -0.125, 2.675, 1.0005, 0.5, -0.5, 1.5, 2.5, 0.045, 999_999.999_5, 1e-7, -1e-7]
    for _ in 0..<20_000 {
      let unit = Double(next() >> 11) / Double(1 << 53)
      values.append((unit - 0.5) * 20)
      values.append(Double(Int64(bitPattern: next()) % 200_000) / 1000)
      values.append((unit - 0.5) * pow(10, Double(next() % 18) - 9))
    }
    var quick = 0
    for value in values {
      for places in [0, 1, 2, 3, 4, 6, 12] {
        let printf = NumberFormat.unsignedZero(NumberFormat.formatted("%.*f", places, value))
        if let text = NumberFormat.quickFixed(value, places: places) {
          quick += 1
          #expect(text == printf, "\(value) \(places)")
        }
        #expect(NumberFormat.fixed(value, decimals: places) == printf, "\(value) \(places)")
      }
    }
    #expect(NumberFormat.quickFixed(0.125, places: 2) == nil)
    #expect(quick > values.count * 5, "the quick path answers most numbers")
  }
}
