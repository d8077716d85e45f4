/// Grouped bar charts as standalone SVG: one group per category, one bar per series, each bar
/// labelled with its value, e.g. the generalisation chart (bits per sequence at each length,
/// NTM against LSTM).
///
/// ```
/// SVGBarChart.render(
///   categories: ["10", "20", "40", "80", "120"],
///   series: [SVGBarChart.Series("NTM", [0, 0, 0.2, 1.5, 4]),
///            SVGBarChart.Series("LSTM", [0, 0.1, 9, 30, 52])],
///   title: "Copy: generalisation", xLabel: "sequence length", yLabel: "bits per sequence",
///   marker: SVGBarChart.Marker(afterCategory: 1, label: "trained up to 20"))
/// ```
///
/// - The y axis starts at 0 (or below, for negative values) and ends at `maximum`, or at the
///   round number above the largest finite value. A bar of value `v` is
///   `v / (top − bottom)` of the plot's height.
/// - Within a group, bars follow the legend's order left to right, and every bar carries its
///   value, so colour is never needed to read the chart.
/// - NaN draws no bar and the label `n/a`; `+∞` (or a value above `maximum`) fills the plot
///   and is labelled with its true value (`∞`). A missing value (a short series) draws nothing.
public enum SVGBarChart {
  /// One named series: a value per category.
  public struct Series: Equatable, Sendable {
    /// Shown in the legend, e.g. `"NTM"`.
    public var name: String
    /// One value per category, in order; a shorter array leaves the last categories empty.
    public var values: [Double]

    /// Creates a series.
    public init(_ name: String, _ values: [Double]) {
      self.name = name
      self.values = values
    }
  }

  /// A dashed vertical line between two categories, e.g. the end of the training range.
  public struct Marker: Equatable, Sendable {
    /// The line is drawn after this category (0-based), before the next one.
    public var afterCategory: Int
    /// Written beside the line, e.g. `"trained up to 20"`.
    public var label: String

    /// Creates a marker.
    public init(afterCategory: Int, label: String) {
      self.afterCategory = afterCategory
      self.label = label
    }
  }

  /// The default size, in pixels.
  public static let defaultWidth = 640.0
  public static let defaultHeight = 400.0

  /// Margins around the plot area, in pixels (the bottom one grows with the legend).
  static let marginTop = 48.0
  static let marginLeft = 72.0
  static let marginRight = 24.0
  static let legendTop = 6.0
  static let marginBottom = 8.0
  static let minimumPlot = 40.0
  /// The share of a group's width its bars take; the rest separates groups.
  static let groupFill = 0.8
  /// Value labels: their size and their gap to the bar's end.
  static let valueSize = 10.0
  static let valueGap = 3.0
  /// The outline every bar gets, so light fills still show their edges in print.
  static let outline = "#000000"

  /// A grouped bar chart.
  ///
  /// - Parameters:
  ///   - categories: one label per group, e.g. sequence lengths.
  ///   - series: the bars of each group, in order.
  ///   - title: written above the plot.
  ///   - xLabel: written under the categories.
  ///   - yLabel: written up the y axis.
  ///   - marker: an optional dashed line between two groups.
  ///   - maximum: the top of the y axis; `nil` rounds up from the largest finite value.
  ///   - decimals: digits after the point in the value labels.
  ///   - width: the document's width in pixels.
  ///   - height: the document's height in pixels.
  /// - Returns: a standalone SVG document.
  public static func render(
    categories: [String], series: [Series], title: String, xLabel: String = "",
    yLabel: String = "", marker: Marker? = nil, maximum: Double? = nil, decimals: Int = 2,
    width: Double = defaultWidth, height: Double = defaultHeight
  ) -> String {
    let layout = Layout(
      width: width, height: height, names: series.map(\.name))
    let frame = layout.frame
    let scale = SVGScale.linear(
      series.flatMap(\.values), includingZero: true, maximum: maximum,
      start: frame.bottom, end: frame.top)

    var elements = [SVGAxes.title(title, width: layout.width)]
    elements += SVGAxes.yAxis(scale, frame: frame, label: yLabel)
    let groupWidth = frame.width / Double(max(categories.count, 1))
    let barWidth = groupWidth * groupFill / Double(max(series.count, 1))
    for (column, category) in categories.enumerated() {
      let groupLeft = frame.left + Double(column) * groupWidth
      elements.append(
        .text(
          category, x: groupLeft + groupWidth / 2,
          y: frame.bottom + SVGAxes.tickLength + SVGAxes.tickGap + SVGAxes.tickSize,
          anchor: .middle, size: SVGAxes.tickSize))
      for (index, line) in series.enumerated() where column < line.values.count {
        let x = groupLeft + groupWidth * (1 - groupFill) / 2 + Double(index) * barWidth
        elements += bar(
          line.values[column], index: index, x: x, width: barWidth, scale: scale,
          decimals: decimals)
      }
    }
    if categories.isEmpty {
      elements.append(
        .text(
          "no data", x: (frame.left + frame.right) / 2, y: (frame.top + frame.bottom) / 2,
          anchor: .middle, size: SVGAxes.labelSize))
    }
    elements.append(SVGAxes.baseline(frame: frame))
    elements.append(SVGAxes.xLabel(xLabel, frame: frame))
    if let marker, categories.indices.contains(marker.afterCategory) {
      let x = frame.left + Double(marker.afterCategory + 1) * groupWidth
      elements.append(
        .line(x1: x, y1: frame.top - 14, x2: x, y2: frame.bottom, stroke: SVGAxes.ink, dash: "5 4"))
      // The label goes on the side with more room, so it stays inside the document.
      let onLeft = x > (frame.left + frame.right) / 2
      elements.append(
        .text(
          marker.label, x: onLeft ? x - 4 : x + 4, y: frame.top - 4, anchor: onLeft ? .end : .start,
          size: SVGAxes.tickSize))
    }
    elements +=
      SVGAxes.legend(
        series.map(\.name), x: marginLeft, y: frame.bottom + SVGAxes.xAxisHeight + legendTop,
        width: frame.width
      ) { index, x, y in
        .rect(
          x: x + 4, y: y - 6, width: SVGAxes.swatchWidth - 8, height: 12,
          fill: SVGAxes.colour(index))
      }.elements
    return SVGFigure(width: layout.width, height: layout.height, elements: elements, title: title)
      .document()
  }

  /// One bar and its value label; NaN gives only the label.
  static func bar(
    _ value: Double, index: Int, x: Double, width: Double, scale: SVGScale, decimals: Int
  ) -> [SVGElement] {
    let label = SVG.readable(value, decimals: decimals)
    let zero = scale.clampedPosition(0) ?? scale.start
    guard let end = scale.clampedPosition(value) else {
      return [.text(label, x: x + width / 2, y: zero - valueGap, anchor: .middle, size: valueSize)]
    }
    var rect = SVGElement.rect(
      x: x, y: min(zero, end), width: width, height: abs(zero - end),
      fill: SVGAxes.colour(index), class: "bar")
    rect.attributes += [("stroke", outline), ("stroke-width", "0.5")]
    // Labels sit beyond the bar's end: above a positive bar, below a negative one.
    let labelY = end <= zero ? end - valueGap : end + valueGap + valueSize
    return [
      rect, .text(label, x: x + width / 2, y: labelY, anchor: .middle, size: valueSize),
    ]
  }

  /// The document size and the plot area for a given legend.
  struct Layout {
    var width: Double
    var height: Double
    var frame: SVGAxes.Frame

    init(width requestedWidth: Double, height requestedHeight: Double, names: [String]) {
      width = max(SVGFigure.usable(requestedWidth), marginLeft + marginRight + minimumPlot)
      let legendHeight = SVGAxes.legendHeight(names, width: width - marginLeft - marginRight)
      let below = SVGAxes.xAxisHeight + legendTop + legendHeight + marginBottom
      height = max(SVGFigure.usable(requestedHeight), marginTop + minimumPlot + below)
      frame = SVGAxes.Frame(
        left: marginLeft, top: marginTop, right: width - marginRight, bottom: height - below)
    }
  }
}
