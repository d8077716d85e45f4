// Seeded random inputs for the property tests, shared by every chart's tests.

import TerminalCharts

/// SplitMix64 (Steele, Lea & Flood 2014): small, seedable, good enough for test data.
struct SeededGenerator: RandomNumberGenerator {
  var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension SeededGenerator {
  /// A value that is usually ordinary but sometimes NaN, ±∞, negative, zero or huge.
  mutating func awkwardDouble() -> Double {
    switch Int.random(in: 0..<20, using: &self) {
    case 0: return .nan
    case 1: return .infinity
    case 2: return -.infinity
    case 3: return 0
    case 4: return -0.0
    case 5: return Double.random(in: -1e12...1e12, using: &self)
    case 6: return .greatestFiniteMagnitude
    case 7: return -Double.random(in: 0...5, using: &self)
    default: return Double.random(in: 0...3, using: &self)
    }
  }

  /// `count` awkward values.
  mutating func awkwardDoubles(_ count: Int) -> [Double] {
    (0..<count).map { _ in awkwardDouble() }
  }

  /// A label of 0…30 characters, some of them non-ASCII (Greek, blocks).
  mutating func label() -> String {
    let alphabet: [Character] = Array("abcXYZ019 _-βγ")
    return String(
      (0..<Int.random(in: 0...30, using: &self)).map { _ in
        alphabet.randomElement(using: &self)!
      })
  }
}

/// Seeds for the property tests.
let propertySeeds: [UInt64] = Array(0..<60)

/// Whether every line is at most `width` columns.
func allFit(_ lines: [String], width: Int) -> Bool {
  lines.allSatisfy { TextWidth.of($0) <= width }
}

/// Whether `text` is made only of ASCII bytes.
func isASCII(_ text: String) -> Bool {
  text.utf8.allSatisfy { $0 < 0x80 }
}
