/// Plain text tables: a header row, a rule, and aligned columns.
///
/// ```
/// TextTable.render(header: ["task", "loss"], rows: [["copy", "0.012"], ["recall", "0.3"]],
///                  alignments: [.left, .right], style: .unicode)
/// task     loss
/// ──────  ─────
/// copy    0.012
/// recall    0.3
/// ```
///
/// Columns are as wide as their widest cell and separated by two spaces. Rows shorter than the
/// header are padded with empty cells; cells beyond the header's columns are dropped. When a
/// `width` is given and the table is wider, the widest column is narrowed one column at a time
/// (down to 1) and its cells are cut, ending in `…` / `~`. Trailing spaces are removed.
public enum TextTable {
  /// How a column's cells sit in it.
  public enum Alignment: Sendable {
    case left, right
  }

  /// The space between columns.
  static let gap = "  "

  /// A table.
  ///
  /// - Parameters:
  ///   - header: the column titles; the table has this many columns.
  ///   - rows: the cells, row by row.
  ///   - alignments: one per column; missing entries are `.left`. `nil` aligns every column left.
  ///   - width: the widest a line may be; `nil` for no limit.
  ///   - style: Unicode or ASCII (the rule under the header is `─` or `-`).
  /// - Returns: the header line, the rule, then one line per row; no lines for an empty header.
  public static func render(
    header: [String], rows: [[String]], alignments: [Alignment]? = nil, width: Int? = nil,
    style: TextStyle
  ) -> [String] {
    guard !header.isEmpty else { return [] }
    let glyphs = style.glyphs
    let table =
      [header]
      + rows.map { row in
        header.indices.map { $0 < row.count ? row[$0] : "" }
      }
    var widths = header.indices.map { column in
      table.map { TextWidth.of($0[column]) }.max() ?? 0
    }
    if let width {
      let spacing = gap.count * (header.count - 1)
      while widths.reduce(0, +) + spacing > width,
        let widest = widths.indices.max(by: {
          widths[$0] < widths[$1]
        }), widths[widest] > 1
      {
        widths[widest] -= 1
      }
    }
    func line(_ cells: [String]) -> String {
      let padded = cells.indices.map { column -> String in
        let text = TextWidth.truncate(cells[column], to: widths[column], ellipsis: glyphs.ellipsis)
        let alignment = column < (alignments?.count ?? 0) ? alignments![column] : .left
        return alignment == .right
          ? TextWidth.padLeft(text, to: widths[column])
          : TextWidth.padRight(text, to: widths[column])
      }
      let text = TextWidth.trimTrailing(padded.joined(separator: gap))
      return width.map { TextWidth.truncate(text, to: $0) } ?? text
    }
    let rule = widths.map { String(repeating: glyphs.rule, count: $0) }.joined(separator: gap)
    return [line(header), width.map { TextWidth.truncate(rule, to: $0) } ?? rule]
      + table.dropFirst().map(line)
  }
}
