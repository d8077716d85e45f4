import Foundation
import NTM
import TerminalCharts

/// The learning curves of the results page, as the paper draws them (Graves et al. 2014,
/// Figures 3, 8, 10, 13, 16): for each task, cost per sequence in bits against sequences
/// seen, the NTM and the LSTM baseline on one chart — from the evaluations their runs kept in
/// their checkpoints, never re-estimated. A text chart goes into the page, and an SVG file
/// beside it that the page shows.
extension ResultsPage {
  /// The text chart's width: a page read in an 80-column terminal or editor.
  static let chartWidth = 80
  /// The text chart's plot height, in rows.
  static let chartHeight = 12
  /// The y axis of every curve.
  static let costLabel = "cost per sequence (bits)"

  /// The file name of a task's curve: `curve-copy.svg`.
  static func curveFile(_ task: String) -> String { "curve-\(task).svg" }

  /// A shipped model's name on a chart: `NTM, feed-forward controller` or `3 × 64 LSTM network`.
  static func seriesName(_ checkpoint: Checkpoint) -> String {
    if let baseline = checkpoint.baseline { return "\(baseline.summary) network" }
    return "NTM, \(checkpoint.configuration.controller == .feedForward ? "feed-forward" : "LSTM") controller"
  }

  /// The task's models that recorded a curve, as chart series (cost per sequence in bits),
  /// and a sentence for each that did not.
  func curves(_ entry: TaskModels) -> (series: [LineChart.Series], missing: [String]) {
    var series: [LineChart.Series] = []
    var missing: [String] = []
    for item in [entry.machine, entry.baseline].compactMap({ $0 }) {
      let points = item.checkpoint.record?.evaluations ?? []
      if points.isEmpty {
        let command = item.checkpoint.commandLine.joined(separator: " ")
        missing.append(
          "No curve recorded for `\(item.name)` (trained before curves were kept); retrain with "
            + (command.isEmpty ? "its command" : "`\(command)`") + " to record one.")
      } else {
        series.append(
          LineChart.Series(Self.seriesName(item.checkpoint), x: points.map { Double($0.sequences) }, y: points.map(\.costBits)))
      }
    }
    return (series, missing)
  }

  /// The task's chart title: `copy: learning curves`.
  static func curveTitle(_ task: String) -> String { "\(task): learning curves" }

  /// The SVG picture of the task's curves; nil when no model of the task recorded one.
  func curveSVG(_ entry: TaskModels) -> String? {
    let (series, _) = curves(entry)
    guard !series.isEmpty else { return nil }
    return SVGLineChart.render(series, title: Self.curveTitle(entry.task), xLabel: "sequences seen", yLabel: Self.costLabel)
  }

  /// The page's lines for the task's curves: the text chart and the picture (at
  /// `figures/curve-<task>.svg` from the page), and what is missing.
  func curveSection(_ entry: TaskModels) -> [String] {
    let (series, missing) = curves(entry)
    var lines = ["### Learning curves", ""]
    if !series.isEmpty {
      let note =
        "Cost per sequence in bits (the cross-entropy of the answer bits, as the paper's figures plot it) against sequences "
        + "seen, at each evaluation the runs recorded on fresh sequences from the training range."
      lines += [note, ""]
      lines.append("```text")
      lines += LineChart.render(
        series, width: Self.chartWidth, height: Self.chartHeight, xLabel: "sequences seen", yLabel: Self.costLabel, style: .unicode)
      lines += ["```", ""]
      lines += ["![\(Self.curveTitle(entry.task))](\(figuresLink)/\(Self.curveFile(entry.task)))", ""]
    }
    for sentence in missing { lines += [sentence, ""] }
    return lines
  }
}
