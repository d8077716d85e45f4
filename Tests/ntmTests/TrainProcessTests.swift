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

  /// The inode of the file at `path` (0 when there is none): a rename puts a new one there.
  static func inode(_ path: String) -> UInt64 {
    var info = stat()
    return stat(path, &info) == 0 ? UInt64(info.st_ino) : 0
  }

  /// Waits until a file is at `path` whose inode is not `old`.
  static func waitForNewFile(_ path: String, replacing old: UInt64?, seconds: Double = 20) {
    let deadline = Date().addingTimeInterval(seconds)
    while inode(path) == 0 || inode(path) == old, Date() < deadline { usleep(2_000) }
  }

  /// Kills, each at its own moment of a run that saves after every sequence.
  static let kills = 24

  /// With a save after every sequence, SIGKILL often lands during a save; wherever it lands,
  /// the checkpoint on disk still loads, the folder holds at most one temporary file (the
  /// killed save's), and the next save removes it.
  @Test
  func killedMidSaveLeavesALoadableCheckpoint() throws {
    let folder = try TrainCommandTests.folder()
    let url = folder.appendingPathComponent("killed.json")
    let temporary = CheckpointFile.temporaryURL(for: url).lastPathComponent
    for round in 0..<Self.kills {
      let process = try Self.start(
        ["train", "copy", "--sequences", "100000", "--checkpoint-every", "1", "--checkpoint", url.path]
          + (round == 0 ? [] : ["--resume"]) + TrainCommandTests.small)
      // Each save renames a new file into place: wait for this process's first, so the kill
      // lands in the run of saves rather than at start-up.
      Self.waitForNewFile(url.path, replacing: round == 0 ? nil : Self.inode(url.path))
      // From at once to 30 ms later, in steps that do not divide a save.
      usleep(UInt32(round * 1_307 % 30_000))
      kill(process.processIdentifier, SIGKILL)
      process.waitUntilExit()
      #expect(process.terminationReason == .uncaughtSignal)
      let checkpoint = try CheckpointFile.read(from: url)
      try checkpoint.validate(parameterCount: NeuralTuringMachine.parameterCount(for: checkpoint.configuration))
      let others = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != url.lastPathComponent }
      #expect(others.isEmpty || others == [temporary], "\(others)")
    }
    // One more sequence and its save: the leftover, if any, is gone.
    let seen = try CheckpointFile.read(from: url).sequencesSeen
    let finished = TrainCommandTests.run(
      ["train", "copy", "--resume", "--sequences", "\(seen + 1)", "--checkpoint", url.path] + TrainCommandTests.small)
    #expect(finished.code == 0, "\(finished.error)")
    #expect(try CheckpointFile.read(from: url).sequencesSeen == seen + 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [url.lastPathComponent])
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
