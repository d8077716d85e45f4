import Foundation
import NTM
import Testing

/// Checkpoints edited by hand or damaged: every size in its range before any arithmetic, the
/// memory estimated before anything is allocated, the file's size checked before it is read,
/// each error naming the field and the value, and a checksum that catches a flipped digit.
@Suite struct CheckpointValidationTests {
  static let configuration = MachineConfiguration(inputSize: 4, outputSize: 3, controllerSizes: [6], memoryRows: 6, memoryWidth: 3)
  /// Generous enough for the tiny model, small enough that the huge ones are refused on any
  /// computer, so the tests do not depend on this one's memory.
  static let physicalBytes = 8.0 * 1024 * 1024 * 1024

  /// A real machine's checkpoint after two sequences of training, as JSON.
  static func machineFile() throws -> Data {
    var generator = SplitMix64(seed: 3)
    let model = NeuralTuringMachine(configuration: configuration, using: &generator)
    var trainer = Trainer(
      model: model, task: TrainingTask.copy(CopyTask(bits: 3, lengths: 1...3)),
      optimiser: Optimiser(.rmsprop, parameterCount: model.parameters.count), generator: generator)
    try trainer.train(untilSequences: 2)
    return try CheckpointFile.encode(trainer.checkpoint(configuration: configuration, seed: 3, commandLine: ["ntm"]))
  }

  /// `data` with the value at `path` replaced by the raw JSON text `token`, and (unless
  /// `keepChecksum`) without its checksum, so the check under test is the one that answers.
  static func edit(_ data: Data, _ path: [String], _ token: String, keepChecksum: Bool = false) throws -> Data {
    let marker = "@@edited@@"
    func replace(_ node: Any, _ keys: ArraySlice<String>) -> Any {
      guard let key = keys.first else { return marker }
      if let index = Int(key), var list = node as? [Any] {
        list[index] = replace(list[index], keys.dropFirst())
        return list
      }
      var object = node as! [String: Any]
      object[key] = replace(object[key] as Any, keys.dropFirst())
      return object
    }
    var tree = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    if !keepChecksum { tree["checksum"] = nil }
    let edited = replace(tree, path[...])
    let text = String(decoding: try JSONSerialization.data(withJSONObject: edited, options: [.sortedKeys]), as: UTF8.self)
    return Data(text.replacingOccurrences(of: "\"\(marker)\"", with: token).utf8)
  }

  /// The error `CheckpointFile.decode` and then `validate` give `data`, as a line.
  static func failure(_ data: Data) -> String? {
    do {
      try CheckpointFile.decode(data).validate(physicalBytes: physicalBytes)
      return nil
    } catch {
      return error.description
    }
  }

  @Test func theUneditedFileLoads() throws {
    #expect(Self.failure(try Self.machineFile()) == nil)
  }

  /// Integers near 2^62 and 2^63 are refused by their range, naming the field, before any
  /// product of sizes could overflow (these used to trap).
  @Test(arguments: [
    (["configuration", "memoryRows"], "memory rows N"), (["configuration", "memoryWidth"], "memory width W"),
    (["configuration", "controllerSizes", "0"], "controller sizes"), (["configuration", "shiftRange"], "shift range R"),
    (["configuration", "readHeads"], "head counts"), (["task", "settings", "maximumLength"], "copy task lengths"),
    (["step"], "the field step"), (["averages", "count"], "averages count"), (["training", "batchSize"], "batch size"),
    (["sequencesSeen"], "the field sequencesSeen"),
  ])
  func hugeIntegersAreRefusedByTheirRange(path: [String], words: String) throws {
    for token in ["4611686018427387904", "9223372036854775807", "-9223372036854775808"] {
      let message = Self.failure(try Self.edit(Self.machineFile(), path, token))
      #expect(message?.contains(words) == true, "\(path) = \(token): \(message ?? "loaded")")
    }
  }

  /// A memory of 10^5 × 10^5 (80 GB) is refused by the estimate, naming the figure, before it
  /// is allocated; so is 10^9 rows, by its range.
  @Test func aModelTooLargeForTheComputerIsRefusedBeforeAllocation() throws {
    var data = try Self.edit(Self.machineFile(), ["configuration", "memoryRows"], "100000")
    data = try Self.edit(data, ["configuration", "memoryWidth"], "100000")
    let message = try #require(Self.failure(data))
    #expect(message.hasPrefix("this machine would need "), "\(message)")
    #expect(message.contains("memory 100000 × 100000") && message.hasSuffix("this computer has 8 GB"), "\(message)")
    let rows = Self.failure(try Self.edit(Self.machineFile(), ["configuration", "memoryRows"], "1000000000"))
    #expect(rows?.contains("memory rows N must be from 1 to 100000, got 1000000000") == true, "\(rows ?? "loaded")")
  }

  @Test(arguments: [
    (["optimiser", "rmsprop", "_0", "learningRate"], "0", "learning rate 0.0 is not a positive number"),
    (["optimiser", "rmsprop", "_0", "epsilon"], "0", "epsilon 0.0 is not a positive number"),
    (["averages", "smoothing"], "5", "smoothing λ = 5.0 is not in [0, 1)"),
    (["training", "clipping", "normBound"], "-1", "clip norm bound must be a positive number"),
  ])
  func settingsOutsideTheFlagsBoundsAreRefused(path: [String], token: String, words: String) throws {
    let message = Self.failure(try Self.edit(Self.machineFile(), path, token))
    #expect(message?.contains(words) == true, "\(message ?? "loaded")")
  }

  /// Each of these used to say only "the field  is malformed: The given data was not valid
  /// JSON." or "the file is not JSON".
  @Test(arguments: [
    (["configuration", "memoryRows"], "16.5", "the field configuration.memoryRows is 16.5, not a whole number"),
    (["seed"], "-1", "the field seed is -1, not a whole number from 0 to"),
    (["configuration", "memoryRows"], "\"8\"", "the field configuration.memoryRows is \"8\", not a whole number"),
    (["parameters", "2"], "NaN", "NaN at character"),
    (["parameters", "2"], "1e999", "1e999 at character"),
    (["formatVersion"], "\"1\"", "the field formatVersion is malformed: it is \"1\", not a whole number"),
    (["formatVersion"], "1.5", "the field formatVersion is malformed: it is 1.5, not a whole number"),
    (["formatVersion"], "true", "the field formatVersion is malformed: it is true, not a whole number"),
  ])
  func errorsNameTheFieldAndTheValue(path: [String], token: String, words: String) throws {
    let message = Self.failure(try Self.edit(Self.machineFile(), path, token))
    #expect(message?.contains(words) == true, "\(message ?? "loaded")")
    if token == "NaN" || token == "1e999" { #expect(message?.contains("in the field parameters[2]") == true, "\(message ?? "")") }
  }

  /// A number too small for `Double` reads as 0, as `strtod` reads it.
  @Test func anUnderflowingNumberReadsAsZero() throws {
    let data = try Self.edit(Self.machineFile(), ["parameters", "0"], "1e-400")
    #expect(try CheckpointFile.decode(data).parameters[0] == 0)
  }

  @Test func aFlippedDigitIsCaughtByTheChecksum() throws {
    let data = try Self.machineFile()
    var text = String(decoding: data, as: UTF8.self)
    let start = try #require(text.range(of: "\"parameters\":[")).upperBound
    let digit = try #require(text[start...].firstIndex { ("1"..."8").contains($0) })
    text.replaceSubrange(digit...digit, with: String(Int(String(text[digit]))! + 1))
    #expect(
      Self.failure(Data(text.utf8))
        == "it is not a valid checkpoint: the parameters do not match their checksum: the file was edited or damaged")
    // The same edit in a file without a checksum loads: files written before it existed.
    let unchecked = try Self.edit(Data(text.utf8), ["seed"], "3")
    #expect(Self.failure(unchecked) == nil)
    let bad = Self.failure(try Self.edit(data, ["checksum"], "12", keepChecksum: true))
    #expect(bad == "it is not a valid checkpoint: the field checksum is malformed: it is 12, not text")
  }

  @Test func aFileOverTheBoundIsRefusedBeforeItIsRead() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-validation-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("huge.json")
    #expect(FileManager.default.createFile(atPath: url.path, contents: Data("{".utf8)))
    let handle = try FileHandle(forWritingTo: url)
    try handle.truncate(atOffset: UInt64(CheckpointFile.maximumBytes + 1))  // sparse: no disk used
    try handle.close()
    #expect(throws: CheckpointError.self) { try CheckpointFile.read(from: url) }
    do {
      _ = try CheckpointFile.read(from: url)
    } catch {
      #expect(error.description.hasPrefix("the file is "), "\(error)")
      #expect(error.description.contains("a checkpoint is at most"), "\(error)")
    }
    #expect(throws: CheckpointError.unreadable("\(folder.path) is a folder, not a checkpoint file")) {
      try CheckpointFile.read(from: folder)
    }
  }

  /// The estimate counts the same parameters the machine allocates, without building it.
  @Test(arguments: [
    MachineConfiguration(inputSize: 4, outputSize: 3, controllerSizes: [6], memoryRows: 6, memoryWidth: 3),
    MachineConfiguration(
      inputSize: 9, outputSize: 8, controller: .lstm, controllerSizes: [7, 5], memoryRows: 10, memoryWidth: 4,
      readHeads: 2, writeHeads: 1, shiftRange: 2, memoryInitialisation: .learned),
  ])
  func theEstimateCountsTheMachinesParameters(configuration: MachineConfiguration) {
    var generator = SplitMix64(seed: 1)
    let machine = NeuralTuringMachine(configuration: configuration, using: &generator)
    #expect(MemoryEstimate.machine(configuration, steps: 10, optimiserArrays: 2).parameterCount == machine.parameters.count)
    #expect(NeuralTuringMachine.parameterCount(for: configuration) == machine.parameters.count)
  }

  @Test func theBoundOnTheFileCoversTheLargestModel() {
    #expect(CheckpointFile.maximumBytes >= Limits.parameterCount.upperBound * 4 * 25)
    #expect(MemoryEstimate.bytesText(74.5 * 1024 * 1024 * 1024) == "74.5 GB")
  }
}
