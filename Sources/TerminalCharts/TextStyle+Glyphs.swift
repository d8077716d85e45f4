/// The characters each chart draws with, per repertoire. Kept in one place so the ASCII
/// fallback is easy to audit: every ASCII entry here is a printable ASCII character.
extension TextStyle.Glyphs {
  /// A full bar cell.
  var fullBlock: Character { self == .unicode ? "█" : "#" }

  /// Partial bar cells for 1…7 eighths (`▏` is one eighth, `▉` seven).
  static let eighths: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

  /// The ASCII bar's mark for a leftover of at least half a cell.
  static let asciiHalf: Character = "+"

  /// The half cell that ends a bar growing leftwards (a negative value): Unicode has no
  /// right-anchored eighths but for the right half block.
  var leftHalf: Character { self == .unicode ? "▐" : TextStyle.Glyphs.asciiHalf }

  /// Sparkline levels, lowest first (8 levels in both repertoires).
  var sparks: [Character] {
    self == .unicode
      ? ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
      : ["_", ".", "-", ":", "=", "+", "*", "#"]
  }

  /// Heatmap shades, lowest first: blank then four shades (5 levels).
  var shades: [Character] {
    self == .unicode ? [" ", "░", "▒", "▓", "█"] : [" ", ".", ":", "*", "#"]
  }

  /// Marks a heatmap cell or sparkline point that is not a number.
  var missing: Character { "?" }

  /// The vertical axis drawn between labels and bars.
  var axis: Character { self == .unicode ? "│" : "|" }

  /// The horizontal rule under a table header.
  var rule: Character { self == .unicode ? "─" : "-" }

  /// Ends a string that was cut short.
  var ellipsis: Character { self == .unicode ? "…" : "~" }
}
