import NTM
import TerminalCharts

/// `ntm gradcheck`: checks every core operation's backward pass against numeric
/// differences and prints one row per input.
enum GradcheckCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(words, for: helpText)
    let rows = try arguments.integer(Self.rows)
    let width = try arguments.integer(Self.width)
    let range = try arguments.integer(shiftRange, default: rows >= 3 ? 1 : 0)
    guard 2 * range + 1 <= rows else {
      let largest = (rows - 1) / 2
      throw Arguments.UsageError(
        message: "--shift-range \(range) needs 2R + 1 ≤ N = \(rows); use --shift-range \(largest)\(largest > 0 ? " or less" : "").")
    }
    let seed = try arguments.integer(Self.seed)
    let tolerance = try arguments.number(Self.tolerance)

    var generator = SplitMix64(seed: UInt64(seed))
    let shape = OperationChecks.Shape(rows: rows, width: width, shiftRange: range)
    let reports = OperationChecks.all(shape: shape, using: &generator)
    let columns = TextStyle.width(environment: console.environment)
    console.print(
      TextWrap.paragraph(
        "Gradient check at N = \(rows), W = \(width), R = \(range), seed \(seed): worst element of each input", width: columns,
        indent: "  "))
    console.print()
    let style = TextStyle.detect(environment: console.environment, isTerminal: console.isInteractive)
    console.print(table(reports, tolerance: tolerance, style: style, width: columns))
    let failed = reports.filter { !$0.passes(tolerance: tolerance) }
    console.print()
    if failed.isEmpty {
      let summary = "All \(reports.count) operations pass (every relative error ≤ \(format(tolerance)))."
      console.print(style.glyphs == .ascii ? summary.asciiSpelled : summary)
      return CommandLineTool.ExitCode.success
    }
    if widest(table(reports, tolerance: tolerance, style: style)) > columns {
      // The narrow table says only FAIL; CS231n's reading of a failing error, once.
      console.print(
        TextWrap.paragraph(
          "A failing error reads, by CS231n: up to 1e-4 doubtful (fine only at a kink), beyond it wrong.", width: columns))
    }
    console.printError("error: \(failed.count) of \(reports.count) operations failed: \(failed.map(\.operation).joined(separator: ", ")).")
    return CommandLineTool.ExitCode.failure
  }

  /// The table: one row per input, the operation named on its first row — or, when that is
  /// wider than `width`, the narrow table: each operation on a line of its own above its
  /// inputs, shorter titles, and `FAIL` without CS231n's reading.
  static func table(_ reports: [GradientChecker.Report], tolerance: Double, style: TextStyle, width: Int = .max) -> String {
    let wide = wideTable(reports, tolerance: tolerance, style: style)
    guard widest(wide) > width else { return wide }
    return narrowTable(reports, tolerance: tolerance, style: style)
  }

  /// The columns of the widest line of `text`.
  static func widest(_ text: String) -> Int {
    text.split(separator: "\n").map { TextWidth.of(String($0)) }.max() ?? 0
  }

  /// The longest input name the narrow table keeps on its row, which holds the table to at
  /// most 60 columns (the four number columns and the gaps take 45). A longer name, such as
  /// `previousWeighting[255]`, sits on a line of its own above its numbers.
  static let narrowNameWidth = 15

  /// At most 60 columns for every size the flags allow.
  static func narrowTable(_ reports: [GradientChecker.Report], tolerance: Double, style: TextStyle) -> String {
    let header = ["input", "analytic", "numeric", "error", "result"]
    var rows: [[String]] = []
    var starts: [Int: String] = [:]
    for report in reports {
      starts[rows.count] = report.operation
      for input in report.inputs {
        rows.append([
          input.worstElement, format(input.analytic, digits: 4), format(input.numeric, digits: 4),
          format(input.relativeError, digits: 1), input.relativeError <= tolerance ? "pass" : "FAIL",
        ])
      }
    }
    if style.glyphs == .ascii {
      rows = rows.map { $0.map(\.asciiSpelled) }
      starts = starts.mapValues(\.asciiSpelled)
    }
    var longNames: [Int: String] = [:]
    for index in rows.indices where TextWidth.of(rows[index][0]) > narrowNameWidth {
      longNames[index] = rows[index][0]
      rows[index][0] = ""
    }
    let lines = TextTable.render(header: header, rows: rows, alignments: [.left, .right, .right, .right, .left], style: style)
    var result = lines.prefix(2).map { "  " + $0 }
    for (index, line) in lines.dropFirst(2).enumerated() {
      if let operation = starts[index] { result.append(operation) }
      if let name = longNames[index] { result.append("  " + name) }
      result.append("  " + line)
    }
    return result.joined(separator: "\n")
  }

  /// The table as wide as it needs: 86 columns at the default sizes.
  static func wideTable(_ reports: [GradientChecker.Report], tolerance: Double, style: TextStyle) -> String {
    let header = ["operation", "worst element", "analytic", "numeric", "rel. error", "result"]
    var rows: [[String]] = []
    for report in reports {
      for (index, input) in report.inputs.enumerated() {
        rows.append([
          index == 0 ? report.operation : "", input.worstElement,
          format(input.analytic, digits: 4), format(input.numeric, digits: 4), format(input.relativeError, digits: 1),
          resultText(input.relativeError, tolerance: tolerance),
        ])
      }
    }
    if style.glyphs == .ascii { rows = rows.map { $0.map(\.asciiSpelled) } }
    let alignments: [TextTable.Alignment] = [.left, .left, .right, .right, .right, .left]
    return TextTable.render(header: header, rows: rows, alignments: alignments, style: style).joined(separator: "\n")
  }

  /// `pass`, or `FAIL` with CS231n's reading when the error is beyond "good".
  static func resultText(_ error: Double, tolerance: Double) -> String {
    if error <= tolerance { return "pass" }
    let verdict = GradientChecker.Verdict(relativeError: error)
    return verdict == .good ? "FAIL" : "FAIL (\(verdict.rawValue))"
  }

  static func format(_ x: Double, digits: Int = 2) -> String {
    NumberFormat.scientific(x, digits: digits, plainZero: true)
  }
}

/// The options of `ntm gradcheck`, declared once, and its help.
extension GradcheckCommand {
  static let rows = CommandOption(
    name: "rows", placeholder: "N", help: "memory locations N", value: .integer(default: 8, range: 1...256))
  static let width = CommandOption(name: "width", placeholder: "W", help: "memory width W", value: .integer(default: 4, range: 1...64))
  static let shiftRange = CommandOption(
    name: "shift-range", placeholder: "R", help: "shifts −R…R, with 2R + 1 ≤ N", value: .integer(default: nil, range: 0...127),
    defaultText: "1, or 0 when N\u{00A0}<\u{00A0}3")
  static let seed = CommandOption.seed("random seed for the point and the projection")
  static let tolerance = CommandOption(
    name: "tolerance", placeholder: "T", help: "largest relative error that passes",
    value: .number(default: GradientChecker.goodTolerance, range: 0...1))

  static let helpText = CommandHelp(
    command: "gradcheck", summary: "Check every operation's gradient numerically; print a table.",
    title: "check every operation's backward pass against numeric differences",
    description: [
      .prose(
        """
        For each operation (activations, softmax, linear, the four addressing stages, read,
        write) at a random point, compares the hand-written gradient of every input with a
        centred-difference estimate and prints the worst element of each input, its relative
        error |a − n| / max(|a|, |n|), and a verdict (CS231n: ≤ 1e-7 good, > 1e-4 wrong).
        Exits 0 only if every relative error is at most the tolerance.
        """)
    ],
    sections: [.init(title: "OPTIONS", options: [rows, width, shiftRange, seed, tolerance])],
    examples: ["ntm gradcheck --rows 16 --width 5 --seed 7"])
}
