import Foundation
import NTM

/// The words of `ntm train`'s progress reports, apart from where they go.
enum ProgressText {
  /// `12,345`.
  static func count(_ n: Int) -> String {
    let digits = String(n)
    var result = ""
    for (index, character) in digits.reversed().enumerated() {
      if index > 0 && index % 3 == 0 && character != "-" { result.append(",") }
      result.append(character)
    }
    return String(result.reversed())
  }

  /// The longest time `duration` spells out; anything longer (a rate near zero gives an ETA
  /// of years, or 1e300 seconds) reads `>999h`, since no one waits that long and converting
  /// such a number to `Int` would trap.
  static let longestDuration = 999.0 * 3600

  /// `2h05m`, `3m07s`, `42s`.
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "?" }
    guard seconds <= longestDuration else { return ">999h" }
    let total = Int(seconds.rounded())
    if total >= 3600 { return "\(total / 3600)h\(pad(total % 3600 / 60))m" }
    if total >= 60 { return "\(total / 60)m\(pad(total % 60))s" }
    return "\(total)s"
  }

  private static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

  /// The largest magnitude `fixed` writes with decimals. Beyond it a `Double` has no digits
  /// after the point left to show (2⁵³ ≈ 9e15), and the whole part would soon not fit an `Int`
  /// (9.2e18): such a number — a loss of 1e20 — is written as `1.00e+20` instead.
  static let largestFixed = 1e15

  /// A number with `digits` decimals; `1.00e+20` beyond `largestFixed`; `nan`, `inf`, `-inf`.
  /// Any `Double` is written, none traps.
  static func fixed(_ x: Double, _ digits: Int) -> String {
    guard x.isFinite, abs(x) * pow(10, Double(digits)) < largestFixed else {
      return x.formatted(scientificDigits: 2)
    }
    var scale = 1.0
    for _ in 0..<digits { scale *= 10 }
    let rounded = (abs(x) * scale).rounded()
    let whole = Int(rounded / scale)
    let fraction = Int(rounded - Double(whole) * scale)
    var fractionText = String(fraction)
    while fractionText.count < digits { fractionText = "0" + fractionText }
    let sign = x < 0 && rounded > 0 ? "-" : ""
    return digits == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fractionText)"
  }

  /// One progress line: `sequences 12,000/30,000  loss 3.214  bits/seq 1.25  ETA 3m31s  85.3 seq/s`.
  /// The fields run from the most to the least wanted: a live line too wide for the terminal
  /// drops the last ones (`Console.fittingProse`).
  static func line(sequences: Int, total: Int, rate: Double, averages: RunningAverages) -> String {
    let remaining = Double(max(total - sequences, 0)) / rate
    return "sequences \(count(sequences))/\(count(total))  loss \(fixed(averages.loss, 3))"
      + "  bits/seq \(fixed(averages.bitErrors, 2))  ETA \(duration(remaining))  \(fixed(rate, 1)) seq/s"
  }
}
