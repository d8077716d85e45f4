import Testing

@testable import NTM

/// The blocked kernels of Math.swift give exactly what their one-row forms give: the same
/// sums in the same order, bit for bit, for every count round a multiple of four.
struct MathTests {
  static let counts = [0, 1, 3, 4, 5, 7, 8, 20, 29, 100]

  static func numbers(_ count: Int, seed: UInt64) -> [Double] {
    var generator = SplitMix64(seed: seed)
    return generator.normals(count)
  }

  /// The one-accumulator-per-lane sum that `dot` documents, written out plainly.
  static func plainDot(_ x: [Double], _ y: [Double]) -> Double {
    var s = [0.0, 0.0, 0.0, 0.0]
    let whole = x.count / 4 * 4
    for i in 0..<whole { s[i % 4] += x[i] * y[i] }
    for i in whole..<x.count { s[0] += x[i] * y[i] }
    return (s[0] + s[1]) + (s[2] + s[3])
  }

  @Test(arguments: counts)
  func dotSumsFourLanesAsDocumented(count: Int) {
    let (x, y) = (Self.numbers(count, seed: 1), Self.numbers(count, seed: 2))
    #expect(dot(x, y, count: count) == Self.plainDot(x, y))
  }

  @Test(arguments: counts)
  func dotFourRowsIsFourDots(count: Int) {
    let rows = Self.numbers(4 * count, seed: 3)
    let y = Self.numbers(count, seed: 4)
    let blocked = rows.withUnsafeBufferPointer { r in
      y.withUnsafeBufferPointer { dotFourRows(r.baseAddress!, $0.baseAddress!, count: count) }
    }
    for r in 0..<4 {
      let row = Array(rows[(r * count)..<((r + 1) * count)])
      #expect(blocked[r] == dot(row, y, count: count), "row \(r)")
    }
  }

  @Test(arguments: counts)
  func addScaledFourRowsIsFourAddScaledInRowOrder(count: Int) {
    let rows = Self.numbers(4 * count, seed: 5)
    let start = Self.numbers(count, seed: 6)
    let a = Lanes4(0.5, -1.25, 3, 0.1)
    var blocked = start
    rows.withUnsafeBufferPointer { r in
      blocked.withUnsafeMutableBufferPointer { addScaledFourRows(a, r.baseAddress!, to: $0.baseAddress!, count: count) }
    }
    var oneByOne = start
    for r in 0..<4 {
      let row = Array(rows[(r * count)..<((r + 1) * count)])
      oneByOne.withUnsafeMutableBufferPointer { addScaled(a[r], row, to: $0.baseAddress!, count: count) }
    }
    #expect(blocked == oneByOne)
  }
}
