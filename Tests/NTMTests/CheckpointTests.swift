import Foundation
import NTM
import Testing

@Suite struct CheckpointTests {
  static let configuration = MachineConfiguration(inputSize: 4, outputSize: 3, controllerSizes: [5], memoryRows: 8, memoryWidth: 4)
  static let task = TrainingTask.copy(CopyTask(bits: 3, lengths: 1...4))

  static func freshTrainer(seed: UInt64, kind: Optimiser.Kind = .rmsprop) -> Trainer<TinyRecurrentModel, TrainingTask> {
    var generator = SplitMix64(seed: seed)
    let model = TinyRecurrentModel(configuration: configuration, using: &generator)
    return Trainer(
      model: model, task: task, optimiser: Optimiser(kind, parameterCount: model.parameters.count, learningRate: 1e-3),
      generator: generator)
  }

  static func resumed(_ checkpoint: Checkpoint) throws -> Trainer<TinyRecurrentModel, TrainingTask> {
    var unused = SplitMix64(seed: 0)
    return try Trainer(resuming: checkpoint, model: TinyRecurrentModel(configuration: checkpoint.configuration, using: &unused))
  }

  static func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-checkpoint-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func sample(seed: UInt64 = 1) throws -> Checkpoint {
    var trainer = freshTrainer(seed: seed)
    try trainer.train(untilSequences: 5)
    return trainer.checkpoint(configuration: configuration, seed: seed, commandLine: ["ntm", "train", "copy"])
  }

  /// Acceptance 2: 200 sequences straight equal 100, a save, a load and 100 more, bit for bit.
  @Test(arguments: Optimiser.Kind.allCases)
  func savingAndResumingChangesNothing(kind: Optimiser.Kind) throws {
    var straight = Self.freshTrainer(seed: 7, kind: kind)
    var straightLosses: [Double] = []
    try straight.train(untilSequences: 200, report: { straightLosses.append($0.loss) })

    var first = Self.freshTrainer(seed: 7, kind: kind)
    var losses: [Double] = []
    try first.train(untilSequences: 100, report: { losses.append($0.loss) })
    let folder = try Self.temporaryFolder()
    let url = folder.appendingPathComponent("run.json")
    try CheckpointFile.write(first.checkpoint(configuration: Self.configuration, seed: 7, commandLine: []), to: url)
    var second = try Self.resumed(CheckpointFile.read(from: url))
    try second.train(untilSequences: 200, report: { losses.append($0.loss) })

    #expect(losses == straightLosses)
    #expect(second.model.parameters == straight.model.parameters)
    #expect(second.optimiser == straight.optimiser)
    #expect(second.generator == straight.generator)
    #expect(second.averages == straight.averages)
  }

  @Test func jsonRoundTripIsExact() throws {
    var checkpoint = try Self.sample()
    checkpoint.generator = SplitMix64(seed: UInt64.max - 12345)
    checkpoint.parameters[0] = 0.1 + 0.2
    checkpoint.parameters[1] = .leastNonzeroMagnitude
    let decoded = try CheckpointFile.decode(CheckpointFile.encode(checkpoint))
    #expect(decoded == checkpoint)
    #expect(try CheckpointFile.encode(decoded) == CheckpointFile.encode(checkpoint))
  }

  @Test func recordsTheRun() throws {
    let text = String(decoding: try CheckpointFile.encode(Self.sample()), as: UTF8.self)
    for field in [
      "formatVersion", "configuration", "task", "optimiser", "parameters", "generator", "step", "sequencesSeen", "commandLine", "seed",
    ] {
      #expect(text.contains("\"\(field)\""), "missing \(field)")
    }
  }

  @Test func truncatedFileIsRejected() throws {
    let data = try CheckpointFile.encode(Self.sample())
    #expect(throws: CheckpointError.truncated) { try CheckpointFile.decode(data.prefix(data.count / 2)) }
    #expect(throws: CheckpointError.truncated) { try CheckpointFile.decode(data.dropLast()) }
  }

  @Test func corruptedFilesAreRejected() throws {
    #expect(throws: CheckpointError.corrupted("the file is empty")) { try CheckpointFile.decode(Data()) }
    #expect(throws: CheckpointError.corrupted("the file is not JSON: hello at character 0 is not a value JSON allows")) {
      try CheckpointFile.decode(Data("hello".utf8))
    }
    var text = String(decoding: try CheckpointFile.encode(Self.sample()), as: UTF8.self)
    text = text.replacingOccurrences(of: "\"parameters\":[", with: "\"parameters\":[\"x\",")
    #expect(throws: CheckpointError.corrupted("the field parameters[0] is \"x\", not a number")) {
      try CheckpointFile.decode(Data(text.utf8))
    }
    var missing = try JSONSerialization.jsonObject(with: CheckpointFile.encode(Self.sample())) as! [String: Any]
    // (The optimiser may be absent: a checkpoint exported for shipping has none.)
    missing["generator"] = nil
    #expect(throws: CheckpointError.corrupted("the field generator is missing")) {
      try CheckpointFile.decode(JSONSerialization.data(withJSONObject: missing))
    }
  }

  @Test func otherFormatVersionsAreRejected() throws {
    var object = try JSONSerialization.jsonObject(with: CheckpointFile.encode(Self.sample())) as! [String: Any]
    object["formatVersion"] = 99
    let error = CheckpointError.wrongFormatVersion(found: 99, expected: Checkpoint.currentFormatVersion)
    #expect(throws: error) { try CheckpointFile.decode(JSONSerialization.data(withJSONObject: object)) }
    #expect(error.description == "it has format version 99; this version of ntm reads version 1")
  }

  @Test func wrongShapesAreRejected() throws {
    var checkpoint = try Self.sample()
    let count = checkpoint.parameters.count
    checkpoint.parameters.removeLast()
    #expect(throws: CheckpointError.invalid("it holds \(count - 1) parameters, but its configuration needs \(count)")) {
      try Self.resumed(checkpoint)
    }
    var wider = try Self.sample()
    wider.configuration.controllerSizes = [6]
    #expect(throws: CheckpointError.self) { try Self.resumed(wider) }
    var mismatched = try Self.sample()
    mismatched.task = .copy(CopyTask(bits: 5))
    #expect(mismatched.problems(parameterCount: count).contains { $0.contains("channels") })
  }

  @Test func nonFiniteValuesAreRejected() throws {
    var checkpoint = try Self.sample()
    checkpoint.parameters[3] = .nan
    #expect(throws: CheckpointError.invalid("parameter 3 is nan")) { try checkpoint.validate(parameterCount: checkpoint.parameters.count) }
    // JSON cannot spell NaN; a number too large for a Double is caught too.
    var text = String(decoding: try CheckpointFile.encode(Self.sample()), as: UTF8.self)
    text = text.replacingOccurrences(of: "\"parameters\":[", with: "\"parameters\":[1e999,")
    let outcome = Result { try CheckpointFile.decode(Data(text.utf8)) }
    switch outcome {
    case .failure(let error): #expect(error is CheckpointError)
    case .success(let decoded): #expect(!decoded.problems(parameterCount: decoded.parameters.count).isEmpty)
    }
  }

  @Test func missingFileSaysSo() {
    let url = URL(fileURLWithPath: "/nonexistent-folder/none.json")
    #expect(throws: CheckpointError.unreadable("no file at /nonexistent-folder/none.json")) { try CheckpointFile.read(from: url) }
  }

  /// A save killed midway leaves only its temporary file half-written; the checkpoint itself
  /// still loads, and the next save replaces both.
  @Test func interruptedSaveLeavesThePreviousCheckpoint() throws {
    let folder = try Self.temporaryFolder()
    let url = folder.appendingPathComponent("run.json")
    let first = try Self.sample(seed: 1)
    try CheckpointFile.write(first, to: url)
    let second = try CheckpointFile.encode(Self.sample(seed: 2))
    try second.prefix(second.count / 3).write(to: CheckpointFile.temporaryURL(for: url))
    #expect(try CheckpointFile.read(from: url) == first)
    try CheckpointFile.write(Self.sample(seed: 2), to: url)
    #expect(try CheckpointFile.read(from: url) == Self.sample(seed: 2))
    #expect(!FileManager.default.fileExists(atPath: CheckpointFile.temporaryURL(for: url).path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run.json"])
  }

  /// Which model a checkpoint holds survives the file: a baseline's shape, or none for a
  /// machine — and files from before the baseline field read as machines.
  @Test func modelKindRoundTrips() throws {
    var baseline = try Self.sample()
    baseline.baseline = LSTMNetworkConfiguration(inputSize: 4, outputSize: 3, layerSizes: [5, 5])
    baseline.record = TrainingRecord(
      seconds: 12.5, target: 0.1, convergedAt: 400, evaluations: [.init(sequences: 400, bitErrors: 0.05, loss: 0.2)])
    let decoded = try CheckpointFile.decode(CheckpointFile.encode(baseline))
    #expect(decoded == baseline && decoded.isBaseline && decoded.modelSizes == (4, 3))
    let machine = try Self.sample()
    let text = String(decoding: try CheckpointFile.encode(machine), as: UTF8.self)
    #expect(!text.contains("\"baseline\"") && !text.contains("\"record\""), "an NTM's file looks as it did before")
    #expect(try !CheckpointFile.decode(Data(text.utf8)).isBaseline)
    var mismatched = baseline
    mismatched.baseline?.outputSize = 7
    #expect(mismatched.problems(parameterCount: baseline.parameters.count).contains { $0.contains("the network 4 and 7") })
  }

  /// Exported for shipping: no optimiser state, still valid, but it cannot resume.
  @Test func exportedCheckpointsEvaluateButDoNotResume() throws {
    let exported = try Self.sample().exportedForShipping()
    #expect(exported.optimiser == nil)
    let decoded = try CheckpointFile.decode(CheckpointFile.encode(exported))
    #expect(decoded == exported)
    #expect(decoded.problems(parameterCount: decoded.parameters.count).isEmpty)
    #expect(try CheckpointFile.encode(exported).count * 2 < CheckpointFile.encode(Self.sample()).count)
    #expect(throws: CheckpointError.invalid("it was exported for shipping without optimiser state, so it cannot resume training")) {
      try Self.resumed(decoded)
    }
  }

  @Test func errorsReadAsOneLine() {
    let errors: [CheckpointError] = [
      .truncated, .corrupted("the file is not JSON"), .wrongFormatVersion(found: 2, expected: 1), .invalid("x"),
      .unreadable("no file at a"),
    ]
    for error in errors { #expect(!error.description.contains("\n")) }
  }
}
