import Foundation

/// The styles of ``NumberFormat`` for people reading a single value: a learner's numbers,
/// values echoed back, chart labels, and the paper's way of writing a rate.
extension NumberFormat {
  /// The magnitudes ``general(_:)`` writes with fixed decimals: from a thousandth (below it
  /// four decimals would show only zeros) up to a hundred thousand (above it the decimals are
  /// noise beside the whole part).
  public static let generalFixedRange = 1e-3..<1e5

  /// Four decimals for ordinary numbers, `1.230e-04`-style for tiny or huge ones; `nan`,
  /// `inf`, `-inf`. What a learner compares their numbers by.
  ///
  /// ```
  /// general(0.25)      == "0.2500"
  /// general(0.000123)  == "1.230e-04"
  /// ```
  public static func general(_ value: Double) -> String {
    if let text = nonFinite(value) { return text }
    if value == 0 || generalFixedRange.contains(abs(value)) { return String(format: "%.4f", value) }
    return String(format: "%.3e", value)
  }

  /// The largest magnitude ``short(_:)`` writes as a whole number: beyond it a `Double` may
  /// not fit an `Int`.
  public static let largestWhole = 1e15

  /// A number as a message echoes it: a whole number without a point, anything else in six
  /// significant digits without trailing zeros (`%g`).
  ///
  /// ```
  /// short(3)         == "3"
  /// short(0.1 + 0.2) == "0.3"
  /// short(1e-7)      == "1e-07"
  /// ```
  public static func short(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < largestWhole { return String(Int(value)) }
    return String(format: "%.6g", value)
  }

  /// `value` rounded to `decimals` (clamped to `0...maximumDecimals`) with trailing zeros and
  /// a trailing point removed, never `-0`, never an exponent: `0.126` → `0.13`, `12` → `12`.
  /// - Precondition: `value` is finite and below ``exponentThreshold`` in magnitude (callers
  ///   clamp it); anything else writes `0`.
  public static func trimmed(_ value: Double, decimals: Int) -> String {
    guard value.isFinite, abs(value) < exponentThreshold else { return "0" }
    var text = String(format: "%.*f", places(decimals), value)
    if text.contains(".") {
      while text.hasSuffix("0") { text.removeLast() }
      if text.hasSuffix(".") { text.removeLast() }
    }
    return text == "-0" ? "0" : text
  }

  /// Magnitudes at or above this are labelled `m×10ⁿ` by ``readable(_:decimals:glyphs:)``, so
  /// labels stay short.
  public static let powerOfTenAbove = 1e6

  /// The most decimals a label shows; a label is read by eye, not copied.
  public static let maximumLabelDecimals = 6

  /// A value for people to read (bar labels, legends): `decimals` fixed digits (at most
  /// ``maximumLabelDecimals``), `m×10ⁿ` from ``powerOfTenAbove`` up, `n/a` for NaN, `∞` and
  /// `−∞` for the infinities (`inf`, `-inf` in ASCII).
  ///
  /// ```
  /// readable(0.5625, decimals: 2)  == "0.56"
  /// readable(-0.001, decimals: 2)  == "0.00"
  /// readable(2.5e12, decimals: 2)  == "2.5×10¹²"     ("2.5x10^12" in ASCII)
  /// ```
  public static func readable(_ value: Double, decimals: Int, glyphs: TextStyle.Glyphs = .unicode) -> String {
    if value.isNaN { return "n/a" }
    if value.isInfinite { return spelled(value < 0 ? "−∞" : "∞", glyphs) }
    if abs(value) >= powerOfTenAbove { return powerOfTen(value, glyphs: glyphs) }
    return fixed(value, decimals: min(max(decimals, 0), maximumLabelDecimals))
  }

  /// `value` as `m×10ⁿ` with a mantissa of at most two decimals (`m x10^n`-style in ASCII:
  /// `2.5x10^12`); `0` for zero or a value that is not finite.
  public static func powerOfTen(_ value: Double, glyphs: TextStyle.Glyphs = .unicode) -> String {
    guard value.isFinite, value != 0 else { return "0" }
    var exponent = Int(log10(abs(value)).rounded(.down))
    var mantissa = value / pow(10, Double(exponent))
    // `log10` may land one decade off at exact powers of ten.
    if abs(mantissa) >= 9.995 {
      mantissa /= 10
      exponent += 1
    } else if abs(mantissa) < 1 {
      mantissa *= 10
      exponent -= 1
    }
    return spelled(trimmed(mantissa, decimals: 2) + "×10" + superscript(exponent), glyphs)
  }

  /// `value` in superscript digits, e.g. `-12` as `⁻¹²`.
  public static func superscript(_ value: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let body = String(String(value.magnitude).map { digits[$0.wholeNumberValue ?? 0] })
    return value < 0 ? "⁻" + body : body
  }

  /// A whole number with its thousands grouped by commas: `12,345`, `-1,000`.
  public static func grouped(_ value: Int) -> String {
    var result = ""
    for (index, character) in String(value).reversed().enumerated() {
      if index > 0 && index % 3 == 0 && character != "-" { result.append(",") }
      result.append(character)
    }
    return String(result.reversed())
  }

  /// The digits a mantissa of ``paperExponent(_:)`` keeps after the point, at most.
  public static let paperMantissaDigits = 3

  /// A positive value as the paper writes a learning rate: `1e-4`, `3e-5`, `2.5e-3`; `nan`,
  /// `inf` for what has no such spelling, and `0` for zero or less.
  public static func paperExponent(_ value: Double) -> String {
    if let text = nonFinite(value) { return text }
    guard value > 0 else { return "0" }
    let exponent = Int(floor(log10(value)))
    let scale = powerOfTen(paperMantissaDigits)
    let mantissa = (value / pow(10, Double(exponent)) * scale).rounded() / scale
    let digits = mantissa == mantissa.rounded() ? String(Int(mantissa)) : String(mantissa)
    return "\(digits)e\(exponent)"
  }

  /// `text` as written for `glyphs`: unchanged for Unicode, `asciiSpelled` for ASCII.
  static func spelled(_ text: String, _ glyphs: TextStyle.Glyphs) -> String {
    glyphs == .unicode ? text : text.asciiSpelled
  }
}
