import NTM
import TerminalCharts
import Testing

@testable import ntm

/// target, backward and descend: golden transcripts, the descent's promise for every row of
/// the built-in memory, and the 60-column canvas.
@Suite struct InterpreterBackwardTests {
  @Test func targetTranscript() {
    let lines = [
      "target", "target row 5", "show target", "target 1 1 0 0 0 0 0 0", "target off", "target row 8", "target 1 2",
      "backward", "descend", "target row 2", "descend 0", "descend 5 nan", "descend 1 1 1",
    ]
    PlaygroundGolden.check(replTranscript(lines), PlaygroundGolden.targetTranscript, name: "targetTranscript")
  }

  @Test func backwardTranscript() {
    PlaygroundGolden.check(
      replTranscript(["target row 5", "backward"]), PlaygroundGolden.backwardTranscript, name: "backwardTranscript")
  }

  @Test func descendTranscript() {
    PlaygroundGolden.check(
      replTranscript(["target row 5", "descend 50", "show params"]), PlaygroundGolden.descendTranscript,
      name: "descendTranscript")
  }

  /// From the built-in memory and settings, the default `descend` (50 steps, rate 1) puts at
  /// least 0.9 of the final weighting on any target row.
  @Test(arguments: 0..<8)
  func descendFocusesOnTheTargetRow(row: Int) {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    var state = interpreter.respond(to: "target row \(row)", in: .builtIn).state
    let (reply, next) = interpreter.respond(to: "descend 50", in: state)
    #expect(!reply.isError)
    state = next
    #expect(state.trace.weighting[row] >= 0.9, "row \(row): w = \(state.trace.weighting)")
    #expect(Interpreter.defaultDescentSteps == 50 && Interpreter.defaultDescentRate == 1)
  }

  @Test(arguments: ["backward", "descend", "show target"])
  func linesFitSixtyColumns(command: String) {
    for start in [PlaygroundState.builtIn, PlaygroundState.fresh(memory: PlaygroundState.randomMemory(rows: 64, width: 16, seed: 3))] {
      let interpreter = Interpreter(canvas: Fixtures.unicode)
      let state = interpreter.respond(to: "target row 1", in: start).state
      let reply = interpreter.respond(to: command, in: state).reply
      #expect(!reply.isError)
      for line in reply.text.split(separator: "\n") {
        #expect(TextWidth.of(String(line)) <= 60, "\(command): \(line)")
      }
    }
  }

  @Test func aNewMemoryDropsTheTarget() {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    let state = interpreter.respond(to: "target row 7", in: .builtIn).state
    let next = interpreter.respond(to: "memory random 4 3", in: state).state
    #expect(next.target == nil)
    #expect(interpreter.respond(to: "backward", in: next).reply.isError)
  }

  /// Where the loss does not depend on s, no offset is singled out; at k = 0 the kink is named.
  @Test func aFlatShiftAndAZeroKeyAreSaidSo() {
    let lines = ["key 0 0 0 0", "shift +1", "gate 1", "target row 5", "backward"]
    let text = replTranscript(lines)
    #expect(text.contains("Every ∂L/∂s is alike"))
    #expect(!text.contains("Most negative is"))
    #expect(text.contains("k = 0 is a kink of the cosine"))
    #expect(text.contains("* marks a setting at the edge of its range"))
    #expect(!text.contains("zero row of M"))
  }

  /// `backward` draws ∂L/∂M as a signed heatmap: a sign where the walk's ∂L/∂M is large, blank
  /// where it is near 0, and the largest entry checked beside its centred difference.
  @Test func backwardDrawsTheMemoryGradient() throws {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    let state = interpreter.respond(to: "target row 5", in: .builtIn).state
    let lines = interpreter.respond(to: "backward", in: state).reply.text.components(separatedBy: "\n")
    let walk = BackwardWalk(state, target: PlaygroundState.oneHot(5, count: 8))
    let title = try #require(lines.firstIndex { $0.hasPrefix("∂L/∂M, what the cosine hands back") })
    let grid = lines[(title + 2)..<(title + 2 + state.rows)]
    let extent = walk.atMemory.scalars.map(abs).max()!
    for (i, line) in zip(0..., grid) {
      let cells = Array(line.drop { $0 != "│" }.dropFirst())
      for j in 0..<state.width {
        let value = walk.atMemory[i, j]
        let sign = cells[3 * j]
        if abs(value) < extent / 8 {
          #expect(sign == " ", "M[\(i),\(j)] = \(value) should be blank")
        } else {
          #expect(sign == (value > 0 ? "+" : "−"), "M[\(i),\(j)] = \(value)")
        }
      }
    }
    #expect(lines[title + 2 + state.rows] == "+ above 0, − below 0, blank near 0")
    let check = walk.memory
    #expect(check.name == "∂L/∂M[\(walk.memoryRow),\(walk.memoryColumn)]")
    #expect(abs(check.analytic) == extent)
    #expect(check.relativeError <= GradientChecker.goodTolerance, "\(check.analytic) vs \(check.numeric)")
    #expect(
      lines.contains {
        $0.hasPrefix(check.name) && $0.contains(NumberFormat.fixed(check.analytic, decimals: 6))
          && $0.contains(NumberFormat.fixed(check.numeric, decimals: 6))
      })
  }

  /// A zero row of M is a kink of the cosine, and the reply says so.
  @Test func aZeroMemoryRowIsSaidToBeAKink() {
    let text = replTranscript(["row 3 0 0 0 0", "target row 5", "backward"])
    #expect(text.contains("a zero row of M, such as M(3), is a kink of the cosine"))
  }
}
