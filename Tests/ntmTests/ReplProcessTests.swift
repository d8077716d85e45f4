import Foundation
import Testing

/// The built `ntm` binary with a script piped into `ntm repl`, as a person's shell would run it.
@Suite struct ReplProcessTests {
  /// The folders the `ntm` executable is looked for in. `swift test` builds the `ntm` product
  /// with the tests (ntmTests depends on its target) into the products folder that also
  /// holds the test bundle, `<scratch path>/<triple>/debug/`, whatever `--scratch-path` is;
  /// the running test binary's own folder is therefore the first place to look.
  static let searchFolders: [URL] = [
    URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
    Bundle.main.bundleURL, Bundle.main.bundleURL.deletingLastPathComponent(),
    Bundle(for: Marker.self).bundleURL.deletingLastPathComponent(),
  ]

  /// The `ntm` executable in the build products folder, beside the test bundle.
  static let binary: URL? = searchFolders.map { $0.appendingPathComponent("ntm") }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }

  final class Marker {}

  /// The binary, or a recorded failure that says where it was looked for: a process test
  /// must fail, never skip, when there is nothing to run.
  static func requireBinary(sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
    let folders = searchFolders.map(\.path).joined(separator: ", ")
    return try #require(binary, "the ntm executable was not found; looked in \(folders)", sourceLocation: sourceLocation)
  }

  @Test func theBinaryIsFound() throws {
    let binary = try Self.requireBinary()
    #expect(binary.lastPathComponent == "ntm")
  }

  /// Runs the built `ntm` with `arguments`, `input` on standard input, in `directory` (the
  /// current folder when nil).
  static func run(
    _ arguments: [String], input: String = "", environment: [String: String], in directory: URL? = nil
  ) throws -> (code: Int32, output: String, error: String) {
    let process = Process()
    process.executableURL = try ReplProcessTests.requireBinary()
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    let (stdin, stdout, stderr) = (Pipe(), Pipe(), Pipe())
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    let error = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: error, as: UTF8.self))
  }

  @Test
  func pipedScriptGetsEachReply() throws {
    let script = "help\n\nbeta 5\nstep\nsharpn 2\nstep\nread\nshow params\n"
    let result = try Self.run(["repl"], input: script, environment: ["LANG": "en_US.UTF-8"])
    #expect(result.code == 0)
    #expect(result.output.hasPrefix("Commands ('help <command>' shows how to call one):"))
    #expect(result.output.contains("β = 5\nStage 1 of 4: content addressing"))
    #expect(result.output.contains("Stage 2 of 4: interpolation"))
    #expect(result.output.contains("r = ["))
    #expect(result.output.contains("key strength        β       5"))
    #expect(result.error == "error: unknown command 'sharpn'. Did you mean 'sharpen'? Type 'help' for the commands.\n")
  }

  @Test
  func quitStopsReadingAndLANGCDrawsASCII() throws {
    let result = try Self.run(["repl"], input: "address\nquit\nstep\n", environment: ["LANG": "C"])
    #expect(result.code == 0)
    #expect(result.output.hasSuffix("bye\n"))
    #expect(!result.output.contains("Stage 1"))
    #expect(result.output.unicodeScalars.allSatisfy { $0.isASCII })
    #expect(result.output.contains("beta = 20"))
  }

  @Test
  func emptyInputExitsZero() throws {
    let result = try Self.run(["repl"], input: "", environment: ["LANG": "en_US.UTF-8"])
    #expect(result.code == 0)
    #expect(result.output.isEmpty && result.error.isEmpty)
  }

  @Test
  func pipedTargetBackwardAndDescend() throws {
    let script = "backward\ntarget row 5\nbackward\ndescend 50\nquit\n"
    let result = try Self.run(["repl"], input: script, environment: ["LANG": "en_US.UTF-8"])
    #expect(result.code == 0)
    #expect(result.error == "error: backward needs a loss: set a target first. Try 'target row 5'.\n")
    for stage in ["4. sharpening", "3. shift", "2. interpolation", "1. content", "0. cosine similarity"] {
      #expect(result.output.contains(stage))
    }
    let last = result.output.split(separator: "\n").last { $0.hasPrefix("step 50 ") }
    let focus = last.flatMap { $0.split(separator: "=").dropFirst().first?.split(separator: " ").first }.flatMap { Double($0) }
    #expect((focus ?? 0) >= 0.9, "\(last ?? "no step 50 line")")
  }
}
