import NTM
import Testing

@testable import ntm

/// Golden transcripts of every REPL command through the pure interpreter.
@Suite struct InterpreterTests {
  @Test func settingsTranscript() {
    let lines = [
      "key 0 0 1 0", "key row 5", "beta 5", "β 2.5", "gate 0.25", "g 1", "shift +1", "shift -1", "shift 0",
      "shift 1 2 1", "shift 0.1 0.2 0.7", "sharpen 2", "gamma 10", "set beta 7", "previous row 3",
      "previous uniform", "previous last", "previous 1 1 0 0 0 0 0 0", "erase 0.5 0.5 1 0", "add 0 0 0 1",
      "row 0 0.5 -0.5 0.25 1", "show params",
    ]
    PlaygroundGolden.check(replTranscript(lines), PlaygroundGolden.settingsTranscript, name: "settingsTranscript")
  }

  @Test func memoryTranscript() {
    let lines = ["memory random 5 3 7", "memory zeros 3 2", "show memory", "memory builtin", "reset", "show memory"]
    PlaygroundGolden.check(replTranscript(lines), PlaygroundGolden.memoryTranscript, name: "memoryTranscript")
  }

  @Test func stageTranscript() {
    let lines = [
      "step", "step", "step", "step", "step", "beta 1", "step", "address", "show weights", "read", "write", "write 1 1 1 1 0 1 0 1",
      "show memory",
    ]
    PlaygroundGolden.check(replTranscript(lines), PlaygroundGolden.stageTranscript, name: "stageTranscript")
  }

  @Test func helpTranscript() {
    let lines = ["help", "?", "help sharpen", "help γ", "HELP shift", "", "   ", "quit"]
    PlaygroundGolden.check(replTranscript(lines), PlaygroundGolden.helpTranscript, name: "helpTranscript")
  }

  @Test func errorTranscript() {
    let lines = [
      "sharpn 3", "bet 5", "beta 1 2", "beta five", "beta -1", "beta nan", "beta inf", "beta 1e308", "gate 2",
      "sharpen 0.5", "key 1 2", "key row 9", "row 8 1 1 1 1", "row 0 1 x 1 1", "shift +4", "shift 0.5",
      "shift 1 1", "shift 0 0 0", "shift 1 -1 1", "previous 1 2", "previous row -1", "previous row", "erase 2 0 0 0",
      "add 1 2 3", "memory all", "memory random 0 4", "memory random 2000 4", "memory random 4 300",
      "memory random 4 4 -3", "memory zeros 4", "show", "show everything", "step 2", "address now", "read it",
      "write 1 2", "reset please", "help nothing", "quit now", "\u{1B}[31mred", "ключ 1",
    ]
    PlaygroundGolden.check(replTranscript(lines), PlaygroundGolden.errorTranscript, name: "errorTranscript")
  }

  @Test func asciiTranscript() {
    PlaygroundGolden.check(
      replTranscript(["beta 3", "step", "help sharpen", "sharpn"], canvas: Fixtures.ascii), PlaygroundGolden.asciiTranscript,
      name: "asciiTranscript")
  }

  @Test func nearMissSuggestsTheCommand() {
    let (reply, _) = Interpreter(canvas: Fixtures.unicode).respond(to: "sharpn 3", in: .builtIn)
    #expect(reply.isError)
    #expect(reply.text.contains("Did you mean 'sharpen'?"))
  }

  @Test(arguments: ["quit", "exit", ":q", "QUIT"])
  func quitWords(_ word: String) {
    let (reply, state) = Interpreter(canvas: Fixtures.unicode).respond(to: word, in: .builtIn)
    #expect(reply.quits && !reply.isError)
    #expect(state == .builtIn)
  }

  @Test func emptyLineDoesNothing() {
    var state = PlaygroundState.builtIn
    state.stagesShown = 2
    for line in ["", " ", "\t", "  \t  "] {
      let (reply, next) = Interpreter(canvas: Fixtures.unicode).respond(to: line, in: state)
      #expect(reply == Interpreter.Reply(text: ""))
      #expect(next == state)
    }
  }

  @Test func stepWalksTheStagesThenStartsANewTimeStep() {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    var state = PlaygroundState.builtIn
    let final = state.trace.weighting
    for expected in 1...4 {
      (_, state) = interpreter.respond(to: "step", in: state)
      #expect(state.stagesShown == expected)
    }
    let (reply, next) = interpreter.respond(to: "step", in: state)
    #expect(reply.text.hasPrefix("New time step"))
    #expect(next.stagesShown == 1)
    #expect(next.previousWeighting == final)
  }

  @Test func changingASettingRestartsTheSteps() {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    var state = PlaygroundState.builtIn
    (_, state) = interpreter.respond(to: "step", in: state)
    (_, state) = interpreter.respond(to: "step", in: state)
    (_, state) = interpreter.respond(to: "gate 0.3", in: state)
    #expect(state.stagesShown == 0)
    #expect(state.parameters.gate == 0.3)
  }

  @Test func writeUsesTheLibrary() {
    let state = PlaygroundState.builtIn
    let (_, next) = Interpreter(canvas: Fixtures.unicode).respond(to: "write", in: state)
    #expect(
      next.memory == Write.forward(.init(memory: state.memory, weighting: state.trace.weighting, erase: state.erase, add: state.add)).output
    )
  }

  @Test func readPrintsTheLibrarysReadVector() {
    let state = PlaygroundState.builtIn
    let (reply, _) = Interpreter(canvas: Fixtures.unicode).respond(to: "read", in: state)
    let read = Read.forward(.init(memory: state.memory, weighting: state.trace.weighting)).output
    #expect(reply.text.contains("r = [" + read.map { Canvas.number($0) }.joined(separator: ", ") + "]"))
  }

  @Test func shiftWeightsAreNormalised() {
    let (reply, next) = Interpreter(canvas: Fixtures.unicode).respond(to: "shift 1 2 1", in: .builtIn)
    #expect(next.parameters.shiftWeighting == [0.25, 0.5, 0.25])
    #expect(reply.text.contains("normalised"))
  }

  @Test func overlongLineIsRejected() {
    let line = String(repeating: "1 ", count: PlaygroundInput.maximumLineLength)
    let (reply, state) = Interpreter(canvas: Fixtures.unicode).respond(to: line, in: .builtIn)
    #expect(reply.isError && reply.text.hasPrefix("error: the line is"))
    #expect(state == .builtIn)
  }

  /// `set` alone is not a typo of `key`: it gets its own line; a word needing most of its
  /// letters changed gets no suggestion, a near miss or a beginning still does.
  @Test func setAloneAndFarWordsGetNoSuggestion() {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    let (reply, state) = interpreter.respond(to: "set", in: .builtIn)
    #expect(reply == .error("set needs a setting and its value: 'set beta 5' works as 'beta 5'. Type 'help' for the commands."))
    #expect(state == .builtIn)
    #expect(Interpreter.nearMiss("set") != "key")
    #expect(Interpreter.nearMiss("xyz") == nil)
    #expect(Interpreter.nearMiss("sharpn") == "sharpen")
    #expect(Interpreter.nearMiss("bta") == "beta")
    #expect(Interpreter.nearMiss("q") == "quit")
    #expect(Interpreter.nearMiss("prev") == "previous")
    #expect(Interpreter.nearMiss("kye") == "key")
    #expect(Interpreter.nearMiss("shfit") == "shift")
    #expect(Interpreter.nearMiss("sx") == nil)
    #expect(Suggestion.lettersInCommon("set", "key") == 1)
    #expect(Suggestion.lettersInCommon("sharpn", "sharpen") == 6)
    #expect(interpreter.respond(to: "set beta 7", in: .builtIn).state.parameters.keyStrength == 7)
  }

  @Test(arguments: [(2, "2 rows"), (1, "1 row")])
  func aShiftThatCannotFitSaysOnlyZeroFits(rows: Int, what: String) {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    let (_, small) = interpreter.respond(to: "memory zeros \(rows) 2", in: .builtIn)
    let (reply, state) = interpreter.respond(to: "shift +1", in: small)
    #expect(reply.text == "error: a shift of 1 needs 2|offset| + 1 ≤ N = \(rows); only offset 0 fits a memory of \(what). Try 'shift 0'.")
    #expect(state == small)
    #expect(!interpreter.respond(to: "shift 0", in: small).reply.isError)
  }
}
