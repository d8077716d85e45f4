import Foundation
import NTM
import Testing

@testable import ntm

/// Progress and result numbers: any `Double` is written, none traps.
@Suite struct ProgressTextTests {
  @Test(arguments: [
    (1e20, "1.00e+20"), (-3e300, "-3.00e+300"), (Double.greatestFiniteMagnitude, "1.80e+308"),
    (.nan, "nan"), (.infinity, "inf"), (-.infinity, "-inf"), (1e-300, "0.000"), (12.3456, "12.346"),
  ])
  func fixedWritesEveryDouble(value: Double, expected: String) {
    #expect(ProgressText.fixed(value, 3) == expected)
  }

  @Test func fixedKeepsDecimalsUpToItsBound() {
    #expect(ProgressText.fixed(123_456_789.5, 1) == "123456789.5")
    #expect(ProgressText.fixed(1e13, 3) == "1.00e+13")
  }

  @Test(arguments: [1e300, ProgressText.longestDuration + 1, Double(Int.max) * 4])
  func durationBeyondItsBoundIsNotSpelled(seconds: Double) {
    #expect(ProgressText.duration(seconds) == ">999h")
  }

  @Test func aProgressLineWithAHugeLossAndAStalledRate() {
    var averages = RunningAverages()
    averages.add(loss: 1e20, bitErrors: 3)
    let line = ProgressText.line(sequences: 1, total: 10, rate: 1e-300, averages: averages)
    #expect(line.contains("loss 1.00e+20") && line.contains("ETA >999h"), "\(line)")
  }
}
