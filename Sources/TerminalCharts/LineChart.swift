import Foundation

/// Line charts in text: several named series of `(x, y)` points on one grid of character
/// cells, e.g. learning curves (sequences seen against cost per sequence) of several models.
///
/// ```
/// cost per sequence (bits)
///   60 ┤●
///      │
///   40 ┤ ●
///      │  ●○○○○○○○○○○○○○○○○○○○
///   20 ┤   ●               ○○○○○○○○○○○○○○○○○○○○
///      │    ●
///    0 ┤     ●●●●●●●●●●●●●●●●●●●
///      └┬─────────┬─────────┬─────────┬─────────┬
///       0        20k       40k       60k       80k
///                       sequences seen
/// ● NTM  ○ LSTM
/// ```
///
/// - Each series has its own mark (`● ○ × ◇ ▲ △`; ASCII `* o x = % @`), so the chart reads
///   without colour; a cell two series fall in shows `◆` (`&`), and the legend says so.
/// - Between two of a series' points the line is interpolated column by column, so a series
///   evaluated rarely still reads as a line; where several points share a column it shows
///   their mean.
/// - Both axes are ticked at round numbers (1, 2 or 5 times a power of ten) and start at 0
///   when the values are not negative; large numbers are written `20k`, `1.5M`.
/// - Points whose x or y is NaN or ±∞ are skipped. With no drawable point the grid says
///   `no data`.
public enum LineChart {
  /// One named line: the same as an SVG chart's, so one list of series draws both.
  public typealias Series = SVGLineChart.Series

  /// The plot's height in rows when none is asked for.
  public static let defaultHeight = 10
  /// The narrowest plot drawn, in columns, whatever width is asked for.
  public static let minimumPlotWidth = 10

  /// The marks of the series, in order (the last is reused past them).
  static func marks(_ glyphs: TextStyle.Glyphs) -> [Character] {
    glyphs == .unicode ? ["●", "○", "×", "◇", "▲", "△"] : ["*", "o", "x", "=", "%", "@"]
  }

  /// The mark of a cell where two or more series meet.
  static func overlap(_ glyphs: TextStyle.Glyphs) -> Character { glyphs == .unicode ? "◆" : "&" }

  /// The chart as lines of text, each at most `width` columns (the legend wraps).
  ///
  /// - Parameters:
  ///   - series: the lines, drawn and listed in order.
  ///   - width: the columns available, e.g. the terminal's width.
  ///   - height: rows of the plot area (at least 2).
  ///   - xLabel: written under the x axis, e.g. `"sequences seen"`.
  ///   - yLabel: written above the plot, e.g. `"cost per sequence (bits)"`.
  ///   - style: Unicode or ASCII.
  public static func render(
    _ series: [Series], width: Int, height: Int = defaultHeight, xLabel: String = "", yLabel: String = "",
    style: TextStyle
  ) -> [String] {
    let glyphs = style.glyphs
    let rows = max(height, 2)
    let kept = series.map { line in zip(line.x, line.y).filter { $0.isFinite && $1.isFinite }.sorted { $0.0 < $1.0 } }
    let xs = kept.flatMap { $0.map(\.0) }
    let ys = kept.flatMap { $0.map(\.1) }
    let yScale = SVGScale.linear(ys, includingZero: (ys.min() ?? 0) >= 0, start: Double(rows - 1), end: 0)
    let yTicks = yScale.ticks.map { (row: Int((yScale.position($0) ?? 0).rounded()), text: label($0, step: yScale.step)) }
    let labelWidth = yTicks.map { TextWidth.of($0.text) }.max() ?? 1
    let plotWidth = max(width - labelWidth - 2, minimumPlotWidth)
    let xScale = SVGScale.linear(xs, includingZero: (xs.min() ?? 0) >= 0, start: 0, end: Double(plotWidth - 1))

    // The grid: for each cell, the series drawn in it.
    var cells = Array(repeating: Array(repeating: [Int](), count: plotWidth), count: rows)
    for (index, points) in kept.enumerated() {
      for (column, y) in columns(points, scale: xScale, width: plotWidth) {
        guard let position = yScale.position(y) else { continue }
        let row = min(max(Int(position.rounded()), 0), rows - 1)
        if !cells[row][column].contains(index) { cells[row][column].append(index) }
      }
    }
    let marks = marks(glyphs)
    var overlapped = false
    var lines = yLabel.isEmpty ? [] : [TextWidth.truncate(yLabel, to: width, ellipsis: glyphs.ellipsis)]
    let tickMark: Character = glyphs == .unicode ? "┤" : "+"
    for row in 0..<rows {
      let tick = yTicks.last { $0.row == row }
      var text = TextWidth.padLeft(tick?.text ?? "", to: labelWidth) + " " + String(tick == nil ? glyphs.axis : tickMark)
      for drawn in cells[row] {
        if drawn.count > 1 { overlapped = true }
        text.append(drawn.isEmpty ? " " : drawn.count > 1 ? overlap(glyphs) : marks[min(drawn[0], marks.count - 1)])
      }
      lines.append(TextWidth.trimTrailing(text))
    }
    if xs.isEmpty {
      let middle = lines.count - rows / 2 - 1
      lines[middle] = TextWidth.padRight(lines[middle], to: labelWidth + 2 + (plotWidth - 7) / 2) + "no data"
    }
    lines += xAxis(xScale, labelWidth: labelWidth, plotWidth: plotWidth, glyphs: glyphs)
    if !xLabel.isEmpty { lines.append(TextWidth.padLeft(xLabel, to: labelWidth + 2 + (plotWidth + TextWidth.of(xLabel)) / 2)) }
    var entries = series.enumerated().map { "\(marks[min($0.offset, marks.count - 1)]) \($0.element.name)" }
    if overlapped { entries.append("\(overlap(glyphs)) more than one") }
    lines += legend(entries, width: width)
    return lines
  }

  /// The columns a series' points fall in, with its value in each: the mean of the points in
  /// a column, and between two columns with points, the straight line joining them.
  static func columns(_ points: [(Double, Double)], scale: SVGScale, width: Int) -> [(column: Int, y: Double)] {
    var sums: [Int: (total: Double, count: Int)] = [:]
    for (x, y) in points {
      guard let position = scale.position(x) else { continue }
      let column = min(max(Int(position.rounded()), 0), width - 1)
      sums[column, default: (0, 0)].total += y
      sums[column, default: (0, 0)].count += 1
    }
    let known = sums.keys.sorted().map { (column: $0, y: sums[$0]!.total / Double(sums[$0]!.count)) }
    var drawn: [(column: Int, y: Double)] = []
    for (index, point) in known.enumerated() {
      drawn.append(point)
      guard index + 1 < known.count else { continue }
      let next = known[index + 1]
      for column in (point.column + 1)..<next.column {
        let fraction = Double(column - point.column) / Double(next.column - point.column)
        drawn.append((column, point.y + fraction * (next.y - point.y)))
      }
    }
    return drawn
  }

  /// The x axis: a rule with a tick at each round number, and the numbers under it (those
  /// that would run into the one before are left out).
  static func xAxis(_ scale: SVGScale, labelWidth: Int, plotWidth: Int, glyphs: TextStyle.Glyphs) -> [String] {
    let unicode = glyphs == .unicode
    var rule = Array(repeating: unicode ? Character("─") : "-", count: plotWidth)
    var numbers = ""
    let indent = labelWidth + 2
    for tick in scale.ticks {
      guard let position = scale.position(tick) else { continue }
      let column = min(max(Int(position.rounded()), 0), plotWidth - 1)
      rule[column] = unicode ? "┬" : "+"
      let text = label(tick, step: scale.step)
      // Centred under its tick, but never past the plot's right edge.
      let start = max(min(indent + column - TextWidth.of(text) / 2, indent + plotWidth - TextWidth.of(text)), 0)
      if start > TextWidth.of(numbers) + (numbers.isEmpty ? -1 : 0) {
        numbers = TextWidth.padRight(numbers, to: start) + text
      }
    }
    let corner = unicode ? "└" : "+"
    return [String(repeating: " ", count: labelWidth + 1) + corner + String(rule), numbers]
  }

  /// The legend's entries, as many to a line as fit `width`.
  static func legend(_ entries: [String], width: Int) -> [String] {
    var lines: [String] = []
    var line = ""
    for entry in entries {
      if !line.isEmpty, TextWidth.of(line) + 2 + TextWidth.of(entry) > width {
        lines.append(line)
        line = ""
      }
      line += (line.isEmpty ? "" : "  ") + entry
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }

  /// A short label for a tick: `0`, `2.5`, `500`, `20k`, `1.5M`, with as many decimals as the
  /// tick spacing `step` needs.
  static func label(_ value: Double, step: Double) -> String {
    guard value.isFinite else { return "" }
    let magnitude = abs(value)
    let (unit, suffix) = magnitude >= 1e6 ? (1e6, "M") : magnitude >= 1e3 ? (1e3, "k") : (1, "")
    let scaledStep = step / unit
    let decimals = scaledStep > 0 && scaledStep < 1 ? Int((-log10(scaledStep)).rounded(.up)) : 0
    return NumberFormat.trimmed(value / unit, decimals: decimals) + suffix
  }
}
