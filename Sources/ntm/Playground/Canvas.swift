import Foundation
import NTM
import TerminalCharts

/// How the playground draws: the chart style (Unicode or ASCII), the line width, and the
/// small pictures every page and reply is made of — weightings as bars, the memory as a
/// table, vectors as one line of numbers. The charts come from `TerminalCharts`; this only
/// chooses what to draw and spells the text for the style.
struct Canvas: Sendable {
  /// Unicode or ASCII glyphs.
  var style: TextStyle
  /// The widest a line may be.
  var width: Int
  /// Most rows drawn for a weighting or a memory: a 1024-row memory would bury the reply.
  static let rowLimit = 64
  /// Digits after the point for weights and memory entries.
  static let decimals = 3

  /// The canvas for `environment` (`LANG`/`LC_*` choose glyphs, `COLUMNS` the width).
  static func detect(environment: [String: String], isTerminal: Bool, forceASCII: Bool = false) -> Canvas {
    Canvas(
      style: TextStyle.detect(environment: environment, isTerminal: isTerminal, forceASCII: forceASCII),
      width: TextStyle.width(environment: environment))
  }

  /// Whether only ASCII may be drawn.
  var isASCII: Bool { style.glyphs == .ascii }

  /// `text` spelled for the style: unchanged in Unicode; Greek letters and symbols written
  /// out in ASCII (`β` → `beta`, see `String.asciiSpelled`).
  func spell(_ text: String) -> String {
    isASCII ? text.asciiSpelled : text
  }

  /// A weighting (or any row-per-location values) as bars from 0 to `maximum`, one per row.
  func bars(_ values: [Double], maximum: Double? = 1, labels: [String]? = nil, decimals: Int = Canvas.decimals) -> [String] {
    let (shown, note) = limited(values.count)
    let lines = BarChart.render(
      Array(values.prefix(shown)), labels: labels.map { Array($0.prefix(shown)).map(spell) }, maximum: maximum,
      width: width, decimals: decimals, style: style)
    return lines + (note.map { [$0 + largest(values)] } ?? [])
  }

  /// Several weightings side by side, sharing the row labels and the scale 0…1.
  func columns(_ series: [BarSeries], maximum: Double? = 1, labels: [String]? = nil, decimals: Int = Canvas.decimals) -> [String] {
    let count = series.map(\.values.count).max() ?? 0
    let (shown, note) = limited(count)
    let cut = series.map { BarSeries(spell($0.title), Array($0.values.prefix(shown))) }
    let lines = BarChart.sideBySide(
      cut, labels: labels.map { Array($0.prefix(shown)).map(spell) }, maximum: maximum, width: width,
      decimals: decimals, style: style)
    return lines + (note.map { [$0] } ?? [])
  }

  /// The memory as a table: one line per row `i`, its W entries.
  func memory(_ memory: Matrix, decimals: Int = 2) -> [String] {
    let (shown, note) = limited(memory.rows)
    let columnsShown = min(memory.columns, 16)
    var header = ["i"] + (0..<columnsShown).map { "M[i,\($0)]" }
    if columnsShown < memory.columns { header.append("… \(memory.columns - columnsShown) more") }
    let rows = (0..<shown).map { i in
      [String(i)] + (0..<columnsShown).map { NumberFormat.fixed(memory[i, $0], decimals: decimals) }
    }
    let table = TextTable.render(
      header: header.map(spell), rows: rows, alignments: Array(repeating: .right, count: header.count),
      width: width, style: style)
    return table + (note.map { [$0] } ?? [])
  }

  /// A shaded picture of the memory, rows by columns.
  func heatmap(_ memory: Matrix, title: String? = nil) -> [String] {
    let (shown, note) = limited(memory.rows)
    return Heatmap.render(
      (0..<shown).map(memory.row), title: title.map(spell), width: width, style: style)
      + (note.map { [$0] } ?? [])
  }

  /// `name = [x₀, x₁, …]` on one line after `indent`, cut to the width.
  func vector(_ name: String, _ values: [Double], decimals: Int = Canvas.decimals, indent: String = "") -> String {
    let shown = values.prefix(Self.rowLimit).map { NumberFormat.fixed($0, decimals: decimals) }
    let more = values.count > Self.rowLimit ? ", …" : ""
    let line = indent + name + " = [" + shown.joined(separator: ", ") + more + "]"
    return TextWidth.truncate(spell(line), to: width, ellipsis: style.glyphs == .ascii ? "~" : "…")
  }

  /// An equation, indented by two spaces. One too wide for the line breaks after each `,  `
  /// (the side conditions, such as `ε = 1e-8`, go on lines of their own) and then between words.
  func equation(_ text: String) -> [String] {
    let spelled = spell(text)
    guard spelled.count + 2 > width else { return ["  " + spelled] }
    let parts = spelled.components(separatedBy: ",  ")
    return parts.indices.flatMap { index in
      wrap(parts[index] + (index < parts.count - 1 ? "," : ""), indent: index == 0 ? "  " : "    ")
    }
  }

  /// A paragraph wrapped to the width, each line starting with `indent`. A quoted command
  /// (`'ntm repl'`) stays on one line when it fits on one.
  func wrap(_ text: String, indent: String = "") -> [String] {
    var lines: [String] = []
    var line = indent
    for word in Self.unbreakable(spell(text).split(separator: " "), within: width - indent.count) {
      if line.count > indent.count, line.count + 1 + word.count > width {
        lines.append(line)
        line = indent
      }
      line += (line.count > indent.count ? " " : "") + word
    }
    if line.count > indent.count { lines.append(line) }
    return lines
  }

  /// `words` with each quoted span, from a word that opens a quote (`'ntm` or `('ntm`) to the
  /// word that closes it (`repl'`), joined into one, unless the span would be wider than `limit`.
  static func unbreakable(_ words: [Substring], within limit: Int) -> [String] {
    var result: [String] = []
    var index = 0
    while index < words.count {
      let word = words[index]
      // An opening bracket may come first: `('shift +1')`.
      let quoted = word.drop { $0 == "(" }
      let opens = quoted.first == "'" && !quoted.dropFirst().contains("'")
      if opens, let close = words[(index + 1)...].firstIndex(where: { $0.contains("'") }) {
        let span = words[index...close].joined(separator: " ")
        if span.count <= limit {
          result.append(span)
          index = close + 1
          continue
        }
      }
      result.append(String(word))
      index += 1
    }
    return result
  }

  /// How many of `count` rows to draw, and the note that says what was left out.
  func limited(_ count: Int) -> (shown: Int, note: String?) {
    guard count > Self.rowLimit else { return (count, nil) }
    return (Self.rowLimit, spell("… \(count - Self.rowLimit) more rows not drawn"))
  }

  /// `; the largest is w(i) = x` for a long weighting whose tail was not drawn.
  private func largest(_ values: [Double]) -> String {
    guard let index = values.indices.max(by: { values[$0] < values[$1] }) else { return "" }
    return "; the largest is row \(index), " + NumberFormat.fixed(values[index], decimals: Self.decimals)
  }
}
