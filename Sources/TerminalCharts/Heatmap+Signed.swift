/// Signed heatmaps: a matrix whose entries may be negative (a gradient, say), each cell its
/// sign and its size.
///
/// ```
/// Heatmap.renderSigned([[0, 0.5], [-1, 0.25]], width: 60, style: .unicode)
///    0  1
/// 0 │   +▒▒│
/// 1 │−██+░░│
/// + above 0, − below 0, blank near 0
/// size: [░] 0.25  [▒] 0.50  [▓] 0.75  [█] 1.00
/// ```
///
/// - A cell is its sign, `+` or `−` (ASCII `-`), then its size `|x|` as one of the shades
///   `░▒▓█` (ASCII `.:*#`): the nearest of five levels from 0 to the extent (given, or the
///   largest finite `|x|`). A cell nearer 0 than the first shade is blank, with no sign, so
///   the eye goes to the entries that matter. Shape and sign never depend on colour.
/// - Cells are `cellWidth` columns wide (the sign, then the shade repeated; at least 2) when
///   they fit, else 2 columns, else 1 column holding the sign alone (the size is then not
///   drawn and the legend says so); if even that does not fit, only the first columns are
///   drawn and a last line says how many were left out.
/// - NaN draws `?`; `±∞` draw the top shade with their sign; values beyond a given extent draw
///   the top shade. Ragged rows are padded with NaN. When every entry is 0 (or the extent is
///   not above 0) every finite cell is blank and the legend reads `all 0`.
extension Heatmap {
  /// The sign marks, positive then negative.
  static func signs(_ glyphs: TextStyle.Glyphs) -> (positive: Character, negative: Character) {
    glyphs == .unicode ? ("+", "−") : ("+", "-")
  }

  /// A signed heatmap of `rows`.
  ///
  /// - Parameters:
  ///   - rows: the matrix, row by row.
  ///   - rowLabels: one per row, right-aligned; `nil` numbers the rows `0, 1, …`.
  ///   - title: an optional first line.
  ///   - extent: the size drawn `█`; `nil` uses the largest finite `|x|`.
  ///   - width: the widest a line may be, in columns.
  ///   - cellWidth: columns per cell when they fit (at least 2: the sign and a shade).
  ///   - decimals: digits after the point in the legend.
  ///   - style: Unicode or ASCII.
  /// - Returns: the title (if any), a column-number line, one line per row, a legend of two
  ///   lines (the signs, the sizes), and a note when columns were left out; `(empty)` instead of
  ///   the grid when there are no cells. No line is wider than `width`.
  public static func renderSigned(
    _ rows: [[Double]], rowLabels: [String]? = nil, title: String? = nil, extent: Double? = nil,
    width: Int, cellWidth: Int = 3, decimals: Int = 2, style: TextStyle
  ) -> [String] {
    let glyphs = style.glyphs
    let size = extent ?? rows.joined().filter(\.isFinite).map(abs).max() ?? 0
    return grid(
      rows, rowLabels: rowLabels, title: title, width: width, glyphs: glyphs,
      cellWidth: { columns, room in [max(2, cellWidth), 2, 1].first { columns * $0 <= room } ?? 1 },
      cell: { value, cell in value.isNaN ? nil : signedCell(value, extent: size, cellWidth: cell, glyphs: glyphs) },
      legend: { sawNaN, cell in
        var key = signedLegend(extent: size, decimals: decimals, sizeDrawn: cell > 1, width: width, glyphs: glyphs)
        if sawNaN { key[key.count - 1] += "  [\(glyphs.missing)] nan" }
        return key
      })
  }

  /// One cell, `cellWidth` columns: blank near 0, `?` for NaN, else the sign and (when there
  /// is room) the shade of `|value| / extent`.
  static func signedCell(_ value: Double, extent: Double, cellWidth: Int, glyphs: TextStyle.Glyphs) -> String {
    if value.isNaN { return String(repeating: glyphs.missing, count: cellWidth) }
    let shades = glyphs.shades
    let level: Int
    if value.isInfinite {
      level = shades.count - 1
    } else {
      guard extent > 0, let found = Heatmap.level(abs(value), minimum: 0, maximum: extent, levels: shades.count) else {
        return String(repeating: " ", count: cellWidth)
      }
      level = found
    }
    guard level > 0 else { return String(repeating: " ", count: cellWidth) }
    let (positive, negative) = signs(glyphs)
    let sign = value > 0 ? positive : negative
    return String(sign) + String(repeating: shades[level], count: cellWidth - 1)
  }

  /// The legend: what the signs mean, then each shade's size (or `size: 0 [ ░▒▓█] 1.00` when
  /// that is too wide), or the size below which a cell is blank when the cells are too narrow
  /// for shades.
  static func signedLegend(
    extent: Double, decimals: Int, sizeDrawn: Bool, width: Int, glyphs: TextStyle.Glyphs
  ) -> [String] {
    let (positive, negative) = signs(glyphs)
    guard extent > 0 else { return ["all 0"] }
    // The first that fits: the words, then the signs alone.
    let fitting = { (texts: [String]) in texts.first { TextWidth.of($0) <= width } ?? texts.last! }
    let meaning = fitting(["\(positive) above 0, \(negative) below 0, blank near 0", "\(positive) > 0, \(negative) < 0"])
    let top = NumberFormat.fixed(extent, decimals: decimals)
    guard sizeDrawn else {
      let below = NumberFormat.fixed(extent / 8, decimals: decimals)
      return [meaning, fitting(["blank: size below " + below, "blank < " + below])]
    }
    let shades = glyphs.shades
    let steps = shades.indices.dropFirst().map { index in
      "[\(shades[index])] " + NumberFormat.fixed(extent * Double(index) / Double(shades.count - 1), decimals: decimals)
    }
    return [meaning, fitting(["size: " + steps.joined(separator: "  "), "size: 0 [" + String(shades) + "] " + top])]
  }
}
