import Foundation
import Testing

@testable import ntm

/// Every transcript in Tutorials/ is run and compared with what `ntm` prints now, so a
/// chapter can never show what the program no longer does.
///
/// A transcript is a fenced block marked `console`, its fence in the first column. In it, a
/// line `$ ntm <arguments>` runs a command; the lines after it, up to the next `$` line or the
/// end of the block, are its expected standard output. `$ printf '<lines>' | ntm <arguments>`
/// feeds `<lines>` (with `\n` between them) as standard input. A command is expected to exit
/// 0; one expected to fail ends its output with a line `[exit N]`, its exit code. Commands run
/// in-process with `LANG=en_US.UTF-8`, `COLUMNS=80` and no terminal, as `ntm … | cat` would.
///
/// Anything the runner would otherwise skip in silence fails the test instead: a `$` line that
/// does not run `ntm`, shell syntax it does not interpret (quotes, pipes into anything but
/// `ntm`, redirections), output before the first `$` line, and an indented `console` fence.
///
/// After a deliberate change to what a command prints, `NTM_UPDATE_TRANSCRIPTS=1 swift test
/// --filter TutorialTranscriptTests` rewrites every chapter's transcripts from the program's
/// real output (and still fails that run, so an update is never silent); read the diff.
///
/// The `swift run ntm …` lines of the chapters' `sh` blocks, which a reader types but whose
/// output is not shown, are checked too: the quick ones run and must exit 0, and `train` is
/// parsed without training.
struct TutorialTranscriptTests {
  struct Transcript: CustomTestStringConvertible, Sendable {
    var chapter: String
    var line: Int
    var command: String
    var input: [String]
    var arguments: [String]
    var expected: String
    var exitCode: Int32 = 0
    var testDescription: String { "\(chapter):\(line) $ \(command)" }
  }

  /// What a chapter's transcripts parse to: the commands, and every line that could not be
  /// run as written, as `chapter:line: why`.
  struct Parsed {
    var transcripts: [Transcript] = []
    var problems: [String] = []
  }

  static let tutorialsFolder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tutorials")

  static let environment = ["LANG": "en_US.UTF-8", "COLUMNS": "80"]

  /// Chapters that need not hold a transcript.
  static let withoutTranscripts: Set = [
    // Written by `ntm results`, whose output ResultsCommandTests checks.
    "14-results.md"
  ]

  /// Every Markdown file in Tutorials/ with its text, by name.
  static let pages: [(name: String, text: String)] = {
    let files = (try? FileManager.default.contentsOfDirectory(atPath: tutorialsFolder.path)) ?? []
    return files.filter { $0.hasSuffix(".md") }.sorted().map { name in
      (name, (try? String(contentsOf: tutorialsFolder.appendingPathComponent(name), encoding: .utf8)) ?? "")
    }
  }()

  static let parsed: [Parsed] = pages.map { parse($0.text, chapter: $0.name) }

  /// Every transcript of every chapter, in order.
  static let transcripts: [Transcript] = parsed.flatMap(\.transcripts)

  /// Characters of shell syntax the runner does not interpret in a command.
  static let shellSyntax = Set("|&;<>'\"`$\\")

  static func parse(_ text: String, chapter: String) -> Parsed {
    var parsed = Parsed()
    var inBlock = false
    var current: Transcript?
    var expected: [String] = []
    // After a `$` line that is a problem, its output is not a problem too.
    var rejected = false
    func finish() {
      if var transcript = current {
        if let last = expected.last, last.hasPrefix("[exit "), last.hasSuffix("]"),
          let code = Int32(last.dropFirst(6).dropLast())
        {
          transcript.exitCode = code
          expected.removeLast()
        }
        transcript.expected = expected.joined(separator: "\n") + (expected.isEmpty ? "" : "\n")
        parsed.transcripts.append(transcript)
      }
      current = nil
      expected = []
    }
    for (index, line) in text.components(separatedBy: "\n").enumerated() {
      let place = "\(chapter):\(index + 1)"
      if !inBlock {
        if line.hasPrefix("```console") {
          inBlock = true
        } else if line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("```console") {
          parsed.problems.append("\(place): an indented console fence is not run; start it in the first column")
        }
        continue
      }
      if line.hasPrefix("```") {
        finish()
        inBlock = false
        rejected = false
      } else if line.hasPrefix("$ ") {
        finish()
        rejected = true
        let command = String(line.dropFirst(2))
        let (input, invocation) = splitInput(command)
        let words = invocation.split(separator: " ").map(String.init)
        if words.first != "ntm" {
          parsed.problems.append("\(place): '$ \(command)' does not run ntm, so it cannot be checked")
        } else if invocation.contains(where: shellSyntax.contains) {
          parsed.problems.append("\(place): '$ \(command)' uses shell syntax the transcript runner does not interpret")
        } else {
          rejected = false
          current = Transcript(
            chapter: chapter, line: index + 1, command: command, input: input,
            arguments: Array(words.dropFirst()), expected: "")
        }
      } else if current != nil {
        expected.append(line)
      } else if !line.isEmpty && !rejected {
        parsed.problems.append("\(place): output before any '$ ntm' line")
      }
    }
    return parsed
  }

  /// `printf '<lines>' | <rest>` as the lines (split at `\n`) and the rest; any other
  /// command as no input and itself.
  static func splitInput(_ command: String) -> (input: [String], rest: String) {
    guard command.hasPrefix("printf '"), let bar = command.range(of: "' | ") else { return ([], command) }
    let script = command[command.index(command.startIndex, offsetBy: 8)..<bar.lowerBound]
    return (script.components(separatedBy: "\\n").filter { !$0.isEmpty }, String(command[bar.upperBound...]))
  }

  /// Runs a transcript's command in-process: its standard output and exit code.
  static func run(_ transcript: Transcript) -> (output: String, code: Int32) {
    let recording = Console.Recording(input: transcript.input)
    var console = recording.console(environment: environment)
    let code = CommandLineTool.run(transcript.arguments, console: &console)
    return (recording.output, code)
  }

  /// Rewrites every transcript's expected output in its chapter with the program's output.
  static func updateChapters() {
    for page in pages {
      var lines: [String] = []
      var inBlock = false
      var skipping = false
      for line in page.text.components(separatedBy: "\n") {
        if !inBlock {
          lines.append(line)
          if line.hasPrefix("```console") { inBlock = true }
          continue
        }
        if line.hasPrefix("```") {
          inBlock = false
          skipping = false
          lines.append(line)
        } else if line.hasPrefix("$ ") {
          lines.append(line)
          // A line that cannot be run keeps its output as it is; the tests name it.
          guard let transcript = parse("```console\n\(line)\n```", chapter: page.name).transcripts.first else {
            skipping = false
            continue
          }
          var (output, code) = run(transcript)
          if output.hasSuffix("\n") { output.removeLast() }
          if !output.isEmpty { lines.append(output) }
          if code != 0 { lines.append("[exit \(code)]") }
          skipping = true
        } else if !skipping {
          lines.append(line)
        }
      }
      try? lines.joined(separator: "\n").write(
        to: tutorialsFolder.appendingPathComponent(page.name), atomically: true, encoding: .utf8)
    }
  }

  @Test func everyChapterHasATranscript() {
    if ProcessInfo.processInfo.environment["NTM_UPDATE_TRANSCRIPTS"] == "1" {
      Self.updateChapters()
      Issue.record("Tutorial transcripts were rewritten from the program's output; review the diff and run again.")
    }
    let chapters = Self.pages.map(\.name).filter { $0.first?.isNumber == true }
    #expect(!chapters.isEmpty, "no chapters found in \(Self.tutorialsFolder.path)")
    for (page, parsed) in zip(Self.pages, Self.parsed)
    where chapters.contains(page.name) && !Self.withoutTranscripts.contains(page.name) {
      #expect(!parsed.transcripts.isEmpty, "\(page.name) has no transcript ('$ ntm …' in a console block)")
    }
  }

  @Test func everyTranscriptCanBeRun() {
    #expect(Self.parsed.flatMap(\.problems) == [])
  }

  @Test(arguments: transcripts)
  func transcriptMatchesTheProgram(_ transcript: Transcript) {
    let (output, code) = Self.run(transcript)
    #expect(output == transcript.expected)
    #expect(code == transcript.exitCode)
  }

  @Test func theParserReadsCommandsInputOutputAndExitCodes() {
    let text = """
      ```console
      $ ntm help gradcheck
      first
      second
      $ printf 'one\\ntwo\\n' | ntm repl
      reply
      $ ntm eval nothing.json
      [exit 1]
      ```
      """
    let parsed = Self.parse(text, chapter: "x.md")
    #expect(parsed.problems == [])
    let transcripts = parsed.transcripts
    #expect(transcripts.count == 3)
    guard transcripts.count == 3 else { return }
    #expect(transcripts[0].arguments == ["help", "gradcheck"])
    #expect(transcripts[0].expected == "first\nsecond\n")
    #expect(transcripts[0].exitCode == 0)
    #expect(transcripts[1].input == ["one", "two"])
    #expect(transcripts[1].arguments == ["repl"])
    #expect(transcripts[1].expected == "reply\n")
    #expect(transcripts[2].arguments == ["eval", "nothing.json"])
    #expect(transcripts[2].expected == "")
    #expect(transcripts[2].exitCode == 1)
  }

  @Test(arguments: [
    ("$ swift run ntm gradcheck", "x.md:2: '$ swift run ntm gradcheck' does not run ntm, so it cannot be checked"),
    ("$ printf 'step\\n' | cat", "x.md:2: '$ printf 'step\\n' | cat' does not run ntm, so it cannot be checked"),
    ("$ ntm show copy | head", "x.md:2: '$ ntm show copy | head' uses shell syntax the transcript runner does not interpret"),
    (
      "$ ntm address --key \"0 1 0 0\"",
      "x.md:2: '$ ntm address --key \"0 1 0 0\"' uses shell syntax the transcript runner does not interpret"
    ),
    ("output", "x.md:2: output before any '$ ntm' line"),
  ])
  func aLineTheRunnerCannotRunIsAProblem(_ line: String, _ problem: String) {
    let parsed = Self.parse("```console\n\(line)\n```\n", chapter: "x.md")
    #expect(parsed.problems == [problem])
    #expect(parsed.transcripts.isEmpty)
  }

  @Test func anIndentedConsoleFenceIsAProblem() {
    let parsed = Self.parse("1. Run it:\n\n   ```console\n   $ ntm gradcheck\n   ```\n", chapter: "x.md")
    #expect(parsed.problems == ["x.md:3: an indented console fence is not run; start it in the first column"])
    #expect(parsed.transcripts.isEmpty)
  }
}
