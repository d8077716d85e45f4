import Foundation
import TerminalCharts

/// `ntm bench repl`: how long the REPL takes to answer each of its commands, on the
/// 64-row memories where a person would first feel a delay.
///
/// A reply within `instantLimit` (20 ms) feels instant. Each line of
/// `ReplCommandList.benchmarkScript` runs `repeats` times from the same state and its best
/// time counts (the command's own cost, not the scheduler's); then the script moves on with
/// that line's state, as a person's session would.
extension BenchCommand {
  /// What a person perceives as an instant reply.
  static let instantLimit = 20.0
  /// Runs of each line; the fastest counts.
  static let replRepeats = 5

  /// One line's best time, in milliseconds.
  struct ReplTiming: Equatable {
    var line: String
    var milliseconds: Double
  }

  /// Times every line of the script on a Unicode canvas 80 columns wide.
  static func measureRepl(repeats: Int = replRepeats) -> [ReplTiming] {
    let interpreter = Interpreter(canvas: Canvas(style: .unicode, width: 80))
    var state = PlaygroundState.builtIn
    var timings: [ReplTiming] = []
    for line in ReplCommandList.benchmarkScript {
      var next = state
      var best = Double.infinity
      for _ in 0..<repeats {
        let start = Clock.now
        (_, next) = interpreter.respond(to: line, in: state)
        best = min(best, (Clock.now - start).wall)
      }
      state = next
      timings.append(ReplTiming(line: line, milliseconds: best))
    }
    return timings
  }

  /// Readable lines (the slowest commands first), then one JSON line.
  static func replReport(_ timings: [ReplTiming]) -> [String] {
    let slowest = timings.sorted { $0.milliseconds > $1.milliseconds }
    let over = timings.filter { $0.milliseconds >= instantLimit }
    func shortened(_ line: String) -> String { line.count <= 40 ? line : String(line.prefix(37)) + "..." }
    var lines = [
      "REPL: every command of the playground, on 64 × 16 and 64 × 256 memories, best of \(replRepeats) runs each.",
      "",
      "slowest commands:",
    ]
    for timing in slowest.prefix(5) {
      lines.append(
        "  " + shortened(timing.line).padding(toLength: 42, withPad: " ", startingAt: 0)
          + TextWidth.padLeft(NumberFormat.fixed(timing.milliseconds, decimals: 3), to: 7) + " ms")
    }
    lines.append("")
    lines.append(
      over.isEmpty
        ? "All \(timings.count) lines answered in under \(NumberFormat.fixed(instantLimit, decimals: 0)) ms "
          + "(the slowest in \(NumberFormat.fixed(slowest.first?.milliseconds ?? 0, decimals: 3)) ms)."
        : "\(over.count) of \(timings.count) lines took \(NumberFormat.fixed(instantLimit, decimals: 0)) ms or more.")
    lines.append("")
    let total = timings.reduce(0) { $0 + $1.milliseconds }
    lines.append(
      String(
        format: #"{"benchmark":"repl","lines":%d,"repeats":%d,"slowest_ms":%.4f,"total_ms":%.4f,"over_limit":%d,"limit_ms":%.0f}"#,
        timings.count, replRepeats, slowest.first?.milliseconds ?? 0, total, over.count, instantLimit))
    return lines
  }
}
