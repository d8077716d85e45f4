import NTM

/// `ntm address --target-row I --backward`: the loss `L = −Σ t(i) log w(i)` against row I,
/// and every stage's gradients in stage order (last stage first), for scripts and notebooks.
extension AddressCommand {
  /// `--target-row I`.
  static let targetRow = CommandOption(
    name: "target-row", placeholder: "I", help: "a one-hot target on row I: the loss L = −Σ t(i) log w(i)",
    value: .integer(default: nil, range: 0...(PlaygroundInput.maximumRows - 1)))
  /// `--backward`.
  static let backward = CommandOption.flag(
    "backward", help: "walk ∂L back through every stage, each gradient beside its centred difference (needs --target-row)")

  /// The REPL line that sets the target, if `--target-row` is given; `--backward` without it
  /// is refused.
  static func targetLine(_ arguments: Arguments) throws -> String? {
    guard arguments.value(targetRow) != nil else {
      if arguments.flag(backward) {
        throw Arguments.UsageError(
          message: "--backward needs a loss: give --target-row I too. Try 'ntm address --target-row 5 --backward'.")
      }
      return nil
    }
    return "target row \(try arguments.integer(targetRow, default: 0))"
  }

  /// The backward walk as ordered JSON: the loss, then each stage with the gradient arriving
  /// at its output and each parameter's analytic and numeric gradient; last `∂L/∂M`, row by
  /// row, with its largest entry `[i, j]` checked.
  static func backwardJSON(_ walk: BackwardWalk) -> Report.Value {
    func check(_ c: BackwardWalk.Check) -> Report.Value {
      .object([
        ("analytic", .number(c.analytic)), ("numeric", .number(c.numeric)), ("relativeError", .number(c.relativeError)),
        ("oneSided", .bool(c.oneSided)),
      ])
    }
    return .object([
      ("loss", .number(walk.loss)),
      ("sharpening", .object([("outputGradient", .numbers(walk.atWeighting)), ("sharpening", check(walk.sharpening))])),
      ("shift", .object([("outputGradient", .numbers(walk.atShifted)), ("shiftWeighting", .array(walk.shift.map(check)))])),
      ("interpolation", .object([("outputGradient", .numbers(walk.atInterpolated)), ("gate", check(walk.gate))])),
      ("content", .object([("outputGradient", .numbers(walk.atContent)), ("keyStrength", check(walk.keyStrength))])),
      (
        "cosineSimilarity",
        .object([
          ("outputGradient", .numbers(walk.atSimilarity)), ("key", .array(walk.key.map(check))),
          // ∂L/∂M row by row, and its largest entry checked.
          ("memory", .array((0..<walk.atMemory.rows).map { .numbers(walk.atMemory.row($0)) })),
          ("largestMemoryEntry", .numbers([Double(walk.memoryRow), Double(walk.memoryColumn)])),
          ("largestMemoryEntryCheck", check(walk.memory)),
        ])
      ),
    ])
  }
}
