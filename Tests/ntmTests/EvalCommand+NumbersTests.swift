import Foundation
import NTM
import Testing

@testable import ntm

/// `ntm eval` on a checkpoint whose numbers are huge: a finite score of any size is printed,
/// an overflowing one is a failure, never a crash and never `nan` as a result.
@Suite struct EvalCommandNumbersTests {
  /// A small trained checkpoint with every parameter multiplied by `scale`, or set to ±1e308
  /// (sign kept) when `saturate`, which makes every product overflow.
  static func scaled(_ scale: Double, saturate: Bool = false) throws -> String {
    let path = try EvalCommandTests.trained("scaled", [])
    var checkpoint = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    checkpoint.parameters = checkpoint.parameters.map { saturate ? ($0 < 0 ? -1e308 : 1e308) : $0 * scale }
    try CheckpointFile.write(checkpoint, to: URL(fileURLWithPath: path))
    return path
  }

  @Test(arguments: [1e20, 1e300])
  func aHugeFiniteLossIsPrinted(scale: Double) throws {
    let result = TrainCommandTests.run(["eval", try Self.scaled(scale), "--lengths", "2,3", "--sequences", "3"])
    #expect(result.code == 0, "\(result.error)")
    #expect(result.output.contains("e+"), "the loss in scientific notation: \(result.output)")
  }

  @Test func anOverflowingLossIsAFailure() throws {
    let result = TrainCommandTests.run(["eval", try Self.scaled(1, saturate: true), "--lengths", "2,3", "--sequences", "3"])
    #expect(result.code == 1)
    #expect(
      result.error.hasPrefix("error: ") && result.error.contains("non-finite") && result.error.filter { $0 == "\n" }.count == 1,
      "\(result.error)")
    #expect(!result.output.contains("nan") && !result.output.contains("inf"), "\(result.output)")
  }

  /// `show` on the same overflowing model: one line, not heatmaps of `?` under a finite count.
  @Test func showOfAnOverflowingModelIsAFailure() throws {
    let result = TrainCommandTests.run(["show", try Self.scaled(1, saturate: true), "--length", "3"])
    #expect(result.code == 1)
    #expect(
      result.error.hasPrefix("error: ") && result.error.contains("non-finite") && result.error.filter { $0 == "\n" }.count == 1,
      "\(result.error)")
    #expect(result.output.isEmpty, "\(result.output)")
  }
}
