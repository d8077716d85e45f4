import Foundation
import NTM
import TerminalCharts
import Testing

@testable import ntm

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `--svg FILE` on `ntm eval`, `ntm show` and `ntm train`: a standalone, well-formed SVG
/// picture of what the command drew, written atomically; a path that cannot be written is one
/// line and exit 1 — for `train`, before any training.
@Suite struct SVGOutputTests {
  /// What an XML parse of a written file found.
  struct Parsed {
    var isWellFormed = false
    var rootName: String?
    var rootNamespace: String?
    var elements: [(name: String, attributes: [String: String])] = []
    var text = ""

    func count(_ name: String, class kind: String? = nil) -> Int {
      elements.filter { $0.name == name && (kind == nil || $0.attributes["class"] == kind) }.count
    }
  }

  /// Reads and parses the SVG at `path` with Foundation's `XMLParser`, namespaces on.
  static func parse(_ path: String) throws -> (document: String, parsed: Parsed) {
    final class Collector: NSObject, XMLParserDelegate {
      var parsed = Parsed()
      func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
      ) {
        if parsed.rootName == nil {
          parsed.rootName = elementName
          parsed.rootNamespace = namespaceURI
        }
        parsed.elements.append((elementName, attributes))
      }
      func parser(_ parser: XMLParser, foundCharacters string: String) { parsed.text += string }
    }
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let parser = XMLParser(data: data)
    parser.shouldProcessNamespaces = true
    let collector = Collector()
    parser.delegate = collector
    collector.parsed.isWellFormed = parser.parse()
    return (String(decoding: data, as: UTF8.self), collector.parsed)
  }

  /// Well-formed, an `svg` root in the SVG namespace, and no `nan`/`inf` in any number.
  static func expectValidSVG(_ document: String, _ parsed: Parsed) {
    #expect(parsed.isWellFormed)
    #expect(parsed.rootName == "svg" && parsed.rootNamespace == SVG.namespace)
    #expect(document.hasPrefix(SVG.xmlDeclaration))
    let lowered = document.lowercased()
    #expect(!lowered.contains("nan") && !lowered.contains("inf"), "a non-finite number reached the SVG")
  }

  static func svgPath(_ name: String) throws -> String {
    try TrainCommandTests.folder().appendingPathComponent(name).path
  }

  // MARK: eval

  @Test func evalDrawsTheGeneralisationChart() throws {
    let path = try Self.svgPath("generalisation.svg")
    let result = TrainCommandTests.run(
      ["eval", "copy", "--compare", "copy-lstm", "--lengths", "5,30", "--sequences", "2", "--svg", path])
    #expect(result.code == 0, "\(result.error)")
    // A path too long for the line goes on a line of its own.
    #expect(result.output.replacingOccurrences(of: "\n  ", with: " ").hasSuffix("\nWrote the generalisation chart to \(path).\n"))
    let (document, parsed) = try Self.parse(path)
    Self.expectValidSVG(document, parsed)
    #expect(parsed.text.contains("copy: wrong bits per sequence"))
    #expect(parsed.text.contains("NTM") && parsed.text.contains("LSTM"))
    #expect(parsed.text.contains("length (vectors)"))
    #expect(parsed.count("rect", class: "bar") == 4, "two lengths × two models")
    // The shipped copy models train on 1–20: the marker sits between 5 and 30.
    let trained = try CheckpointLoading.load("copy").checkpoint.task.lengths
    if trained.contains(5) && trained.upperBound < 30 {
      #expect(parsed.text.contains("trained up to \(trained.upperBound)"))
      #expect(parsed.elements.contains { $0.name == "line" && $0.attributes["stroke-dasharray"] != nil })
    }
  }

  @Test func generalisationMarkerOnlyWhereTheTrainingRangeEnds() {
    let task = TrainingTask.copy(CopyTask(bits: 3, lengths: 1...3))
    func chart(_ lengths: [Int]) -> String {
      let sweep = GeneralisationSweep(
        task: task, rows: lengths.map { .init(length: $0, evaluations: [], optimalBits: nil) })
      return EvalCommand.chart(sweep, series: [BarSeries("NTM", lengths.map(Double.init))])
    }
    #expect(chart([2, 3, 5, 8]).contains("trained up to 3"))
    #expect(!chart([5, 8]).contains("trained up to"), "nothing trained: no marker")
    #expect(!chart([2, 3]).contains("trained up to"), "nothing beyond: no marker")
    #expect(!chart([5, 2]).contains("trained up to"), "out of order: no marker")
  }

  /// NaN and ∞ are written as labels (`n/a`, `∞`), never as numbers.
  @Test func nonFiniteScoresAreLabelledNotWritten() throws {
    let sweep = GeneralisationSweep(
      task: .copy(CopyTask(bits: 3, lengths: 1...3)), rows: [2, 5].map { .init(length: $0, evaluations: [], optimalBits: nil) })
    let path = try Self.svgPath("non-finite.svg")
    try OutputFile.write(EvalCommand.chart(sweep, series: [BarSeries("NTM", [.nan, .infinity])]), to: path, standardOutput: { _ in })
    let (document, parsed) = try Self.parse(path)
    Self.expectValidSVG(document, parsed)
    #expect(parsed.text.contains("n/a") && parsed.text.contains("∞"))
    #expect(parsed.count("rect", class: "bar") == 1, "NaN draws no bar")
  }

  // MARK: show

  @Test func showDrawsTheDashboard() throws {
    let path = try Self.svgPath("show.svg")
    let result = TrainCommandTests.run(["show", "copy", "--length", "5", "--svg", path])
    #expect(result.code == 0, "\(result.error)")
    // A path too long for the line goes on a line of its own.
    #expect(result.output.replacingOccurrences(of: "\n  ", with: " ").hasSuffix("\nWrote the dashboard to \(path).\n"))
    let (document, parsed) = try Self.parse(path)
    Self.expectValidSVG(document, parsed)
    for title in [
      "copy, length 5, seed 1:", "input (channels × time)", "target", "output σ(y)", "write head 0 weighting",
      "read head 0 weighting", "final memory (locations × width)",
    ] {
      #expect(parsed.text.contains(title), "missing \(title)")
    }
    #expect(parsed.count("rect", class: "cell") > 0)
    // The weightings' rows are labelled with their memory locations, as in the terminal: some
    // label beyond the 11 steps (so not a row or column number) appears in the picture.
    let block = result.output.components(separatedBy: "write head 0 weighting")[1].components(separatedBy: "\n\n")[0]
    let locations = block.split(separator: "\n").compactMap {
      Int($0.split(separator: "│").first?.trimmingCharacters(in: .whitespaces) ?? "")
    }
    #expect(locations.contains { $0 >= 11 && document.contains(">\($0)</text>") }, "\(locations)")
  }

  @Test func showDrawsOnlyInputsAndOutputsForTheBaseline() throws {
    let path = try Self.svgPath("show-lstm.svg")
    let result = TrainCommandTests.run(["show", "copy-lstm", "--length", "5", "--svg", path])
    #expect(result.code == 0, "\(result.error)")
    let (document, parsed) = try Self.parse(path)
    Self.expectValidSVG(document, parsed)
    #expect(parsed.text.contains("input") && parsed.text.contains("target") && parsed.text.contains("output σ(y)"))
    #expect(!parsed.text.contains("weighting") && !parsed.text.contains("memory"))
    // Input 9 channels, target and output 8, over 2 × 5 + 1 steps.
    #expect(parsed.count("rect", class: "cell") == (9 + 8 + 8) * 11)
  }

  @Test func locationSpansReadAsRanges() {
    #expect(ShowCommand.spans([3, 4, 5, 9, 11, 12]) == "3–5, 9, 11–12")
    #expect(ShowCommand.spans([7]) == "7")
  }

  // MARK: train

  @Test func trainDrawsTheLearningCurveAndTheEvaluations() throws {
    let path = try Self.svgPath("curve.svg")
    let checkpoint = try Self.svgPath("curve.json")
    let result = TrainCommandTests.run(
      [
        "train", "copy", "--sequences", "60", "--report-every", "20", "--eval-every", "30", "--keep-best", "--eval-sequences", "2",
        "--checkpoint", checkpoint, "--svg", path,
      ] + TrainCommandTests.small)
    #expect(result.code == 0, "\(result.error)")
    // Lines too wide for the terminal joined back.
    let output = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(output.hasSuffix("\nWrote the learning curve to \(path).\n"), "\(result.output)")
    let (document, parsed) = try Self.parse(path)
    Self.expectValidSVG(document, parsed)
    #expect(parsed.text.contains("copy, NTM: learning curve"))
    #expect(parsed.text.contains("sequences seen") && parsed.text.contains("bits per sequence"))
    #expect(parsed.text.contains("training (moving average)") && parsed.text.contains("evaluation (fresh sequences)"))
    let lines = parsed.elements.filter { $0.name == "polyline" }.map { $0.attributes["points", default: ""] }
    #expect(lines.count == 2)
    #expect(lines.map { $0.split(separator: " ").count } == [3, 2], "moving average at 20, 40, 60; evaluations at 30, 60")
  }

  @Test func trainWritesTheCurveWhenItReachesItsTarget() throws {
    let path = try Self.svgPath("target.svg")
    let checkpoint = try Self.svgPath("target.json")
    // Any machine makes fewer than 1000 wrong bits on 3-bit sequences of length ≤ 3.
    let result = TrainCommandTests.run(
      [
        "train", "copy", "--stop-below", "1000", "--eval-every", "5", "--eval-sequences", "2", "--checkpoint", checkpoint,
        "--svg", path,
      ] + TrainCommandTests.small)
    #expect(result.code == 0, "\(result.error)")
    let output = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(output.contains("Reached ") && output.hasSuffix("Wrote the learning curve to \(path).\n"))
    let (document, parsed) = try Self.parse(path)
    Self.expectValidSVG(document, parsed)
    // One point each (5 sequences): drawn as dots.
    #expect(parsed.count("circle") == 2)
  }

  @Test func trainWritesTheCurveOnInterrupt() throws {
    let path = try Self.svgPath("interrupted.svg")
    let plan = try TrainPlan.parse(
      ["copy", "--sequences", "1000", "--report-every", "2", "--checkpoint", try Self.svgPath("interrupted.json"), "--svg", path]
        + TrainCommandTests.small)
    let result = try TrainCommandTests.runInterrupted(plan, after: 7)
    #expect(result.code == 130)
    #expect(result.output.hasSuffix("Wrote the learning curve to \(path).\n"))
    #expect(result.error == "Interrupted at 7 sequences; checkpoint saved to \(plan.checkpointPath).\n")
    let (document, parsed) = try Self.parse(path)
    Self.expectValidSVG(document, parsed)
    let points = parsed.elements.first { $0.name == "polyline" }?.attributes["points"] ?? ""
    #expect(points.split(separator: " ").count == 4, "at 2, 4, 6 and where it stopped, 7")
  }

  /// Interrupted before the first sequence: the averages are NaN, so nothing is plotted.
  @Test func anEmptyCurveSaysNoData() throws {
    let path = try Self.svgPath("empty.svg")
    let plan = try TrainPlan.parse(
      ["copy", "--checkpoint", try Self.svgPath("empty.json"), "--svg", path] + TrainCommandTests.small)
    #expect(try TrainCommandTests.runInterrupted(plan, after: 0).code == 130)
    let (document, parsed) = try Self.parse(path)
    Self.expectValidSVG(document, parsed)
    #expect(parsed.text.contains("no data"))
  }

  // MARK: bad paths

  @Test func anUnwritablePathIsOneLineAndExit1() throws {
    let folder = try TrainCommandTests.folder()
    let missing = folder.appendingPathComponent("no-such-folder/x.svg").path
    let cases: [([String], String)] = [
      (["eval", "copy", "--sequences", "1", "--svg", missing], "error: cannot write \(missing): there is no folder "),
      (["show", "copy", "--svg", folder.path], "error: cannot write \(folder.path): it is a folder, not a regular file"),
      (["eval", "copy", "--svg", ""], "error: cannot write '': the file name is empty"),
    ]
    for (arguments, prefix) in cases {
      let result = TrainCommandTests.run(arguments)
      #expect(result.code == 1, "\(arguments)")
      #expect(result.error.hasPrefix(prefix), "\(result.error)")
      #expect(result.error.filter { $0 == "\n" }.count == 1)
      #expect(result.output.isEmpty, "checked before any work")
    }
  }

  @Test func trainChecksTheSVGPathBeforeTraining() throws {
    let folder = try TrainCommandTests.folder()
    let checkpoint = folder.appendingPathComponent("never.json")
    // A million sequences would take minutes: failing at once proves nothing was trained.
    let result = TrainCommandTests.run(
      ["train", "copy", "--sequences", "1000000", "--checkpoint", checkpoint.path, "--svg", "/nonexistent/dir/x.svg"]
        + TrainCommandTests.small)
    #expect(result.code == 1)
    #expect(result.error == "error: cannot write /nonexistent/dir/x.svg: there is no folder /nonexistent/dir\n")
    #expect(result.output.isEmpty)
    #expect(!FileManager.default.fileExists(atPath: checkpoint.path))
  }

  @Test func aWriteThatFailsSaysWhy() throws {
    let path = try TrainCommandTests.folder().appendingPathComponent("gone/x.svg").path
    #expect(
      throws: CommandLineTool.Failure(message: "cannot write \(path): there is no folder \((path as NSString).deletingLastPathComponent)")
    ) {
      try OutputFile.write("<svg/>", to: path, standardOutput: { _ in })
    }
  }

  @Test(arguments: ["eval", "show", "train"])
  func svgWithoutAFileIsAUsageError(command: String) {
    let arguments = command == "train" ? ["train", "copy", "--svg"] : [command, "copy", "--svg"]
    let result = TrainCommandTests.run(arguments)
    #expect(result.code == 64)
    #expect(result.error == "error: --svg needs a value. Try 'ntm \(command) --help'.\n")
  }

  @Test func helpDescribesTheOption() {
    for help in [EvalCommand.help, ShowCommand.help, TrainCommand.help] {
      #expect(help.contains("[--svg FILE]") || help.contains("--svg FILE  "))
      #expect(help.split(separator: "\n").allSatisfy { $0.count <= 120 })
    }
  }
}
