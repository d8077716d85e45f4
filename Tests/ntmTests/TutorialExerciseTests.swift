import Foundation
import NTM
import Testing

@testable import ntm

/// The commands a chapter asks the reader to run, found in the prose: inline `ntm …` spans
/// (with an optional `printf '…' |`) anywhere outside fenced blocks, and, in an exercise that
/// says "In the playground", the REPL lines in backticks (a span whose first word is a REPL command), in
/// the order the item gives them. Every one of them runs as written; the claims the items
/// make are checked on the numbers below.
struct TutorialExerciseTests {
  /// One numbered item of a chapter's Exercises section, its lines joined.
  struct Item: CustomTestStringConvertible, Sendable {
    var chapter: String
    var number: Int
    var text: String
    var testDescription: String { "\(chapter) exercise \(number)" }

    /// Every inline code span, in order.
    var spans: [String] {
      text.split(separator: "`", omittingEmptySubsequences: false).enumerated()
        .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    /// The `ntm …` commands it asks for, as (standard input, arguments).
    var commands: [(input: [String], arguments: [String])] {
      spans.compactMap { span in
        let (input, rest) = TutorialTranscriptTests.splitInput(span)
        let words = rest.split(separator: " ").map(String.init)
        return words.first == "ntm" && words.count > 1 ? (input, Array(words.dropFirst())) : nil
      }
    }

    /// The REPL lines it asks to type, when it is a playground item.
    var replLines: [String] {
      guard text.localizedCaseInsensitiveContains("in the playground") else { return [] }
      return spans.filter { span in
        span.split(separator: " ").first.map { ReplCommandList.command(named: String($0)) != nil } ?? false
      }
    }
  }

  /// The numbered items under `## Exercises` in `text`.
  static func items(_ text: String, chapter: String) -> [Item] {
    var items: [Item] = []
    var inSection = false
    for line in text.components(separatedBy: "\n") {
      if line.hasPrefix("## ") {
        inSection = line == "## Exercises"
        continue
      }
      guard inSection else { continue }
      if let dot = line.firstIndex(of: "."), let number = Int(line[..<dot]) {
        items.append(Item(chapter: chapter, number: number, text: String(line[line.index(after: dot)...])))
      } else if !items.isEmpty, !line.isEmpty {
        items[items.count - 1].text += " " + line.trimmingCharacters(in: .whitespaces)
      }
    }
    return items
  }

  static let allItems = TutorialTranscriptTests.pages.flatMap { items($0.text, chapter: $0.name) }

  /// The item `number` of `chapter`.
  static func item(_ chapter: String, _ number: Int) throws -> Item {
    try #require(allItems.first { $0.chapter.hasPrefix(chapter) && $0.number == number })
  }

  /// Runs REPL `lines` from the built-in state: every reply and the state after each.
  static func play(_ lines: [String]) -> [(reply: Interpreter.Reply, state: PlaygroundState)] {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    var state = PlaygroundState.builtIn
    return lines.map { line in
      let (reply, next) = interpreter.respond(to: line, in: state)
      state = next
      return (reply, next)
    }
  }

  @Test func theExercisesAreFound() {
    #expect(Self.allItems.count >= 20)
    #expect(Self.allProseCommands.count >= 20)
    #expect(Self.allItems.contains { !$0.replLines.isEmpty })
  }

  /// An `ntm` command written inline in a chapter's prose (exercises included).
  struct ProseCommand: CustomTestStringConvertible, Sendable {
    var chapter: String
    var input: [String]
    var arguments: [String]
    /// 0, or the N of "exit status N" in the same paragraph.
    var exitCode: Int32
    var testDescription: String { "\(chapter): ntm \(arguments.joined(separator: " "))" }
  }

  /// Every inline `ntm …` span outside fenced blocks, but templates with `<…>` in them.
  static func proseCommands(_ text: String, chapter: String) -> [ProseCommand] {
    var paragraphs: [String] = []
    var current = ""
    var inBlock = false
    for line in text.components(separatedBy: "\n") {
      if line.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
        inBlock.toggle()
        continue
      }
      if inBlock { continue }
      if line.trimmingCharacters(in: .whitespaces).isEmpty || line.first?.isNumber == true {
        paragraphs.append(current)
        current = ""
      }
      current += " " + line.trimmingCharacters(in: .whitespaces)
    }
    paragraphs.append(current)
    return paragraphs.flatMap { paragraph in
      let item = Item(chapter: chapter, number: 0, text: paragraph)
      let code = paragraph.range(of: "exit status ").flatMap { Int32(String(paragraph[$0.upperBound...].prefix { $0.isNumber })) } ?? 0
      return item.commands.filter { !$0.arguments.joined().contains("<") }.map {
        ProseCommand(chapter: chapter, input: $0.input, arguments: $0.arguments, exitCode: code)
      }
    }
  }

  static let allProseCommands = TutorialTranscriptTests.pages.flatMap { proseCommands($0.text, chapter: $0.name) }

  /// Commands other suites run in full, so here they are only named: `results` rewrites the
  /// results chapter (ResultsCommandTests), `exercises check N` builds the learner's files
  /// (ExercisesCommandTests).
  static let checkedElsewhere: Set = ["results", "exercises"]

  /// Every `ntm` command the prose asks for runs and exits as the prose says (0 unless it
  /// names an exit status); `train` is parsed, not run; `exercises check N` names an exercise;
  /// `show` or `eval` of a file the reader trains first names the file a `train` in the same
  /// chapter writes.
  @Test(arguments: allProseCommands)
  func everyProseCommandRuns(_ command: ProseCommand) throws {
    let trained = Self.allProseCommands.filter { $0.chapter == command.chapter && $0.arguments.first == "train" }
      .compactMap { try? TrainPlan.parse(Array($0.arguments.dropFirst())).checkpointPath }
    let arguments = command.arguments
    switch arguments[0] {
    case "train" where !arguments.contains("--help"):
      _ = try TrainPlan.parse(Array(arguments.dropFirst()))
    case "exercises":
      if arguments.count > 2, arguments[1] == "check" {
        #expect(Int(arguments[2]).flatMap(ExerciseCatalog.exercise) != nil, "no exercise \(arguments[2])")
      }
    case "show",
      "eval" where arguments.count > 1 && trained.contains(arguments[1]):
      return
    case let name where Self.checkedElsewhere.contains(name):
      return
    default:
      let recording = Console.Recording(input: command.input)
      var console = recording.console(environment: TutorialTranscriptTests.environment)
      let code = CommandLineTool.run(arguments, console: &console)
      #expect(code == command.exitCode, "ntm \(arguments.joined(separator: " ")): \(recording.error)")
    }
  }

  @Test func theProseCommandsAreFoundWithTheirExitStatus() {
    let text =
      "Try it and watch it fail, with exit status 1:\n`ntm gradcheck --tolerance 1e-13`.\n\n1. Run `ntm tour`, or `ntm train <task>`.\n```sh\nntm eval x\n```\n"
    let commands = Self.proseCommands(text, chapter: "x.md")
    #expect(commands.map(\.arguments) == [["gradcheck", "--tolerance", "1e-13"], ["tour"]])
    #expect(commands.map(\.exitCode) == [1, 0])
  }

  /// Every line a playground item asks the reader to type is accepted.
  @Test(arguments: allItems.filter { !$0.replLines.isEmpty })
  func everyPlaygroundLineIsAccepted(_ item: Item) {
    for (line, (reply, _)) in zip(item.replLines, Self.play(item.replLines)) {
      #expect(!reply.isError, "\(line): \(reply.text)")
    }
  }

  /// A playground item says "In the playground" only when it gives lines to type.
  @Test(arguments: allItems.filter { $0.text.localizedCaseInsensitiveContains("in the playground") })
  func aPlaygroundItemGivesItsLines(_ item: Item) {
    #expect(!item.replLines.isEmpty)
  }

  /// Chapter 1: the row read is not the row most like the key (the shift moved it on).
  @Test func chapter1TheRowReadIsNotTheOneMostLikeTheKey() throws {
    let command = try #require(try Self.item("01", 2).commands.first)
    let state = try AddressCommand.state(
      from: Arguments(Array(command.arguments.dropFirst()), declared: AddressCommand.helpText.options, command: "address"),
      canvas: Fixtures.unicode)
    let trace = state.trace
    let read = Canvas.focus(trace.weighting)
    let similar = Canvas.focus(trace.similarity)
    #expect(Canvas.tops(trace.similarity) == [similar], "one row is most like the key")
    #expect(trace.weighting[read] >= Canvas.focusedWeight, "one row is read")
    #expect(read != similar)
  }

  /// Chapter 2: the read of a uniform weighting is the mean of the rows.
  @Test func chapter2AUniformReadIsTheMeanOfTheRows() throws {
    let lines = try Self.item("02", 1).replLines
    let end = try #require(lines.firstIndex(of: "read"))
    let state = try #require(Self.play(Array(lines[...end])).last?.state)
    let r = Read.forward(.init(memory: state.memory, weighting: state.trace.weighting)).output
    for j in 0..<state.width {
      let mean = (0..<state.rows).map { state.memory[$0, j] }.reduce(0, +) / Double(state.rows)
      #expect(abs(r[j] - mean) < 1e-12)
    }
  }

  /// Chapter 3: a zero key scores every row 0, so w_c is uniform.
  @Test func chapter3AZeroKeyGivesTheUniformWeighting() throws {
    let state = try #require(Self.play(try Self.item("03", 1).replLines).last?.state)
    for weight in state.trace.content { #expect(abs(weight - 1 / Double(state.rows)) < 1e-12) }
  }

  /// Chapter 4: g = 0 gives back w_prev, g = 1 gives w_c.
  @Test func chapter4TheGateChoosesBetweenTheTwoWeightings() throws {
    let lines = try Self.item("04", 1).replLines
    let states = Self.play(lines).map(\.state)
    let closed = try #require(zip(lines, states).first { $0.0 == "gate 0" }?.1)
    let open = try #require(zip(lines, states).first { $0.0 == "gate 1" }?.1)
    #expect(closed.trace.interpolated == closed.previousWeighting)
    #expect(open.trace.interpolated == open.trace.content)
  }

  /// Chapter 6: one of the sharpenings tried puts 0.99 on one row, and the smallest does not.
  @Test func chapter6SomeSharpeningTriedReachesTheAnswer() throws {
    let lines = try Self.item("06", 1).replLines
    let states = zip(lines, Self.play(lines).map(\.state)).filter { $0.0 == "address" }.map(\.1)
    let largest = states.map { $0.trace.weighting.max() ?? 0 }
    #expect(largest.count >= 3)
    #expect(largest.first.map { $0 < 0.99 } == true)
    #expect(largest.last.map { $0 >= 0.99 } == true)
  }

  /// Chapter 7: the second write changes the written row far less than the first.
  @Test func chapter7TheSecondWriteBarelyChangesTheRow() throws {
    let command = try #require(try Self.item("07", 1).commands.first)
    let states = Self.play(command.input).map(\.state)
    let top = Canvas.focus(PlaygroundState.builtIn.trace.weighting)
    func change(_ a: Matrix, _ b: Matrix) -> Double { zip(a.row(top), b.row(top)).map { abs($0 - $1) }.max() ?? 0 }
    let first = change(PlaygroundState.builtIn.memory, states[0].memory)
    let second = change(states[0].memory, states[1].memory)
    #expect(second < first / 10, "first \(first), second \(second)")
  }
}
