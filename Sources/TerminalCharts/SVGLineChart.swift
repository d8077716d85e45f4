/// Line charts as standalone SVG: one or more named series of `(x, y)` points, e.g. a
/// learning curve (sequences seen against bits per sequence).
///
/// ```
/// SVGLineChart.render(
///   [SVGLineChart.Series("NTM", x: [0, 1000, 2000], y: [80, 12, 0.5])],
///   title: "Copy: learning curve", xLabel: "sequences seen", yLabel: "bits per sequence")
/// ```
///
/// - Axes are ticked at round numbers (1, 2 or 5 times a power of ten) and widened to them;
///   the title sits on top, the legend under the x-axis label.
/// - Series are told apart by colour *and* dash pattern (solid, dashed, dotted, …), in the
///   legend's order, so the chart reads in grey.
/// - A point whose x or y is NaN or ±∞ is skipped and breaks the line there; on a logarithmic
///   y axis, so is a y ≤ 0. A run of one point is drawn as a dot.
/// - With no drawable point at all the axes are drawn (0…1) with "no data" in the middle. A
///   constant series is drawn across the middle of the plot.
public enum SVGLineChart {
  /// One named line.
  public struct Series: Equatable, Sendable {
    /// Shown in the legend, e.g. `"NTM"` or `"loss"`.
    public var name: String
    /// Horizontal coordinates, e.g. sequences seen.
    public var x: [Double]
    /// Vertical coordinates, one per `x`.
    public var y: [Double]

    /// A series from matching coordinate arrays.
    /// - Precondition: `x.count == y.count`.
    public init(_ name: String, x: [Double], y: [Double]) {
      precondition(
        x.count == y.count, "Series \"\(name)\": \(x.count) x values but \(y.count) y values")
      self.name = name
      self.x = x
      self.y = y
    }

    /// A series whose x values are `1, 2, 3, …` (e.g. a value per training step).
    public init(_ name: String, y: [Double]) {
      self.init(name, x: y.indices.map { Double($0 + 1) }, y: y)
    }
  }

  /// The default size, in pixels: fits a slide and a page.
  public static let defaultWidth = 640.0
  public static let defaultHeight = 400.0

  /// Margins around the plot area, in pixels (the bottom one grows with the legend).
  static let marginTop = 40.0
  static let marginLeft = 72.0
  static let marginRight = 32.0
  static let legendTop = 6.0
  static let marginBottom = 8.0
  /// The plot area never gets smaller than this, whatever size is asked for.
  static let minimumPlot = 40.0
  /// Line width and dot radius, in pixels.
  static let strokeWidth = 2.0
  static let dotRadius = 3.0

  /// A line chart of `series`.
  ///
  /// - Parameters:
  ///   - series: the lines, drawn and listed in order.
  ///   - title: written above the plot.
  ///   - xLabel: written under the x axis, e.g. `"sequences seen"`.
  ///   - yLabel: written up the y axis, e.g. `"bits per sequence"`.
  ///   - logarithmicY: a base-10 y axis ticked at powers of ten; y ≤ 0 is skipped.
  ///   - width: the document's width in pixels.
  ///   - height: the document's height in pixels.
  /// - Returns: a standalone SVG document.
  public static func render(
    _ series: [Series], title: String, xLabel: String = "", yLabel: String = "",
    logarithmicY: Bool = false, width: Double = defaultWidth, height: Double = defaultHeight
  ) -> String {
    figure(
      series, title: title, xLabel: xLabel, yLabel: yLabel, logarithmicY: logarithmicY,
      width: width, height: height
    ).document()
  }

  /// The chart as a figure (see ``render(_:title:xLabel:yLabel:logarithmicY:width:height:)``).
  static func figure(
    _ series: [Series], title: String, xLabel: String, yLabel: String, logarithmicY: Bool,
    width requestedWidth: Double, height requestedHeight: Double
  ) -> SVGFigure {
    let width = max(SVGFigure.usable(requestedWidth), marginLeft + marginRight + minimumPlot)
    let names = series.map(\.name)
    let legendWidth = width - marginLeft - marginRight
    let legendHeight = SVGAxes.legendHeight(names, width: legendWidth)
    let below = SVGAxes.xAxisHeight + legendTop + legendHeight + marginBottom
    let height = max(SVGFigure.usable(requestedHeight), marginTop + minimumPlot + below)
    let frame = SVGAxes.Frame(
      left: marginLeft, top: marginTop, right: width - marginRight, bottom: height - below)

    func drawable(_ x: Double, _ y: Double) -> Bool {
      x.isFinite && y.isFinite && (!logarithmicY || y > 0)
    }
    let kept = series.map { line in zip(line.x, line.y).filter { drawable($0, $1) } }
    let xs = kept.flatMap { $0.map(\.0) }
    let ys = kept.flatMap { $0.map(\.1) }
    let xScale = SVGScale.linear(xs, start: frame.left, end: frame.right)
    let yScale =
      logarithmicY
      ? SVGScale.logarithmic(ys, start: frame.bottom, end: frame.top)
      : SVGScale.linear(ys, start: frame.bottom, end: frame.top)

    var elements = [SVGAxes.title(title, width: width)]
    elements += SVGAxes.yAxis(yScale, frame: frame, label: yLabel)
    elements += SVGAxes.xAxis(xScale, frame: frame, label: xLabel)
    if xs.isEmpty {
      elements.append(
        .text(
          "no data", x: (frame.left + frame.right) / 2, y: (frame.top + frame.bottom) / 2,
          anchor: .middle, size: SVGAxes.labelSize))
    }
    for (index, line) in series.enumerated() {
      elements += runs(line, drawable: drawable, x: xScale, y: yScale).map {
        path($0, index: index)
      }
    }
    elements +=
      SVGAxes.legend(
        names, x: marginLeft, y: frame.bottom + SVGAxes.xAxisHeight + legendTop, width: legendWidth
      ) { index, x, y in
        .group([
          .line(
            x1: x, y1: y, x2: x + SVGAxes.swatchWidth, y2: y, stroke: SVGAxes.colour(index),
            width: strokeWidth, dash: SVGAxes.dash(index))
        ])
      }.elements
    return SVGFigure(width: width, height: height, elements: elements, title: title)
  }

  /// The series' points in pixels, split into runs wherever a point cannot be drawn.
  static func runs(
    _ series: Series, drawable: (Double, Double) -> Bool, x: SVGScale, y: SVGScale
  ) -> [[(x: Double, y: Double)]] {
    var runs: [[(x: Double, y: Double)]] = [[]]
    for (px, py) in zip(series.x, series.y) {
      if drawable(px, py), let left = x.position(px), let top = y.position(py) {
        runs[runs.count - 1].append((left, top))
      } else if !runs[runs.count - 1].isEmpty {
        runs.append([])
      }
    }
    return runs.filter { !$0.isEmpty }
  }

  /// A run as a polyline, or a dot when it has one point.
  static func path(_ run: [(x: Double, y: Double)], index: Int) -> SVGElement {
    let colour = SVGAxes.colour(index)
    if run.count == 1 {
      return SVGElement("circle", ["cx": run[0].x, "cy": run[0].y, "r": dotRadius, "fill": colour])
    }
    var element = SVGElement(
      "polyline",
      [
        "points": run.map { SVG.number($0.x) + "," + SVG.number($0.y) }.joined(separator: " "),
        "fill": "none", "stroke": colour, "stroke-width": strokeWidth,
        "stroke-linejoin": "round",
      ])
    let dash = SVGAxes.dash(index)
    if !dash.isEmpty { element.attributes.append(("stroke-dasharray", dash)) }
    return element
  }
}
