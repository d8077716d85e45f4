import Foundation
import NTM
import Testing

@testable import ntm

/// Sizes typed on the command line reach the allocator only after the memory estimate:
/// `train`'s flags, `eval --lengths` and `show --length` are refused with one line naming the
/// figure when the model would not fit.
@Suite struct CheckpointLoadingTests {
  /// Small enough that the huge requests below are refused on any computer.
  static let physicalBytes = 8.0 * 1024 * 1024 * 1024

  @Test(arguments: [
    (["copy", "--memory-rows", "100000", "--memory-width", "100000"], "this machine would need", "memory 100000 × 100000"),
    (["copy", "--model", "lstm", "--layer-sizes", "100000,100000"], "this network would need", "layers 100000+100000"),
    (["repeat-copy", "--max-length", "10000", "--max-repeats", "1000"], "this machine would need", "10,010,003-step sequences"),
  ])
  func trainRefusesWhatWouldNotFit(words: [String], start: String, figure: String) throws {
    do {
      _ = try TrainPlan.parse(words)
      Issue.record("\(words) was accepted")
    } catch let failure as CommandLineTool.Failure {
      #expect(failure.message.hasPrefix(start) && failure.message.contains(figure), "\(failure.message)")
      #expect(failure.message.contains("this computer has") && !failure.message.contains("\n"))
    }
  }

  @Test func theFlagsUseTheLibrarysRanges() throws {
    #expect(throws: Arguments.UsageError.self) { try TrainPlan.parse(["copy", "--memory-rows", "\(Limits.size.upperBound + 1)"]) }
    #expect(throws: Arguments.UsageError.self) { try TrainPlan.parse(["copy", "--batch-size", "\(Limits.batchSize.upperBound + 1)"]) }
    #expect(throws: Arguments.UsageError.self) {
      try TrainPlan.parse([
        "copy", "--controller-size", Array(repeating: "4", count: Limits.layerCount.upperBound + 1).joined(separator: ","),
      ])
    }
    #expect(
      try TrainPlan.parse(["copy", "--max-length", "\(Limits.length.upperBound)"]).task.lengths.upperBound == Limits.length.upperBound)
  }

  @Test func evalAndShowLengthsAreCheckedBeforeRunning() throws {
    let (checkpoint, _) = try CheckpointLoading.load("repeat-copy")
    #expect(throws: CommandLineTool.Failure.self) {
      try CheckpointLoading.checkMemory(
        checkpoint, length: Limits.length.upperBound, path: "repeat-copy", physicalBytes: Self.physicalBytes / 8)
    }
    do {
      try CheckpointLoading.checkMemory(
        checkpoint, length: Limits.length.upperBound, path: "repeat-copy", physicalBytes: Self.physicalBytes / 8)
    } catch let failure as CommandLineTool.Failure {
      #expect(failure.message.hasPrefix("cannot run repeat-copy at length 10000: this machine would need "), "\(failure.message)")
    }
    try CheckpointLoading.checkMemory(checkpoint, length: 20, path: "repeat-copy", physicalBytes: Self.physicalBytes)
  }
}
