/// Heatmaps as standalone SVG: a matrix drawn as shaded cells, e.g. a head's weighting
/// (rows = memory locations, columns = time steps) or the memory (N × W).
///
/// ```
/// SVGHeatmap.render([[0, 0.25], [0.5, 1]], title: "write weighting",
///                   rowAxis: "location", columnAxis: "time step")
/// ```
///
/// - Each cell is one `<rect class="cell">`, shaded from white (the minimum) to black, or to
///   dark blue with ``Palette/blue`` (the maximum); the minimum and maximum are given, or those
///   of the finite values. A legend under the grid shows the scale with both ends written out.
/// - When the range is empty (all values equal, or `minimum >= maximum`) every finite cell is
///   drawn at the middle shade and the legend reads `all v`.
/// - NaN cells are hatched, and the legend adds a hatched swatch marked "no value"; `+∞` and
///   `-∞` draw as the maximum and the minimum; values outside a given range are clamped to it.
///   Ragged rows are padded with NaN.
/// - Rows and columns are numbered from 0 (or `rowLabels`), every 1, 2, 5, 10, 20, … of them,
///   whichever first leaves room between labels.
/// - Cells are square, as large as fits ``maximumGridWidth`` × ``maximumGridHeight``, between
///   ``minimumCell`` and ``maximumCell`` pixels, unless `cellSize` is given.
public enum SVGHeatmap {
  /// The shades a heatmap draws with, from the minimum (always white) to the maximum.
  public enum Palette: Equatable, Sendable {
    /// White to black.
    case grey
    /// White to dark blue (`#08306b`).
    case blue

    /// The colour at the top of the scale, as 8-bit red, green, blue.
    var top: (red: Double, green: Double, blue: Double) {
      switch self {
      case .grey: (0, 0, 0)
      case .blue: (8, 48, 107)
      }
    }
  }

  /// The largest grid a default-sized heatmap is fitted into, in pixels.
  public static let maximumGridWidth = 600.0
  public static let maximumGridHeight = 400.0
  /// Bounds on a cell's side, in pixels.
  public static let minimumCell = 1.0
  public static let maximumCell = 24.0

  /// Space around the grid, in pixels.
  static let marginTop = 36.0
  static let marginRight = 16.0
  static let axisNameWidth = 18.0
  static let labelGap = 4.0
  /// The legend: how many steps its scale has, each step's size, and its height with labels.
  static let legendSteps = 10
  static let legendStepWidth = 16.0
  static let legendStepHeight = 10.0
  static let legendHeight = 40.0
  /// The hatch pattern's `id`, shared by every heatmap in a document.
  static let missingPatternID = "no-value"

  /// A heatmap of `rows`.
  ///
  /// - Parameters:
  ///   - rows: the matrix, row by row.
  ///   - title: written above the grid.
  ///   - rowLabels: one per row; `nil` numbers the rows `0, 1, …`.
  ///   - rowAxis: written up the left side, e.g. `"location"`.
  ///   - columnAxis: written under the column numbers, e.g. `"time step"`.
  ///   - minimum: the value drawn white; `nil` uses the smallest finite value.
  ///   - maximum: the value drawn darkest; `nil` uses the largest finite value.
  ///   - palette: grey or blue.
  ///   - cellSize: the side of a cell in pixels; `nil` fits the grid (see above).
  ///   - decimals: digits after the point in the legend.
  /// - Returns: a standalone SVG document.
  public static func render(
    _ rows: [[Double]], title: String, rowLabels: [String]? = nil, rowAxis: String = "",
    columnAxis: String = "", minimum: Double? = nil, maximum: Double? = nil,
    palette: Palette = .grey, cellSize: Double? = nil, decimals: Int = 2
  ) -> String {
    let columns = rows.map(\.count).max() ?? 0
    let fitted = min(
      maximumGridWidth / Double(max(columns, 1)), maximumGridHeight / Double(max(rows.count, 1)))
    let side = min(max(SVGFigure.usable(cellSize ?? fitted), minimumCell), maximumCell * 4)
    var drawing = figure(
      rows, title: title, rowLabels: rowLabels, rowAxis: rowAxis, columnAxis: columnAxis,
      minimum: minimum, maximum: maximum, palette: palette,
      cellWidth: cellSize == nil ? min(side, maximumCell) : side,
      cellHeight: cellSize == nil ? min(side, maximumCell) : side, decimals: decimals)
    drawing.title = title
    return drawing.document()
  }

  /// The heatmap as a figure with its own origin at the top left; `left` overrides the space
  /// before the grid so stacked heatmaps line up.
  static func figure(
    _ rows: [[Double]], title: String, rowLabels: [String]?, rowAxis: String,
    columnAxis: String, minimum: Double?, maximum: Double?, palette: Palette,
    cellWidth: Double, cellHeight: Double, decimals: Int, left: Double? = nil
  ) -> SVGFigure {
    let columns = rows.map(\.count).max() ?? 0
    let left = left ?? leftMargin(rows.count, rowLabels: rowLabels, rowAxis: rowAxis)
    var elements = [
      SVGElement.text(title, x: left, y: marginTop - 10, size: SVGAxes.labelSize + 2, bold: true)
    ]
    guard columns > 0 else {
      elements.append(.text("no data", x: left, y: marginTop + 16, size: SVGAxes.labelSize))
      let width = max(left + SVG.textWidth(title, fontSize: 14), left + 60) + marginRight
      return SVGFigure(width: width, height: marginTop + 28, elements: elements)
    }
    let finite = rows.joined().filter(\.isFinite).map(SVG.limited)
    let low = minimum.flatMap { $0.isFinite ? SVG.limited($0) : nil } ?? finite.min() ?? 0
    let high = maximum.flatMap { $0.isFinite ? SVG.limited($0) : nil } ?? finite.max() ?? 0
    let gridWidth = Double(columns) * cellWidth
    let gridHeight = Double(rows.count) * cellHeight

    var cells: [SVGElement] = []
    var sawMissing = false
    for (row, values) in rows.enumerated() {
      for column in 0..<columns {
        let value = column < values.count ? values[column] : .nan
        sawMissing = sawMissing || value.isNaN
        cells.append(
          .rect(
            x: left + Double(column) * cellWidth, y: marginTop + Double(row) * cellHeight,
            width: cellWidth, height: cellHeight,
            fill: fill(value, minimum: low, maximum: high, palette: palette), class: "cell"))
      }
    }
    // Crisp edges stop anti-aliasing from drawing faint seams between neighbouring cells.
    var grid = SVGElement.group(cells)
    grid.attributes.append(("shape-rendering", "crispEdges"))
    elements.append(grid)
    var border = SVGElement.rect(
      x: left, y: marginTop, width: gridWidth, height: gridHeight, fill: "none")
    border.attributes += [("stroke", SVGAxes.ink), ("stroke-width", "0.5")]
    elements.append(border)

    let labels = (0..<rows.count).map { row in
      guard let rowLabels else { return String(row) }
      return row < rowLabels.count ? rowLabels[row] : ""
    }
    for row in stride(from: 0, to: rows.count, by: step(spacing: cellHeight, needed: SVGAxes.tickSize)) {
      elements.append(
        .text(
          labels[row], x: left - labelGap,
          y: marginTop + (Double(row) + 0.5) * cellHeight + SVGAxes.tickSize / 3, anchor: .end,
          size: SVGAxes.tickSize))
    }
    let numberWidth = SVG.textWidth(String(columns - 1), fontSize: SVGAxes.tickSize) + labelGap
    let columnLabelY = marginTop + gridHeight + SVGAxes.tickSize + 2
    for column in stride(from: 0, to: columns, by: step(spacing: cellWidth, needed: numberWidth)) {
      elements.append(
        .text(
          String(column), x: left + (Double(column) + 0.5) * cellWidth, y: columnLabelY,
          anchor: .middle, size: SVGAxes.tickSize))
    }
    var bottom = columnLabelY + 4
    if !rowAxis.isEmpty {
      elements.append(
        .text(
          rowAxis, x: SVGAxes.labelSize, y: marginTop + gridHeight / 2, anchor: .middle,
          size: SVGAxes.labelSize, rotated: true))
    }
    if !columnAxis.isEmpty {
      elements.append(
        .text(
          columnAxis, x: left + gridWidth / 2, y: bottom + SVGAxes.labelSize, anchor: .middle,
          size: SVGAxes.labelSize))
      bottom += SVGAxes.labelSize + 4
    }
    let (key, keyWidth) = legend(
      minimum: low, maximum: high, palette: palette, missing: sawMissing, decimals: decimals,
      x: left, y: bottom + 6)
    elements += key
    bottom += legendHeight
    let width =
      max(
        left + gridWidth, left + keyWidth, left + SVG.textWidth(title, fontSize: 14)) + marginRight
    return SVGFigure(
      width: width, height: bottom, elements: elements,
      definitions: sawMissing ? [missingPattern] : [])
  }

  /// The space left of the grid: the row axis name, the widest row label, a gap.
  static func leftMargin(_ rowCount: Int, rowLabels: [String]?, rowAxis: String) -> Double {
    let widest = rowLabels.map { $0.map(\.count).max() ?? 0 } ?? String(max(rowCount - 1, 0)).count
    return (rowAxis.isEmpty ? 8 : axisNameWidth + 4)
      + SVG.textWidth(String(repeating: "0", count: widest), fontSize: SVGAxes.tickSize) + labelGap
  }

  /// The first of 1, 2, 5, 10, 20, 50, … items whose span of `spacing`-pixel items is at least
  /// `needed` pixels.
  static func step(spacing: Double, needed: Double) -> Int {
    var step = 1
    var rank = 0
    while Double(step) * spacing < needed, step < 1_000_000_000 {
      rank += 1
      step = [1, 2, 5][rank % 3] * (0..<(rank / 3)).reduce(1) { power, _ in power * 10 }
    }
    return step
  }

  /// The fill of a cell: `#rrggbb` between white and the palette's top, or the hatch for NaN.
  static func fill(_ value: Double, minimum: Double, maximum: Double, palette: Palette) -> String {
    if value.isNaN { return "url(#\(missingPatternID))" }
    let fraction: Double
    if value == .infinity {
      fraction = 1
    } else if value == -.infinity {
      fraction = 0
    } else if maximum > minimum {
      fraction = (min(max(SVG.limited(value), minimum), maximum) - minimum) / (maximum - minimum)
    } else {
      fraction = 0.5
    }
    let top = palette.top
    let channels = [top.red, top.green, top.blue].map { channel in
      Int((255 + fraction * (channel - 255)).rounded())
    }
    return "#" + channels.map { hex($0) }.joined()
  }

  /// Two lowercase hexadecimal digits.
  static func hex(_ byte: Int) -> String {
    let digits = Array("0123456789abcdef")
    let clamped = min(max(byte, 0), 255)
    return String([digits[clamped / 16], digits[clamped % 16]])
  }

  /// The colour-scale legend at `(x, y)`: the steps from minimum to maximum with both ends
  /// written under them, or one swatch `all v`; then a hatched "no value" swatch if needed.
  static func legend(
    minimum: Double, maximum: Double, palette: Palette, missing: Bool, decimals: Int,
    x: Double, y: Double
  ) -> (elements: [SVGElement], width: Double) {
    var elements: [SVGElement] = []
    let textY = y + legendStepHeight + SVGAxes.tickSize + 2
    var cursor = x
    if maximum > minimum {
      for index in 0..<legendSteps {
        let value = minimum + (maximum - minimum) * Double(index) / Double(legendSteps - 1)
        elements.append(
          swatch(x: cursor, y: y, fill: fill(value, minimum: minimum, maximum: maximum, palette: palette)))
        cursor += legendStepWidth
      }
      elements.append(
        .text(SVG.readable(minimum, decimals: decimals), x: x, y: textY, size: SVGAxes.tickSize))
      elements.append(
        .text(
          SVG.readable(maximum, decimals: decimals), x: cursor, y: textY, anchor: .end,
          size: SVGAxes.tickSize))
    } else {
      elements.append(
        swatch(x: cursor, y: y, fill: fill(minimum, minimum: minimum, maximum: maximum, palette: palette)))
      let text = "all " + SVG.readable(minimum, decimals: decimals)
      elements.append(
        .text(
          text, x: cursor + legendStepWidth + 4, y: y + legendStepHeight - 1,
          size: SVGAxes.tickSize))
      cursor += legendStepWidth + 4 + SVG.textWidth(text, fontSize: SVGAxes.tickSize)
    }
    if missing {
      cursor += SVGAxes.legendGap
      elements.append(swatch(x: cursor, y: y, fill: "url(#\(missingPatternID))"))
      elements.append(
        .text(
          "no value", x: cursor + legendStepWidth + 4, y: y + legendStepHeight - 1,
          size: SVGAxes.tickSize))
      cursor += legendStepWidth + 4 + SVG.textWidth("no value", fontSize: SVGAxes.tickSize)
    }
    return (elements, cursor - x)
  }

  /// One legend step, outlined so white steps still show.
  static func swatch(x: Double, y: Double, fill: String) -> SVGElement {
    var element = SVGElement.rect(
      x: x, y: y, width: legendStepWidth, height: legendStepHeight, fill: fill)
    element.attributes += [("stroke", "#808080"), ("stroke-width", "0.5")]
    return element
  }

  /// Thin diagonal strokes on white, drawn where a value is NaN.
  static var missingPattern: SVGElement {
    SVGElement(
      "pattern",
      ["id": missingPatternID, "patternUnits": "userSpaceOnUse", "width": 6, "height": 6],
      children: [
        SVGElement("rect", ["width": 6, "height": 6, "fill": "#ffffff"]),
        SVGElement(
          "path",
          ["d": "M0 6L6 0M-1 1L1 -1M5 7L7 5", "stroke": "#d55e00", "stroke-width": 1.5]),
      ])
  }
}
