import Foundation
import NTM
import Testing

/// `ntm train` as a real process: killed outright in the middle of saving, and stopped with
/// Ctrl-C (SIGINT).
@Suite(.serialized) struct TrainProcessTests {
  static var binary: URL? { ReplProcessTests.binary }

  static func start(_ arguments: [String]) throws -> Process {
    let process = Process()
    process.executableURL = try ReplProcessTests.requireBinary()
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
  }

  static func waitForFile(_ path: String, seconds: Double = 20) {
    let deadline = Date().addingTimeInterval(seconds)
    while !FileManager.default.fileExists(atPath: path) && Date() < deadline { usleep(20_000) }
  }

  /// Acceptance 3: with a save after every sequence, SIGKILL lands during a save more often
  /// than not; whenever it lands, the checkpoint on disk still loads.
  @Test
  func killedMidSaveLeavesALoadableCheckpoint() throws {
    let folder = try TrainCommandTests.folder()
    let path = folder.appendingPathComponent("killed.json").path
    for round in 0..<5 {
      let process = try Self.start(
        ["train", "copy", "--sequences", "100000", "--checkpoint-every", "1", "--checkpoint", path]
          + (round == 0 ? [] : ["--resume"]) + TrainCommandTests.small)
      Self.waitForFile(path)
      usleep(UInt32(50_000 + 37_000 * round))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal)
      let checkpoint = try CheckpointFile.read(from: URL(fileURLWithPath: path))
      try checkpoint.validate(parameterCount: NeuralTuringMachine.parameterCount(for: checkpoint.configuration))
      #expect(checkpoint.sequencesSeen > 0)
    }
  }

  /// Ctrl-C saves and exits 130, as a shell reports a process ended by SIGINT.
  @Test
  func ctrlCSavesAndExitsCleanly() throws {
    let folder = try TrainCommandTests.folder()
    let path = folder.appendingPathComponent("interrupted.json").path
    let process = try Self.start(
      ["train", "copy", "--sequences", "100000", "--checkpoint-every", "5", "--checkpoint", path] + TrainCommandTests.small)
    Self.waitForFile(path)
    let before = try CheckpointFile.read(from: URL(fileURLWithPath: path)).sequencesSeen
    usleep(100_000)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 130)
    let after = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    #expect(after.sequencesSeen >= before)
    #expect(!FileManager.default.fileExists(atPath: CheckpointFile.temporaryURL(for: URL(fileURLWithPath: path)).path))
  }

  /// `ntm train … | head -2`: the reader leaves after two lines; training carries on to the
  /// end without printing, saves its checkpoint and exits 0 (SIGPIPE used to end it unsaved).
  @Test
  func aReaderThatLeavesDoesNotCostTheRun() throws {
    let path = try TrainCommandTests.folder().appendingPathComponent("piped.json").path
    let process = Process()
    process.executableURL = try ReplProcessTests.requireBinary()
    process.arguments =
      ["train", "copy", "--sequences", "2000", "--report-every", "1", "--checkpoint", path] + TrainCommandTests.small
    let pipe = Pipe()
    let errors = Pipe()
    process.standardOutput = pipe
    process.standardError = errors
    try process.run()
    let reader = pipe.fileHandleForReading.fileDescriptor
    var lines = 0
    var byte: UInt8 = 0
    while lines < 2, read(reader, &byte, 1) == 1 {
      if byte == UInt8(ascii: "\n") { lines += 1 }
    }
    #expect(lines == 2)
    let runningWhenClosed = process.isRunning
    try pipe.fileHandleForReading.close()
    process.waitUntilExit()
    #expect(runningWhenClosed, "the pipe closed while the run was still printing")
    #expect(process.terminationReason == .exit && process.terminationStatus == 0)
    let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(said.isEmpty, "a reader leaving is not an error: \(said)")
    #expect(try CheckpointFile.read(from: URL(fileURLWithPath: path)).sequencesSeen == 2000)
  }
}
