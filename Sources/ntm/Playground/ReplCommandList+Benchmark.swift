/// A REPL script that calls every command, for timing the interpreter (`ntm bench`) and for
/// checking that every line gets its reply: the same lines on a 64 × 16 memory and on a
/// 64 × 256 one (the widest a row may be), then the built-in memory.
extension ReplCommandList {
  /// The lines, in order. Every one is accepted except `benchmarkErrorLines`.
  static let benchmarkScript: [String] =
    benchmarkLines(rows: 64, width: 16) + benchmarkLines(rows: 64, width: 256)
    + ["memory builtin", "help", "help shift", "sharpn", "beta nan", "reset", "quit"]

  /// The lines of `benchmarkScript` that are rejected on purpose: a typo and a NaN, so the
  /// error path is timed too.
  static let benchmarkErrorLines: Set<String> = ["sharpn", "beta nan"]

  /// Every setting, stage and view once on a random `rows × width` memory.
  static func benchmarkLines(rows: Int, width: Int) -> [String] {
    let numbers = { (value: String, count: Int) in Array(repeating: value, count: count).joined(separator: " ") }
    return [
      "memory zeros \(rows) \(width)", "memory random \(rows) \(width) 3", "row 3 " + numbers("0.5", width),
      "key " + numbers("0.25", width), "key row 5", "beta 20", "gate 0.8", "shift +1", "shift 0.1 0.2 0.7",
      "sharpen 3", "previous row 2", "previous uniform", "previous " + numbers("1", rows), "previous last",
      "erase " + numbers("1", width), "add " + numbers("0.5", width),
      "step", "step", "step", "step", "step", "address", "read", "write",
      "write " + numbers("1", width) + " " + numbers("0.5", width),
      "show memory", "show weights", "show params",
      "target row 5", "target " + numbers("1", rows), "show target", "backward", "descend", "descend 50 1", "target off",
    ]
  }
}
