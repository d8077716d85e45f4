import Testing

@testable import ntm

/// The shared parser: an option given twice is refused for every command, and user text is
/// quoted shortened.
@Suite struct ArgumentsTests {
  static let options = [Arguments.Option(name: "seed", takesValue: true), Arguments.Option(name: "json", takesValue: false)]

  @Test(arguments: [["--seed", "1", "--seed", "2"], ["--seed=1", "--seed", "2"], ["--json", "--json"]])
  func anOptionGivenTwiceIsRefused(words: [String]) {
    let name = words[0].hasPrefix("--seed") ? "seed" : "json"
    #expect(throws: Arguments.UsageError(message: "--\(name) is given twice; give it once. Try 'ntm demo --help'.")) {
      try Arguments(words, options: Self.options, command: "demo")
    }
  }

  /// Through a real command, so every command gets it.
  @Test(arguments: [["address", "--beta", "1", "--beta", "2"], ["eval", "copy", "--seed", "1", "--seed", "1"]])
  func everyCommandRefusesARepeatedOption(words: [String]) {
    let result = TrainCommandTests.run(words)
    #expect(result.code == 64)
    #expect(result.error.hasSuffix("is given twice; give it once. Try 'ntm \(words[0]) --help'.\n"), "\(result.error)")
  }

  @Test func aHugeValueIsQuotedShortened() {
    let huge = String(repeating: "9", count: 100_000)
    let result = TrainCommandTests.run(["train", "copy", "--seed", huge])
    #expect(result.code == 64)
    #expect(result.error.count < 300, "\(result.error.count) characters")
    #expect(result.error.contains("'" + String(repeating: "9", count: EchoedText.limit) + "… (100000 characters)'"))
  }
}
