import Foundation
import Testing

@testable import ntm

/// The `ntm` commands of the chapters' `sh` blocks: a reader types them, but their output is
/// not shown, so the transcript tests cannot compare it. The quick ones run and must exit 0;
/// `train` is parsed without training.
struct TutorialShellCommandTests {
  /// One `ntm` command a chapter's `sh` block asks the reader to type.
  struct ShellCommand: CustomTestStringConvertible, Sendable {
    var chapter: String
    var line: Int
    var text: String
    var input: [String]
    var arguments: [String]
    var testDescription: String { "\(chapter):\(line) \(text)" }
  }

  /// Every line of a `sh` block that names `ntm` (lines ending in `\` continue on the next),
  /// as `[printf '<lines>' |] [swift run [-c release]] ntm <arguments>`; a line naming `ntm` in
  /// another form is a problem.
  static func shellCommands(_ text: String, chapter: String) -> (commands: [ShellCommand], problems: [String]) {
    var commands: [ShellCommand] = []
    var problems: [String] = []
    var inBlock = false
    var pending: (line: Int, text: String)?
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
      if !inBlock {
        inBlock = line.hasPrefix("```sh")
        continue
      }
      if line.hasPrefix("```") {
        inBlock = false
        pending = nil
        continue
      }
      var joined = (pending.map { $0.text + " " } ?? "") + line.trimmingCharacters(in: .whitespaces)
      let start = pending?.line ?? index + 1
      if joined.hasSuffix("\\") {
        joined.removeLast()
        pending = (start, joined.trimmingCharacters(in: .whitespaces))
        continue
      }
      pending = nil
      if let comment = joined.range(of: " #") {
        joined = String(joined[..<comment.lowerBound]).trimmingCharacters(in: .whitespaces)
      }
      guard joined.split(separator: " ").contains("ntm") else { continue }
      let (input, rest) = TutorialTranscriptTests.splitInput(joined)
      var words = rest.split(separator: " ").map(String.init)
      for prefix in [["swift", "run", "-c", "release"], ["swift", "run"]] where words.starts(with: prefix) {
        words.removeFirst(prefix.count)
        break
      }
      if words.first != "ntm" || words.joined().contains(where: TutorialTranscriptTests.shellSyntax.contains) {
        problems.append("\(chapter):\(start): '\(joined)' is not '[printf '…' |] [swift run] ntm <arguments>'")
        continue
      }
      commands.append(
        ShellCommand(chapter: chapter, line: start, text: joined, input: input, arguments: Array(words.dropFirst())))
    }
    return (commands, problems)
  }

  static let shellCommandsFound = TutorialTranscriptTests.pages.map { shellCommands($0.text, chapter: $0.name) }

  /// Commands quick enough to run in full in a test.
  static let quickCommands: Set = ["address", "repl", "eval", "gradcheck", "show", "help"]

  @Test func everyShellCommandHasTheFormTheCheckReads() {
    #expect(Self.shellCommandsFound.flatMap(\.problems) == [])
    #expect(Self.shellCommandsFound.flatMap(\.commands).contains { $0.arguments.first == "train" })
  }

  /// A quick command runs and must exit 0; `train` is parsed, not run, and when it saves into
  /// Tutorials/checkpoints/ the chapter shows the very command recorded in that checkpoint.
  @Test(arguments: shellCommandsFound.flatMap(\.commands))
  func shellCommandIsAccepted(_ command: ShellCommand) throws {
    let name = command.arguments.first ?? ""
    if name == "train" {
      let plan = try TrainPlan.parse(Array(command.arguments.dropFirst()))
      let saved = TutorialTranscriptTests.tutorialsFolder.appendingPathComponent("checkpoints")
        .appendingPathComponent(URL(fileURLWithPath: plan.checkpointPath).lastPathComponent)
      if FileManager.default.fileExists(atPath: saved.path) {
        let checkpoint = try JSONDecoder().decode(RecordedCommand.self, from: Data(contentsOf: saved))
        #expect(checkpoint.commandLine == ["ntm"] + command.arguments, "the command recorded in \(saved.lastPathComponent)")
      }
    } else if Self.quickCommands.contains(name) {
      let recording = Console.Recording(input: command.input)
      var console = recording.console(environment: TutorialTranscriptTests.environment)
      let code = CommandLineTool.run(command.arguments, console: &console)
      #expect(code == 0, "\(recording.error)")
    } else {
      Issue.record("nothing checks 'ntm \(name)' in a sh block yet; add it to quickCommands or check it like train")
    }
  }

  /// The part of a checkpoint that records how it was made.
  struct RecordedCommand: Decodable {
    var commandLine: [String]
  }

  @Test func theShellCommandsAreReadAcrossContinuationsPipesAndComments() {
    let text = """
      ```sh
      swift build
      swift run ntm train copy --bits 4 \\
        --seed 3
      printf 'key 0 1\\nstep\\n' | swift run -c release ntm repl   # one step
      ntm gradcheck
      swift run ntm show copy | head
      ```
      """
    let (commands, problems) = Self.shellCommands(text, chapter: "x.md")
    #expect(commands.map(\.arguments) == [["train", "copy", "--bits", "4", "--seed", "3"], ["repl"], ["gradcheck"]])
    #expect(commands.map(\.line) == [3, 5, 6])
    #expect(commands.dropFirst().first?.input == ["key 0 1", "step"])
    #expect(problems == ["x.md:7: 'swift run ntm show copy | head' is not '[printf '…' |] [swift run] ntm <arguments>'"])
  }
}
