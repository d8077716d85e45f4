import Foundation
import NTM
import TerminalCharts
import Testing

@testable import ntm

/// The tour: pinned text, the ASCII fallback, and numbers that are the library's.
@Suite struct TourTests {
  static let utf8 = ["LANG": "en_US.UTF-8"]

  @Test func noPausePrintsEveryPage() {
    let result = runNTM(["tour", "--no-pause"], environment: Self.utf8)
    #expect(result.code == 0)
    #expect(result.error.isEmpty)
    PlaygroundGolden.check(result.output, PlaygroundGolden.tourUnicode, name: "tourUnicode")
  }

  @Test func asciiWhenTheLocaleIsNotUTF8() {
    let result = runNTM(["tour", "--no-pause"], environment: ["LANG": "C"])
    #expect(result.output.unicodeScalars.allSatisfy { $0.isASCII })
    PlaygroundGolden.check(result.output, PlaygroundGolden.tourASCII, name: "tourASCII")
    #expect(runNTM(["tour", "--no-pause", "--ascii"], environment: Self.utf8).output == result.output)
    #expect(runNTM(["tour", "--no-pause"], environment: ["LC_ALL": "POSIX", "LANG": "en_US.UTF-8"]).output == result.output)
  }

  @Test func noArgumentsOffATerminalPrintsTheWholeTour() {
    let result = runNTM([], environment: Self.utf8)
    #expect(result.code == 0)
    #expect(result.output == PlaygroundGolden.tourUnicode)
  }

  /// The number of pages, as the page rules print it.
  static let pageCount = TourPages.all(canvas: Fixtures.unicode).count

  @Test func onATerminalItPausesAndQLeaves() {
    let result = runNTM([], input: ["", "q"], environment: Self.utf8, isInteractive: true)
    #expect(result.code == 0)
    #expect(result.output.contains("── 2/\(Self.pageCount)"))
    #expect(!result.output.contains("── 3/\(Self.pageCount)"))
    #expect(result.output.contains(Tour.farewell))
  }

  @Test func endOfInputLeavesTheTour() {
    let result = runNTM(["tour"], input: [], environment: Self.utf8, isInteractive: true)
    #expect(result.code == 0)
    #expect(result.output.contains("── 1/\(Self.pageCount)") && !result.output.contains("── 2/\(Self.pageCount)"))
  }

  @Test func enterWalksToTheLastPage() {
    let result = runNTM(
      ["tour"], input: Array(repeating: "", count: Self.pageCount - 1), environment: Self.utf8, isInteractive: true)
    #expect(Self.pageCount == 12)
    #expect(result.output.contains("── 12/12  The gradient flows back: k and M"))
    #expect(!result.output.contains(Tour.farewell))
  }

  @Test func badArgumentsAreUsageErrors() {
    let result = runNTM(["tour", "--no-pase"], environment: Self.utf8)
    #expect(result.code == 64)
    #expect(result.error.hasPrefix("error: unknown option --no-pase") && result.error.contains("--no-pause"))
  }

  /// The numbers on each page, column by column, against the library recomputed here.
  @Test func numbersAgreeWithTheLibrary() throws {
    let pages = TourPages.all(canvas: Fixtures.unicode)
    let state = PlaygroundState.builtIn
    let p = state.parameters
    let trace = Addressing.forward(.init(memory: state.memory, previousWeighting: state.previousWeighting, parameters: p)).cache.trace
    let contentAt = { (beta: Double) in ContentAddressing.forward(.init(key: p.key, memory: state.memory, keyStrength: beta)).output }
    let expected: [(page: Int, columns: [[Double]])] = [
      (1, [CosineSimilarity.forward(.init(key: p.key, memory: state.memory)).output]),
      (2, [contentAt(1), contentAt(20)]),
      (3, [0, 0.5, 1].map { Interpolation.forward(.init(content: trace.content, previous: state.previousWeighting, gate: $0)).output }),
      (
        4,
        [
          PlaygroundState.oneHot(7, count: 8),
          Shift.forward(.init(weighting: PlaygroundState.oneHot(7, count: 8), shiftWeighting: [0, 0, 1])).output,
          trace.interpolated, Shift.forward(.init(weighting: trace.interpolated, shiftWeighting: p.shiftWeighting)).output,
        ]
      ),
      (5, [1, 3, 10].map { Sharpening.forward(.init(weighting: trace.shifted, sharpening: $0)).output }),
      (6, [trace.weighting]),
    ]
    for (page, columns) in expected {
      let printed = Self.columns(pages[page].lines)
      let flattened = stride(from: 0, to: columns.count, by: printed.count).flatMap { start in
        (0..<8).flatMap { row in (start..<min(start + printed.count, columns.count)).map { columns[$0][row] } }
      }
      let numbers = printed.isEmpty ? [] : Self.numbers(pages[page].lines)
      #expect(numbers.count == flattened.count, "page \(page + 1)")
      for (shown, value) in zip(numbers, flattened) {
        #expect(abs(shown - value) <= 0.0005 + 1e-12, "page \(page + 1): printed \(shown), library \(value)")
      }
    }
    let read = Read.forward(.init(memory: state.memory, weighting: trace.weighting)).output
    #expect(pages[6].lines.contains("  r = [" + read.map { NumberFormat.fixed($0, decimals: 3) }.joined(separator: ", ") + "]"))
    let written = Write.forward(.init(memory: state.memory, weighting: trace.weighting, erase: state.erase, add: state.add)).output
    for row in 0..<8 {
      let text = written.row(row).map { NumberFormat.fixed($0, decimals: 2) }.joined(separator: " ")
      #expect(pages[7].lines.contains { $0.hasSuffix("  " + text) }, "row \(row) after the write")
    }
  }

  @Test func gradientCheckPageReportsTheCheckersResult() {
    let state = PlaygroundState.builtIn
    let report = TourPages.contentCheck(state)
    #expect(report.passes())
    // One result per element of k, per row of M, and β.
    #expect(report.inputs.map(\.name) == (0..<4).map { "k[\($0)]" } + (0..<8).map { "M(\($0))" } + ["β"])
    let page = TourPages.all(canvas: Fixtures.unicode)[8]
    let worst = TourPages.worstElements(report, state)
    #expect(worst.map(\.input) == ["k", "M", "β"])
    for (input, element, result) in worst {
      #expect(
        page.lines.contains {
          $0.hasPrefix(input + " ") && $0.contains(element) && $0.contains(TourPages.scientific(result.analytic))
            && $0.contains(TourPages.order(result.relativeError))
        }, "\(input)")
    }
    // A bar per result, its number the digits that agree.
    let bars = page.lines.filter { $0.contains("│") && !$0.contains("─") }
    #expect(bars.count == report.inputs.count)
    for (line, input) in zip(bars, report.inputs) {
      #expect(line.drop { $0 == " " }.hasPrefix(input.name + " │"), "\(line)")
      #expect(line.hasSuffix(" " + String(Int(TourPages.digits(input.relativeError)))), "\(line)")
    }
    let notice = page.lines.drop { !$0.hasPrefix("Notice:") }.joined(separator: " ")
    #expect(notice.contains("every relative error is below 1e-7"))
    let overall = worst.max { $0.result.relativeError < $1.result.relativeError }!
    #expect(notice.contains("the worst, \(overall.element), is \(TourPages.order(overall.result.relativeError))"))
  }

  @Test func digitsThatAgree() {
    #expect(TourPages.digits(3.2e-12) == 11)
    #expect(TourPages.digits(1e-8) == 8)
    #expect(TourPages.digits(0) == TourPages.allDigits)
    #expect(TourPages.digits(.nan) == 0)
    #expect(TourPages.digits(2) == 0)
  }

  /// Every page shows its equation, its numbers and a chart.
  @Test func everyPageHasAnEquationAndAChart() {
    let pages = TourPages.all(canvas: Fixtures.unicode)
    let equations = [
      Canvas.Equation.memory, Canvas.Equation.similarity, Canvas.Equation.content, Canvas.Equation.interpolation,
      Canvas.Equation.shift, Canvas.Equation.sharpening, Canvas.Equation.read, Canvas.Equation.erase,
      TourPages.centredDifference, TourPages.lossEquation, TourPages.chainRule, TourPages.memoryChainRule,
    ]
    #expect(pages.count == equations.count)
    for (index, (page, equation)) in zip(pages, equations).enumerated() {
      #expect(page.lines.contains("  " + equation), "page \(index + 1) does not show \(equation)")
      #expect(page.lines.contains { $0.contains { "▏▎▍▌▋▊▉█░▒▓".contains($0) } }, "page \(index + 1) draws nothing")
    }
    #expect(pages[0].lines.first == "  " + Canvas.Equation.memory)
  }

  /// The README says how to leave the tour as the tour's own prompt does: `q` alone is not
  /// enough, the line is read when Enter is pressed.
  @Test func theReadmeSaysHowToLeaveTheTour() throws {
    let readme = try String(
      contentsOf: TutorialTranscriptTests.tutorialsFolder.deletingLastPathComponent().appendingPathComponent("README.md"),
      encoding: .utf8)
    #expect(Tour.prompt.contains("q then Enter"))
    #expect(readme.contains("`q` then Enter to leave"))
    // The README's page is drawn as the tour draws it, page count included.
    let pages = TourPages.all(canvas: Fixtures.unicode)
    let rule = Tour.render(pages[2], number: 3, of: pages.count, canvas: Fixtures.unicode).components(separatedBy: "\n")[0]
    #expect(readme.contains("\n" + rule + "\n"), "\(rule)")
    #expect(readme.contains("twelve pages in all") && pages.count == 12)
    #expect(Tour.choice(for: "q") == .leave && Tour.choice(for: "") == .next)
  }

  /// The shift page's second chart is the shifted weighting, and its title says so: the
  /// focus one row on, not the shift weighting s itself.
  @Test func shiftPageNamesTheShiftedWeighting() throws {
    let page = TourPages.all(canvas: Fixtures.unicode)[4]
    let title = try #require(page.lines.firstIndex { $0.contains("focus") && $0.contains("s(+1) = 1") })
    #expect(page.lines[title].contains("w̃, s(+1) = 1"))
    let shown = Self.numbers(Array(page.lines[(title + 1)...(title + 8)]))
    let moved = Shift.forward(.init(weighting: PlaygroundState.oneHot(TourPages.wrapRow, count: 8), shiftWeighting: [0, 0, 1])).output
    #expect(stride(from: 1, to: shown.count, by: 2).map { shown[$0] } == moved)
  }

  /// The written row before and after, and a, as bars on the write page.
  @Test func writePageDrawsTheChangedRow() throws {
    let state = PlaygroundState.builtIn
    let w = state.trace.weighting
    let after = Write.forward(.init(memory: state.memory, weighting: w, erase: state.erase, add: state.add)).output
    let page = TourPages.all(canvas: Fixtures.unicode)[7]
    let top = Canvas.focus(w)
    let title = page.lines.firstIndex { $0.contains("M(\(top)) before") && $0.contains("M(\(top)) after") }
    let start = try #require(title)
    let numbers = Self.numbers(Array(page.lines[(start + 1)...(start + state.width)]))
    let expected = (0..<state.width).flatMap { [state.memory[top, $0], state.add[$0], after[top, $0]] }
    #expect(numbers.count == expected.count)
    for (shown, value) in zip(numbers, expected) { #expect(abs(shown - value) <= 0.0005 + 1e-12) }
  }

  /// The tour's page height: no page, rule included, is longer than `pageHeight` lines at
  /// 60 columns, the narrowest the tour is drawn for.
  static let pageHeight = 50

  @Test(arguments: [60, 80], [TextStyle.unicode, .ascii])
  func everyPageFitsTheHeight(columns: Int, style: TextStyle) {
    let canvas = Canvas(style: style, width: columns)
    let pages = TourPages.all(canvas: canvas)
    for (index, page) in pages.enumerated() {
      let lines = Tour.render(page, number: index + 1, of: pages.count, canvas: canvas).split(
        separator: "\n", omittingEmptySubsequences: false)
      #expect(lines.count <= Self.pageHeight, "page \(index + 1), \(page.title): \(lines.count) lines")
    }
  }

  @Test(arguments: [60, 80], ["en_US.UTF-8", "C"])
  func everyLineFitsTheWidth(columns: Int, locale: String) {
    let result = runNTM(["tour", "--no-pause"], environment: ["LANG": locale, "COLUMNS": String(columns)])
    #expect(result.code == 0)
    for line in result.output.split(separator: "\n", omittingEmptySubsequences: false) {
      #expect(TextWidth.of(String(line)) <= columns, "\(TextWidth.of(String(line))) columns: \(line)")
    }
  }

  @Test func relativeErrorsAreShownAsTheirOrder() {
    #expect(TourPages.order(3.2e-12) == "< 1e-11")
    #expect(TourPages.order(0) == "0")
    #expect(TourPages.order(1e-8) == "< 1e-8")
  }

  @Test func pausePromptAnswers() {
    #expect(Tour.choice(for: "") == .next)
    #expect(Tour.choice(for: " q ") == .leave)
    #expect(Tour.choice(for: "Q") == .leave)
    #expect(Tour.choice(for: nil) == .leave)
    #expect(Tour.choice(for: "more") == .next)
  }

  /// Chart lines: those with an axis `│` after a row label.
  static func chartLines(_ lines: [String]) -> [String] {
    lines.filter { line in
      guard let axis = line.firstIndex(of: "│") else { return false }
      return Int(line[..<axis].trimmingCharacters(in: .whitespaces)) != nil
    }
  }

  /// The series titles' count for the first chart of a page (one number per series per line).
  static func columns(_ lines: [String]) -> [Substring] {
    guard let first = chartLines(lines).first else { return [] }
    return Array(first.split(separator: "│").dropFirst())
  }

  /// Every number at the end of a bar, row by row, series by series, for each chart.
  static func numbers(_ lines: [String]) -> [Double] {
    chartLines(lines).flatMap { line in
      line.split(separator: "│").dropFirst().compactMap { $0.split(separator: " ").last.flatMap { Double($0) } }
    }
  }
}
