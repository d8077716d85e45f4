/// Pieces the line and bar charts share: the plot frame, axes with ticks, titles, the legend,
/// and how series are told apart.
enum SVGAxes {
  /// Font sizes, in pixels.
  static let titleSize = 16.0
  static let labelSize = 12.0
  static let tickSize = 11.0
  /// The length of a tick mark, and the gap between it and its label.
  static let tickLength = 5.0
  static let tickGap = 3.0
  /// Axis and text colour; grid lines are fainter.
  static let ink = "#000000"
  static let gridColour = "#e0e0e0"

  /// The plot area, in document pixels.
  struct Frame {
    var left: Double
    var top: Double
    var right: Double
    var bottom: Double
    var width: Double { right - left }
    var height: Double { bottom - top }
  }

  /// The title, centred at the top.
  static func title(_ text: String, width: Double) -> SVGElement {
    .text(text, x: width / 2, y: titleSize + 8, anchor: .middle, size: titleSize, bold: true)
  }

  /// Horizontal grid lines, tick marks and labels for `scale` on the left edge of `frame`,
  /// the axis line, and `label` turned up the left side.
  static func yAxis(_ scale: SVGScale, frame: Frame, label: String) -> [SVGElement] {
    var elements: [SVGElement] = []
    for tick in scale.ticks {
      guard let y = scale.position(tick) else { continue }
      elements.append(.line(x1: frame.left, y1: y, x2: frame.right, y2: y, stroke: gridColour))
      elements.append(.line(x1: frame.left - tickLength, y1: y, x2: frame.left, y2: y, stroke: ink))
      elements.append(
        .text(
          scale.label(tick), x: frame.left - tickLength - tickGap, y: y + tickSize / 3,
          anchor: .end, size: tickSize))
    }
    elements.append(
      .line(x1: frame.left, y1: frame.top, x2: frame.left, y2: frame.bottom, stroke: ink))
    if !label.isEmpty {
      elements.append(
        .text(
          label, x: labelSize + 2, y: (frame.top + frame.bottom) / 2, anchor: .middle,
          size: labelSize, rotated: true))
    }
    return elements
  }

  /// Vertical grid lines, tick marks and labels for `scale` along the bottom of `frame`, the
  /// axis line, and `label` centred under the tick labels.
  static func xAxis(_ scale: SVGScale, frame: Frame, label: String) -> [SVGElement] {
    var elements: [SVGElement] = []
    for tick in scale.ticks {
      guard let x = scale.position(tick) else { continue }
      elements.append(.line(x1: x, y1: frame.top, x2: x, y2: frame.bottom, stroke: gridColour))
      elements.append(
        .line(x1: x, y1: frame.bottom, x2: x, y2: frame.bottom + tickLength, stroke: ink))
      elements.append(
        .text(
          scale.label(tick), x: x, y: frame.bottom + tickLength + tickGap + tickSize,
          anchor: .middle, size: tickSize))
    }
    elements.append(baseline(frame: frame))
    elements.append(xLabel(label, frame: frame))
    return elements
  }

  /// The x axis line along the bottom of `frame`.
  static func baseline(frame: Frame) -> SVGElement {
    .line(x1: frame.left, y1: frame.bottom, x2: frame.right, y2: frame.bottom, stroke: ink)
  }

  /// The x-axis label, centred under the tick labels.
  static func xLabel(_ label: String, frame: Frame) -> SVGElement {
    .text(
      label, x: (frame.left + frame.right) / 2,
      y: frame.bottom + tickLength + tickGap + tickSize + labelSize + 6, anchor: .middle,
      size: labelSize)
  }

  /// The space under the frame taken by tick labels and the x-axis label.
  static let xAxisHeight = tickLength + tickGap + tickSize + labelSize + 12

  // MARK: Series and legend

  /// Okabe & Ito's colour-blind-safe palette, in series order.
  static let colours = ["#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000"]
  /// Dash patterns, in series order, so lines differ without colour.
  static let dashes = ["", "7 4", "2 3", "9 3 2 3", "4 4", "1 5"]

  static func colour(_ index: Int) -> String { colours[index % colours.count] }
  static func dash(_ index: Int) -> String { dashes[index % dashes.count] }

  /// The width of a legend's swatch, and the gaps around its entries.
  static let swatchWidth = 24.0
  static let legendGap = 16.0
  static let legendRowHeight = 18.0

  /// A legend laid out left to right in rows no wider than `width`, starting at `(x, y)`.
  /// `swatch(index, x, y)` draws entry `index`'s sample, `swatchWidth` wide, centred on `y`.
  /// - Returns: the elements and the height they take (0 for no names).
  static func legend(
    _ names: [String], x: Double, y: Double, width: Double,
    swatch: (Int, Double, Double) -> SVGElement
  ) -> (elements: [SVGElement], height: Double) {
    guard !names.isEmpty else { return ([], 0) }
    var elements: [SVGElement] = []
    var cursor = x
    var row = 0.0
    for (index, name) in names.enumerated() {
      let entryWidth = swatchWidth + 6 + SVG.textWidth(name, fontSize: labelSize) + legendGap
      if cursor > x, cursor + entryWidth > x + width {
        cursor = x
        row += 1
      }
      let middle = y + row * legendRowHeight + legendRowHeight / 2
      elements.append(swatch(index, cursor, middle))
      elements.append(
        .text(name, x: cursor + swatchWidth + 6, y: middle + labelSize / 3, size: labelSize))
      cursor += entryWidth
    }
    return (elements, (row + 1) * legendRowHeight)
  }

  /// The number of legend rows `names` need in `width` (the same rule as ``legend``).
  static func legendHeight(_ names: [String], width: Double) -> Double {
    legend(names, x: 0, y: 0, width: width) { _, _, _ in SVGElement("g") }.height
  }
}
