import Foundation
import Testing

/// Runs the built `ntm` as a person's shell would, but bounded: standard input from
/// /dev/null, a fresh sandbox as the working folder, 80 columns, a time limit and a memory
/// limit, two at a time.
extension CommandLineFuzz {
  enum Runner {
    /// Seconds a call may run before it is killed and counted as a hang. Every generated call
    /// is cheap (tens of milliseconds in a debug build); one still running after this never
    /// bounded its work.
    static let timeLimit = 15.0
    /// Address space a call may use, in KiB (`ulimit -v`): 4 GiB. A cheap call needs under
    /// 1 GiB in a debug build; a call asking for more is one of the huge sizes, and must fail
    /// at once rather than push a shared machine into swapping.
    static let memoryLimitKiB = 4 << 20
    /// Calls running at once: the machine has two cores.
    static let workers = 2

    /// The environment of every call: a UTF-8 locale, 80 columns, no slow crash report.
    static let environment = [
      "LANG": "en_US.UTF-8", "COLUMNS": "80", "PATH": "/usr/bin:/bin", "SWIFT_BACKTRACE": "enable=no",
    ]

    struct SetupFailure: Error, CustomStringConvertible {
      var message: String
      var description: String { message }
    }

    /// How one call ended, and what it wrote.
    struct Outcome: Sendable {
      /// The exit status, or the signal's number when `signalled`.
      var code: Int32
      var signalled: Bool
      var timedOut: Bool
      var output: String
      var error: String
      var seconds: Double
      /// The sandbox's nodes that a call changed into something else.
      var replaced: [String] = []
    }

    /// Runs `ntm arguments` in `folder`; its output goes to files beside the folder, named
    /// after `worker`, so that neither pipe can fill and stall it.
    static func run(_ arguments: [String], in folder: URL, worker: Int) throws -> Outcome {
      let binary = try ReplProcessTests.requireBinary()
      let scratch = folder.deletingLastPathComponent()
      let outputURL = scratch.appendingPathComponent("stdout-\(worker)")
      let errorURL = scratch.appendingPathComponent("stderr-\(worker)")
      for url in [outputURL, errorURL] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
      let output = try FileHandle(forWritingTo: outputURL)
      let error = try FileHandle(forWritingTo: errorURL)
      defer {
        try? output.close()
        try? error.close()
      }
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      // The shell sets the limit and becomes ntm, so a signal that kills ntm is seen here.
      process.arguments = ["-c", "ulimit -v \(memoryLimitKiB) 2>/dev/null; exec \"$0\" \"$@\"", binary.path] + arguments
      process.environment = environment
      process.currentDirectoryURL = folder
      process.standardInput = FileHandle.nullDevice
      process.standardOutput = output
      process.standardError = error
      let finished = DispatchSemaphore(value: 0)
      process.terminationHandler = { _ in finished.signal() }
      let start = Date()
      try process.run()
      var timedOut = false
      if finished.wait(timeout: .now() + timeLimit) == .timedOut {
        timedOut = true
        kill(process.processIdentifier, SIGKILL)
        finished.wait()
      }
      let seconds = Date().timeIntervalSince(start)
      func text(_ url: URL) -> String { (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } ?? "" }
      return Outcome(
        code: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, timedOut: timedOut,
        output: text(outputURL), error: text(errorURL), seconds: seconds)
    }

    /// Runs each invocation in a fresh sandbox under `root`, `workers` at a time, and
    /// returns the outcomes in the order of `invocations`.
    static func runAll(_ invocations: [Invocation], root: URL, templates: Sandbox.Templates) -> [Result<Outcome, Error>] {
      let results = Results(count: invocations.count)
      DispatchQueue.concurrentPerform(iterations: workers) { worker in
        // Each worker runs its calls in a folder of its own, made afresh for each.
        let folder = root.appendingPathComponent("worker-\(worker)")
        defer { Sandbox.remove(folder.path) }
        while let index = results.claim() {
          results.store(
            Result {
              try Sandbox.make(at: folder, templates: templates)
              let before = Sandbox.snapshot(folder)
              var outcome = try run(invocations[index].arguments, in: folder, worker: worker)
              outcome.replaced = Sandbox.changes(from: before, to: Sandbox.snapshot(folder))
              return outcome
            }, at: index)
        }
      }
      return results.all
    }

    /// The outcomes as the workers store them, and the next invocation to claim.
    final class Results: @unchecked Sendable {
      private let lock = NSLock()
      private var next = 0
      private var outcomes: [Result<Outcome, Error>?]

      init(count: Int) { outcomes = Array(repeating: nil, count: count) }

      func claim() -> Int? {
        lock.withLock {
          guard next < outcomes.count else { return nil }
          defer { next += 1 }
          return next
        }
      }

      func store(_ outcome: Result<Outcome, Error>, at index: Int) { lock.withLock { outcomes[index] = outcome } }

      var all: [Result<Outcome, Error>] { lock.withLock { outcomes.map { $0! } } }
    }
  }
}
