import TerminalCharts
import Testing

@Suite struct SparklineTests {
  @Test func everyLevelOnce() {
    let values: [Double] = [0, 1, 2, 3, 4, 5, 6, 7]
    #expect(Sparkline.render(values, style: .unicode) == "▁▂▃▄▅▆▇█")
    #expect(Sparkline.render(values, style: .ascii) == "_.-:=+*#")
  }

  @Test func nanIsASpaceAndInfinitiesAreTheEnds() {
    #expect(Sparkline.render([1, .nan, 3], style: .unicode) == "▁ █")
    #expect(Sparkline.render([.infinity, -.infinity, 0, 1], style: .unicode) == "█▁▁█")
    #expect(Sparkline.render([.nan, .nan], style: .ascii) == "  ")
  }

  @Test func flatSeriesDrawsTheFourthLevel() {
    #expect(Sparkline.render([5, 5, 5], style: .unicode) == "▄▄▄")
    #expect(Sparkline.render([5, 5, 5], style: .ascii) == ":::")
    #expect(Sparkline.render([0, 1], minimum: 2, maximum: 2, style: .unicode) == "▄▄")
  }

  @Test func givenRangeClamps() {
    // 0.5 of 7 steps is 3.5, which rounds to the fifth level.
    #expect(
      Sparkline.render([0, 0.5, 1, 2, -1], minimum: 0, maximum: 1, style: .unicode)
        == "▁▅██▁")
  }

  @Test func longSeriesAreAveragedToTheWidth() {
    let values: [Double] = [0, 0, 1, 1, 2, 2, 3, 3]
    // Means 0, 1, 2, 3 → levels 0, 2.33, 4.67, 7 → 0, 2, 5, 7.
    #expect(Sparkline.render(values, width: 4, style: .unicode) == "▁▃▆█")
    #expect(Sparkline.render(values, width: 20, style: .unicode) == "▁▁▃▃▆▆██")
    #expect(Sparkline.render([1, .nan, .nan, .nan], width: 2, style: .unicode) == "▄ ")
  }

  @Test func empty() {
    #expect(Sparkline.render([], style: .unicode) == "")
    #expect(Sparkline.render([1, 2], width: 0, style: .unicode) == "")
  }

  @Test(arguments: propertySeeds)
  func fitsAndASCIIStaysASCII(seed: UInt64) {
    var generator = SeededGenerator(seed: seed)
    let width = Int.random(in: 20...200, using: &generator)
    let values = generator.awkwardDoubles(Int.random(in: 0...400, using: &generator))
    for style in [TextStyle.unicode, .ascii] {
      let line = Sparkline.render(values, width: width, style: style)
      #expect(TextWidth.of(line) == min(values.count, width))
      if style == .ascii { #expect(isASCII(line), "\(line)") }
    }
  }
}
