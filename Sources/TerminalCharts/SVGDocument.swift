import Foundation

/// What every SVG chart shares: escaping, numbers, and readable labels.
///
/// The charts (``SVGLineChart``, ``SVGBarChart``, ``SVGHeatmap``, ``SVGDashboard``) return a
/// standalone document as a `String`:
///
/// ```
/// <?xml version="1.0" encoding="UTF-8"?>
/// <svg xmlns="http://www.w3.org/2000/svg" width="640" height="400" viewBox="0 0 640 400" …>
///   <title>…</title>
///   …
/// </svg>
/// ```
///
/// - Every text is escaped (``escape(_:)``), so a title such as `<&>` cannot break the markup.
/// - Every coordinate is written by ``number(_:decimals:)``: at most two decimals, never an
///   exponent, never `nan` or `inf`.
/// - The same input gives the same bytes: attributes are written in a fixed order and nothing
///   depends on the machine, the locale or the clock.
/// - Colour is decoration only: legends, dash patterns, value labels and hatching carry the
///   meaning, so a chart printed in grey reads the same.
public enum SVG {
  /// The SVG namespace, written on every root element.
  public static let namespace = "http://www.w3.org/2000/svg"

  /// The first line of every document.
  public static let xmlDeclaration = #"<?xml version="1.0" encoding="UTF-8"?>"#

  /// Digits after the point in coordinates: a hundredth of a pixel is finer than any screen.
  public static let coordinateDecimals = 2

  /// Coordinates are clamped to ± this, so no value can reach an exponent form.
  public static let coordinateLimit = 1e7

  /// Values beyond ± this are read as this, so differences between them cannot overflow.
  public static let magnitudeLimit = 1e300

  /// Magnitudes at or above this are labelled `m×10ⁿ`, so labels stay short.
  public static let scientificAbove = NumberFormat.powerOfTenAbove

  /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, and the control characters
  /// XML 1.0 forbids (all below U+0020 except tab, line feed and carriage return) replaced by
  /// spaces, so the result is safe in element text and in attribute values.
  ///
  /// ```
  /// escape("bits < 1 & \"copy\"") == "bits &lt; 1 &amp; &quot;copy&quot;"
  /// ```
  public static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&apos;"
      case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
      case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
        result += " "
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A coordinate or size as SVG attribute text: rounded to `decimals`, trailing zeros and a
  /// trailing point removed, never `-0`, never an exponent (``NumberFormat/trimmed(_:decimals:)``).
  ///
  /// ```
  /// number(12)        == "12"
  /// number(0.126)     == "0.13"
  /// number(-0.001)    == "0"
  /// number(.nan)      == "0"      (callers skip non-finite values; this is a last guard)
  /// number(1e300)     == "10000000"
  /// ```
  /// - Parameters:
  ///   - value: any `Double`; NaN writes `0` and values are clamped to ± ``coordinateLimit``.
  ///   - decimals: digits after the point at most, clamped to `0...6`.
  public static func number(_ value: Double, decimals: Int = coordinateDecimals) -> String {
    guard value.isFinite else { return "0" }
    let clamped = min(max(value, -coordinateLimit), coordinateLimit)
    return NumberFormat.trimmed(clamped, decimals: min(max(decimals, 0), 6))
  }

  /// A value for people to read (bar labels, legends): ``NumberFormat/readable(_:decimals:glyphs:)``
  /// in Unicode (an SVG file is UTF-8): `0.56`, `2.5×10¹²`, `n/a`, `−∞`.
  public static func readable(_ value: Double, decimals: Int) -> String {
    NumberFormat.readable(value, decimals: decimals)
  }

  /// A tick label: as many decimals as the tick spacing `step` needs (`0.25` needs 2, `20`
  /// needs 0), or `m×10ⁿ` for very large values and very fine steps.
  public static func tickLabel(_ value: Double, step: Double) -> String {
    guard value.isFinite else { return "" }
    if value == 0 { return "0" }
    if abs(value) >= scientificAbove || step < 1e-4 { return NumberFormat.powerOfTen(value) }
    let decimals = step >= 1 ? 0 : Int((-log10(step)).rounded(.up) + 1e-9)
    return readable(value, decimals: decimals)
  }

  /// The approximate width of `text` at `fontSize` in a sans-serif face, for layout only.
  static func textWidth(_ text: String, fontSize: Double) -> Double {
    Double(text.count) * fontSize * 0.6
  }

  /// `value`, or its nearest of ± ``magnitudeLimit`` (NaN stays NaN).
  static func limited(_ value: Double) -> Double {
    value.isNaN ? value : min(max(value, -magnitudeLimit), magnitudeLimit)
  }
}
