import Testing

@testable import ntm

/// The dispatcher: help, unknown commands with a suggestion, exit codes.
struct CommandLineToolTests {
  static func run(_ arguments: [String], environment: [String: String] = ["LANG": "en_US.UTF-8"]) -> (code: Int32, output: String, error: String) {
    let recording = Console.Recording()
    var console = recording.console(environment: environment)
    let code = CommandLineTool.run(arguments, console: &console)
    return (code, recording.output, recording.error)
  }

  @Test func anUnknownCommandGetsOneLineWithASuggestionAndExit64() {
    let result = Self.run(["gradchek"])
    #expect(result.code == 64)
    #expect(result.output.isEmpty)
    #expect(result.error == "error: unknown command 'gradchek'. Did you mean 'gradcheck'? Try 'ntm help'.\n")
  }

  @Test func anUnknownCommandFarFromAnyGetsNoSuggestion() {
    let result = Self.run(["zzzzzzzzzz"])
    #expect(result.code == 64)
    #expect(result.error == "error: unknown command 'zzzzzzzzzz'. Try 'ntm help'.\n")
  }

  @Test func helpListsEveryCommand() {
    let result = Self.run(["help"])
    #expect(result.code == 0)
    for command in CommandLineTool.subcommands {
      #expect(result.output.contains("  \(command.name)"))
    }
  }

  @Test func helpForACommandPrintsItsHelp() {
    #expect(Self.run(["help", "gradcheck"]).output == GradcheckCommand.help + "\n")
    #expect(Self.run(["gradcheck", "--help"]).output == GradcheckCommand.help + "\n")
    #expect(Self.run(["gradcheck", "-h"]).code == 0)
  }

  @Test func suggestionsFindNearMisses() {
    #expect(Suggestion.closest(to: "gradchek", among: ["gradcheck", "train"]) == "gradcheck")
    #expect(Suggestion.closest(to: "trian", among: ["gradcheck", "train"]) == "train")
    #expect(Suggestion.closest(to: "xyz", among: ["gradcheck", "train"]) == nil)
    // Replacing every character is no typo: garbage gets no suggestion, a near miss still does.
    #expect(Suggestion.closest(to: "??", among: ["k", "key", "beta"]) == nil)
    #expect(Suggestion.closest(to: "q", among: ["k", "quit"]) == "quit")
    #expect(Suggestion.closest(to: "bta", among: ["k", "beta"]) == "beta")
    #expect(Suggestion.editDistance("kitten", "sitting") == 3)
  }
}
