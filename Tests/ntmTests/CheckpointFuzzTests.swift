import Foundation
import NTM
import Testing

@testable import ntm

/// Hand-edited and damaged checkpoints, generated: every field of a real checkpoint (a tiny
/// one made here, and the shipped copy model) given a value of the wrong type, out of range,
/// negative, non-finite or huge, deleted, or wrapped in a list or an object; the text cut at
/// many places, and single digits changed. Each file goes through `CheckpointLoading.load`,
/// the path `ntm eval`, `show` and `train --resume` take, and must give a model or one line
/// that says what is wrong — never a crash or a hang. A sample runs through the real binary.
@Suite struct CheckpointFuzzTests {
  /// The generator's seed: the same mutations on every run.
  static let seed: UInt64 = 20_141_020
  /// List positions tried per list besides the first, second and last: parameter lists hold
  /// thousands of numbers alike.
  static let randomPositionsPerList = 1
  /// Places the text is cut, and digits changed, per file.
  static let cuts = 40
  static let digitFlips = 40
  /// Failing files run through the binary, and how long each may take.
  static let processSample = 100
  static let processTimeout: TimeInterval = 20

  /// Replacement values by kind, as raw JSON text.
  static let replacements: [(kind: String, tokens: [String])] = [
    ("wrong type", ["\"x\"", "true", "null", "[]", "{}"]),
    ("out of range", ["0", "-1", "16.5", "1e-400", "100001"]),
    ("huge", ["1e300", "4611686018427387904", "9223372036854775807", "9223372036854775808", "-9223372036854775809"]),
    ("non-finite", ["NaN", "Infinity", "-Infinity", "1e999"]),
  ]

  struct Mutation {
    var kind: String
    var description: String
    var data: Data
    /// The key that was changed, when one was: a failure should name it.
    var key: String?
    /// The keys and positions leading to the changed value.
    var path: [String] = []
  }

  /// A tiny machine's checkpoint, made with the library.
  static func tinyCheckpoint() throws -> Data {
    let configuration = MachineConfiguration(inputSize: 3, outputSize: 2, controllerSizes: [4], memoryRows: 5, memoryWidth: 2)
    var generator = SplitMix64(seed: 5)
    let model = NeuralTuringMachine(configuration: configuration, using: &generator)
    var trainer = Trainer(
      model: model, task: TrainingTask.copy(CopyTask(bits: 2, lengths: 1...2)),
      optimiser: Optimiser(.adam, parameterCount: model.parameters.count), generator: generator)
    try trainer.train(untilSequences: 2)
    return try CheckpointFile.encode(trainer.checkpoint(configuration: configuration, seed: 5, commandLine: ["ntm"]))
  }

  /// Every mutation of `data`, in a fixed order.
  /// - Parameter tokensPerKind: how many of each kind's replacements to try per value (the
  ///   shipped model, whose parameters take long to unpack in a debug build, tries fewer).
  static func mutations(of data: Data, tokensPerKind: Int = .max, using generator: inout SplitMix64) throws -> [Mutation] {
    let tree = try JSONSerialization.jsonObject(with: data)
    var paths: [[String]] = []
    func walk(_ node: Any, _ path: [String]) {
      if let object = node as? [String: Any] {
        for key in object.keys.sorted() { walk(object[key]!, path + [key]) }
      } else if let list = node as? [Any], !list.isEmpty {
        var positions = Set([0, min(1, list.count - 1), list.count - 1])
        for _ in 0..<randomPositionsPerList { positions.insert(Int(generator.next() % UInt64(list.count))) }
        for position in positions.sorted() { walk(list[position], path + [String(position)]) }
      }
      if !path.isEmpty { paths.append(path) }
    }
    walk(tree, [])
    var result: [Mutation] = []
    for path in paths {
      let key = path.last { Int($0) == nil }
      let original = try raw(value(at: path, in: tree))
      for (kind, tokens) in replacements {
        for token in tokens.prefix(tokensPerKind) {
          result.append(
            Mutation(
              kind: kind, description: "\(path.joined(separator: ".")) = \(token)", data: try edit(tree, path, token), key: key, path: path)
          )
        }
      }
      result.append(
        Mutation(
          kind: "extra nesting", description: "\(path.joined(separator: ".")) in a list", data: try edit(tree, path, "[\(original)]"),
          key: key))
      result.append(
        Mutation(
          kind: "extra nesting", description: "\(path.joined(separator: ".")) in an object",
          data: try edit(tree, path, "{\"x\":\(original)}"), key: key))
      if Int(path.last!) == nil {
        result.append(
          Mutation(
            kind: "deleted field", description: "no \(path.joined(separator: "."))", data: try edit(tree, path, nil), key: path.last,
            path: path))
      }
    }
    let bytes = [UInt8](data)
    for index in 0..<cuts {
      let offset = index == 0 ? 0 : Int(generator.next() % UInt64(bytes.count))
      result.append(Mutation(kind: "truncation", description: "cut at \(offset)", data: Data(bytes[..<offset]), key: nil))
    }
    let digits = bytes.indices.filter { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[$0]) }
    for _ in 0..<digitFlips {
      var flipped = bytes
      let offset = digits[Int(generator.next() % UInt64(digits.count))]
      flipped[offset] = UInt8(ascii: "0") + (flipped[offset] - UInt8(ascii: "0") + 1 + UInt8(generator.next() % 9)) % 10
      result.append(Mutation(kind: "digit flip", description: "digit at \(offset)", data: Data(flipped), key: nil))
    }
    return result
  }

  static func value(at path: [String], in tree: Any) -> Any {
    path.reduce(tree) { node, key in
      if let index = Int(key), let list = node as? [Any] { return list[index] }
      return (node as! [String: Any])[key]!
    }
  }

  static func raw(_ value: Any) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: [value], options: [.fragmentsAllowed]), as: UTF8.self).dropFirst()
      .dropLast()
      .description
  }

  /// `tree` with the value at `path` replaced by the raw text `token` (removed when nil).
  static func edit(_ tree: Any, _ path: [String], _ token: String?) throws -> Data {
    let marker = "@@fuzzed@@"
    func replace(_ node: Any, _ keys: ArraySlice<String>) -> Any? {
      guard let key = keys.first else { return token == nil ? nil : marker }
      if let index = Int(key), var list = node as? [Any] {
        list[index] = replace(list[index], keys.dropFirst()) ?? NSNull()
        return list
      }
      var object = node as! [String: Any]
      object[key] = replace(object[key]!, keys.dropFirst())
      return object
    }
    let edited = replace(tree, path[...])!
    let text = String(decoding: try JSONSerialization.data(withJSONObject: edited, options: [.sortedKeys]), as: UTF8.self)
    return Data(text.replacingOccurrences(of: "\"\(marker)\"", with: token ?? "").utf8)
  }

  @Test func everyMutationLoadsOrSaysWhatIsWrongInOneLine() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-fuzz-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let started = ContinuousClock.now
    let shipped = try ShippedModels.resolve("copy")
    var generator = SplitMix64(seed: Self.seed)
    var counts: [String: (tried: Int, refused: Int)] = [:]
    var refusedFiles: [(kind: String, url: URL)] = []
    for (name, source, perKind) in [("tiny", try Self.tinyCheckpoint(), Int.max), ("copy", try Data(contentsOf: shipped), 1)] {
      for (index, mutation) in try Self.mutations(of: source, tokensPerKind: perKind, using: &generator).enumerated() {
        let url = folder.appendingPathComponent("\(name)-\(index).json")
        try mutation.data.write(to: url)
        counts[mutation.kind, default: (0, 0)].tried += 1
        do {
          _ = try CheckpointLoading.load(url.path)
          try FileManager.default.removeItem(at: url)
        } catch let failure as CommandLineTool.Failure {
          counts[mutation.kind, default: (0, 0)].refused += 1
          refusedFiles.append((mutation.kind, url))
          let message = failure.message
          #expect(
            !message.contains("\n") && message.hasPrefix("cannot load checkpoint \(url.path): "), "\(mutation.description): \(message)")
          let reason = message.dropFirst("cannot load checkpoint \(url.path): ".count)
          #expect(reason.count > 10 && !reason.contains("The given data"), "\(mutation.description): \(message)")
          if let key = mutation.key, mutation.kind == "wrong type" || mutation.kind == "non-finite" || mutation.kind == "deleted field" {
            // A deleted key inside a field may be reported as its parent being malformed, and
            // packed parameters are read as `parameters`.
            let named = mutation.path.contains { reason.contains($0) } || (key == "packedParameters" && reason.contains("parameters"))
            #expect(
              named || reason.contains("checksum") || reason.contains("does not fit together"),
              "\(mutation.description): \(message)")
          }
        }
      }
    }
    let loaded = ContinuousClock.now
    let summary = counts.keys.sorted().map { "\($0) \(counts[$0]!.tried) (\(counts[$0]!.refused) refused)" }
    print("Checkpoint fuzz: " + summary.joined(separator: ", "))
    #expect(counts.values.map(\.tried).reduce(0, +) > 1_000)

    // A sample through the real binary: exit 1, one line on stderr, no backtrace.
    let binary = try ReplProcessTests.requireBinary()
    let step = max(refusedFiles.count / Self.processSample, 1)
    for (kind, url) in stride(from: 0, to: refusedFiles.count, by: step).prefix(Self.processSample).map({ refusedFiles[$0] }) {
      let result = try Self.run(binary, ["eval", url.path, "--sequences", "1"])
      #expect(result.code == 1, "\(kind) \(url.lastPathComponent): exit \(result.code) \(result.error)")
      #expect(result.error.hasPrefix("error: ") && result.error.filter { $0 == "\n" }.count == 1, "\(kind): \(result.error)")
      #expect(!result.error.contains("Fatal error") && !result.error.contains("Stack dump"), "\(kind): \(result.error)")
    }
    print("Checkpoint fuzz: library \(loaded - started), processes \(ContinuousClock.now - loaded)")
  }

  /// Runs `binary`, killing it after `processTimeout` seconds (then the code is -1).
  static func run(_ binary: URL, _ arguments: [String]) throws -> (code: Int32, error: String) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.environment = ["LANG": "en_US.UTF-8"]
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(processTimeout)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
    if process.isRunning {
      process.terminate()
      process.waitUntilExit()
      return (-1, "timed out")
    }
    let error = errors.fileHandleForReading.readDataToEndOfFile()
    return (process.terminationStatus, String(decoding: error, as: UTF8.self))
  }
}
