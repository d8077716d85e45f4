import Testing

@testable import ntm

/// The benchmark script calls every command on the memories it promises, and every line gets
/// its reply: the timing itself belongs to `ntm bench`, not to a test.
@Suite struct ReplBenchmarkScriptTests {
  @Test func everyCommandIsCalled() {
    let called = Set(ReplCommandList.benchmarkScript.map { String($0.split(separator: " ")[0]) })
    for command in ReplCommandList.all {
      #expect(called.contains(command.name), "'\(command.name)' is not in the script")
    }
    for size in ["64 16", "64 256"] {
      #expect(ReplCommandList.benchmarkScript.contains("memory random \(size) 3"))
    }
    #expect(ReplCommandList.benchmarkErrorLines.isSubset(of: ReplCommandList.benchmarkScript))
  }

  @Test(arguments: [Fixtures.unicode, Fixtures.ascii])
  func everyLineGetsItsReply(canvas: Canvas) {
    let interpreter = Interpreter(canvas: canvas)
    var state = PlaygroundState.builtIn
    for (index, line) in ReplCommandList.benchmarkScript.enumerated() {
      let (reply, next) = interpreter.respond(to: line, in: state)
      #expect(!reply.text.isEmpty, "line \(index) '\(line.prefix(40))' got no reply")
      let deliberate = ReplCommandList.benchmarkErrorLines.contains(line)
      #expect(reply.isError == deliberate, "line \(index) '\(line.prefix(40))': \(reply.text.prefix(200))")
      #expect(reply.quits == (index == ReplCommandList.benchmarkScript.count - 1))
      state = next
    }
  }

  @Test func theScriptReachesTheWidestMemory() {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    var state = PlaygroundState.builtIn
    var widths: Set<Int> = []
    for line in ReplCommandList.benchmarkScript {
      state = interpreter.respond(to: line, in: state).state
      widths.insert(state.width)
      if state.width == 256 { #expect(state.rows == 64) }
    }
    #expect(widths.isSuperset(of: [16, 256]))
  }
}
