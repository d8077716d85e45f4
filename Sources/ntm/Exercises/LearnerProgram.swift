import Foundation

/// The learner's exercise files, compiled on their own with `swiftc` into a small program
/// that answers the grader's calls. They never see the library: nothing links it in and the
/// compile is given no module but the standard library and Foundation, so `import NTM` does
/// not build, and a file that does not compile stops only `ntm exercises check`.
struct LearnerProgram: Sendable {
  /// The learner's folder, from the package root.
  static let folder = "Exercises"

  /// The modules of this package: a learner's file that imports one is refused before the
  /// compile, with a line that says why.
  static let packageModules: Set<String> = ["NTM", "TerminalCharts", "ntm"]

  /// Lines of the compiler's first error that are shown: the error itself, the source line
  /// and the caret under it.
  static let errorLines = 3

  /// Why the learner's files cannot be graded: one line saying where and what, then the few
  /// lines of source the compiler showed.
  struct BuildFailure: Error, Equatable, Sendable {
    var lines: [String]
  }

  /// The compiled program.
  var executable: URL
  /// The temporary folder that holds it, removed by `remove()`.
  var buildFolder: URL

  /// Removes the temporary build folder.
  func remove() {
    try? FileManager.default.removeItem(at: buildFolder)
  }

  /// The Swift compiler: `SWIFTC` when set, else `swiftc` next to the running toolchain's
  /// `swift` on PATH, else the usual install places.
  static func compiler(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
    if let path = environment["SWIFTC"], FileManager.default.isExecutableFile(atPath: path) {
      return URL(fileURLWithPath: path)
    }
    let onPath = (environment["PATH"] ?? "").split(separator: ":").map { "\($0)/swiftc" }
    let known = ["/opt/swift/usr/bin/swiftc", "/usr/bin/swiftc", "/usr/local/bin/swiftc"]
    return (onPath + known).first(where: FileManager.default.isExecutableFile(atPath:)).map(URL.init(fileURLWithPath:))
  }

  /// The learner's Swift files in `root/Exercises`, in name order.
  static func sources(root: URL) -> [URL] {
    let folder = root.appendingPathComponent(Self.folder)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".swift") }.sorted().map { folder.appendingPathComponent($0) }
  }

  /// The first line of `sources` that imports one of this package's modules, as
  /// `Exercises/Exercise02.swift:14` and the module.
  static func libraryImport(in sources: [URL], root: URL) -> (place: String, module: String)? {
    for file in sources {
      let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
      for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.first?.hasPrefix("@") == true { words.removeFirst() }
        guard words.count >= 2, words[0] == "import" else { continue }
        let module = String(words[1].prefix { $0 != "." })
        if packageModules.contains(module) {
          return ("\(folder)/\(file.lastPathComponent):\(index + 1)", module)
        }
      }
    }
    return nil
  }

  /// Compiles the learner's files in `root` with the harness into a temporary folder.
  /// - Throws: `BuildFailure` when a file imports the library or does not compile;
  ///   `CommandLineTool.Failure` when there is no compiler or no exercise folder.
  static func build(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) throws
    -> LearnerProgram
  {
    let sources = sources(root: root)
    guard !sources.isEmpty else {
      throw CommandLineTool.Failure(
        message: "no exercise files in \(root.appendingPathComponent(folder).path); 'git checkout -- \(folder)' puts them back.")
    }
    if let found = libraryImport(in: sources, root: root) {
      throw BuildFailure(lines: [
        "\(found.place): imports \(found.module); the exercises are written without the library, so its answers cannot be called. Remove the import."
      ])
    }
    guard let compiler = compiler(environment: environment) else {
      throw CommandLineTool.Failure(
        message: "cannot find swiftc to compile the exercises; put the Swift toolchain's bin folder on PATH or set SWIFTC.")
    }
    let buildFolder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-exercises-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: buildFolder, withIntermediateDirectories: true)
    let harness = buildFolder.appendingPathComponent(harnessFileName)
    try Data(Self.harness.utf8).write(to: harness)
    let executable = buildFolder.appendingPathComponent("exercises")
    let process = Process()
    process.executableURL = compiler
    process.arguments =
      ["-Onone", "-g", "-parse-as-library", "-module-name", "Exercises", "-diagnostic-style", "llvm", "-o", executable.path]
      + sources.map(\.path) + [harness.path]
    process.currentDirectoryURL = root
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      try? FileManager.default.removeItem(at: buildFolder)
      throw CommandLineTool.Failure(message: "could not run \(compiler.path): \(error.localizedDescription)")
    }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      try? FileManager.default.removeItem(at: buildFolder)
      throw BuildFailure(lines: firstError(text, root: root, buildFolder: buildFolder))
    }
    return LearnerProgram(executable: executable, buildFolder: buildFolder)
  }

  /// The compiler's first error and the source lines under it, with paths from the package
  /// root; an error in the harness says that the starter's signature must be kept.
  static func firstError(_ text: String, root: URL, buildFolder: URL) -> [String] {
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard let first = lines.firstIndex(where: { $0.contains(": error: ") }) else {
      return ["the compiler stopped without an error message" + (lines.last { !$0.isEmpty }.map { ": \($0)" } ?? ".")]
    }
    let diagnostic = [": error: ", ": warning: ", ": note: "]
    var shown =
      [lines[first]]
      + lines[(first + 1)..<min(first + errorLines, lines.count)].prefix { line in !diagnostic.contains { line.contains($0) } }
    shown = shown.map {
      $0.replacingOccurrences(of: root.path + "/", with: "")
        .replacingOccurrences(of: root.standardizedFileURL.path + "/", with: "")
    }
    if lines[first].contains(buildFolder.path) {
      shown = shown.map { $0.replacingOccurrences(of: buildFolder.path + "/", with: "") }
      shown.append(
        "(\(harnessFileName) is the check's own file: it calls each function by the starter's name and types, so keep them as they were.)")
    }
    return shown
  }
}
