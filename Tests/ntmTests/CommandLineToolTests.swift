import Foundation
import TerminalCharts
import Testing

@testable import ntm

/// The dispatcher: help, unknown commands with a suggestion, exit codes.
struct CommandLineToolTests {
  static func run(_ arguments: [String], environment: [String: String] = ["LANG": "en_US.UTF-8"]) -> (
    code: Int32, output: String, error: String
  ) {
    let recording = Console.Recording()
    var console = recording.console(environment: environment)
    let code = CommandLineTool.run(arguments, console: &console)
    return (code, recording.output, recording.error)
  }

  @Test func aCommandOfThePlaygroundTypedAtTheShellSaysWhereItBelongs() {
    for word in ["key", "beta", "step", "sharpen"] {
      let result = Self.run([word, "3"])
      #expect(result.code == 64, "\(word)")
      #expect(
        result.error
          == "error: '\(word)' is a command of the playground, not of 'ntm'. Start it with 'ntm repl' and type '\(word)' there, or try 'ntm address --help' to run every stage at once.\n"
      )
    }
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

  /// `ntm help <word>` for a word that is no command is a usage error, not the overview.
  @Test func helpForAnUnknownCommandIsAUsageError() {
    let result = Self.run(["help", "nosuch"])
    #expect(result.code == 64 && result.output.isEmpty)
    #expect(result.error == "error: unknown command 'nosuch'. Try 'ntm help'.\n")
    #expect(Self.run(["help", "trian"]).error == "error: unknown command 'trian'. Did you mean 'train'? Try 'ntm help'.\n")
  }

  @Test func helpTakesOneCommand() {
    let result = Self.run(["help", "train", "extra"])
    #expect(result.code == 64 && result.output.isEmpty)
    #expect(result.error == "error: 'ntm help' takes one command, got also 'extra'. Try 'ntm help train'.\n")
    #expect(Self.run(["help", "train", "--ascii"]).code == 0)
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

  /// Help follows the locale as every page does: spelled in ASCII under `LANG=C` or with
  /// `--ascii`, every symbol written out (no `?`), and unchanged in UTF-8.
  @Test func helpIsSpelledInASCIIWhenTheLocaleIsNotUTF8() {
    let c = ["LANG": "C"]
    let overview = Self.run(["help"], environment: c).output
    #expect(overview == CommandLineTool.overview.asciiSpelledKeepingColumns + "\n")
    #expect(overview.hasPrefix("ntm -- Neural Turing Machines"))
    for command in CommandLineTool.subcommands {
      let spelled = command.help.asciiSpelledKeepingColumns + "\n"
      #expect(Self.run(["help", command.name], environment: c).output == spelled)
      #expect(Self.run([command.name, "--help"], environment: c).output == spelled)
      #expect(Self.run([command.name, "--ascii", "--help"]).output == spelled)
      #expect(Self.run([command.name, "--help"]).output == command.help + "\n")
      #expect(spelled.unicodeScalars.allSatisfy { $0.value < 128 }, "\(command.name)")
      #expect(spelled.filter { $0 == "?" }.count == command.help.filter { $0 == "?" }.count, "\(command.name): a symbol became '?'")
    }
    let address = Self.run(["help", "address"], environment: c).output
    #expect(address.contains("(paper section 3.3)"))
    // The descriptions of an aligned option list still start in one column.
    #expect(Self.descriptionColumn(of: "gate", in: address) == 18)
    #expect(Self.descriptionColumn(of: "beta", in: address) == Self.descriptionColumn(of: "gate", in: address))
    #expect(Self.descriptionColumn(of: "gamma", in: address) == Self.descriptionColumn(of: "gate", in: address))
  }

  /// Where the description of `--flag` starts in a help text: after the run of spaces
  /// that follows the flag and its value.
  static func descriptionColumn(of flag: String, in help: String) -> Int? {
    guard let line = help.split(separator: "\n").first(where: { $0.hasPrefix("  --\(flag) ") }),
      let gap = line.dropFirst(2).range(of: "  ")
    else { return nil }
    return line.distance(from: line.startIndex, to: gap.lowerBound) + (line[gap.lowerBound...].prefix { $0 == " " }.count)
  }

  @Test func errorsAreSpelledInASCIIWhenTheLocaleIsNotUTF8() {
    let result = Self.run(["gradcheck", "--rows", "2", "--shift-range", "1"], environment: ["LANG": "C"])
    #expect(result.code == 64)
    #expect(result.error == "error: --shift-range 1 needs 2R + 1 <= N = 2; use --shift-range 0.\n")
    #expect(Self.run(["gradcheck", "--rows", "2", "--shift-range", "1"]).error.contains("2R + 1 ≤ N = 2"))
  }

  /// In a locale that is not UTF-8 every command writes ASCII only, the titles and headings its
  /// charts do not draw included.
  @Test(arguments: [
    ["eval", "copy", "--lengths", "10", "--sequences", "3"], ["show", "copy", "--length", "3"],
    ["eval", "copy", "--compare", "copy-lstm", "--lengths", "10", "--sequences", "2"],
    ["bench", "--sequences", "1", "--rounds", "1", "--length", "2"], ["train", "cpy"], ["help", "train"],
  ])
  func everyCommandWritesASCIIInTheCLocale(arguments: [String]) {
    let result = Self.run(arguments, environment: ["LANG": "C"])
    #expect(!(result.output + result.error).isEmpty)
    let wide = (result.output + result.error).split(separator: "\n").filter { !$0.allSatisfy(\.isASCII) }
    #expect(wide.isEmpty, "\(arguments.joined(separator: " ")): \(wide.prefix(3))")
  }
}
