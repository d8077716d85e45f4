import Foundation
import Testing

/// A seeded fuzz of the built `ntm` binary: thousands of calls over every command, with wrong,
/// missing and duplicated flags, malformed and out-of-range values, odd paths, and valid calls
/// too. None may crash or hang; every failure is one line on standard error starting
/// `error:`; a usage mistake exits 64; no node in the folder is replaced by something else.
///
/// A failing run lists every distinct problem at once, by kind, each with its call. For a
/// longer run by hand: `NTM_FUZZ_COUNT=20000 swift test --filter CommandLineFuzzTests`
/// (`NTM_FUZZ_SEED` picks other calls).
@Suite struct CommandLineFuzzTests {
  /// The seed of an ordinary run: the same seed and index make the same call.
  static let seed: UInt64 = 20_261_202
  /// Calls in an ordinary run: over a hundred per command, in well under a minute on two
  /// cores in a debug build.
  static let defaultCount = 2_000
  /// The environment variables that change the count and the seed.
  static let countVariable = "NTM_FUZZ_COUNT"
  static let seedVariable = "NTM_FUZZ_SEED"

  static var count: Int { ProcessInfo.processInfo.environment[countVariable].flatMap { Int($0) }.map { max($0, 1) } ?? defaultCount }
  static var runSeed: UInt64 { ProcessInfo.processInfo.environment[seedVariable].flatMap { UInt64($0) } ?? seed }

  /// A fresh folder under the system's temporary folder, with the checkpoints every sandbox
  /// copies. No `Package.swift` may be above it: `ntm exercises reset` would write there.
  static func prepare() throws -> (root: URL, templates: CommandLineFuzz.Sandbox.Templates) {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-fuzz-\(UUID().uuidString)")
    var folder = root.deletingLastPathComponent()
    while folder.path != "/" {
      try #require(
        !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path), "\(folder.path) holds a package")
      folder.deleteLastPathComponent()
    }
    let templates = root.appendingPathComponent("templates")
    try CommandLineFuzz.Sandbox.makeTemplates(in: templates)
    return (root, try .init(folder: templates))
  }

  @Test func generatedCallsNeitherCrashNorHangAndFailInOneLine() throws {
    let (root, templates) = try Self.prepare()
    defer { try? FileManager.default.removeItem(at: root) }
    let (count, seed) = (Self.count, Self.runSeed)
    let invocations = (0..<count).map { CommandLineFuzz.invocation($0, seed: seed) }
    let start = Date()
    let outcomes = CommandLineFuzz.Runner.runAll(invocations, root: root, templates: templates)
    let seconds = Date().timeIntervalSince(start)

    var failures: [CommandLineFuzz.Failure] = []
    var (passed, rejected) = (0, 0)
    var slowest: [(seconds: Double, call: String)] = []
    for (invocation, result) in zip(invocations, outcomes) {
      switch result {
      case .failure(let error):
        Issue.record("could not run \(invocation.testDescription): \(error)")
      case .success(let outcome):
        if outcome.code == 0 && !outcome.signalled { passed += 1 } else { rejected += 1 }
        failures += CommandLineFuzz.problems(invocation, outcome).map { .init(problem: $0, invocation: invocation, outcome: outcome) }
        slowest = Array((slowest + [(outcome.seconds, invocation.testDescription)]).sorted { $0.seconds > $1.seconds }.prefix(6))
      }
    }
    let families = CommandLineFuzz.schedule.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
    let perFamily = families.map { family in
      let seconds = zip(invocations, outcomes).filter { $0.0.family == family }.compactMap { try? $0.1.get().seconds }
      return "\(family) \(seconds.count) × \(Int(1000 * seconds.reduce(0, +) / Double(max(seconds.count, 1)))) ms"
    }
    print(
      """
      Command-line fuzz, seed \(seed): \(count) calls in \(Int(seconds.rounded())) s (\(perFamily.joined(separator: ", "))); \
      \(rejected) rejected, \(passed) passed, \(invocations.count(where: \.isUsageMistake)) usage mistakes; \
      \(failures.count) problems. Slowest: \(slowest.map { String(format: "%.1f s ", $0.seconds) + String($0.call.prefix(80)) }.joined(separator: "; "))
      """)
    if !failures.isEmpty { Issue.record("\(failures.count) problems:\n\(CommandLineFuzz.report(failures))") }
    // The mix must exercise both sides.
    #expect(passed > count / 10)
    #expect(rejected > count / 3)
  }

  /// One call that showed a problem: a named test of its own.
  struct Reproducer: Sendable, CustomTestStringConvertible {
    var name: String
    var arguments: [String]
    var mistake: CommandLineFuzz.Mistake?
    var testDescription: String { name }
  }

  /// A tiny machine and two sequences, without the options a reproducer sets itself.
  static let tiny = ["--sequences", "2", "--memory-rows", "8", "--memory-width", "4", "--controller-size", "8"]
  static let copyTiny = ["train", "copy", "--max-length", "3", "--bits", "3"] + tiny
  static let showCopy = ["show", "copy", "--length", "3"]

  /// One reproducer per problem the fuzz has found.
  static let reproducers: [Reproducer] = [
    Reproducer(name: "an output path of one character", arguments: showCopy + ["--svg", "x"]),
    Reproducer(name: "an output path that is a device", arguments: showCopy + ["--svg", "device"]),
    Reproducer(name: "an output path that is a symbolic link", arguments: showCopy + ["--svg", "link"]),
    Reproducer(name: "an output path that is a dangling symbolic link", arguments: showCopy + ["--svg", "dangling"]),
    Reproducer(name: "an output path that is a FIFO", arguments: showCopy + ["--svg", "fifo"]),
    Reproducer(name: "a checkpoint path that is a device", arguments: copyTiny + ["--checkpoint", "device"]),
    Reproducer(name: "a checkpoint path that is a symbolic link to a folder", arguments: copyTiny + ["--checkpoint", "linkdir"]),
    Reproducer(name: "an empty checkpoint path", arguments: copyTiny + ["--checkpoint", ""]),
    Reproducer(name: "a checkpoint path in a missing folder", arguments: copyTiny + ["--checkpoint", "missing/out.json"]),
    Reproducer(
      name: "a learning rate of 1e20",
      arguments: [
        "train", "copy", "--learning-rate", "1e20", "--max-length", "3", "--bits", "3", "--memory-rows", "8", "--memory-width", "4",
        "--controller-size", "8", "--sequences", "20",
      ]),
    Reproducer(
      name: "associative recall with fewer distinct items than it draws",
      arguments: ["train", "associative-recall", "--bits", "1", "--vectors-per-item", "1", "--max-length", "3"] + tiny),
    Reproducer(
      name: "a memory of 100000 × 100000",
      arguments: [
        "train", "copy", "--memory-rows", "100000", "--memory-width", "100000", "--sequences", "1", "--controller-size", "8",
        "--max-length", "3", "--bits", "3",
      ]),
    Reproducer(name: "help for a command that does not exist", arguments: ["help", "nosuch"], mistake: .helpForNoCommand),
    Reproducer(name: "help with a word too many", arguments: ["help", "train", "extra"], mistake: .strayWord),
    Reproducer(name: "a duplicated flag", arguments: copyTiny + ["--seed", "1", "--seed", "2"], mistake: .duplicate),
    Reproducer(name: "a flag the task does not use", arguments: copyTiny + ["--context", "3"], mistake: .foreignTaskOption),
    Reproducer(
      name: "a flag without its value takes the next flag as its value", arguments: showCopy + ["--svg", "--ascii"], mistake: .missingValue),
    Reproducer(
      name: "a 100,000-character argument", arguments: ["train", "copy", "--controller", String(repeating: "x", count: 100_000)]),
  ]

  @Test(arguments: reproducers)
  func reproducer(_ reproducer: Reproducer) throws {
    let (root, templates) = try Self.prepare()
    defer { try? FileManager.default.removeItem(at: root) }
    let invocation = CommandLineFuzz.Invocation(
      family: "reproducer", arguments: reproducer.arguments,
      mistakes: reproducer.mistake.map { [$0] } ?? [])
    let outcome = try CommandLineFuzz.Runner.runAll([invocation], root: root, templates: templates)[0].get()
    let failures = CommandLineFuzz.problems(invocation, outcome).map {
      CommandLineFuzz.Failure(problem: $0, invocation: invocation, outcome: outcome)
    }
    if !failures.isEmpty { Issue.record("\(CommandLineFuzz.report(failures))") }
  }
}
