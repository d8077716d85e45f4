import Foundation
import TerminalCharts
import Testing

@testable import ntm

/// `ntm show`: it says which memory rows it draws and why, draws every step of a long
/// sequence, and fits the terminal.
@Suite struct ShowCommandTests {
  static func show(_ arguments: [String], columns: Int = 80) -> (code: Int32, output: String, error: String) {
    CommandLineToolTests.run(["show", "copy"] + arguments, environment: ["LANG": "en_US.UTF-8", "COLUMNS": String(columns)])
  }

  /// The row labels of the panel titled `title` in `block` (0-based) of `output`.
  static func panel(_ title: String, in output: String, block: Int = 0) -> [String] {
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let starts = lines.indices.filter { lines[$0] == title }
    guard block < starts.count else { return [] }
    return lines[(starts[block] + 2)...].prefix { $0.contains("│") }.map { $0 }
  }

  @Test func itSaysWhichRowsItDrawsAndWhy() {
    let result = Self.show(["--length", "5"], columns: 400)
    #expect(result.code == 0, "\(result.error)")
    let rows = Self.panel("write head 0 weighting (locations × time)", in: result.output)
    #expect(rows.count < 128)
    #expect(result.output.contains("show the \(rows.count) of 128 locations some head weighted at least 0.01 ("))
    #expect(result.output.contains("--all-rows shows all 128."))
    let all = Self.show(["--length", "5", "--all-rows"], columns: 400)
    #expect(Self.panel("read head 0 weighting (locations × time)", in: all.output).count == 128)
    #expect(all.output.contains("show all 128 locations.") && !all.output.contains("--all-rows"))
  }

  /// A sequence longer than a line comes in blocks of steps, each with every panel, so the
  /// output phase (where the errors are) is drawn too.
  @Test func aLongSequenceShowsEveryStep() {
    let result = Self.show(["--length", "40"], columns: 60)
    #expect(result.code == 0, "\(result.error)")
    let steps = 81
    let blocks = result.output.split(separator: "\n").filter { $0.hasPrefix("steps ") }
    #expect(blocks.count > 1 && blocks.last?.hasSuffix("–\(steps - 1) of \(steps)") == true, "\(blocks)")
    var drawn = 0
    for block in blocks.indices {
      let row = Self.panel("output σ(y)", in: result.output, block: block)[0]
      let cells = row.drop { $0 != "│" }.dropFirst().prefix { $0 != "│" }
      drawn += cells.count
    }
    #expect(drawn == steps)
    #expect(!result.output.contains("more column"))
  }

  @Test(arguments: [(60, Self.heading60), (80, Self.heading80)])
  func itFitsTheTerminal(columns: Int, heading: String) {
    let result = Self.show([], columns: columns)
    #expect(result.code == 0)
    #expect(result.output.hasPrefix(heading + "\n\n"), "\(result.output.prefix(600))")
    #expect(result.output.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= columns })
  }

  static let heading60 = """
    copy, length 30, seed 1: 0 wrong bits; 61 steps, time runs
      left to right. The head panels and the memory show the 125
      of 128 locations some head weighted at least 0.01 (0–98,
      100, 102, 104–127); --all-rows shows all 128. The steps
      come in 2 blocks of up to 54, each with every panel.
    """

  static let heading80 = """
    copy, length 30, seed 1: 0 wrong bits; 61 steps, time runs left to right. The
      head panels and the memory show the 125 of 128 locations some head weighted at
      least 0.01 (0–98, 100, 102, 104–127); --all-rows shows all 128.
    """
}
