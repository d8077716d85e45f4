import Foundation
import NTM
import Testing

@testable import ntm

/// What a run records in its checkpoint: wall time, evaluations, when it reached its target,
/// and the command that started it (kept across a resume).
@Suite struct TrainingRunTests {
  @Test func recordsConvergenceAndKeepsTheStartingCommand() throws {
    let path = try TrainCommandTests.folder().appendingPathComponent("record.json").path
    // Any machine makes fewer than 1000 wrong bits on 3-bit sequences of length ≤ 3.
    let first =
      ["train", "copy", "--stop-below", "1000", "--eval-every", "5", "--eval-sequences", "2", "--checkpoint", path]
      + TrainCommandTests.small
    #expect(TrainCommandTests.run(first).code == 0)
    let checkpoint = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    let record = try #require(checkpoint.record)
    #expect(record.target == 1000 && record.convergedAt == 5 && record.seconds > 0)
    #expect(record.evaluations.map(\.sequences) == [5])

    let resumed = TrainCommandTests.run(["train", "copy", "--resume", "--checkpoint", path, "--sequences", "8"])
    #expect(resumed.code == 0, "\(resumed.error)")
    let after = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    #expect(after.commandLine == ["ntm"] + first, "the command that started the run")
    #expect(after.record?.convergedAt == 5 && after.record!.seconds >= record.seconds)
  }

  @Test func theBaselineTrainsWithTheSameLoop() throws {
    let path = try TrainCommandTests.folder().appendingPathComponent("lstm.json").path
    let result = TrainCommandTests.run(
      ["train", "copy", "--model", "lstm", "--layer-sizes", "5,4", "--sequences", "6", "--checkpoint", path] + TrainCommandTests.smallTask)
    #expect(result.code == 0, "\(result.error)")
    #expect(result.output.hasPrefix("Training copy: 5+4 LSTM network, "), "\(result.output)")
    let checkpoint = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    #expect(checkpoint.baseline == LSTMNetworkConfiguration(inputSize: 4, outputSize: 3, layerSizes: [5, 4]))
    #expect(checkpoint.parameters.count == LSTMNetwork.parameterCount(for: checkpoint.baseline!))
  }

  /// A run that diverges (every number finite, the weights past any sane size) stops at once
  /// with the guard's message, and the checkpoint already on disk is left as it was.
  @Test func aDivergingRunStopsAndKeepsTheLastCheckpoint() throws {
    let path = try TrainCommandTests.folder().appendingPathComponent("diverged.json").path
    #expect(TrainCommandTests.run(["train", "copy", "--sequences", "3", "--checkpoint", path] + TrainCommandTests.small).code == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let result = TrainCommandTests.run(
      ["train", "copy", "--learning-rate", "1e20", "--sequences", "10", "--checkpoint-every", "1", "--checkpoint", path]
        + TrainCommandTests.small)
    #expect(result.code == 1)
    #expect(
      result.error.hasPrefix("error: training stopped: diverging parameters (") && result.error.contains("at step 1"), "\(result.error)")
    #expect(result.error.filter { $0 == "\n" }.count == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
}

/// `--resume` keeps the run's stopping rule, and leaves a finished run alone.
@Suite struct TrainingRunResumeTests {
  /// A run that reached its target (any machine makes fewer than 1000 wrong bits here) at 5.
  static func reached() throws -> String {
    let path = try TrainCommandTests.folder().appendingPathComponent("reached.json").path
    let first =
      ["train", "copy", "--stop-below", "1000", "--eval-every", "5", "--eval-sequences", "2", "--checkpoint", path]
      + TrainCommandTests.small
    #expect(TrainCommandTests.run(first).code == 0)
    return path
  }

  static func resume(_ path: String, _ extra: [String] = []) -> (code: Int32, output: String, error: String) {
    TrainCommandTests.run(["train", "copy", "--resume", "--checkpoint", path] + extra)
  }

  @Test func aRunThatReachedItsTargetIsFinished() throws {
    let path = try Self.reached()
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let result = Self.resume(path)
    #expect(result.code == 0 && result.error.isEmpty, "\(result.error)")
    let text = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(text.hasPrefix("The run in \(path) is finished: it reached "), "\(result.output)")
    #expect(text.contains("< 1000.0 bits/seq at 5 sequences") && text.contains("--stop-below under") && text.contains("--sequences 10)"))
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the checkpoint is left as it was")
    // The same target again changes nothing either.
    #expect(Self.resume(path, ["--stop-below", "1000"]).output == result.output)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }

  @Test func aLowerTargetOrMoreSequencesTrainOn() throws {
    let lower = try Self.reached()
    let result = Self.resume(lower, ["--stop-below", "0.0001", "--sequences", "10"])
    #expect(result.code == 0, "\(result.error)")
    let checkpoint = try CheckpointFile.read(from: URL(fileURLWithPath: lower))
    #expect(checkpoint.sequencesSeen == 10 && checkpoint.record?.evaluations.map(\.sequences) == [5, 10])
    #expect(checkpoint.record?.target == 0.0001 && checkpoint.record?.convergedAt == nil, "not reached the new target")

    let more = try Self.reached()
    #expect(Self.resume(more, ["--sequences", "8"]).code == 0)
    let extended = try CheckpointFile.read(from: URL(fileURLWithPath: more))
    #expect(extended.sequencesSeen == 8 && extended.record?.rule?.sequences == 8 && extended.record?.rule?.stopBelow == nil)
    #expect(extended.record?.convergedAt == 5 && extended.record?.target == 1000)
  }

  @Test func anUnfinishedRunResumesByItsOwnRule() throws {
    let path = try TrainCommandTests.folder().appendingPathComponent("count.json").path
    let first =
      [
        "train", "copy", "--sequences", "6", "--stop-below", "0.0001", "--eval-every", "3", "--eval-sequences", "1",
        "--checkpoint", path,
      ] + TrainCommandTests.small
    #expect(TrainCommandTests.run(first).code == 0)
    let saved = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    #expect(saved.record?.rule == StoppingRule(sequences: 6, stopBelow: 0.0001, evaluateEvery: 3, evaluationSequences: 1))
    // Ended by its count: without a larger --sequences there is nothing to do.
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let again = Self.resume(path)
    let said = again.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(again.code == 0 && said.hasPrefix("The run in \(path) is finished: it has trained its 6 sequences."), "\(again.output)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    // A larger count: evaluations every 3 on 1 sequence, as the run was started.
    #expect(Self.resume(path, ["--sequences", "9"]).code == 0)
    let after = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    #expect(after.sequencesSeen == 9 && after.record?.evaluations.map(\.sequences) == [3, 6, 9])
    #expect(after.record?.rule == StoppingRule(sequences: 9, stopBelow: 0.0001, evaluateEvery: 3, evaluationSequences: 1))
  }

  /// A finished run is left as it is, but `--export` still writes its model, whose recorded
  /// command then exports there: trained straight, it makes the same model in the same place.
  @Test func aFinishedRunStillExports() throws {
    let folder = try TrainCommandTests.folder()
    let path = folder.appendingPathComponent("done.json").path
    let shipped = folder.appendingPathComponent("shipped.json").path
    #expect(TrainCommandTests.run(["train", "copy", "--sequences", "4", "--checkpoint", path] + TrainCommandTests.small).code == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    let result = Self.resume(path, ["--export", shipped])
    #expect(result.code == 0 && result.error.isEmpty, "\(result.error)")
    let said = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(said.contains("is finished: it has trained its 4 sequences."), "\(result.output)")
    #expect(said.contains("Exported for shipping (no optimiser state) to \(shipped)."), "\(result.output)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before, "the run's checkpoint is left as it was")
    let saved = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    let exported = try CheckpointFile.read(from: URL(fileURLWithPath: shipped))
    #expect(exported.optimiser == nil && exported.sequencesSeen == 4)
    #expect(exported.parameters == saved.exportedForShipping().parameters)
    #expect(exported.commandLine == saved.commandLine + ["--export", shipped])
    #expect(exported.record?.seconds == saved.record?.seconds, "its training time, not the time since the command began")
    let plan = try TrainPlan.parse(Array(exported.commandLine.dropFirst(2)))
    #expect(plan.exportPath == shipped && plan.checkpointPath == path && plan.sequences == 4)
  }

  /// A file written before runs kept their rule still loads, and its target still counts.
  @Test func aFileWithoutARuleStillLoads() throws {
    let path = try Self.reached()
    let url = URL(fileURLWithPath: path)
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var record = try #require(json["record"] as? [String: Any])
    #expect(record.removeValue(forKey: "rule") != nil)
    json["record"] = record
    try JSONSerialization.data(withJSONObject: json).write(to: url)
    #expect(try CheckpointFile.read(from: url).record?.rule == nil)
    let result = Self.resume(path)
    #expect(
      result.code == 0 && result.output.replacingOccurrences(of: "\n  ", with: " ").contains("is finished: it reached"), "\(result.error)")
  }

  @Test func aRuleOutOfBoundsIsOneLine() throws {
    let path = try Self.reached()
    let url = URL(fileURLWithPath: path)
    let text = try String(contentsOf: url, encoding: .utf8).replacingOccurrences(of: "\"evaluateEvery\":5", with: "\"evaluateEvery\":0")
    #expect(text.contains("\"evaluateEvery\":0"), "the test must change the file")
    try text.write(to: url, atomically: true, encoding: .utf8)
    let result = Self.resume(path)
    #expect(result.code == 1)
    #expect(result.error.hasSuffix("record rule evaluateEvery is 0, not a whole number from 1 to 1000000000\n"), "\(result.error)")
    #expect(result.error.filter { $0 == "\n" }.count == 1)
  }
}
