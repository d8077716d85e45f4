import Foundation

extension String {
  /// The text with every character outside ASCII spelled in ASCII, for terminals that cannot
  /// show them: Greek letters by name (`β` → `beta`), symbols by their usual ASCII stand-ins
  /// (`≤` → `<=`, `§3.3` → `section 3.3`), subscript digits as digits (`x₁` → `x1`), a run of
  /// superscripts after a caret (`10⁻⁴` → `10^-4`), and combining marks after their letter
  /// (`w̃` → `w~`). A character with no spelling becomes `?`; `asciiSpellings` should know every
  /// character the program prints.
  public var asciiSpelled: String {
    var result = ""
    var inSuperscript = false
    // `§ 3.3` and `§3.3` both read `section 3.3`.
    for scalar in replacingOccurrences(of: "§ ", with: "§").unicodeScalars {
      if let raised = Self.superscripts[scalar] {
        result += (inSuperscript ? "" : "^") + raised
        inSuperscript = true
        continue
      }
      inSuperscript = false
      if scalar.isASCII {
        result.unicodeScalars.append(scalar)
      } else {
        result += Self.asciiSpellings[scalar] ?? "?"
      }
    }
    return result
  }

  /// `asciiSpelled`, keeping columns: where a spelling makes a line longer (`--beta β` →
  /// `--beta beta`), the next run of two or more spaces gives the columns back (down to two
  /// spaces), so an aligned list of options stays aligned.
  public var asciiSpelledKeepingColumns: String {
    split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var result = ""
      var drift = 0  // how many columns the spelled line is ahead of the original
      var rest = line[...]
      while !rest.isEmpty {
        // The next run of two or more spaces ends the piece of text before it.
        var end = rest.startIndex
        while end < rest.endIndex, !(rest[end] == " " && rest[end...].dropFirst().first == " ") {
          end = rest.index(after: end)
        }
        let piece = String(rest[..<end])
        let spelled = piece.asciiSpelled
        drift += spelled.count - piece.count
        result += spelled
        rest = rest[end...]
        let spaces = rest.prefix { $0 == " " }.count
        // Trailing spaces stay as they are; a run inside the line shrinks by the drift.
        let kept = rest.count == spaces ? spaces : max(2, spaces - drift)
        drift -= spaces - kept
        result += String(repeating: " ", count: kept)
        rest = rest.dropFirst(spaces)
      }
      return result
    }.joined(separator: "\n")
  }

  /// The ASCII spelling of each character outside ASCII that the program prints.
  public static let asciiSpellings: [Unicode.Scalar: String] = {
    var spellings: [Unicode.Scalar: String] = [
      // Greek letters, by name; Σ is the sum it stands for, ε the paper's small constant.
      "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "Δ": "Delta", "ε": "eps", "λ": "lambda",
      "μ": "mu", "π": "pi", "σ": "sigma", "Σ": "sum",
      // Mathematics.
      "≤": "<=", "≥": ">=", "−": "-", "×": "x", "·": "*", "⊙": "*", "⊛": "(*)", "∂": "d", "‖": "||",
      "√": "sqrt", "∈": "in", "≈": "~", "±": "+/-", "∞": "inf", "½": "1/2",
      // Combining marks follow their letter: w̃ is `w~`, ŵ `w^`.
      "\u{0303}": "~", "\u{0302}": "^", "ŵ": "w^",
      // Punctuation, arrows and rules.
      "§": "section ", "…": "...", "—": "--", "–": "-", "‘": "'", "’": "'", "“": "\"", "”": "\"",
      "→": "->", "←": "<-", "↑": "up", "↓": "down", "▸": ">", "─": "-", "│": "|", "✓": "ok", "✗": "x",
    ]
    // Subscript digits ₀…₉ are plain digits: `x₁` reads `x1`.
    for digit in 0...9 { spellings[Unicode.Scalar(0x2080 + UInt32(digit))!] = String(digit) }
    return spellings
  }()

  /// Superscript digits and signs; a run of them is spelled after one `^`.
  public static let superscripts: [Unicode.Scalar: String] = [
    "⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9",
    "⁻": "-", "⁺": "+",
  ]
}
