/// Several heatmaps stacked in one SVG document, each with its title, e.g. a copy run: input,
/// target, output, write weighting, read weighting, final memory.
///
/// ```
/// SVGDashboard.render(
///   [(title: "input", rows: input), (title: "output", rows: output),
///    (title: "write weighting", rows: writes), (title: "memory", rows: memory)],
///   title: "Copy, length 20")
/// ```
///
/// - Every panel is drawn as by ``SVGHeatmap/render(_:title:rowLabels:rowAxis:columnAxis:minimum:maximum:palette:cellSize:decimals:)``
///   with its own scale and legend (inputs are 0…1, memory is not).
/// - All panels share one cell width and one left edge, so panels over time (input, output,
///   weightings) line up step by step. The cell width fits the widest panel into
///   ``SVGHeatmap/maximumGridWidth``; each panel's cell height fits it into ``panelHeight``,
///   never taller than the cell is wide.
public enum SVGDashboard {
  /// The tallest a panel's grid may be, in pixels.
  public static let panelHeight = 200.0
  /// Space for the dashboard's title, and between panels, in pixels.
  static let titleHeight = 32.0
  static let panelGap = 8.0

  /// One heatmap of a dashboard.
  public struct Panel: Equatable, Sendable {
    /// Written above the grid.
    public var title: String
    /// The matrix, row by row (drawn top to bottom).
    public var rows: [[Double]]
    /// One per row; `nil` numbers the rows `0, 1, …`.
    public var rowLabels: [String]?
    /// The values drawn white and darkest; `nil` uses the panel's smallest and largest finite
    /// values.
    public var minimum: Double?
    public var maximum: Double?

    public init(
      _ title: String, rows: [[Double]], rowLabels: [String]? = nil, minimum: Double? = nil,
      maximum: Double? = nil
    ) {
      self.title = title
      self.rows = rows
      self.rowLabels = rowLabels
      self.minimum = minimum
      self.maximum = maximum
    }
  }

  /// A dashboard of heatmaps, top to bottom in the order given, each scaled to its own
  /// smallest and largest value and with its rows numbered.
  ///
  /// - Parameters:
  ///   - panels: a title and a matrix per panel (rows drawn top to bottom).
  ///   - title: an optional heading above the first panel.
  ///   - palette: grey or blue, for every panel.
  ///   - decimals: digits after the point in the legends.
  /// - Returns: a standalone SVG document.
  public static func render(
    _ panels: [(title: String, rows: [[Double]])], title: String? = nil,
    palette: SVGHeatmap.Palette = .grey, decimals: Int = 2
  ) -> String {
    render(panels.map { Panel($0.title, rows: $0.rows) }, title: title, palette: palette, decimals: decimals)
  }

  /// A dashboard of heatmaps, top to bottom in the order given, each with its own row labels
  /// and scale when given.
  ///
  /// - Parameters:
  ///   - panels: the heatmaps.
  ///   - title: an optional heading above the first panel.
  ///   - palette: grey or blue, for every panel.
  ///   - decimals: digits after the point in the legends.
  /// - Returns: a standalone SVG document.
  public static func render(
    _ panels: [Panel], title: String? = nil, palette: SVGHeatmap.Palette = .grey, decimals: Int = 2
  ) -> String {
    let widest = panels.map { $0.rows.map(\.count).max() ?? 0 }.max() ?? 0
    let cellWidth = min(
      max(SVGHeatmap.maximumGridWidth / Double(max(widest, 1)), SVGHeatmap.minimumCell),
      SVGHeatmap.maximumCell)
    let left =
      panels.map {
        SVGHeatmap.leftMargin($0.rows.count, rowLabels: $0.rowLabels, rowAxis: "")
      }.max() ?? 0
    var elements: [SVGElement] = []
    var definitions: [SVGElement] = []
    var top = 0.0
    var width = 0.0
    if let title {
      elements.append(
        .text(title, x: left, y: SVGAxes.titleSize + 8, size: SVGAxes.titleSize, bold: true))
      top = titleHeight
      width = left + SVG.textWidth(title, fontSize: SVGAxes.titleSize) + SVGHeatmap.marginRight
    }
    for panel in panels {
      let cellHeight = min(
        max(panelHeight / Double(max(panel.rows.count, 1)), SVGHeatmap.minimumCell), cellWidth)
      let figure = SVGHeatmap.figure(
        panel.rows, title: panel.title, rowLabels: panel.rowLabels, rowAxis: "", columnAxis: "",
        minimum: panel.minimum, maximum: panel.maximum, palette: palette, cellWidth: cellWidth,
        cellHeight: cellHeight, decimals: decimals, left: left)
      elements.append(.group(figure.elements, dy: top))
      definitions += figure.definitions
      top += figure.height + panelGap
      width = max(width, figure.width)
    }
    if panels.isEmpty {
      elements.append(.text("no data", x: 8, y: top + 20, size: SVGAxes.labelSize))
      top += 28
    }
    return SVGFigure(
      width: max(width, 120), height: top, elements: elements, definitions: definitions,
      title: title
    ).document()
  }
}
