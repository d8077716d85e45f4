import Foundation
import TerminalCharts

/// Reading numbers typed by a person, with the playground's limits.
///
/// Every value that reaches the library is finite and within a range where no stage can
/// overflow: that is how the playground keeps NaN and ∞ off the screen whatever is typed.
///
/// The choices, stated once:
/// - N ≤ 1024 rows, W ≤ 256 columns.
/// - Memory, key and add entries: |x| ≤ 1e6 (so ‖M(i)‖² stays far below overflow).
/// - β in [0, 1e6]; g in [0, 1]; γ in [1, 1e6] (γ · log ε must stay finite).
/// - Erase entries in [0, 1].
/// - A weighting typed as numbers (shift or previous) must be ≥ 0 with a positive sum; it is
///   then **normalised** to sum to 1, and the reply says so when it changed anything.
enum PlaygroundInput {
  /// An input that was not accepted: the message after `error: `.
  struct Rejection: Error, Equatable {
    var message: String
  }

  static let maximumRows = 1024
  static let maximumWidth = 256
  static let maximumMagnitude = 1e6
  static let maximumKeyStrength = 1e6
  static let maximumSharpening = 1e6
  /// Longest line the REPL reads; longer ones are rejected before any parsing. Readers stop
  /// keeping a line here (the line editor takes no more keys, the piped reader drops the rest
  /// of the line), so one enormous line costs no more memory than this.
  static let maximumLineLength = 65_536
  /// What the REPL says of a line past `maximumLineLength`, however it arrived.
  static let tooLongMessage = "the line is longer than \(maximumLineLength) characters and was skipped. Type 'help' for the commands."
  /// `text` made safe to repeat in a one-line message (see `EchoedText.echo`).
  static func echo(_ text: some StringProtocol) -> String { EchoedText.echo(text) }

  /// A finite number within `range`.
  static func number(_ word: Substring, in range: ClosedRange<Double>, name: String, example: String) throws -> Double {
    guard let value = Double(word) else {
      throw Rejection(message: "'\(echo(word))' is not a number for \(name). Try '\(example)'.")
    }
    guard value.isFinite else {
      throw Rejection(message: "\(name) must be a finite number, got '\(echo(word))'. Try '\(example)'.")
    }
    guard range.contains(value) else {
      throw Rejection(
        message: "\(name) must be from \(format(range.lowerBound)) to \(format(range.upperBound)), got \(echo(word)). Try '\(example)'.")
    }
    return value
  }

  /// A whole number within `range`.
  static func integer(_ word: Substring, in range: ClosedRange<Int>, name: String, example: String) throws -> Int {
    guard let value = Int(word) else {
      throw Rejection(message: "\(name) must be a whole number, got '\(echo(word))'. Try '\(example)'.")
    }
    guard range.contains(value) else {
      throw Rejection(message: "\(name) must be from \(range.lowerBound) to \(range.upperBound), got \(value). Try '\(example)'.")
    }
    return value
  }

  /// Exactly `count` finite numbers, each within `range`.
  static func vector(
    _ words: ArraySlice<Substring>, count: Int, in range: ClosedRange<Double>, name: String, example: String
  ) throws -> [Double] {
    guard words.count == count else {
      throw Rejection(
        message: "\(name) needs \(count) number\(count == 1 ? "" : "s") (W = \(count)), got \(words.count). Try '\(example)'.")
    }
    return try words.map { try number($0, in: range, name: name, example: example) }
  }

  /// Non-negative finite numbers with a positive sum, normalised to sum to 1; `changed`
  /// tells whether normalising altered them.
  static func weighting(
    _ words: ArraySlice<Substring>, name: String, example: String
  ) throws -> (weights: [Double], changed: Bool) {
    let values = try words.map { try number($0, in: 0...maximumMagnitude, name: "each weight of \(name)", example: example) }
    let sum = values.reduce(0, +)
    guard sum > 0 else {
      throw Rejection(message: "\(name) needs at least one weight above 0. Try '\(example)'.")
    }
    let normalised = values.map { $0 / sum }
    let changed = abs(sum - 1) > 1e-12
    return (changed ? normalised : values, changed)
  }

  /// A shift offset such as `+1`, `-2` or `0`.
  static func offset(_ word: Substring) -> Int? {
    guard let first = word.first, first == "+" || first == "-" || word == "0" else { return nil }
    return Int(word.hasPrefix("+") ? word.dropFirst() : word)
  }

  /// A number as the playground prints it in messages: short, no trailing zeros.
  static func format(_ value: Double) -> String { NumberFormat.short(value) }
}
