/// How charts may draw: which characters (Unicode blocks or plain ASCII) and whether ANSI colour
/// is allowed.
///
/// Colour is decoration only: every chart reads the same without it, and the charts in this
/// module never emit colour themselves. ``paint(_:_:)`` is offered for callers who want it.
///
/// Detection reads an injected environment dictionary (pass `ProcessInfo.processInfo.environment`
/// from the executable), so tests never depend on the machine they run on.
public struct TextStyle: Equatable, Hashable, Sendable {
  /// The character repertoire.
  public enum Glyphs: Equatable, Hashable, Sendable {
    /// Eighth blocks `▏▎▍▌▋▊▉█`, sparks `▁▂▃▄▅▆▇█`, shades `░▒▓█`, box rules `│─`.
    case unicode
    /// Printable ASCII only: `#`, `+`, ` .:*#`, `|`, `-`.
    case ascii
  }

  /// The character repertoire.
  public var glyphs: Glyphs
  /// Whether ANSI colour escapes may be written (only ``paint(_:_:)`` looks at it).
  public var colour: Bool

  /// Creates a style.
  public init(glyphs: Glyphs, colour: Bool = false) {
    self.glyphs = glyphs
    self.colour = colour
  }

  /// Unicode blocks, no colour.
  public static let unicode = TextStyle(glyphs: .unicode)
  /// Plain ASCII, no colour.
  public static let ascii = TextStyle(glyphs: .ascii)

  /// The width used when `COLUMNS` is missing or not a positive integer.
  public static let defaultWidth = 80
  /// The widths a `COLUMNS` value is clamped to.
  public static let widthRange = 20...400

  /// Chooses glyphs and colour from the environment.
  ///
  /// - Glyphs are ASCII when `forceASCII` is set, or when the locale does not name UTF-8. The
  ///   locale is the first non-empty of `LC_ALL`, `LC_CTYPE`, `LANG` (POSIX precedence); it names
  ///   UTF-8 when it contains `utf-8` or `utf8`, ignoring case. No locale at all means ASCII.
  /// - Colour is on only when `isTerminal`, `NO_COLOR` is unset or empty (no-color.org), and
  ///   `TERM` is not `dumb`.
  /// - Parameters:
  ///   - environment: the process environment.
  ///   - isTerminal: whether standard output is a terminal (e.g. `isatty(1) != 0`).
  ///   - forceASCII: a user's `--ascii` flag.
  public static func detect(
    environment: [String: String], isTerminal: Bool, forceASCII: Bool = false
  ) -> TextStyle {
    let locale =
      ["LC_ALL", "LC_CTYPE", "LANG"]
      .lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
    let lowered = locale.lowercased()
    let isUTF8 = lowered.contains("utf-8") || lowered.contains("utf8")
    let noColour = !(environment["NO_COLOR"] ?? "").isEmpty
    let colour = isTerminal && !noColour && environment["TERM"] != "dumb"
    return TextStyle(glyphs: forceASCII || !isUTF8 ? .ascii : .unicode, colour: colour)
  }

  /// The terminal width: `COLUMNS` when it is a positive integer (clamped to ``widthRange``),
  /// otherwise ``defaultWidth``.
  public static func width(environment: [String: String]) -> Int {
    guard let text = environment["COLUMNS"],
      let columns = Int(text.trimmingWhitespace()), columns > 0
    else { return defaultWidth }
    return min(max(columns, widthRange.lowerBound), widthRange.upperBound)
  }

  /// ANSI colours for ``paint(_:_:)``.
  public enum Colour: String, Sendable, CaseIterable {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"
    case blue = "34"
    case
      magenta = "35"
    case cyan = "36"
  }

  /// `text` wrapped in the ANSI escape for `colour` when ``colour`` is on; `text` unchanged
  /// otherwise. ``TextWidth`` ignores the escapes.
  public func paint(_ text: String, _ colour: Colour) -> String {
    self.colour ? "\u{1B}[\(colour.rawValue)m\(text)\u{1B}[0m" : text
  }
}

extension String {
  /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
  func trimmingWhitespace() -> String {
    let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
    guard let first = firstIndex(where: { !isSpace($0) }),
      let last = lastIndex(where: { !isSpace($0) })
    else { return "" }
    return String(self[first...last])
  }
}
