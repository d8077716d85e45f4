import NTM

/// Options several commands share, declared once: the seed, the picture, ASCII drawing, the
/// optimiser.
extension CommandOption {
  /// The seed every command uses when none is given.
  static let defaultSeed = 1

  /// `--seed S`: what the seed draws, in `help`.
  static func seed(_ help: String) -> CommandOption {
    CommandOption(
      name: "seed", placeholder: "S", help: help,
      value: .integer(default: defaultSeed, range: 0...Int(Limits.seed.upperBound)))
  }

  /// `--svg FILE`: what the picture shows, in `help`; `-` is standard output.
  static func svg(_ help: String) -> CommandOption {
    CommandOption(name: "svg", placeholder: "FILE", help: help, value: .text(default: nil))
  }

  /// `--ascii`: draw with ASCII only.
  static let ascii = CommandOption.flag("ascii", help: "draw with ASCII only (automatic when the locale is not UTF-8)")

  /// `--optimiser O`: what it updates, in `help`; `defaultText` when the default depends on
  /// other options.
  static func optimiser(_ help: String, defaultText: String? = nil) -> CommandOption {
    CommandOption(
      name: "optimiser", placeholder: "O", help: help,
      value: .word(default: Optimiser.Kind.rmsprop.rawValue, among: Optimiser.Kind.allCases.map(\.rawValue)),
      defaultText: defaultText)
  }
}
