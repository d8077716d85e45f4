/// Horizontal bar charts: one row per value, the label on the left, the number on the right.
///
/// ```
/// BarChart.render([0.5, 0.5625, 0, 1], maximum: 1, width: 17, style: .unicode)
/// 0 │████     0.500
/// 1 │████▌    0.562
/// 2 │         0.000
/// 3 │████████ 1.000
/// ```
///
/// - A bar's length is `value / maximum` of the bar area, rounded to the nearest eighth of a
///   cell: full cells `█`, then one partial cell `▏▎▍▌▋▊▉` (1…7 eighths).
/// - ASCII draws `#` for each full cell and one `+` when the leftover is at least half a cell
///   (4 eighths or more); a smaller leftover is not drawn. The number beside the bar is exact.
/// - The chart's baseline is 0. When a value is negative the bar area is split at the axis:
///   negative values grow leftwards from it (whole and half cells, `▐` or `+` for the half),
///   positive ones rightwards, both sides on the same scale (`SignedLayout`). A chart with no
///   negative value looks exactly as it would without this rule. A value above the maximum
///   fills its side.
/// - NaN and ±∞ draw an empty bar and print `nan`, `inf`, `-inf`.
/// - Every line fits in `width` columns: long labels are cut (ending in `…` or `~`) to at most a
///   third of the width, and the bar area takes what is left.
public enum BarChart {
  /// One bar, `cells` columns at most, not padded.
  ///
  /// - Parameters:
  ///   - value: the bar's value; NaN, ±∞ and values ≤ 0 give an empty bar.
  ///   - maximum: the value that fills all `cells`; no bar is drawn unless it is finite and > 0.
  ///   - cells: the number of columns a full bar occupies.
  ///   - glyphs: the character repertoire.
  public static func bar(
    _ value: Double, maximum: Double, cells: Int, glyphs: TextStyle.Glyphs
  ) -> String {
    guard cells > 0, value.isFinite, value > 0, maximum.isFinite, maximum > 0 else { return "" }
    let fraction = min(value / maximum, 1)
    let eighths = Int((fraction * Double(cells) * 8).rounded())
    let full = eighths / 8
    let leftover = eighths % 8
    var text = String(repeating: glyphs.fullBlock, count: full)
    switch glyphs {
    case .unicode where leftover > 0:
      text.append(TextStyle.Glyphs.eighths[leftover - 1])
    case .ascii where leftover >= 4:
      text.append(TextStyle.Glyphs.asciiHalf)
    default:
      break
    }
    return text
  }

  /// A bar chart, one line per value.
  ///
  /// - Parameters:
  ///   - values: one bar each (e.g. a weighting's entries or a memory row).
  ///   - labels: one per value, right-aligned; `nil` numbers the rows `0, 1, …`. Missing labels
  ///     are blank.
  ///   - maximum: the value that fills the bar area (e.g. `1` for weightings); `nil` uses the
  ///     largest finite value.
  ///   - width: the widest a line may be, in columns.
  ///   - decimals: digits after the point in the printed numbers.
  ///   - style: Unicode or ASCII.
  /// - Returns: one line per value; no line is wider than `width`. No values give no lines.
  public static func render(
    _ values: [Double], labels: [String]? = nil, maximum: Double? = nil, width: Int,
    decimals: Int = 3, style: TextStyle
  ) -> [String] {
    guard !values.isEmpty else { return [] }
    let glyphs = style.glyphs
    let labelTexts = Layout.labels(labels, count: values.count, width: width, glyphs: glyphs)
    let labelWidth = labelTexts.map(TextWidth.of).max() ?? 0
    let numbers = values.map { NumberFormat.fixed($0, decimals: decimals) }
    let numberWidth = numbers.map(TextWidth.of).max() ?? 0
    // label, space, axis, bar, space, number
    let cells = max(1, width - labelWidth - 3 - numberWidth)
    let layout = SignedLayout(values, maximum: maximum, cells: cells)
    return values.indices.map { row in
      let line =
        TextWidth.padLeft(labelTexts[row], to: labelWidth) + " "
        + layout.draw(values[row], glyphs: glyphs) + " " + TextWidth.padLeft(numbers[row], to: numberWidth)
      return TextWidth.truncate(line, to: width)
    }
  }

  /// One bar growing leftwards from the axis for a negative value, `cells` columns at most,
  /// not padded: whole cells, and a half cell on the outside when the leftover is at least half.
  ///
  /// - Parameters:
  ///   - value: the bar's value; NaN, ±∞ and values ≥ 0 give an empty bar.
  ///   - extent: the size of the most negative value the side holds (> 0); it fills all `cells`.
  ///   - cells: the number of columns a full bar occupies.
  ///   - glyphs: the character repertoire.
  public static func negativeBar(
    _ value: Double, extent: Double, cells: Int, glyphs: TextStyle.Glyphs
  ) -> String {
    guard cells > 0, value.isFinite, value < 0, extent.isFinite, extent > 0 else { return "" }
    let halves = Int((min(-value / extent, 1) * Double(cells) * 2).rounded())
    let half = halves % 2 == 1 ? String(glyphs.leftHalf) : ""
    return half + String(repeating: glyphs.fullBlock, count: halves / 2)
  }
}

/// Where the axis sits in a bar area of `cells` columns: `negativeCells` to its left for
/// negative values, `positiveCells` to its right, one cell standing for the same amount on
/// both sides. With no negative value every cell is on the right, as in an unsigned chart.
struct SignedLayout {
  /// Columns left of the axis.
  var negativeCells: Int
  /// Columns right of the axis.
  var positiveCells: Int
  /// The size of the most negative finite value (0 when there is none).
  var extent: Double
  /// The value that fills the positive side.
  var maximum: Double

  init(_ values: [Double], maximum: Double?, cells: Int) {
    let finite = values.filter(\.isFinite)
    extent = max(0, -(finite.min() ?? 0))
    self.maximum = maximum ?? Layout.largestFinite(values)
    guard extent > 0 else {
      negativeCells = 0
      positiveCells = cells
      return
    }
    let positive = max(0, self.maximum)
    let share = Int((Double(cells) * extent / (extent + positive)).rounded())
    // Both sides keep a column when both kinds of value are there.
    negativeCells = positive > 0 ? min(max(1, share), cells - 1) : cells
    positiveCells = cells - negativeCells
  }

  /// The negative side, the axis and the positive side for `value`, padded to the area.
  func draw(_ value: Double, glyphs: TextStyle.Glyphs) -> String {
    let left = BarChart.negativeBar(value, extent: extent, cells: negativeCells, glyphs: glyphs)
    let right = BarChart.bar(value, maximum: maximum, cells: positiveCells, glyphs: glyphs)
    return TextWidth.padLeft(left, to: negativeCells) + String(glyphs.axis) + TextWidth.padRight(right, to: positiveCells)
  }
}

/// Layout helpers shared by the charts.
enum Layout {
  /// The largest finite value, or 0 when there is none.
  static func largestFinite(_ values: [Double]) -> Double {
    values.lazy.filter(\.isFinite).max() ?? 0
  }

  /// Row labels: the given ones (blank where missing) or row numbers, each cut to at most a
  /// third of `width` so the chart keeps room to draw.
  static func labels(
    _ labels: [String]?, count: Int, width: Int, glyphs: TextStyle.Glyphs
  ) -> [String] {
    let texts = (0..<count).map { row in
      guard let labels else { return String(row) }
      return row < labels.count ? labels[row] : ""
    }
    let limit = max(1, width / 3)
    return texts.map { TextWidth.truncate($0, to: limit, ellipsis: glyphs.ellipsis) }
  }
}
