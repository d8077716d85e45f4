/// One titled column of a side-by-side bar chart.
public struct BarSeries: Equatable, Sendable {
  /// Shown above the column, e.g. `"β = 1"`.
  public var title: String
  /// One bar per row.
  public var values: [Double]

  /// Creates a series.
  public init(_ title: String, _ values: [Double]) {
    self.title = title
    self.values = values
  }
}

extension BarChart {
  /// Several bar charts next to each other, sharing one label column, so rows can be compared
  /// across series (e.g. the content weighting at β = 1 and at β = 20).
  ///
  /// ```
  /// BarChart.sideBySide(
  ///   [BarSeries("β = 1", [1, 0.5]), BarSeries("β = 20", [0.25, 0])],
  ///   maximum: 1, width: 26, style: .unicode)
  ///   β = 1        β = 20
  /// 0 │████ 1.000  │█    0.250
  /// 1 │██   0.500  │     0.000
  /// ```
  ///
  /// Bars are drawn as in ``render(_:labels:maximum:width:decimals:style:)``, negative values
  /// left of each column's axis. All series share one scale (`maximum`, or the largest finite value of all series) so equal lengths mean
  /// equal values. A series shorter than the others leaves its missing rows blank. Titles are
  /// cut to their column's width; trailing spaces are removed from every line.
  /// - Returns: a title line, then one line per row; no line is wider than `width`. No series,
  ///   or no rows, give no lines.
  public static func sideBySide(
    _ series: [BarSeries], labels: [String]? = nil, maximum: Double? = nil, width: Int,
    decimals: Int = 3, style: TextStyle
  ) -> [String] {
    let rows = series.map(\.values.count).max() ?? 0
    guard rows > 0 else { return [] }
    let glyphs = style.glyphs
    let separator = "  "
    let labelTexts = Layout.labels(labels, count: rows, width: width, glyphs: glyphs)
    let labelWidth = labelTexts.map(TextWidth.of).max() ?? 0
    let numbers = series.map { $0.values.map { NumberFormat.fixed($0, decimals: decimals) } }
    let numberWidth = numbers.joined().map(TextWidth.of).max() ?? 0
    // Each block is: axis, bar, space, number. Blocks are joined by the separator.
    let fixedWidth =
      labelWidth + 1 + series.count * (2 + numberWidth) + (series.count - 1) * separator.count
    let cells = max(1, (width - fixedWidth) / series.count)
    let blockWidth = 2 + cells + numberWidth
    let layout = SignedLayout(series.flatMap(\.values), maximum: maximum, cells: cells)

    let prefix = String(repeating: " ", count: labelWidth + 1)
    let titles = series.map {
      TextWidth.padRight(
        TextWidth.truncate($0.title, to: blockWidth, ellipsis: glyphs.ellipsis), to: blockWidth)
    }
    var lines = [prefix + titles.joined(separator: separator)]
    for row in 0..<rows {
      let blocks = series.indices.map { column -> String in
        guard row < series[column].values.count else {
          return String(repeating: " ", count: blockWidth)
        }
        return layout.draw(series[column].values[row], glyphs: glyphs) + " "
          + TextWidth.padLeft(numbers[column][row], to: numberWidth)
      }
      lines.append(
        TextWidth.padLeft(labelTexts[row], to: labelWidth) + " "
          + blocks.joined(separator: separator))
    }
    return lines.map { TextWidth.trimTrailing(TextWidth.truncate($0, to: width)) }
  }
}
