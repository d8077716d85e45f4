import Foundation

/// The one number formatter of the package: every chart, table, report, page and message
/// writes its numbers through one of these styles, so a value reads the same wherever it
/// appears, and `nan`, the infinities and `-0` are handled in one place.
///
/// | style | for | `0.000123` | `1234.5` |
/// | --- | --- | --- | --- |
/// | ``fixed(_:decimals:)`` | charts, tour pages | `0.000` | `1234.500` |
/// | ``rounded(_:decimals:)`` | reports: progress, tables | `0.000` | `1234.500` |
/// | ``scientific(_:digits:plainZero:)`` | gradients, errors | `1.23e-04` | `1.23e+03` |
/// | ``general(_:)`` | a learner's numbers | `1.230e-04` | `1234.5000` |
/// | ``short(_:)`` | values echoed in messages | `0.000123` | `1234.5` |
/// | ``readable(_:decimals:glyphs:)`` | labels, legends | `0.00` | `1234.50` |
/// | ``powerOfTen(_:glyphs:)`` | large labels | `1.23×10⁻⁴` | `1.23×10³` |
/// | ``paperExponent(_:)`` | learning rates | `1.23e-4` | `1.235e3` |
///
/// Every style writes any `Double` without trapping. The Unicode signs some of them use
/// (`−`, `×`, `∞`, superscripts) have ASCII spellings (`asciiSpelled`), chosen by `glyphs`.
public enum NumberFormat {
  /// The largest number of decimals honoured; more are clamped to this.
  public static let maximumDecimals = 12

  /// Magnitudes at or above this are written in exponent form by ``fixed(_:decimals:)``, so a
  /// stray huge value cannot push a chart past the terminal's width.
  public static let exponentThreshold = 1e9

  /// `nan`, `inf` or `-inf` for a value that is not finite; nil for a finite one.
  static func nonFinite(_ value: Double) -> String? {
    if value.isNaN { return "nan" }
    if value.isInfinite { return value < 0 ? "-inf" : "inf" }
    return nil
  }

  /// `decimals` clamped to `0...maximumDecimals`.
  static func places(_ decimals: Int) -> Int { min(max(decimals, 0), maximumDecimals) }

  /// `text` without the sign of a negative value that rounded to zero: `-0.000` reads as a bug.
  static func unsignedZero(_ text: String) -> String {
    let isNegativeZero = text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
    return isNegativeZero ? String(text.dropFirst()) : text
  }

  /// `value` with exactly `decimals` digits after the point, rounded as printf rounds (the
  /// exact binary value, ties to even).
  ///
  /// ```
  /// fixed(0.5625)          == "0.562"      (round half to even, as printf does)
  /// fixed(-0.0001)         == "0.000"      (never "-0.000")
  /// fixed(.nan)            == "nan"
  /// fixed(-.infinity)      == "-inf"
  /// fixed(1234567890, decimals: 2) == "1.23e+09"
  /// ```
  /// - Parameters:
  ///   - value: any `Double`.
  ///   - decimals: digits after the point, clamped to `0...maximumDecimals`.
  public static func fixed(_ value: Double, decimals: Int = 3) -> String {
    if let text = nonFinite(value) { return text }
    let places = places(decimals)
    if abs(value) >= exponentThreshold { return formatted("%.*e", places, value) }
    if let text = quickFixed(value, places: places) { return text }
    return unsignedZero(formatted("%.*f", places, value))
  }

  /// `10^places`, multiplied out, so that it is exact for the small powers the styles use.
  static func powerOfTen(_ places: Int) -> Double {
    var power = 1.0
    for _ in 0..<places { power *= 10 }
    return power
  }

  /// The largest `|value| · 10^places` ``quickFixed(_:places:)`` writes: its product carries
  /// an error of at most half a unit in the last place, below 1e-4 here.
  static let quickFixedLimit = 1e12

  /// How far from a tie (a fraction of one half of the last digit) the scaled value must be
  /// for ``quickFixed(_:places:)`` to trust its rounding; nearer ones go to the C library,
  /// which rounds the exact binary value.
  static let quickFixedMargin = 1e-3

  /// `%.*f` of `value` without the C library, for the usual case: `value · 10^places` is
  /// small and not near a tie, so rounding it gives the digits printf gives. Nil otherwise.
  /// Never writes `-0.000`.
  static func quickFixed(_ value: Double, places: Int) -> String? {
    let scaled = abs(value) * powerOfTen(places)
    guard scaled < quickFixedLimit else { return nil }
    let whole = scaled.rounded(.down)
    guard abs(scaled - whole - 0.5) > quickFixedMargin else { return nil }
    let digits = Int(scaled.rounded())
    var text = String(digits)
    if places > 0 {
      if text.count <= places { text = String(repeating: "0", count: places + 1 - text.count) + text }
      text.insert(".", at: text.index(text.endIndex, offsetBy: -places))
    }
    return value < 0 && digits > 0 ? "-" + text : text
  }

  /// `format` (one `%.*f` or `%.*e`) applied to `places` and `value` by the C library, as
  /// `String(format:)` would write it, without Foundation's formatter: that one costs tens of
  /// microseconds a number, and a table of a 64 × 256 memory has thirty thousand of them.
  static func formatted(_ format: StaticString, _ places: Int, _ value: Double) -> String {
    withUnsafeTemporaryAllocation(of: CChar.self, capacity: formattedCapacity) { buffer in
      let count = withVaList([Int32(places), value]) { arguments in
        format.withUTF8Buffer { format in
          format.withMemoryRebound(to: CChar.self) { vsnprintf(buffer.baseAddress!, formattedCapacity, $0.baseAddress!, arguments) }
        }
      }
      guard count >= 0, Int(count) < formattedCapacity else {
        return String(format: String(describing: format), places, value)
      }
      return String(cString: buffer.baseAddress!)
    }
  }

  /// Room for any number `formatted` writes: the sign, 15 digits before the point (larger
  /// numbers take the exponent form), the point and the decimals, with some to spare.
  static let formattedCapacity = 128

  /// The largest magnitude (times `10^decimals`) ``rounded(_:decimals:)`` writes with
  /// decimals. Beyond it a `Double` has no digits after the point left to show (2⁵³ ≈ 9e15),
  /// and the whole part would soon not fit an `Int` (9.2e18): such a number — a loss of
  /// 1e20 — is written as `1.00e+20` instead.
  public static let largestRounded = 1e15

  /// Digits after the point of the exponent form ``rounded(_:decimals:)`` falls back to.
  public static let roundedExponentDigits = 2

  /// `value` with exactly `decimals` digits after the point, rounded half away from zero the
  /// way a person rounds (`-1.25` → `-1.3`): the numbers of progress lines and result tables.
  /// `1.00e+20` beyond ``largestRounded``; `nan`, `inf`, `-inf`; never `-0.0`.
  ///
  /// ```
  /// rounded(12.3456, decimals: 3) == "12.346"
  /// rounded(-1.25, decimals: 1)   == "-1.3"
  /// rounded(1e20, decimals: 3)    == "1.00e+20"
  /// ```
  public static func rounded(_ value: Double, decimals: Int) -> String {
    let places = places(decimals)
    guard value.isFinite, abs(value) * pow(10, Double(places)) < largestRounded else {
      return scientific(value, digits: roundedExponentDigits)
    }
    let scale = powerOfTen(places)
    let scaled = (abs(value) * scale).rounded()
    let whole = Int(scaled / scale)
    let fraction = String(Int(scaled - Double(whole) * scale))
    let sign = value < 0 && scaled > 0 ? "-" : ""
    if places == 0 { return "\(sign)\(whole)" }
    return "\(sign)\(whole)." + String(repeating: "0", count: max(0, places - fraction.count)) + fraction
  }

  /// `value` as `1.23e-08`, with `digits` digits after the point; `nan`, `inf`, `-inf`.
  ///
  /// ```
  /// scientific(0.000123, digits: 2)              == "1.23e-04"
  /// scientific(0, digits: 2)                     == "0.00e+00"
  /// scientific(0, digits: 4, plainZero: true)    == "0"
  /// ```
  /// - Parameters:
  ///   - digits: digits after the point, clamped to `0...maximumDecimals`.
  ///   - plainZero: write an exact zero (of either sign) as `0`, where a column of errors or
  ///     gradients reads better with the zeros standing out.
  public static func scientific(_ value: Double, digits: Int, plainZero: Bool = false) -> String {
    if let text = nonFinite(value) { return text }
    if plainZero && value == 0 { return "0" }
    return formatted("%.*e", places(digits), value)
  }
}
