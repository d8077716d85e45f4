/// Text a person typed, made safe to repeat in a one-line message.
///
/// Every error that quotes its input quotes it through `echo`: a 100,000-character argument
/// would otherwise come back whole and bury the one line that says what to type.
enum EchoedText {
  /// The most characters of user text a message repeats; longer text is cut there and its
  /// length given, enough to recognise a typo without repeating a pasted page.
  static let limit = 40

  /// The most characters of a file path a message repeats: a path is worth quoting in full
  /// far more often than a word (temporary folders alone take 60), yet one past this no
  /// person typed on purpose, and none past 4096 (`PATH_MAX`) can name a file at all.
  static let pathLimit = 200

  /// `text` with control, format and line-separator characters as `?` (so nothing typed can
  /// move the cursor or add a line), cut after `limit` characters: `aaaa… (100000 characters)`.
  /// Paths pass `pathLimit`.
  static func echo(_ text: some StringProtocol, limit: Int = limit) -> String {
    var result = ""
    for character in text.prefix(limit) {
      let printable = character.unicodeScalars.allSatisfy { scalar in
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned, .privateUse:
          return false
        default:
          return true
        }
      }
      result.append(printable ? character : "?")
    }
    guard text.count > limit else { return result }
    return result + "… (\(text.count) characters)"
  }
}
