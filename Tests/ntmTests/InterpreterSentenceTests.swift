import NTM
import TerminalCharts
import Testing

@testable import ntm

/// What the REPL says agrees with the numbers it draws: ties, uniform weightings and reads
/// are described as they are, settings can be looked at, `address` stays within its step,
/// and tables and help fit.
@Suite struct InterpreterSentenceTests {
  let interpreter = Interpreter(canvas: Fixtures.unicode)

  /// Runs `lines` from `state`; the last reply and the state after it.
  func run(_ lines: [String], from state: PlaygroundState = .builtIn) -> (reply: Interpreter.Reply, state: PlaygroundState) {
    var state = state
    var reply = Interpreter.Reply(text: "")
    for line in lines { (reply, state) = interpreter.respond(to: line, in: state) }
    return (reply, state)
  }

  /// The numbers in `name = [x, y, …]` on a line of `text`.
  func vector(_ name: String, in text: String) -> [Double]? {
    guard let line = text.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(name + " = [") }),
      let open = line.firstIndex(of: "["), let close = line.firstIndex(of: "]")
    else { return nil }
    return line[line.index(after: open)..<close].split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
  }

  @Test(arguments: [
    ("key", "k = [0.100, 0.200, 0.900, 0.100]"), ("beta", "β = 20"), ("gate", "g = 0.8"),
    ("sharpen", "γ = 3"), ("shift", "s over shifts −1…+1 = [0.100, 0.200, 0.700]"),
    ("previous", "w_prev = [0.000, 0.000, 0.000, 0.000, 0.000, 0.000, 1.000, 0.000]"),
    ("erase", "e = [1.000, 1.000, 1.000, 1.000]"), ("add", "a = [1.000, 0.000, 1.000, 0.000]"),
    ("row 5", "M(5) = [0.000, 1.000, 1.000, 0.000]"),
  ])
  func aSettingWithoutAValueShowsTheCurrentOne(_ line: String, _ expected: String) {
    var state = PlaygroundState.builtIn
    state.stagesShown = 2
    let (reply, next) = interpreter.respond(to: line, in: state)
    #expect(!reply.isError)
    #expect(reply.text == expected)
    #expect(next == state, "looking at a setting changes nothing, not even the step")
  }

  @Test func memoryWithoutAValueShowsTheMemory() {
    let (reply, next) = interpreter.respond(to: "memory", in: .builtIn)
    #expect(!reply.isError && next == .builtIn)
    #expect(reply.text.hasPrefix("M: 8 × 4\n"))
  }

  @Test func addressStaysWithinTheTimeStep() {
    let (addressed, state) = run(["beta 5", "address"])
    #expect(state == run(["beta 5"]).state, "address changes no setting and does not move step on")
    let (stepped, _) = interpreter.respond(to: "step", in: state)
    #expect(stepped.text.hasPrefix("Stage 1 of 4"), "the next step starts the same time step")
    // The weighting write uses is the one address drew.
    let (written, _) = interpreter.respond(to: "write", in: state)
    let drawn = barChartNumbers(addressed.text.split(separator: "\n").map(String.init).filter { $0.contains("│") })
    let weights = written.text.split(separator: "\n").compactMap { line -> Double? in
      let fields = line.split(separator: " ")
      return fields.count > 2 && Int(fields[0]) != nil ? Double(fields[1]) : nil
    }
    #expect(weights == state.trace.weighting.map { (($0 * 1000).rounded()) / 1000 })
    #expect(!drawn.isEmpty)
  }

  @Test func writeAlignsNegativeNumbers() {
    let (reply, _) = run(["write 1 1 1 1 -0.5 -1 0.25 0"])
    let rows = reply.text.split(separator: "\n").filter { $0.first?.isNumber == true }
    #expect(rows.count == 8)
    #expect(Set(rows.map { TextWidth.of(String($0)) }).count == 1, "every row of the table is as wide: \(rows)")
    // Each entry ends in the same column on every row.
    let ends = rows.map { row in
      Array(row).indices.filter { i in Array(row)[i].isNumber && (i + 1 == row.count || Array(row)[i + 1] == " ") }
    }
    #expect(Set(ends).count == 1, "\(rows)")
  }

  @Test func aUniformReadIsTheMeanOfTheRows() {
    let (reply, state) = run(["gate 0", "shift 0", "sharpen 1", "previous uniform", "read"])
    let mean = (0..<state.width).map { j in (0..<state.rows).map { state.memory[$0, j] }.reduce(0, +) / Double(state.rows) }
    let r = vector("r", in: reply.text) ?? []
    #expect(r.count == mean.count)
    for (x, m) in zip(r, mean) { #expect(abs(x - m) < 0.0005) }
    #expect(reply.text.contains("so r is the mean of the rows"))
    #expect(!reply.text.contains("close to"))
  }

  @Test func aReadIsCloseToARowOnlyWhenTheWeightIsThere() {
    let focused = run(["previous uniform", "read"]).reply.text
    let top = Canvas.tops(PlaygroundState.builtIn.trace.weighting)
    #expect(focused.contains("close to M("), "\(focused)")
    let split = run(["gate 0", "shift 0", "sharpen 1", "previous 0.5 0 0 0.5 0 0 0 0", "read"]).reply.text
    #expect(split.contains("0.500 on each of rows 0 and 3"), "\(split)")
    #expect(!split.contains("close to"), "\(split)")
    #expect(top.count == 1)
  }

  @Test func aTieNamesEveryTiedRow() {
    let lines = ["memory zeros 3 2", "row 0 1 0", "row 1 1 0", "row 2 0 1", "key 1 0", "beta 50", "gate 1", "shift 0", "address"]
    let text = run(lines).reply.text
    #expect(text.contains("puts 0.500 on each of rows 0 and 1"), "\(text)")
    let stepped = run(Array(lines.dropLast()) + ["step"]).reply.text
    #expect(stepped.contains("Rows 0 and 1 are equally most like the key"), "\(stepped)")
  }

  /// A negative similarity draws a bar left of its column's axis, not an empty bar like 0.
  @Test func aNegativeSimilarityDrawsLeftOfTheAxis() {
    let (reply, state) = run(["memory random 5 3 7", "key 1 0 0", "step"])
    let negative = state.trace.similarity.indices.filter { state.trace.similarity[$0] < -0.1 }
    #expect(!negative.isEmpty, "the example has a clearly negative K")
    let chart = reply.text.split(separator: "\n").filter { $0.contains("│") }
    for row in negative {
      let line = chart.first { $0.hasPrefix("\(row) ") }
      #expect(line?.contains("█│") == true, "row \(row): \(line ?? "")")
    }
  }

  @Test func aUniformWeightingIsCalledUniform() {
    let text = run(["beta 0", "gate 1", "shift 0", "address"]).reply.text
    #expect(text.contains("is uniform: 0.125 on each of the 8 rows"), "\(text)")
  }

  @Test(arguments: [nil] + ReplCommandList.all.map(\.name))
  func helpFitsInSixtyColumns(_ command: String?) {
    let (reply, _) = interpreter.respond(to: "help" + (command.map { " " + $0 } ?? ""), in: .builtIn)
    #expect(!reply.isError)
    for line in reply.text.split(separator: "\n") {
      #expect(TextWidth.of(String(line)) <= Interpreter.helpWidth, "\(line)")
    }
  }

  @Test func theBannerFitsASixtyColumnLineAndKeepsItsWords() {
    let lines = ReplSession.bannerLines(canvas: Canvas(style: .unicode, width: 60))
    #expect(lines.allSatisfy { TextWidth.of($0) <= 60 }, "\(lines)")
    let words = { (text: String) in text.split(whereSeparator: \.isWhitespace) }
    #expect(words(lines.joined(separator: " ")) == words(ReplSession.banner))
  }

  @Test func everyReplyFitsASixtyColumnLine() {
    let narrow = Interpreter(canvas: Canvas(style: .unicode, width: 60))
    var state = PlaygroundState.builtIn
    for line in [
      "memory zeros 2 2", "memory random 5 3 7", "reset", "step", "step", "step", "step", "address", "read", "write", "show weights",
      "show params",
    ] {
      let (reply, next) = narrow.respond(to: line, in: state)
      state = next
      for text in reply.text.split(separator: "\n") {
        #expect(TextWidth.of(String(text)) <= 60, "\(line): \(text)")
      }
    }
  }
}
