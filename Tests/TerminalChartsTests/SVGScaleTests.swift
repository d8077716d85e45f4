import Testing

@testable import TerminalCharts

@Suite struct SVGScaleTests {
  @Test func linearTicksAreRoundAndCoverTheData() {
    let scale = SVGScale.linear([0.3, 115], start: 0, end: 300)
    #expect(scale.ticks == [0, 50, 100, 150])
    #expect(scale.ticks.map(scale.label) == ["0", "50", "100", "150"])
    #expect(scale.position(0) == 0)
    #expect(scale.position(150) == 300)
    #expect(scale.position(75) == 150)
  }

  @Test func fractionalStepsGetTheirDecimals() {
    let scale = SVGScale.linear([0.01, 0.93], start: 0, end: 1)
    #expect(scale.ticks.map(scale.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
  }

  @Test func emptyIsZeroToOne() {
    let scale = SVGScale.linear([.nan, .infinity], start: 0, end: 100)
    #expect(scale.low == 0 && scale.high == 1)
  }

  @Test(arguments: [0.5, -3, 0, 1e12])
  func constantSitsInTheMiddle(value: Double) throws {
    let scale = SVGScale.linear([value, value], start: 0, end: 100)
    let position = try #require(scale.position(value))
    #expect(abs(position - 50) < 1e-6, "\(scale)")
  }

  @Test func givenMaximumIsTheTopExactly() {
    let scale = SVGScale.linear([1, 2], includingZero: true, maximum: 4, start: 200, end: 0)
    #expect(scale.low == 0 && scale.high == 4)
    #expect(scale.position(2) == 100)
    #expect(scale.clampedPosition(9) == 0)
    #expect(scale.clampedPosition(.infinity) == 0)
    #expect(scale.clampedPosition(.nan) == nil)
  }

  @Test func hugeValuesDoNotOverflow() throws {
    let scale = SVGScale.linear(
      [-.greatestFiniteMagnitude, .greatestFiniteMagnitude], start: 0, end: 100)
    let finite = scale.ticks.filter(\.isFinite)
    #expect(finite == scale.ticks)
    #expect(scale.ticks.count <= SVGScale.maximumTicks + 1)
    let zero = try #require(scale.position(0))
    #expect(zero > 0 && zero < 100)
  }

  @Test func logarithmicTicksAtPowersOfTen() {
    let scale = SVGScale.logarithmic([0.035, 0.7, 0, -1], start: 100, end: 0)
    #expect(scale.low == -2 && scale.high == 0)
    #expect(scale.ticks.map(scale.label) == ["0.01", "0.02", "0.05", "0.1", "0.2", "0.5", "1"])
    #expect(scale.position(0.1) == 50)
    #expect(scale.position(0) == nil)
  }

  @Test func logarithmicWideRangesThinTheirTicks() {
    let scale = SVGScale.logarithmic([1e-200, 1e200], start: 0, end: 1)
    #expect(scale.ticks.count <= SVGScale.maximumTicks / 2 + 1)
    let positive = scale.ticks.filter { $0 > 0 && $0.isFinite }
    #expect(positive == scale.ticks)
  }

  @Test(
    arguments: [(23.0, 50.0), (0.19, 0.2), (1, 1), (7, 10), (0, 0), (Double.nan, 0)]
      as [(Double, Double)])
  func niceSteps(raw: Double, expected: Double) {
    #expect(SVGScale.niceStep(raw) == expected)
  }
}
