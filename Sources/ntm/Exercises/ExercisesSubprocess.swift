import Foundation

/// Grades a learner's exercise in a child process, so that a function that traps — an index
/// out of range, a force-unwrapped nil — is reported as a crash of that exercise instead of
/// ending `ntm exercises` with a backtrace.
///
/// The child is this very program, run again as `ntm exercises __grade N` (an action the help
/// leaves out): it grades exercise N in its own process and prints the outcome on standard
/// error as one line, `marker` and then JSON. Its standard output is the parent's, so whatever
/// the learner's function prints appears as it would have without a child. When the line is
/// missing — the child died by a signal, or exited early — the exercise crashed, and
/// `crash(_:error:file:)` says how from the rest of the child's standard error.
enum ExercisesSubprocess {
  /// The hidden action of `ntm exercises` that grades one exercise and prints its outcome.
  static let action = "__grade"
  /// What starts the outcome line.
  static let marker = "ntm-exercises-outcome: "

  /// How a child process ended.
  enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)
    /// Stopped after `timeLimit` seconds: the learner's function did not return.
    case timedOut
  }

  /// Seconds a grade may take. Every reference solution is graded in well under a second,
  /// even in a debug build; a function still running after this has an endless loop.
  static let timeLimit = 30.0

  /// The running program, when it is the `ntm` tool; nil inside the test runner, which cannot
  /// run `exercises __grade`, so its grading stays in-process.
  static func currentExecutable() -> URL? {
    guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
    let url = URL(fileURLWithPath: path)
    return url.lastPathComponent == "ntm" ? url : nil
  }

  /// The line the child prints for `outcome`.
  static func outcomeLine(_ outcome: Exercise.Outcome) -> String {
    let json = (try? JSONEncoder().encode(outcome)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    return marker + json
  }

  /// Grades `exercise` by running `executable` with the hidden action.
  /// - Throws: `CommandLineTool.Failure` when the child cannot be started.
  static func grade(_ exercise: Exercise, executable: URL) throws -> Exercise.Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = [ExercisesCommand.name, action, "\(exercise.number)"]
    // A short, plain backtrace: enough to find the learner's line, quick to write.
    process.environment = ProcessInfo.processInfo.environment.merging(
      ["SWIFT_BACKTRACE": "interactive=no,color=no,threads=crashed,registers=none,images=none"]) { $1 }
    process.standardInput = FileHandle.nullDevice
    let error = Pipe()
    process.standardError = error
    do {
      try process.run()
    } catch {
      throw CommandLineTool.Failure(
        message: "could not run \(executable.path) to grade exercise \(exercise.number): \(error.localizedDescription)")
    }
    // Stop a child that runs past the limit; the stop is cancelled once the child has ended,
    // so it can never reach a later process that reuses the number.
    let child = process.processIdentifier
    let stop = DispatchWorkItem { kill(child, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: stop)
    let started = Date()
    let text = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    stop.cancel()
    let termination: Termination =
      process.terminationReason == .uncaughtSignal
      ? (process.terminationStatus == SIGKILL && Date().timeIntervalSince(started) >= timeLimit
        ? .timedOut : .signalled(process.terminationStatus))
      : .exited(process.terminationStatus)
    return outcome(termination: termination, error: String(decoding: text, as: UTF8.self), file: exercise.fileName)
  }

  /// What a child's standard error and end say: its outcome line, decoded, or a crash.
  static func outcome(termination: Termination, error: String, file: String) -> Exercise.Outcome {
    let last = error.split(separator: "\n").last { $0.hasPrefix(marker) }
    if termination == .exited(0), let last,
      let outcome = try? JSONDecoder().decode(Exercise.Outcome.self, from: Data(last.dropFirst(marker.count).utf8))
    {
      return outcome
    }
    return .crashed(crash(termination, error: error, file: file))
  }

  /// One line on how a child crashed: the runtime's `Fatal error: …` message when there is
  /// one, else the signal or exit status; then the learner's line, `(Exercise03.swift:27)`,
  /// when the error names it or a frame of the backtrace does.
  static func crash(_ termination: Termination, error: String, file: String) -> String {
    let lines = error.split(separator: "\n").map(String.init)
    // "ntm/Exercise03.swift:20: Fatal error: …", or a frame "… at /…/Learner/Exercise03.swift:27:51".
    let place = lines.lazy.compactMap { line -> String? in
      guard let name = line.range(of: file + ":") else { return nil }
      let digits = line[name.upperBound...].prefix { $0.isNumber }
      return digits.isEmpty ? nil : "\(file):\(digits)"
    }.first
    let what: String
    if let fatal = lines.first(where: { $0.contains("Fatal error: ") }), let start = fatal.range(of: "Fatal error: ") {
      what = String(fatal[start.lowerBound...])
    } else {
      switch termination {
      case .signalled(let signal):
        what = "stopped by signal \(signal) (\(String(cString: strsignal(signal))))"
      case .exited(let status):
        what = "the program ended with status \(status) before the grade"
      case .timedOut:
        what = "it was still running after \(Int(timeLimit)) seconds (an endless loop?)"
      }
    }
    return what + (place.map { " (\($0))" } ?? "")
  }
}
