import Foundation
import NTM
import TerminalCharts

/// The words of `ntm train`'s progress reports, apart from where they go.
enum ProgressText {
  /// `12,345` (``NumberFormat/grouped(_:)``).
  static func count(_ n: Int) -> String { NumberFormat.grouped(n) }

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

  /// A number with `digits` decimals, rounded half away from zero; `1.00e+20` for a huge
  /// one; `nan`, `inf`, `-inf` (``NumberFormat/rounded(_:decimals:)``).
  static func fixed(_ x: Double, _ digits: Int) -> String { NumberFormat.rounded(x, decimals: digits) }

  /// One progress line: `sequences 12,000/30,000  loss 3.214  bits/seq 1.25  ETA 3m31s  85.3 seq/s`.
  /// The fields run from the most to the least wanted: a live line too wide for the terminal
  /// drops the last ones (`Console.fittingProse`).
  static func line(sequences: Int, total: Int, rate: Double, averages: RunningAverages) -> String {
    let remaining = Double(max(total - sequences, 0)) / rate
    return "sequences \(count(sequences))/\(count(total))  loss \(fixed(averages.loss, 3))"
      + "  bits/seq \(fixed(averages.bitErrors, 2))  ETA \(duration(remaining))  \(fixed(rate, 1)) seq/s"
  }
}
