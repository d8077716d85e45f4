/// Prose broken between words to fit a terminal's width.
///
/// ```
/// TextWrap.lines("copy, trained on 1–20 vectors for 5,000 sequences", width: 24, indent: "  ")
/// copy, trained on 1–20
///   vectors for 5,000
///   sequences
/// ```
///
/// Words are the runs between spaces; widths are `TextWidth.of`'s (wide characters count
/// two). Runs of spaces inside the text collapse to one where a line breaks, and stay as
/// they are elsewhere, so aligned figures (`loss 3.2  bits 1.5`) keep their spacing.
public enum TextWrap {
  /// `text` broken at spaces into lines of at most `width` columns, every line after the
  /// first starting with `indent`.
  ///
  /// - Parameters:
  ///   - text: one paragraph (a newline in it is kept inside its line, not broken at).
  ///   - width: the widest a line may be.
  ///   - indent: what starts each continuation line (say `"  "`, so a reader sees where a
  ///     long line goes on).
  /// - Returns: at least one line. A word wider than a line is not cut: it gets a line of its
  ///   own (a path or a number cut in two could not be copied back).
  public static func lines(_ text: String, width: Int, indent: String = "") -> [String] {
    guard TextWidth.of(text) > width else { return [text] }
    var lines: [String] = []
    var line = ""
    var pendingSpaces = ""
    var word = ""
    func place() {
      guard !word.isEmpty else { return }
      if line.isEmpty || line == indent {
        line += word
      } else if TextWidth.of(line) + pendingSpaces.count + TextWidth.of(word) <= width {
        line += pendingSpaces + word
      } else {
        lines.append(line)
        line = indent + word
      }
      word = ""
      pendingSpaces = ""
    }
    for character in text {
      if character == " " {
        place()
        if !line.isEmpty { pendingSpaces.append(" ") }
      } else {
        word.append(character)
      }
    }
    place()
    if !line.isEmpty && line != indent { lines.append(line) }
    return lines.isEmpty ? [""] : lines
  }

  /// `lines(text, width:, indent:)` joined by newlines.
  public static func paragraph(_ text: String, width: Int, indent: String = "") -> String {
    lines(text, width: width, indent: indent).joined(separator: "\n")
  }
}
