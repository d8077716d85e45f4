import Foundation
import Testing

@testable import ntm

/// Writing standard output: every byte of a long text, one line and exit 1 when the output
/// is full, and a quiet end when the reader goes away.
@Suite struct ConsoleTests {
  /// A `COLUMNS` that is set wins; without a terminal on standard output (as under the tests)
  /// nothing is added, so piped output keeps the 80-column default.
  @Test func theTerminalWidthIsReadOnlyWhenColumnsIsUnsetAndOutputIsATerminal() {
    #expect(Console.withTerminalWidth(["COLUMNS": "57"]) == ["COLUMNS": "57"])
    if isatty(STDOUT_FILENO) == 0 {
      #expect(Console.withTerminalWidth(["LANG": "C"]) == ["LANG": "C"])
    }
  }

  @Test func writeSendsEveryByte() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("console-\(UUID().uuidString).txt")
    defer { try? FileManager.default.removeItem(at: url) }
    #expect(FileManager.default.createFile(atPath: url.path, contents: nil))
    let handle = try FileHandle(forWritingTo: url)
    let text = String(repeating: "β = 20, γ = 3 …\n", count: 50_000)
    #expect(Console.write(text, to: handle.fileDescriptor) == nil)
    try handle.close()
    #expect(try String(contentsOf: url, encoding: .utf8) == text)
  }

  @Test func writeReportsAFullDevice() throws {
    let handle = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? handle.close() }
    #expect(Console.write("x\n", to: handle.fileDescriptor) == ENOSPC)
  }

  @Test func theFailureIsOneLineAndABrokenPipeIsQuiet() {
    #expect(Console.outputFailureMessage(ENOSPC) == "error: cannot write to standard output: no space left on device")
    #expect(Console.outputFailureMessage(EPIPE) == nil)
  }

  /// Runs the built `ntm` with standard output sent to `output` and standard input read
  /// from a file holding `input` (a file, not a pipe: `ntm` may stop reading early).
  static func run(
    _ arguments: [String], input: String = "", output: FileHandle, through shell: String? = nil
  ) throws -> (process: Process, error: String) {
    let binary = try ReplProcessTests.requireBinary()
    let inputURL = FileManager.default.temporaryDirectory.appendingPathComponent("console-input-\(UUID().uuidString).txt")
    defer { try? FileManager.default.removeItem(at: inputURL) }
    try Data(input.utf8).write(to: inputURL)
    let process = Process()
    if let shell {
      process.executableURL = URL(fileURLWithPath: "/bin/sh")
      process.arguments = ["-c", shell, binary.path] + arguments
    } else {
      process.executableURL = binary
      process.arguments = arguments
    }
    process.environment = ["LANG": "en_US.UTF-8"]
    process.standardInput = try FileHandle(forReadingFrom: inputURL)
    process.standardOutput = output
    let error = Pipe()
    process.standardError = error
    try process.run()
    let text = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process, text)
  }

  @Test func aFullOutputGetsOneLineAndExit1() throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let result = try Self.run(["tour", "--no-pause"], output: full)
    #expect(result.process.terminationReason == .exit)
    #expect(result.process.terminationStatus == 1)
    #expect(result.error == "error: cannot write to standard output: no space left on device\n")
  }

  @Test func aFullOutputStopsTheREPLAfterOneLine() throws {
    let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    defer { try? full.close() }
    let result = try Self.run(["repl"], input: String(repeating: "address\n", count: 50), output: full)
    #expect(result.process.terminationStatus == 1)
    #expect(result.error == "error: cannot write to standard output: no space left on device\n")
  }

  /// `ntm repl | head -1`: the reader leaves after one line. SIGPIPE keeps its default action,
  /// so `ntm` ends at once, killed by it, without a word; no backtrace, no error line.
  @Test func aBrokenPipeEndsQuietly() throws {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let result = try Self.run(["repl"], input: String(repeating: "address\n", count: 2_000), output: pipe.fileHandleForWriting)
    #expect(result.error.isEmpty, "\(result.error)")
    let killedByPipe = result.process.terminationReason == .uncaughtSignal && result.process.terminationStatus == SIGPIPE
    let exitedQuietly = result.process.terminationReason == .exit && result.process.terminationStatus == 1
    #expect(killedByPipe || exitedQuietly, "\(result.process.terminationReason) \(result.process.terminationStatus)")
  }

  /// Where SIGPIPE is inherited as ignored, the write fails with EPIPE: exit 1, still quiet.
  @Test func aBrokenPipeWithSIGPIPEIgnoredExits1Quietly() throws {
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let result = try Self.run(
      ["repl"], input: String(repeating: "address\n", count: 2_000), output: pipe.fileHandleForWriting,
      through: "trap '' PIPE; exec \"$0\" \"$@\"")
    #expect(result.error.isEmpty, "\(result.error)")
    #expect(result.process.terminationReason == .exit)
    #expect(result.process.terminationStatus == 1)
  }
}
