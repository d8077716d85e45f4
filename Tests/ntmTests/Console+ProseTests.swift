import Foundation
import NTM
import TerminalCharts
import Testing

@testable import ntm

/// `ntm train` fits the terminal: lines break between words, the live line drops fields.
@Suite struct ConsoleProseTests {
  static func train(columns: Int, interactive: Bool = false) throws -> String {
    let path = try TrainCommandTests.folder().appendingPathComponent("wrap.json").path
    let recording = Console.Recording()
    var console = recording.console(environment: ["LANG": "en_US.UTF-8", "COLUMNS": String(columns)], isInteractive: interactive)
    let arguments =
      [
        "train", "copy", "--sequences", "4", "--report-every", "2", "--stop-below", "1000", "--eval-every", "4",
        "--eval-sequences", "1", "--checkpoint", path, "--optimiser", "rmsprop",
      ] + TrainCommandTests.small
    #expect(CommandLineTool.run(arguments, console: &console) == 0, "\(recording.error)")
    return recording.output
  }

  /// A line fits, or holds one word too long for any line (the temporary folder's path).
  static func fits(_ line: Substring, _ columns: Int) -> Bool {
    TextWidth.of(String(line)) <= columns || line.split(separator: " ").count == 1
  }

  @Test(arguments: [60, 80])
  func trainBreaksItsLinesBetweenWords(columns: Int) throws {
    let narrow = try Self.train(columns: columns)
    let wide = try Self.train(columns: 400)
    #expect(narrow.split(separator: "\n").allSatisfy { Self.fits($0, columns) }, "\(narrow)")
    // Joined back, the lines are the wide ones, word for word (times and rates aside).
    func words(_ text: String) -> [Substring] {
      text.replacingOccurrences(of: "\n  ", with: " ").split(whereSeparator: \.isWhitespace)
        .filter { $0.allSatisfy { !$0.isNumber } }
    }
    #expect(words(narrow) == words(wide))
    #expect(wide.split(separator: "\n").contains { TextWidth.of(String($0)) > columns }, "the test needs long lines")
  }

  @Test func theHeadingAtSixtyColumns() throws {
    let output = try Self.train(columns: 60)
    let parameters = ProgressText.count(
      NeuralTuringMachine.parameterCount(
        for: MachineConfiguration(inputSize: 4, outputSize: 3, controllerSizes: [8], memoryRows: 8, memoryWidth: 4)))
    #expect(
      output.hasPrefix(
        """
        Training copy: feed-forward 8, memory 8 × 4, 1 read + 1
          write head, R = 1, \(parameters) parameters, rmsprop lr 0.0001,
          batch 1, seed 1

        """), "\(output)")
  }

  @Test func aLiveLineDropsItsLastFieldsToFit() {
    let line = "\r" + "sequences 12,000/30,000  loss 3.214  bits/seq 1.25  ETA 3m31s  85.3 seq/s" + "\u{1B}[K"
    #expect(Console.live(line, width: 80) == line)
    #expect(Console.live(line, width: 60) == "\rsequences 12,000/30,000  loss 3.214  bits/seq 1.25\u{1B}[K")
    #expect(Console.live(line, width: 20) == "\rsequences 12,000/30\u{1B}[K")
  }

  @Test func theLiveLineOfARunFitsTheTerminal() throws {
    let output = try Self.train(columns: 60, interactive: true)
    let pieces = output.split(whereSeparator: { $0 == "\n" || $0 == "\r" })
    #expect(pieces.allSatisfy { Self.fits($0, 60) }, "\(output)")
    #expect(output.contains("\rsequences 4/4  loss "))
  }
}
