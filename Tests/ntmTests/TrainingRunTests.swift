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
    let first = ["train", "copy", "--stop-below", "1000", "--eval-every", "5", "--eval-sequences", "2", "--checkpoint", path]
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
    #expect(result.error.hasPrefix("error: training stopped: diverging parameters (") && result.error.contains("at step 1"), "\(result.error)")
    #expect(result.error.filter { $0 == "\n" }.count == 1)
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
  }
}
