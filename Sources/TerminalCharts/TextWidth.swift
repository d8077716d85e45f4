/// Display widths and padding for monospaced terminals.
///
/// The width of a string is the columns of its grapheme clusters (`Character`s), not counting
/// ANSI escape sequences (`ESC [ … final-byte`). Every glyph the charts draw (`█`, `▏`, `░`,
/// `│`, `─`, `β`) is one column wide; East Asian wide characters and emoji, which a person may
/// type into a label or at a prompt, are two, as terminals draw them.
public enum TextWidth {
  /// The columns a terminal gives `character`: 2 for East Asian wide and fullwidth characters
  /// and for emoji (Unicode's East_Asian_Width W and F, in the blocks that hold them), else 1.
  public static func columns(of character: Character) -> Int {
    guard let scalar = character.unicodeScalars.first else { return 1 }
    if character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: { $0.value == 0xFE0F }) {
      return 2  // an emoji presentation sequence, such as ❤️
    }
    return wideRanges.contains { $0.contains(scalar.value) } ? 2 : 1
  }

  /// The bytes of printable ASCII, each one character one column wide.
  static let printableASCII: ClosedRange<UInt8> = 0x20...0x7E

  /// Blocks of characters the charts and tables draw, each scalar a character of its own (no
  /// combining marks, joiners or selectors among them) and one column wide: printable ASCII,
  /// Latin-1 and Latin letters, Greek, general punctuation, super- and subscripts, arrows,
  /// mathematical operators, box drawing, blocks and geometric shapes.
  static let singleColumnRanges: [ClosedRange<UInt32>] = [
    0x20...0x7E, 0xA0...0x2FF, 0x370...0x3FF, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x209F,
    0x2190...0x21FF, 0x2200...0x22FF, 0x2500...0x25FF,
  ]

  /// Blocks of characters drawn two columns wide.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,  // Hangul Jamo initial consonants
    0x2E80...0x303E,  // CJK radicals, Kangxi radicals, CJK symbols and punctuation
    0x3041...0x33FF,  // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, CJK compatibility
    0x3400...0x4DBF,  // CJK unified ideographs extension A
    0x4E00...0x9FFF,  // CJK unified ideographs
    0xA000...0xA4CF,  // Yi
    0xAC00...0xD7A3,  // Hangul syllables
    0xF900...0xFAFF,  // CJK compatibility ideographs
    0xFE30...0xFE4F,  // CJK compatibility forms
    0xFF00...0xFF60,  // fullwidth forms
    0xFFE0...0xFFE6,  // fullwidth signs
    0x1F300...0x1F64F,  // pictographs, emoticons
    0x1F680...0x1F6FF,  // transport and map symbols
    0x1F900...0x1F9FF,  // supplemental symbols and pictographs
    0x20000...0x3FFFD,  // CJK unified ideographs extensions B and beyond
  ]

  /// The number of terminal columns `text` occupies.
  public static func of(_ text: String) -> Int {
    // Printable ASCII (space to tilde) is one column a byte: most of what the charts and
    // tables measure, and a table of a wide memory measures thousands of cells.
    let utf8 = text.utf8
    if utf8.allSatisfy({ printableASCII.contains($0) }) { return utf8.count }
    // Text of scalars that each stand alone, one column wide (`…`, `−`, `β`, `█`, `│`): one
    // column a scalar, without splitting the text into grapheme clusters.
    let scalars = text.unicodeScalars
    if scalars.allSatisfy({ scalar in singleColumnRanges.contains { $0.contains(scalar.value) } }) { return scalars.count }
    var width = 0
    var inEscape = false
    var sawBracket = false
    for character in text {
      if inEscape {
        if !sawBracket {
          // Only CSI (`ESC [`) sequences are recognised; anything else ends the escape.
          sawBracket = character == "["
          if !sawBracket { inEscape = false }
        } else if let scalar = character.unicodeScalars.first,
          (0x40...0x7E).contains(scalar.value)
        {
          inEscape = false
        }
        continue
      }
      if character == "\u{1B}" {
        inEscape = true
        sawBracket = false
        continue
      }
      width += columns(of: character)
    }
    return width
  }

  /// `text` with spaces added on the left up to `width` columns (right-aligned); unchanged when
  /// it is already that wide or wider.
  public static func padLeft(_ text: String, to width: Int) -> String {
    String(repeating: " ", count: max(0, width - of(text))) + text
  }

  /// `text` with spaces added on the right up to `width` columns (left-aligned); unchanged when
  /// it is already that wide or wider.
  public static func padRight(_ text: String, to width: Int) -> String {
    text + String(repeating: " ", count: max(0, width - of(text)))
  }

  /// `text` cut to at most `width` columns; when it is cut, its last kept column is replaced by
  /// `ellipsis` (if given) so the reader can see something is missing.
  /// - Precondition: `text` has no ANSI escapes (cutting one in half would corrupt the terminal).
  public static func truncate(_ text: String, to width: Int, ellipsis: Character? = nil) -> String {
    guard width > 0 else { return "" }
    guard of(text) > width else { return text }
    let room = ellipsis == nil ? width : width - 1
    var kept = ""
    var used = 0
    for character in text {
      let columns = columns(of: character)
      if used + columns > room { break }
      kept.append(character)
      used += columns
    }
    return kept + (ellipsis.map { String($0) } ?? "")
  }

  /// `text` without trailing spaces.
  static func trimTrailing(_ text: String) -> String {
    var result = Substring(text)
    while result.last == " " { result = result.dropLast() }
    return String(result)
  }
}
