import Foundation
import NTM
import TerminalCharts
import Testing

@testable import ntm

/// `ntm results`: a page with a row for every task, from whatever models a folder holds.
@Suite struct ResultsCommandTests {
  @Test func quickPageHasEveryTask() throws {
    let folder = try TrainCommandTests.folder()
    for (name, extra) in [("copy", [String]()), ("copy-lstm", ["--model", "lstm", "--layer-sizes", "4"])] {
      let result = TrainCommandTests.run(
        [
          "train", "copy", "--sequences", "2", "--checkpoint", folder.appendingPathComponent("\(name).full.json").path,
          "--export", folder.appendingPathComponent("\(name).json").path,
        ] + (extra.isEmpty ? TrainCommandTests.small : TrainCommandTests.smallTask) + extra)
      #expect(result.code == 0, "\(result.error)")
    }
    let output = folder.appendingPathComponent("page.md").path
    let result = TrainCommandTests.run(["results", "--quick", "--models", folder.path, "--output", output])
    #expect(result.code == 0, "\(result.error)")
    let page = try String(contentsOfFile: output, encoding: .utf8)
    #expect(page.hasPrefix("# 14. Results"))
    for task in TrainingTask.names {
      #expect(page.contains("| \(task) | NTM |") && page.contains("| \(task) | LSTM |"), "summary row for \(task)")
      #expect(page.contains("## \(task)\n"), "section for \(task)")
    }
    #expect(page.contains("| ngrams | NTM | — | no shipped model |"))
    #expect(page.contains("ntm train copy --sequences 2"))
    #expect(page.contains("| copy | 3 | ") && page.contains("| copy-lstm | 100 | "), "claims")
    #expect(page.contains("Quick run"))
    // The verdict follows the numbers, within training and beyond.
    let verdict = try #require(page.split(separator: "\n").first { $0.hasPrefix("- **copy**: within training (3): ") })
    let pattern = /the NTM is (ahead of|behind|level with) the LSTM, ([0-9]+\.[0-9]+) against ([0-9]+\.[0-9]+)/
    let matches = verdict.matches(of: pattern)
    #expect(matches.count == 2 && verdict.contains("; beyond it (100): "), "\(verdict)")
    for match in matches {
      let (ntm, lstm) = (try #require(Double(match.output.2)), try #require(Double(match.output.3)))
      let expected = ntm < lstm ? "ahead of" : (ntm > lstm ? "behind" : "level with")
      #expect(match.output.1 == expected, "\(verdict)")
    }
  }

  /// A tiny NTM trained here keeps its curve; a baseline stripped of its evaluations stands for
  /// a model trained before curves were kept. The page draws the one (the golden chart) and an
  /// SVG file beside it, and says how to retrain the other.
  @Test func drawsTheLearningCurvesTheRunsRecorded() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let models = folder.appendingPathComponent("Models")
    try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
    let lstm = ["--model", "lstm", "--layer-sizes", "4"] + TrainCommandTests.smallTask
    for (name, extra) in [("copy", TrainCommandTests.small), ("copy-lstm", lstm)] {
      let result = TrainCommandTests.run(
        [
          "train", "copy", "--sequences", "300", "--eval-every", "50", "--eval-sequences", "5", "--optimiser", "adam",
          "--checkpoint", folder.appendingPathComponent("\(name).full.json").path,
          "--export", models.appendingPathComponent("\(name).json").path,
        ] + extra)
      #expect(result.code == 0, "\(result.error)")
    }
    let baseline = models.appendingPathComponent("copy-lstm.json")
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: baseline)) as? [String: Any])
    var record = try #require(json["record"] as? [String: Any])
    #expect((record["evaluations"] as? [Any])?.count == 6)
    record["evaluations"] = [Any]()
    json["record"] = record
    try JSONSerialization.data(withJSONObject: json).write(to: baseline)

    let page = folder.appendingPathComponent("Tutorials/14-results.md")
    try FileManager.default.createDirectory(at: page.deletingLastPathComponent(), withIntermediateDirectories: true)
    let result = TrainCommandTests.run(["results", "--quick", "--models", models.path, "--output", page.path])
    #expect(result.code == 0, "\(result.error)")
    let figures = page.deletingLastPathComponent().appendingPathComponent("figures")
    #expect(result.output.hasSuffix("Wrote 1 learning curve to \(figures.path): curve-copy.svg.\n"), "\(result.output)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: figures.path) == ["curve-copy.svg"])

    let text = try String(contentsOf: page, encoding: .utf8)
    let copy = try #require(text.components(separatedBy: "\n## ").first { $0.hasPrefix("copy\n") })
    let chart = try #require(copy.components(separatedBy: "```text\n").last?.components(separatedBy: "\n```").first)
    PlaygroundGolden.check(chart, PlaygroundGolden.resultsCurve, name: "resultsCurve")
    #expect(chart.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= ResultsPage.chartWidth })
    #expect(copy.contains("![copy: learning curves](figures/curve-copy.svg)"))
    let command = try CheckpointFile.read(from: baseline).commandLine.joined(separator: " ")
    #expect(command.hasPrefix("ntm train copy --sequences 300"))
    #expect(copy.contains("No curve recorded for `copy-lstm` (trained before curves were kept); retrain with `\(command)` to record one."))
    #expect(!text.contains("![repeat-copy"), "no picture for a task without models")

    let (document, parsed) = try SVGOutputTests.parse(figures.appendingPathComponent("curve-copy.svg").path)
    SVGOutputTests.expectValidSVG(document, parsed)
    #expect(parsed.text.contains("copy: learning curves") && parsed.text.contains("cost per sequence (bits)"))
    #expect(parsed.text.contains("NTM, feed-forward controller") && !parsed.text.contains("LSTM network"))
    let lines = parsed.elements.filter { $0.name == "polyline" }.map { $0.attributes["points", default: ""] }
    #expect(lines.map { $0.split(separator: " ").count } == [6], "evaluations at 50, 100, …, 300")
  }

  @Test func aMissingModelsFolderIsOneLineNotAnEmptyPage() throws {
    let missing = try TrainCommandTests.folder().appendingPathComponent("no-models-here").path
    let result = TrainCommandTests.run(["results", "--quick", "--models", missing])
    #expect(result.code == 1 && result.output.isEmpty)
    #expect(result.error == "error: no models folder at \(missing); name one with --models DIR\n")
  }

  @Test func rejectsStrayArguments() {
    #expect(TrainCommandTests.run(["results", "now"]).code == 64)
  }
}
