import Testing

@testable import ntm

/// Reading numbers typed by a person: finite, in range, and said back safely.
@Suite struct PlaygroundInputTests {
  @Test(arguments: ["nan", "inf", "-inf", "1e308", "x", "", "1e7", "-0.5"])
  func numbersOutsideTheRangeAreRejected(_ word: String) {
    #expect(throws: PlaygroundInput.Rejection.self) {
      try PlaygroundInput.number(Substring(word), in: 0...1e6, name: "β", example: "beta 5")
    }
  }

  @Test func numbersInRangeAreRead() throws {
    #expect(try PlaygroundInput.number("2.5", in: 0...10, name: "β", example: "beta 5") == 2.5)
    #expect(try PlaygroundInput.number("1e6", in: 0...1e6, name: "β", example: "beta 5") == 1e6)
  }

  @Test func weightingsAreNormalisedAndNeedAPositiveWeight() throws {
    let (weights, changed) = try PlaygroundInput.weighting(["1", "3"], name: "s", example: "")
    #expect(weights == [0.25, 0.75] && changed)
    #expect(try PlaygroundInput.weighting(["0.5", "0.5"], name: "s", example: "").changed == false)
    #expect(throws: PlaygroundInput.Rejection.self) { try PlaygroundInput.weighting(["0", "0"], name: "s", example: "") }
    #expect(throws: PlaygroundInput.Rejection.self) { try PlaygroundInput.weighting(["1", "-1"], name: "s", example: "") }
  }

  @Test func offsets() {
    #expect(PlaygroundInput.offset("+1") == 1)
    #expect(PlaygroundInput.offset("-2") == -2)
    #expect(PlaygroundInput.offset("0") == 0)
    #expect(PlaygroundInput.offset("1") == nil)
    #expect(PlaygroundInput.offset("+x") == nil)
  }

  @Test func echoNeverAddsALineOrAnEscape() {
    #expect(PlaygroundInput.echo("a\u{1B}[2J\nb\r\u{2028}") == "a?[2J?b??")
    #expect(
      PlaygroundInput.echo(String(repeating: "x", count: 100)) == String(repeating: "x", count: EchoedText.limit) + "… (100 characters)")
    #expect(PlaygroundInput.echo("βγ") == "βγ")
  }

  @Test func formatIsShort() {
    #expect(PlaygroundInput.format(20) == "20")
    #expect(PlaygroundInput.format(0.8) == "0.8")
    #expect(PlaygroundInput.format(1e6) == "1000000")
    #expect(PlaygroundInput.format(1.0 / 3) == "0.333333")
  }
}

/// The built-in state and fresh memories.
@Suite struct PlaygroundStateTests {
  @Test func builtInIsAValidPoint() {
    let state = PlaygroundState.builtIn
    #expect(state.rows == 8 && state.width == 4)
    #expect(abs(state.previousWeighting.reduce(0, +) - 1) < 1e-12)
    #expect(abs(state.parameters.shiftWeighting.reduce(0, +) - 1) < 1e-12)
    #expect(state.isFinite)
    #expect(Canvas.focus(state.trace.content) == 2)
  }

  @Test func randomMemoryIsSeededAndRounded() {
    let a = PlaygroundState.randomMemory(rows: 5, width: 3, seed: 7)
    #expect(a == PlaygroundState.randomMemory(rows: 5, width: 3, seed: 7))
    #expect(a != PlaygroundState.randomMemory(rows: 5, width: 3, seed: 8))
    #expect(a.scalars.allSatisfy { abs($0) <= 1 && ($0 * 100).rounded() / 100 == $0 })
  }

  @Test(arguments: [1, 2, 3, 1024])
  func freshStatesFitTheirMemory(_ rows: Int) {
    let state = PlaygroundState.fresh(memory: .init(rows: rows, columns: 2))
    #expect(state.previousWeighting.count == rows)
    #expect(2 * state.shiftRange + 1 <= rows)
    #expect(state.parameters.key == [1, 1])
    #expect(state.trace.weighting.allSatisfy { $0.isFinite })
  }
}
