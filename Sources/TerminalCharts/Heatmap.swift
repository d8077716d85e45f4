/// Heatmaps: a matrix drawn as shaded cells, e.g. memory (rows = locations, columns = the numbers
/// in each row) or a weighting over time (rows = locations, columns = time steps).
///
/// ```
/// Heatmap.render([[0, 0.25], [0.5, 1]], width: 60, style: .unicode)
///    0 1
/// 0 │  ░░│
/// 1 │▒▒██│
/// [ ] 0.00  [░] 0.25  [▒] 0.50  [▓] 0.75  [█] 1.00
/// ```
///
/// - Each value is placed on the nearest of five levels between the minimum and the maximum
///   (given, or those of the finite values): blank, `░`, `▒`, `▓`, `█` (ASCII: blank, `.`, `:`,
///   `*`, `#`). The legend gives the value each level stands for.
/// - When the range is empty (all values equal, or `minimum >= maximum`) every finite cell draws
///   at the middle level `▒` and the legend reads `[▒] all 0.25`.
/// - NaN draws `?` (and the legend adds `[?] nan`); `+∞` and `-∞` draw the top and bottom levels;
///   values outside a given range are clamped to it. Ragged rows are padded with NaN.
/// - Cells are `cellWidth` columns wide (2 makes them roughly square). When the matrix does not
///   fit, cells shrink to 1 column; if it still does not fit, only the first columns are drawn
///   and a last line says how many were left out. Column numbers are printed every 1, 2, 5, 10,
///   20, 50, … columns, whichever is the first that leaves room between them.
public enum Heatmap {
  /// The level a constant matrix draws at (0-based, of 5).
  public static let flatLevel = 2

  /// A heatmap of `rows`.
  ///
  /// - Parameters:
  ///   - rows: the matrix, row by row.
  ///   - rowLabels: one per row, right-aligned; `nil` numbers the rows `0, 1, …`.
  ///   - title: an optional first line.
  ///   - minimum: the value drawn blank; `nil` uses the smallest finite value.
  ///   - maximum: the value drawn `█`; `nil` uses the largest finite value.
  ///   - width: the widest a line may be, in columns.
  ///   - cellWidth: columns per cell when they fit (at least 1).
  ///   - decimals: digits after the point in the legend.
  ///   - style: Unicode or ASCII.
  ///   - firstColumn: the number of the first column, when `rows` is a window into a longer
  ///     matrix (time steps 70 onwards, say): the column numbers count from it.
  /// - Returns: the title (if any), a column-number line, one line per row, a legend, and a note
  ///   when columns were left out; `(empty)` instead of the grid when there are no cells. No line
  ///   is wider than `width`.
  public static func render(
    _ rows: [[Double]], rowLabels: [String]? = nil, title: String? = nil,
    minimum: Double? = nil, maximum: Double? = nil, width: Int, cellWidth: Int = 2,
    decimals: Int = 2, style: TextStyle, firstColumn: Int = 0
  ) -> [String] {
    let glyphs = style.glyphs
    let finite = rows.joined().filter(\.isFinite)
    let low = minimum ?? finite.min() ?? 0
    let high = maximum ?? finite.max() ?? 0
    return grid(
      rows, rowLabels: rowLabels, title: title, width: width, glyphs: glyphs, firstColumn: max(firstColumn, 0),
      cellWidth: { columns, room in columns * max(1, cellWidth) > room ? 1 : max(1, cellWidth) },
      cell: { value, cell in
        level(value, minimum: low, maximum: high, levels: glyphs.shades.count).map {
          String(repeating: glyphs.shades[$0], count: cell)
        }
      },
      legend: { sawNaN, _ in
        [
          legend(minimum: low, maximum: high, decimals: decimals, width: width, glyphs: glyphs)
            + (sawNaN ? "  [\(glyphs.missing)] nan" : "")
        ]
      })
  }

  /// The frame both heatmaps draw: the title, the column numbers, one line per row of cells
  /// between two axes — `cell` draws a value in a cell of the width `cellWidth` chose for the
  /// number of columns and the room, `nil` for a missing one (`?`) — then the lines of
  /// `legend` (told whether a value was missing, and the cell width) and a note of the columns
  /// left out; `(empty)` instead of the grid when there are no cells. No line is wider than
  /// `width`.
  static func grid(
    _ rows: [[Double]], rowLabels: [String]?, title: String?, width: Int, glyphs: TextStyle.Glyphs, firstColumn: Int = 0,
    cellWidth: (_ columns: Int, _ room: Int) -> Int, cell: (_ value: Double, _ width: Int) -> String?,
    legend: (_ sawMissing: Bool, _ cellWidth: Int) -> [String]
  ) -> [String] {
    var lines = title.map { [TextWidth.truncate($0, to: width, ellipsis: glyphs.ellipsis)] } ?? []
    let columns = rows.map(\.count).max() ?? 0
    guard columns > 0 else { return lines + ["(empty)"] }

    let labels = Layout.labels(rowLabels, count: rows.count, width: width, glyphs: glyphs)
    let labelWidth = labels.map(TextWidth.of).max() ?? 0
    // label, space, axis, cells, axis
    let room = max(1, width - labelWidth - 3)
    let cellColumns = cellWidth(columns, room)
    let shown = min(columns, max(1, room / cellColumns))

    let prefix = String(repeating: " ", count: labelWidth + 2)
    lines.append(TextWidth.trimTrailing(prefix + columnNumbers(shown, cellWidth: cellColumns, first: firstColumn)))
    var sawMissing = false
    for (row, values) in rows.enumerated() {
      let cells = (0..<shown).map { column -> String in
        let value = column < values.count ? values[column] : .nan
        if let drawn = cell(value, cellColumns) { return drawn }
        sawMissing = true
        return String(repeating: glyphs.missing, count: cellColumns)
      }
      lines.append(
        TextWidth.padLeft(labels[row], to: labelWidth) + " " + String(glyphs.axis) + cells.joined() + String(glyphs.axis))
    }
    lines += legend(sawMissing, cellColumns)
    if shown < columns {
      lines.append("(\(columns - shown) more column\(columns - shown == 1 ? "" : "s"))")
    }
    return lines.map { TextWidth.truncate($0, to: width) }
  }

  /// The level (0 = lowest) `value` draws at among `levels`, or `nil` for NaN.
  static func level(_ value: Double, minimum: Double, maximum: Double, levels: Int) -> Int? {
    if value.isNaN { return nil }
    if value == .infinity { return levels - 1 }
    if value == -.infinity { return 0 }
    guard maximum > minimum else { return flatLevel }
    let fraction = (min(max(value, minimum), maximum) - minimum) / (maximum - minimum)
    return min(max(Int((fraction * Double(levels - 1)).rounded()), 0), levels - 1)
  }

  /// The legend line: each level with the value it stands for, or, when that is too wide,
  /// `min [ ░▒▓█] max`.
  public static func legend(
    minimum: Double, maximum: Double, decimals: Int = 2, width: Int, glyphs: TextStyle.Glyphs
  ) -> String {
    let shades = glyphs.shades
    guard maximum > minimum else {
      return "[\(shades[flatLevel])] all \(NumberFormat.fixed(minimum, decimals: decimals))"
    }
    let steps = shades.indices.map { index in
      let value = minimum + (maximum - minimum) * Double(index) / Double(shades.count - 1)
      return "[\(shades[index])] \(NumberFormat.fixed(value, decimals: decimals))"
    }
    let full = steps.joined(separator: "  ")
    if TextWidth.of(full) <= width { return full }
    return NumberFormat.fixed(minimum, decimals: decimals) + " [" + String(shades) + "] "
      + NumberFormat.fixed(maximum, decimals: decimals)
  }

  /// Column numbers for `count` columns of `cellWidth`, each number starting above its column,
  /// printed every `step` columns where `step` is the first of 1, 2, 5, 10, 20, 50, … that
  /// leaves at least one space between numbers. The columns are numbered from `first`, and a
  /// number is printed where it is a multiple of `step`.
  static func columnNumbers(_ count: Int, cellWidth: Int, first: Int = 0) -> String {
    let needed = String(max(first + count - 1, 0)).count + 1
    var step = 1
    var rank = 0
    while step * cellWidth < needed {
      rank += 1
      step = [1, 2, 5][rank % 3] * (0..<(rank / 3)).reduce(1) { power, _ in power * 10 }
    }
    var characters = [Character](repeating: " ", count: count * cellWidth + needed)
    let start = (step - first % step) % step
    for column in stride(from: start, to: count, by: step) {
      for (offset, digit) in String(first + column).enumerated() {
        characters[column * cellWidth + offset] = digit
      }
    }
    return String(characters)
  }
}
