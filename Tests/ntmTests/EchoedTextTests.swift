import Testing

@testable import ntm

/// User text quoted in messages: short text as it is, long text cut with its length, nothing
/// that could move the cursor or add a line.
@Suite struct EchoedTextTests {
  @Test func shortTextIsKept() {
    #expect(EchoedText.echo("copy") == "copy")
    #expect(EchoedText.echo(String(repeating: "β", count: EchoedText.limit)) == String(repeating: "β", count: EchoedText.limit))
  }

  @Test func longTextIsCutAndMeasured() {
    let text = String(repeating: "ab", count: 50_000)
    #expect(EchoedText.echo(text) == String(text.prefix(EchoedText.limit)) + "… (100000 characters)")
    #expect(EchoedText.echo(text, limit: EchoedText.pathLimit).hasPrefix(String(text.prefix(EchoedText.pathLimit)) + "…"))
  }

  @Test func controlCharactersAreShownAsQuestionMarks() {
    #expect(EchoedText.echo("a\u{1B}[2J\nb") == "a?[2J?b")
  }

  /// Every error that quotes an argument quotes it shortened.
  @Test(arguments: [
    ["nosuch-\(String(repeating: "x", count: 10_000))"], ["help", String(repeating: "x", count: 10_000)],
    ["train", String(repeating: "x", count: 10_000)], ["train", "copy", "--optimiser", String(repeating: "x", count: 10_000)],
    ["train", "copy", "--\(String(repeating: "x", count: 10_000))", "1"],
    ["eval", "copy", "--lengths", String(repeating: "x", count: 10_000)],
    ["tour", String(repeating: "x", count: 10_000)], ["exercises", String(repeating: "x", count: 10_000)],
    ["bench", String(repeating: "x", count: 10_000)],
  ])
  func errorsQuoteArgumentsShortened(words: [String]) {
    let result = TrainCommandTests.run(words)
    #expect(result.code == 64)
    #expect(result.error.count < 400, "\(result.error.prefix(500))")
    #expect(result.error.contains("… (100"), "\(result.error.prefix(500))")
  }
}
