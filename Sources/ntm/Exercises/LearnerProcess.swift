import Foundation

/// One run of the learner's compiled program, graded through its standard input and output
/// (`LearnerProgram`'s harness): each call of an `ExerciseFunctions` closure is one line out
/// and one line back. A program that dies — an index out of range, a force-unwrapped nil — or
/// runs past `timeLimit` answers nil from then on, and `end()` says which it was.
final class LearnerProcess: @unchecked Sendable {
  /// Seconds one exercise's check may take. Every reference solution is graded in well under
  /// a second, even in a debug build; a function still running after this has an endless loop.
  static let timeLimit = 30.0

  private let process = Process()
  private let requests: FileHandle
  private let replies: FileHandle
  private let errorFile: URL
  private var buffer: [UInt8] = []
  private var stop: DispatchWorkItem?
  private let started = Date()
  private let timeLimit: Double
  private var previousPipeHandler: (@convention(c) (Int32) -> Void)?
  /// Whether the program stopped answering.
  private(set) var ended = false

  /// Starts `program`; what it writes on standard error is kept in `errorFile`.
  init(_ program: LearnerProgram, errorFile: URL, timeLimit: Double = LearnerProcess.timeLimit) throws {
    // A write to a program that has died must fail, not end this one; `end()` puts the
    // handler back.
    previousPipeHandler = signal(SIGPIPE, SIG_IGN)
    guard FileManager.default.createFile(atPath: errorFile.path, contents: nil) else {
      throw CommandLineTool.Failure(message: "could not create \(errorFile.path) to run the compiled exercises.")
    }
    self.errorFile = errorFile
    self.timeLimit = timeLimit
    let input = Pipe()
    let output = Pipe()
    process.executableURL = program.executable
    process.standardInput = input
    process.standardOutput = output
    process.standardError = try FileHandle(forWritingTo: errorFile)
    // A short, plain backtrace: enough to find the learner's line, quick to write.
    process.environment = ProcessInfo.processInfo.environment.merging(
      ["SWIFT_BACKTRACE": "interactive=no,color=no,threads=crashed,registers=none,images=none"]) { $1 }
    requests = input.fileHandleForWriting
    replies = output.fileHandleForReading
    do {
      try process.run()
    } catch {
      throw CommandLineTool.Failure(
        message: "could not run the compiled exercises (\(program.executable.path)): \(error.localizedDescription)")
    }
    // Stop a program that runs past the limit; the stop is cancelled once it has ended, so it
    // can never reach a later process that reuses the number.
    let child = process.processIdentifier
    let stop = DispatchWorkItem { kill(child, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + timeLimit, execute: stop)
    self.stop = stop
  }

  /// Calls the learner's function `name` with `fields`; nil when it answers nil or has died.
  func call(_ name: String, _ fields: LearnerWire.Fields) -> LearnerWire.Fields? {
    guard !ended else { return nil }
    let line = name + "|" + LearnerWire.spell(fields) + "\n"
    do {
      try requests.write(contentsOf: Data(line.utf8))
    } catch {
      ended = true
      return nil
    }
    while true {
      if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
        let reply = String(decoding: buffer[..<newline], as: UTF8.self)
        buffer.removeSubrange(...newline)
        return reply == "nil" ? nil : LearnerWire.parse(Substring(reply))
      }
      // Whatever has arrived; empty only when the program has closed its end.
      let chunk = replies.availableData
      guard !chunk.isEmpty else {
        ended = true
        return nil
      }
      buffer += chunk
    }
  }

  /// Ends the program and says how it went: nil when it was still answering, else a crash or
  /// a time-out, read from its standard error.
  func end() -> Exercise.Outcome? {
    try? requests.close()
    process.waitUntilExit()
    stop?.cancel()
    signal(SIGPIPE, previousPipeHandler)
    let error = (try? String(contentsOf: errorFile, encoding: .utf8)) ?? ""
    let timedOut =
      process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
      && Date().timeIntervalSince(started) >= timeLimit
    if timedOut { return .timedOut(timeLimit) }
    guard ended || process.terminationReason != .exit || process.terminationStatus != 0 else { return nil }
    let termination: Termination =
      process.terminationReason == .uncaughtSignal
      ? .signalled(process.terminationStatus) : .exited(process.terminationStatus)
    return .crashed(Self.crash(termination, error: error))
  }

  /// What the learner's functions printed (on standard error), when the program did not crash.
  var printed: String { (try? String(contentsOf: errorFile, encoding: .utf8)) ?? "" }

  /// How a program ended.
  enum Termination: Equatable, Sendable {
    case exited(Int32)
    case signalled(Int32)
  }

  /// One line on how a program crashed: the runtime's `Fatal error: …` message when there is
  /// one, else the signal or exit status; then the learner's line, `(Exercise03.swift:27)`,
  /// when the error names it or a frame of the backtrace does: the innermost exercise file,
  /// which is another exercise's when this one called a function that crashed.
  static func crash(_ termination: Termination, error: String) -> String {
    let lines = error.split(separator: "\n").map(String.init)
    // "Exercises/Exercise03.swift:20: Fatal error: …", or a frame "… at /…/Exercise03.swift:27:51".
    let places = lines.flatMap { $0.matches(of: #/Exercise\d+\.swift:\d+/#).map { String($0.output) } }
    let place = places.first
    let what: String
    if let fatal = lines.first(where: { $0.contains("Fatal error: ") }), let start = fatal.range(of: "Fatal error: ") {
      what = String(fatal[start.lowerBound...])
    } else {
      switch termination {
      case .signalled(let signal):
        what = "stopped by signal \(signal) (\(String(cString: strsignal(signal))))"
      case .exited(let status):
        what = "the program ended with status \(status) before the grade"
      }
    }
    return what + (place.map { " (\($0))" } ?? "")
  }
}
