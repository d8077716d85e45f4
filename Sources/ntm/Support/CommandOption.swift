/// One option of a command, declared once: its name, the placeholder of its value, its help,
/// its default and the values it allows, and which tasks or models use it.
///
/// The one declaration feeds the parser (`Arguments`: whether it takes a value), the checks
/// (`Arguments.integer(_:)` and its kin: the range, the words, the default), the error
/// messages (which quote the range or the words) and the help (`CommandHelp`: the OPTIONS
/// blocks and the USAGE line), so none of them can say something the others do not.
struct CommandOption: Sendable {
  /// What the option's value may be, with its default (nil: no default, or one the command
  /// works out, as `--learning-rate` from the optimiser).
  enum Value: Sendable {
    /// No value: given or not (`--json`).
    case flag
    /// A whole number in `range`.
    case integer(default: Int?, range: ClosedRange<Int>)
    /// A finite number in `range`.
    case number(default: Double?, range: ClosedRange<Double>)
    /// A finite number above 0 (or 0, when `zeroMeansOff`, to turn something off).
    case positive(default: Double?, zeroMeansOff: Bool)
    /// One of `words`.
    case word(default: String?, among: [String])
    /// Any text the command reads itself (a path, a list).
    case text(default: String?)
  }

  /// `name` is spelled `--name`.
  var name: String
  /// The value in the help, `N` in `--memory-rows N`; empty for a flag.
  var placeholder: String
  /// What it does, a phrase; the help adds the range or words and the default.
  var help: String
  var value: Value
  /// The tasks that use it (nil: every task). `ntm train` refuses it for any other task
  /// rather than ignore it: `train copy --context 3` would train something other than what
  /// was asked, without a word. One task's option says so in its help (`ngrams: …`).
  var tasks: [String]? = nil
  /// Whether it shapes the machine alone: the LSTM baseline refuses it rather than ignore it.
  var machineOnly = false
  /// Other spellings of the allowed words, and the word each stands for (`ff` for
  /// `feedforward`); the help lists only the words.
  var aliases: [String: String] = [:]
  /// The default as the help says it, when the declared one is not the whole story.
  var defaultText: String? = nil

  /// A flag with no value.
  static func flag(_ name: String, help: String) -> CommandOption {
    CommandOption(name: name, placeholder: "", help: help, value: .flag)
  }

  /// Whether it takes a value (`--seed 3`) or is a flag (`--json`).
  var takesValue: Bool {
    if case .flag = value { return false }
    return true
  }

  /// `--name P`, as the help and the usage line write it.
  var spelling: String { placeholder.isEmpty ? "--\(name)" : "--\(name) \(placeholder)" }

  /// The largest upper bound a help line still quotes: past it (a seed up to `Int.max`) the
  /// range says nothing a person needs.
  static let largestQuotedBound = 1_000_000_000

  /// What the help adds after `help`, in parentheses: the range or the words, then the
  /// default. Empty when there is nothing to add.
  var helpSuffix: String {
    var parts: [String] = []
    var fallback: String?
    switch value {
    case .flag: break
    case .integer(let defaultValue, let range):
      if range.upperBound <= Self.largestQuotedBound { parts.append("\(range.lowerBound)–\(range.upperBound)") }
      fallback = defaultValue.map(String.init)
    case .number(let defaultValue, let range):
      parts.append("\(Self.plain(range.lowerBound))–\(Self.plain(range.upperBound))")
      fallback = defaultValue.map(Self.plain)
    case .positive(let defaultValue, let zeroMeansOff):
      if zeroMeansOff { parts.append("0 turns it off") }
      fallback = defaultValue.map(Self.plain)
    case .word(let defaultValue, let words):
      parts.append(Self.either(words))
      fallback = defaultValue
    case .text(let defaultValue):
      fallback = defaultValue
    }
    if let text = defaultText ?? fallback { parts.append("default \(text)") }
    return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
  }

  /// The whole help of the option: the task it is for, the phrase, then `helpSuffix`.
  var fullHelp: String {
    let owner = tasks.flatMap { $0.count == 1 ? "\($0[0]): " : nil } ?? ""
    return owner + help + helpSuffix
  }

  /// A number as a person types it: `12` for 12.0, `0.0001`, `1e-7` (not `1e-07`).
  static func plain(_ number: Double) -> String {
    if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
    return "\(number)".replacingOccurrences(of: "e-0", with: "e-")
  }

  /// `a`, `a or b`, `a, b or c`.
  static func either(_ words: [String]) -> String {
    guard words.count > 1 else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + " or " + words.last!
  }

  /// `a`, `a and b`, `a, b and c`.
  static func both(_ words: [String]) -> String {
    guard words.count > 1 else { return words.first ?? "" }
    return words.dropLast().joined(separator: ", ") + " and " + words.last!
  }
}
