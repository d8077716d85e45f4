import TerminalCharts

extension Console {
  /// The separator between the fields of a live line (`ProgressText.line`): where a line too
  /// wide for the terminal loses its last fields.
  static let fieldSeparator = "  "

  /// This console for a command whose every line is prose (`ntm train`): what it writes fits
  /// `width` columns.
  ///
  /// - A line ends in a newline: it is broken between words, each continuation indented by
  ///   two spaces (`TextWrap`).
  /// - A live line starts with `\r` and is overwritten by the next: a wrapped one could not
  ///   be, so it drops its last fields (separated by `fieldSeparator`) until it fits in one
  ///   column less than the width (a line that fills the last column makes some terminals
  ///   move to the next).
  func fittingProse(width: Int) -> Console {
    var console = self
    let write = writeOutput
    console.writeOutput = { text in
      if text.hasPrefix("\r") {
        write(Self.live(text, width: width))
      } else {
        write(Self.wrapped(text, width: width))
      }
    }
    return console
  }

  /// Every line of `text` wrapped to `width`.
  static func wrapped(_ text: String, width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { TextWrap.paragraph(String($0), width: width, indent: "  ") }
      .joined(separator: "\n")
  }

  /// A live line (`\r`, the text, an optional erase-to-end `ESC [ K`) with its text cut to its
  /// first fields that fit in `width − 1` columns (at least the first field, cut to fit).
  static func live(_ text: String, width: Int) -> String {
    let erase = "\u{1B}[K"
    var body = String(text.dropFirst())
    let erases = body.hasSuffix(erase)
    if erases { body.removeLast(erase.count) }
    var fields = body.components(separatedBy: fieldSeparator)
    while fields.count > 1, TextWidth.of(fields.joined(separator: fieldSeparator)) > width - 1 { fields.removeLast() }
    let fitted = TextWidth.truncate(fields.joined(separator: fieldSeparator), to: width - 1)
    return "\r" + fitted + (erases ? erase : "")
  }
}
