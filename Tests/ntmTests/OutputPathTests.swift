import Foundation
import NTM
import Testing

@testable import ntm

/// The files commands write: every path checked before the work starts, `-` as standard
/// output for pictures and pages, links written through, nothing but a regular file replaced,
/// and no two outputs of one command the same file.
@Suite struct OutputPathTests {
  static let small = TrainCommandTests.small
  static let environment = ["LANG": "en_US.UTF-8", "COLUMNS": "80"]

  /// A million sequences would take minutes: a command that fails at once trained nothing.
  static let endless = ["--sequences", "1000000"]

  static func expectRefused(
    _ arguments: [String], _ message: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let result = TrainCommandTests.run(arguments)
    #expect(result.code == 1, "\(arguments)", sourceLocation: sourceLocation)
    #expect(result.error == "error: \(message)\n", sourceLocation: sourceLocation)
    #expect(result.output.isEmpty, "refused before any work", sourceLocation: sourceLocation)
  }

  /// A character device of our own, or a FIFO where nodes cannot be made.
  static func makeDevice(_ path: String) throws -> String {
    if mknod(path, S_IFCHR | 0o644, dev_t((1 << 8) | 3)) == 0 { return "a character device" }
    try #require(mkfifo(path, 0o644) == 0, "neither mknod nor mkfifo worked at \(path)")
    return "a FIFO (named pipe)"
  }

  static func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  /// Runs the built binary in `folder`, so relative paths land there and not in the package.
  static func runBinary(_ arguments: [String], in folder: URL) throws -> (code: Int32, output: String, error: String) {
    try ReplProcessTests.run(arguments, environment: environment, in: folder)
  }

  // MARK: one-character names and -

  @Test func oneCharacterPathsAreFilesInTheCurrentFolder() throws {
    let folder = try TrainCommandTests.folder()
    let commands: [[String]] = [
      ["show", "copy", "--length", "3", "--svg", "x"],
      ["eval", "copy", "--lengths", "2", "--sequences", "1", "--svg", "y"],
      ["train", "copy", "--sequences", "2", "--checkpoint", "c", "--export", "e", "--svg", "s"] + Self.small,
    ]
    for arguments in commands {
      let result = try Self.runBinary(arguments, in: folder)
      #expect(result.code == 0, "\(arguments): \(result.error)")
    }
    for name in ["x", "y", "s"] {
      #expect(try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).hasPrefix("<?xml"), "\(name)")
    }
    #expect(try CheckpointFile.read(from: folder.appendingPathComponent("c")).optimiser != nil)
    #expect(try CheckpointFile.read(from: folder.appendingPathComponent("e")).optimiser == nil)
  }

  /// `-` is standard output: the picture alone there, the report on standard error.
  @Test func aDashSendsThePictureToStandardOutputAndTheReportToStandardError() throws {
    let folder = try TrainCommandTests.folder()
    let shown = try Self.runBinary(["show", "copy", "--length", "3", "--svg", "-"], in: folder)
    #expect(shown.code == 0, "\(shown.error)")
    #expect(shown.output.hasPrefix("<?xml") && shown.output.hasSuffix("</svg>\n"))
    #expect(shown.error.contains("write head 0 weighting") && shown.error.hasSuffix("Wrote the dashboard to standard output.\n"))
    let trained = try Self.runBinary(
      ["train", "copy", "--sequences", "2", "--checkpoint", "c.json", "--svg", "-"] + Self.small, in: folder)
    #expect(trained.code == 0, "\(trained.error)")
    #expect(trained.output.hasPrefix("<?xml") && trained.output.hasSuffix("</svg>\n"))
    #expect(trained.error.contains("Trained 2 sequences") && trained.error.hasSuffix("Wrote the learning curve to standard output.\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["c.json"], "no file called -")
  }

  @Test func resultsOutputDashIsThePageOnStandardOutput() throws {
    let models = try TrainCommandTests.folder()
    let result = TrainCommandTests.run(["results", "--quick", "--sequences", "1", "--models", models.path, "--output", "-"])
    #expect(result.code == 0, "\(result.error)")
    #expect(result.output.hasPrefix("# 14. Results"))
    Self.expectRefused(
      ["results", "--quick", "--models", models.path, "--readme", "-"],
      "the page and --readme would both write standard output (-); give each its own file")
  }

  /// Checkpoints are read back: they are always files. (Run in a folder of its own, so that a
  /// regression writes a file called `-` there, not in the package.)
  @Test func aCheckpointCannotBeStandardOutput() throws {
    let folder = try TrainCommandTests.folder()
    let cases: [([String], String)] = [
      (["--checkpoint", "-"], "--checkpoint"),
      (["--checkpoint", "c.json", "--export", "-"], "--export"),
    ]
    for (extra, flag) in cases {
      let result = try Self.runBinary(["train", "copy", "--sequences", "1"] + extra + Self.small, in: folder)
      #expect(result.code == 1)
      #expect(result.error == "error: cannot write \(flag) to standard output (-): it must be a file; write ./- for a file called -\n")
      #expect(result.output.isEmpty)
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  // MARK: checked before training

  @Test func anEmptyCheckpointNameIsRefusedBeforeTraining() {
    Self.expectRefused(["train", "copy", "--checkpoint", ""] + Self.endless + Self.small, "cannot write '': the file name is empty")
  }

  @Test func everyOutputsFolderIsCheckedBeforeTraining() throws {
    let folder = try TrainCommandTests.folder().path
    let good = folder + "/good.json"
    for (flag, name) in [("--checkpoint", "c.json"), ("--export", "e.json"), ("--svg", "s.svg")] {
      let missing = folder + "/none/" + name
      var arguments = ["train", "copy", "--checkpoint", good] + Self.endless + Self.small
      if flag == "--checkpoint" { arguments[3] = missing } else { arguments += [flag, missing] }
      Self.expectRefused(arguments, "cannot write \(missing): there is no folder \(folder)/none")
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
  }

  // MARK: what is not a regular file

  @Test func devicesFIFOsAndFoldersAreRefusedAndLeftAlone() throws {
    let folder = try TrainCommandTests.folder().path
    let node = folder + "/n"
    let what = try Self.makeDevice(node)
    let nodeKind = Self.kind(node)
    let fifo = folder + "/pipe"
    #expect(mkfifo(fifo, 0o644) == 0)
    Self.expectRefused(
      ["train", "copy", "--checkpoint", node] + Self.endless + Self.small, "cannot write \(node): it is \(what), not a regular file")
    Self.expectRefused(
      ["train", "copy", "--resume", "--checkpoint", fifo] + Self.small,
      "cannot write \(fifo): it is a FIFO (named pipe), not a regular file")
    Self.expectRefused(["show", "copy", "--svg", node], "cannot write \(node): it is \(what), not a regular file")
    // --keep-best's file is the checkpoint's name with .best: checked before training too.
    let best = folder + "/run.best.json"
    #expect(mkfifo(best, 0o644) == 0)
    Self.expectRefused(
      ["train", "copy", "--checkpoint", folder + "/run.json", "--keep-best"] + Self.endless + Self.small,
      "cannot write \(best): it is a FIFO (named pipe), not a regular file")
    Self.expectRefused(["eval", "copy", "--svg", fifo], "cannot write \(fifo): it is a FIFO (named pipe), not a regular file")
    Self.expectRefused(["show", "copy", "--svg", folder], "cannot write \(folder): it is a folder, not a regular file")
    Self.expectRefused(
      ["results", "--quick", "--models", folder, "--output", fifo], "cannot write \(fifo): it is a FIFO (named pipe), not a regular file")
    #expect(Self.kind(node) == nodeKind && Self.kind(fifo) == S_IFIFO)
  }

  // MARK: links

  /// A linked checkpoint is written through; `--resume` reads the target and writes it again.
  @Test func aLinkedCheckpointIsWrittenThroughAndResumed() throws {
    let folder = try TrainCommandTests.folder()
    let store = try TrainCommandTests.folder()
    let link = folder.appendingPathComponent("run.json").path
    let target = store.appendingPathComponent("run.json").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
    #expect(TrainCommandTests.run(["train", "copy", "--sequences", "2", "--checkpoint", link] + Self.small).code == 0)
    #expect(Self.kind(link) == S_IFLNK)
    #expect(try CheckpointFile.read(from: URL(fileURLWithPath: target)).sequencesSeen == 2)
    let resumed = TrainCommandTests.run(["train", "copy", "--resume", "--sequences", "4", "--checkpoint", link] + Self.small)
    #expect(resumed.code == 0, "\(resumed.error)")
    #expect(resumed.output.contains("resuming at 2"))
    #expect(Self.kind(link) == S_IFLNK)
    #expect(try CheckpointFile.read(from: URL(fileURLWithPath: target)).sequencesSeen == 4)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["run.json"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: store.path) == ["run.json"])
  }

  // MARK: two outputs, one file

  @Test func twoOutputsOfOneCommandMayNotBeOneFile() throws {
    let folder = try TrainCommandTests.folder().path
    let path = folder + "/x.json"
    let dotted = folder + "/./x.json"
    let link = folder + "/link.json"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "x.json")
    let cases: [([String], String)] = [
      (["--checkpoint", path, "--export", path], "--checkpoint and --export would both write \(path)"),
      (["--checkpoint", path, "--export", dotted], "--checkpoint and --export would both write \(dotted)"),
      (["--checkpoint", path, "--export", link], "--checkpoint and --export would both write \(link)"),
      (["--checkpoint", path, "--svg", link], "--checkpoint and --svg would both write \(link)"),
      (
        ["--checkpoint", folder + "/y.json", "--keep-best", "--svg", folder + "/y.best.json"],
        "--keep-best and --svg would both write \(folder)/y.best.json"
      ),
    ]
    for (extra, message) in cases {
      Self.expectRefused(["train", "copy"] + extra + Self.endless + Self.small, message + "; give each its own file")
    }
    #expect(Self.kind(path) == 0, "nothing was written")
    Self.expectRefused(
      ["results", "--quick", "--models", folder, "--output", path, "--readme", link],
      "--output and --readme would both write \(link); give each its own file")
  }
}

extension OutputPathTests {
  /// `ntm show run.json --svg run.json` would put a picture where the checkpoint was.
  @Test func aPictureMayNotReplaceTheCheckpointItDraws() throws {
    let folder = try TrainCommandTests.folder().path
    let path = folder + "/run.json"
    #expect(TrainCommandTests.run(["train", "copy", "--sequences", "1", "--checkpoint", path] + Self.small).code == 0)
    try FileManager.default.createSymbolicLink(atPath: folder + "/link.svg", withDestinationPath: "run.json")
    Self.expectRefused(["show", path, "--svg", path], "--svg \(path) would write over the checkpoint it reads; give it its own file")
    Self.expectRefused(
      ["eval", "copy", "--compare", path, "--svg", folder + "/link.svg"],
      "--svg \(folder)/link.svg would write over the checkpoint it reads; give it its own file")
    #expect(try CheckpointFile.read(from: URL(fileURLWithPath: path)).sequencesSeen == 1)
  }
}
