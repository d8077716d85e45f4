import Foundation

/// What every call of `ntm` must do, whatever it was given, and the compact list of what went
/// wrong: by kind, one line per distinct problem, each with the call that shows it.
extension CommandLineFuzz {
  /// A way for a call to go wrong.
  enum Problem: CaseIterable, Sendable {
    case crash, hang, replacedNode, lostWork, usageAccepted, usageCode, notOneLine, noErrorPrefix, longError, nonFinite

    var title: String {
      switch self {
      case .crash: "crash (a signal, an exit of 128 + N, or a runtime error on standard error)"
      case .hang: "hang (killed after \(Int(Runner.timeLimit)) s)"
      case .replacedNode: "a node in the folder replaced by something else"
      case .lostWork: "a path refused only after the work was done (the work is lost)"
      case .usageAccepted: "usage mistake accepted (exit 0)"
      case .usageCode: "usage mistake with an exit other than 64"
      case .notOneLine: "failure without exactly one line on standard error"
      case .noErrorPrefix: "error line not starting 'error:'"
      case .longError: "error line longer than \(CommandLineFuzz.longestErrorLine) characters"
      case .nonFinite: "nan or inf printed by a call that succeeded"
      }
    }
  }

  /// The longest error line a person can take in: a long argument is shortened, not echoed.
  static let longestErrorLine = 300

  /// Words of an error that says a result could not be written: after output was printed,
  /// the work was done before its path was checked.
  static let lostWorkWords = ["cannot save", "cannot write"]

  /// Words on standard error that only a crash prints.
  static let crashWords = ["fatal error", "illegal instruction", "stack dump", "backtrace", "current stack trace"]

  /// Everything wrong with `outcome` as the result of `invocation`.
  static func problems(_ invocation: Invocation, _ outcome: Runner.Outcome) -> [Problem] {
    var problems: [Problem] = outcome.replaced.isEmpty ? [] : [.replacedNode]
    if outcome.timedOut { return problems + [.hang] }
    let error = outcome.error.lowercased()
    if outcome.signalled || outcome.code > 128 || crashWords.contains(where: error.contains) { return problems + [.crash] }
    if invocation.isUsageMistake && outcome.code != 64 { problems.append(outcome.code == 0 ? .usageAccepted : .usageCode) }
    if outcome.code != 0 {
      let lines = errorLines(outcome.error)
      if !outcome.output.isEmpty, let first = lines.first, lostWorkWords.contains(where: first.contains) { problems.append(.lostWork) }
      if lines.count != 1 { problems.append(.notOneLine) }
      if let first = lines.first {
        if !first.hasPrefix("error:") { problems.append(.noErrorPrefix) }
        if first.count > longestErrorLine { problems.append(.longError) }
      }
    } else if InterpreterFuzzTests.showsNonFinite(
      invocation.arguments.filter { !$0.isEmpty }.reduce(outcome.output) { $0.replacingOccurrences(of: $1, with: "") })
    {
      // The words of the call are taken out first: `--export NaN` may well print its path.
      problems.append(.nonFinite)
    }
    return problems
  }

  /// Standard error's lines, without one trailing line break.
  static func errorLines(_ text: String) -> [Substring] {
    let trimmed = text.hasSuffix("\n") ? text.dropLast() : Substring(text)
    return trimmed.isEmpty ? [] : trimmed.split(separator: "\n", omittingEmptySubsequences: false)
  }

  /// The call as a person would type it, each long word shortened: `ntm train copy --seed
  /// '9999…(10000 characters)'`.
  static func shown(_ arguments: [String]) -> String {
    let words = arguments.map { word -> String in
      let short = word.count > 40 ? String(word.prefix(12)) + "…(\(word.count) characters)" : word
      let safe = short.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789-_./=,+:".unicodeScalars.contains($0) }
      return !short.isEmpty && safe ? short : "'" + visible(short).replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
    return (["ntm"] + words).joined(separator: " ")
  }

  /// One failing call.
  struct Failure {
    var problem: Problem
    var invocation: Invocation
    var outcome: Runner.Outcome

    /// `ntm show copy --svg x → signal 4: (no standard error)`.
    var line: String {
      let how =
        outcome.timedOut ? "killed after \(Int(Runner.timeLimit)) s" : outcome.signalled ? "signal \(outcome.code)" : "exit \(outcome.code)"
      let first = CommandLineFuzz.errorLines(outcome.error).first.map { String($0) } ?? "(no standard error)"
      let shortFirst = first.count > 160 ? String(first.prefix(150)) + "…(\(first.count) characters)" : first
      let nodes = problem == .replacedNode ? " [" + outcome.replaced.joined(separator: "; ") + "]" : ""
      let mistakes = isAboutUsage ? " [" + invocation.mistakes.sorted().map(\.rawValue).joined(separator: ", ") + "]" : ""
      return
        "\(String(CommandLineFuzz.shown(invocation.arguments).prefix(200))) → \(how): \(visible(String(shortFirst)))\(nodes)\(mistakes)"
    }

    var isAboutUsage: Bool { problem == .usageAccepted || problem == .usageCode }

    /// What makes two failures of one kind the same problem: the usage mistakes the call
    /// holds; or the command and the start of the error with numbers and quoted words taken out.
    var signature: String {
      if isAboutUsage { return invocation.mistakes.sorted().map(\.rawValue).joined(separator: ",") }
      let first = CommandLineFuzz.errorLines(outcome.error).first.map(String.init) ?? ""
      let plain = first.replacingOccurrences(of: "'[^']*'", with: "''", options: .regularExpression)
        .replacingOccurrences(of: "[0-9]+", with: "N", options: .regularExpression)
      let nodes = outcome.replaced.map { $0.prefix { $0 != ":" } }.joined(separator: ",")
      return "\(invocation.family)|\(plain.prefix(40))|\(problem == .replacedNode ? nodes : "")"
    }
  }

  /// Examples shown of each kind of problem; the rest are counted.
  static let examplesPerKind = 12

  /// Every failure grouped by kind, distinct problems first, each as one line.
  static func report(_ failures: [Failure]) -> String {
    var lines: [String] = []
    for problem in Problem.allCases {
      let ofKind = failures.filter { $0.problem == problem }
      guard !ofKind.isEmpty else { continue }
      var seen = Set<String>()
      let distinct = ofKind.filter { seen.insert($0.signature).inserted }
      lines.append("\(problem.title): \(ofKind.count) calls, \(distinct.count) distinct")
      lines += distinct.prefix(examplesPerKind).map { "  " + $0.line }
      if distinct.count > examplesPerKind { lines.append("  … and \(distinct.count - examplesPerKind) more distinct") }
    }
    return lines.joined(separator: "\n")
  }
}
