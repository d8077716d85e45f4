import TerminalCharts
import Testing

@testable import ntm

/// `ntm repl` off a terminal: one reply per line, errors on standard error, exit 0.
@Suite struct ReplSessionTests {
  @Test func linesFromAPipe() {
    let result = runNTM(["repl"], input: ["beta 2", "", "bta 3", "gate 0.5", "quit", "beta 9"])
    #expect(result.code == 0)
    #expect(result.output == "β = 2\ng = 0.5\nbye\n")
    #expect(result.error == "error: unknown command 'bta'. Did you mean 'beta'? Type 'help' for the commands.\n")
  }

  @Test func endOfInputExitsZero() {
    #expect(runNTM(["repl"], input: ["beta 2"]).code == 0)
  }

  @Test func asciiFlagAndLocale() {
    #expect(runNTM(["repl", "--ascii"], input: ["beta 2"]).output == "beta = 2\n")
    #expect(runNTM(["repl"], input: ["beta 2"], environment: ["LANG": "C"]).output == "beta = 2\n")
  }

  @Test func helpAndBadArguments() {
    #expect(runNTM(["repl", "--help"]).output == ReplCommand.help + "\n")
    let result = runNTM(["repl", "now"])
    #expect(result.code == 64 && result.error.hasPrefix("error: repl takes no argument 'now'"))
  }

  @Test func everyCommandHasHelp() {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    for command in ReplCommandList.all {
      let (reply, _) = interpreter.respond(to: "help \(command.name)", in: .builtIn)
      #expect(!reply.isError && reply.text.hasPrefix(command.usage))
    }
  }

  @Test func completionWords() {
    #expect(ReplCompletion.candidates(previous: [], prefix: "re") == ["read", "reset"])
    #expect(ReplCompletion.candidates(previous: ["help"], prefix: "wr") == ["write"])
    #expect(ReplCompletion.candidates(previous: ["prev"], prefix: "") == ["row", "uniform", "last"])
    #expect(ReplCompletion.candidates(previous: ["beta", "5"], prefix: "").isEmpty)
  }
}

/// Drawing: ASCII spelling and the row limit.
@Suite struct CanvasTests {
  @Test func equationsSpellInASCII() {
    let equations = [
      Canvas.Equation.similarity, Canvas.Equation.content, Canvas.Equation.interpolation, Canvas.Equation.shift,
      Canvas.Equation.sharpening, Canvas.Equation.read, Canvas.Equation.erase, Canvas.Equation.add,
      Canvas.Equation.memory, Canvas.Equation.weighting, TourPages.centredDifference, TourPages.relativeError,
    ]
    for equation in equations {
      #expect(Fixtures.ascii.spell(equation).unicodeScalars.allSatisfy { $0.isASCII })
      #expect(!Fixtures.ascii.spell(equation).contains("?"), "\(equation) → \(Fixtures.ascii.spell(equation))")
    }
    #expect(Fixtures.ascii.spell("w̃ ← β·k") == "w~ <- beta*k")
    #expect(Fixtures.unicode.spell("w̃ ← β") == "w̃ ← β")
  }

  @Test func longWeightingsAreCut() {
    let weights = (0..<100).map { $0 == 80 ? 0.5 : 0.5 / 99 }
    let lines = Fixtures.unicode.bars(weights)
    #expect(lines.count == Canvas.rowLimit + 1)
    #expect(lines.last == "… 36 more rows not drawn; the largest is row 80, 0.500")
  }

  @Test(arguments: [TextStyle.unicode, .ascii])
  func linesFitTheWidth(style: TextStyle) {
    let narrow = Canvas(style: style, width: 60)
    let state = PlaygroundState.builtIn
    for stage in PlaygroundState.Stage.allCases {
      for line in narrow.stage(stage, state: state, trace: state.trace) {
        #expect(line.count <= 60, "\(line)")
      }
    }
  }

  @Test func aQuotedCommandStaysOnOneLine() {
    let canvas = Canvas(style: .unicode, width: 24)
    #expect(canvas.wrap("Type the words 'ntm repl' to play.") == ["Type the words", "'ntm repl' to play."])
    #expect(Canvas.unbreakable(["'a", "b", "c'", "d"], within: 7) == ["'a b c'", "d"])
    #expect(Canvas.unbreakable(["'a", "b", "c'", "d"], within: 6) == ["'a", "b", "c'", "d"])
    #expect(Canvas.unbreakable(["'open", "never", "closed"], within: 80) == ["'open", "never", "closed"])
  }

  @Test func wideEquationsBreakAfterTheirSideConditions() {
    let narrow = Canvas(style: .ascii, width: 60)
    #expect(
      narrow.equation(Canvas.Equation.sharpening) == [
        "  w(i) = (w~(i) + eps)^gamma / sum_j (w~(j) + eps)^gamma,", "    eps = 1e-12",
      ])
    #expect(Fixtures.unicode.equation(Canvas.Equation.sharpening) == ["  " + Canvas.Equation.sharpening])
  }

  @Test func vectorsFitTheWidthWithTheirIndent() {
    let narrow = Canvas(style: .unicode, width: 30)
    let line = narrow.vector("k", Array(repeating: 0.5, count: 20), indent: "  ")
    #expect(line.count == 30 && line.hasPrefix("  k = [0.500") && line.hasSuffix("…"))
    #expect(Fixtures.ascii.vector("w", Array(repeating: 0, count: 70), indent: "  ").hasSuffix("~"))
  }
}
