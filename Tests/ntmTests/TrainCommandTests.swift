import Foundation
import NTM
import Testing

@testable import ntm

/// `ntm train`, `ntm eval` and `ntm show` run in memory on a small machine.
@Suite struct TrainCommandTests {
  /// A machine small enough to train a few dozen sequences in a debug build in a moment.
  static let small = ["--memory-rows", "8", "--memory-width", "4", "--controller-size", "8"] + smallTask
  /// The task half of `small`, for the LSTM baseline (which refuses the machine's flags); one
  /// sequence per update, so the counts below are the sequences asked for.
  static let smallTask = ["--max-length", "3", "--bits", "3", "--batch-size", "1"]

  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("ntm-train-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  static func run(_ arguments: [String]) -> (code: Int32, output: String, error: String) {
    let recording = Console.Recording()
    var console = recording.console()
    let code = CommandLineTool.run(arguments, console: &console)
    return (code, recording.output, recording.error)
  }

  /// Acceptance 7: one line on standard error, a usage hint, exit 64.
  @Test(arguments: [
    (
      ["train"],
      "error: train needs a task: copy, repeat-copy, associative-recall, ngrams, priority-sort or dyck. For example: ntm train copy. Try 'ntm train --help'."
    ),
    (
      ["train", "cpy"],
      "error: unknown task 'cpy'. Did you mean 'copy'? Tasks: copy, repeat-copy, associative-recall, ngrams, priority-sort, dyck. Try 'ntm train --help'."
    ),
    (["train", "copy", "--model", "gru"], "error: --model must be ntm or lstm, got 'gru'. Try 'ntm train --help'."),
    (["train", "copy", "--layer-sizes", "8"], "error: --layer-sizes shapes the LSTM baseline; add --model lstm. Try 'ntm train --help'."),
    (
      ["train", "associative-recall", "--min-length", "1"],
      "error: associative recall needs --min-length of at least 2 items, got 1. Try 'ntm train --help'."
    ),
    (
      ["train", "copy", "--memory-rows", "0"],
      "error: --memory-rows must be a whole number from 1 to 100000, got '0'. Try 'ntm train --help'."
    ),
    (
      ["train", "copy", "--controller-size", "big"],
      "error: --controller-size must be 16 or fewer whole numbers from 1 to 100000, separated by commas, got 'big'. Try 'ntm train --help'."
    ),
    (
      ["train", "copy", "--controller-size", "100,,100"],
      "error: --controller-size must be 16 or fewer whole numbers from 1 to 100000, separated by commas, got '100,,100'. Try 'ntm train --help'."
    ),
    (
      ["train", "copy", "--model", "lstm", "--layer-sizes", "64,"],
      "error: --layer-sizes must be 16 or fewer whole numbers from 1 to 100000, separated by commas, got '64,'. Try 'ntm train --help'."
    ),
    (
      ["train", "copy", "--learning-rate", "-0.001"],
      "error: --learning-rate must be a positive number, got '-0.001'. Try 'ntm train --help'."
    ),
    (["train", "copy", "--shift-range", "70"], "error: shift range R = 70 needs R ≥ 0 and 2R + 1 ≤ N = 128. Try 'ntm train --help'."),
    (["train", "copy", "--optimiser", "sgd"], "error: --optimiser must be rmsprop or adam, got 'sgd'. Try 'ntm train --help'."),
    (
      ["train", "copy", "--min-length", "5", "--max-length", "2"],
      "error: --min-length 5 is more than --max-length 2. Try 'ntm train --help'."
    ),
    (["train", "copy", "--lr", "1"], "error: unknown option --lr for 'train'. Try 'ntm train --help'."),
  ])
  func usageErrorsAreOneLineAndExit64(arguments: [String], message: String) {
    let result = Self.run(arguments)
    #expect(result.code == 64)
    #expect(result.error == message + "\n")
    #expect(result.output.isEmpty)
  }

  @Test func trainsSavesEvaluatesAndShows() throws {
    let path = try Self.folder().appendingPathComponent("copy.json").path
    let trained = Self.run(["train", "copy", "--sequences", "12", "--report-every", "6", "--checkpoint", path] + Self.small)
    #expect(trained.code == 0, "\(trained.error)")
    // Continuation lines (a line too wide for the terminal) joined back.
    let lines = trained.output.replacingOccurrences(of: "\n  ", with: " ").split(separator: "\n")
    #expect(lines.count == 4, "\(trained.output)")
    #expect(lines[1].hasPrefix("sequences 6/12  "))
    #expect(lines[3].hasPrefix("Trained 12 sequences in "))
    let checkpoint = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    #expect(checkpoint.sequencesSeen == 12 && checkpoint.task.name == "copy")
    #expect(checkpoint.commandLine.prefix(3) == ["ntm", "train", "copy"])

    let evaluated = Self.run(["eval", path, "--lengths", "2,6", "--sequences", "3"])
    #expect(evaluated.code == 0, "\(evaluated.error)")
    #expect(evaluated.output.contains("length 2") && evaluated.output.contains("beyond"))

    let shown = Self.run(["show", path, "--length", "4"])
    #expect(shown.code == 0, "\(shown.error)")
    for title in ["input", "target", "output", "write head 0 weighting", "read head 0 weighting", "final memory"] {
      #expect(shown.output.contains(title), "missing \(title)")
    }
  }

  /// Acceptance 2 through the command line: 40 sequences straight equal 20, a stop, and a
  /// resume to 40, bit for bit.
  @Test func resumingEqualsTrainingStraight() throws {
    let folder = try Self.folder()
    let straight = folder.appendingPathComponent("straight.json").path
    let split = folder.appendingPathComponent("split.json").path
    #expect(Self.run(["train", "copy", "--sequences", "40", "--checkpoint", straight] + Self.small).code == 0)
    #expect(Self.run(["train", "copy", "--sequences", "20", "--checkpoint", split] + Self.small).code == 0)
    let resumed = Self.run(["train", "copy", "--resume", "--sequences", "40", "--checkpoint", split] + Self.small)
    #expect(resumed.code == 0, "\(resumed.error)")
    #expect(resumed.output.contains("resuming at 20"))
    let a = try CheckpointFile.read(from: URL(fileURLWithPath: straight))
    let b = try CheckpointFile.read(from: URL(fileURLWithPath: split))
    #expect(a.parameters == b.parameters && a.optimiser == b.optimiser && a.generator == b.generator)
    // The resumed file's command trains straight to it: the first command, with the new count.
    #expect(b.commandLine.suffix(2) == ["--sequences", "40"])
    #expect(b.commandLine.filter { $0 == "--sequences" }.count == 1)
    #expect(try TrainPlan.parse(Array(b.commandLine.dropFirst(2))).sequences == 40)
    #expect(
      TrainPlan.commandLine(["ntm", "train", "copy", "--sequences=20", "--seed", "3"], sequences: 50)
        == ["ntm", "train", "copy", "--seed", "3", "--sequences", "50"])
  }

  /// `--anneal-at` lowers the rate once, at a count: added when a run resumes at or before it,
  /// it trains the model its recorded command trains straight through; one behind the
  /// checkpoint, or one that would move a schedule already applied, is refused in one line.
  @Test func annealingAtACountCanBeAddedOnResume() throws {
    let folder = try Self.folder()
    let straight = folder.appendingPathComponent("straight.json").path
    let split = folder.appendingPathComponent("split.json").path
    let late = folder.appendingPathComponent("late.json").path
    let ran = Self.run(["train", "copy", "--sequences", "40", "--anneal-at", "20", "--checkpoint", straight] + Self.small)
    #expect(ran.code == 0 && ran.output.contains("At 20 sequences (--anneal-at 20): learning rate now"), "\(ran.error)")
    #expect(Self.run(["train", "copy", "--sequences", "20", "--checkpoint", split] + Self.small).code == 0)
    let resumed = Self.run(["train", "copy", "--resume", "--sequences", "40", "--anneal-at", "20", "--checkpoint", split] + Self.small)
    #expect(resumed.code == 0, "\(resumed.error)")
    let a = try CheckpointFile.read(from: URL(fileURLWithPath: straight))
    let b = try CheckpointFile.read(from: URL(fileURLWithPath: split))
    #expect(a.parameters == b.parameters && a.optimiser == b.optimiser)
    #expect(a.record?.annealedAt == 20 && b.record?.annealedAt == 20)
    let plan = try TrainPlan.parse(Array(b.commandLine.dropFirst(2)))
    #expect(plan.annealAt == 20 && plan.sequences == 40)
    // Moving an applied schedule, or one behind the checkpoint: refused, the file untouched.
    let moved = Self.run(["train", "copy", "--resume", "--sequences", "60", "--anneal-at", "30", "--checkpoint", split] + Self.small)
    #expect(moved.code != 0 && moved.error.contains("lowered its learning rate at 20 sequences already"))
    #expect(moved.error.split(separator: "\n").count == 1)
    #expect(try CheckpointFile.read(from: URL(fileURLWithPath: split)) == b)
    #expect(Self.run(["train", "copy", "--sequences", "20", "--checkpoint", late] + Self.small).code == 0)
    let behind = Self.run(["train", "copy", "--resume", "--sequences", "40", "--anneal-at", "10", "--checkpoint", late] + Self.small)
    #expect(behind.code != 0 && behind.error.contains("give --anneal-at 20 or more"), "\(behind.error)")
    // The schedule multiplied the rate asked for once.
    #expect(a.optimiser?.learningRate == (try TrainPlan.parse(["copy"] + Self.small)).learningRate * TrainPlan.Defaults.annealFactor)
  }

  /// A run keeps its `--anneal-at` schedule in its checkpoint: interrupted before the cut and
  /// resumed without the flag, it still lowers the rate there, and makes the model the
  /// command trains straight through; `--anneal-at 0` on resume drops a schedule not yet
  /// applied.
  @Test func aResumedRunKeepsItsAnnealingSchedule() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let straight = folder.appendingPathComponent("straight.json").path
    let split = folder.appendingPathComponent("split.json").path
    let dropped = folder.appendingPathComponent("dropped.json").path
    let schedule = ["--anneal-at", "20"]
    #expect(Self.run(["train", "copy", "--sequences", "40", "--checkpoint", straight] + schedule + Self.small).code == 0)
    for path in [split, dropped] {
      #expect(Self.run(["train", "copy", "--sequences", "10", "--checkpoint", path] + schedule + Self.small).code == 0)
      #expect(try CheckpointFile.read(from: URL(fileURLWithPath: path)).record?.annealAt == 20)
    }
    let resumed = Self.run(["train", "copy", "--resume", "--sequences", "40", "--checkpoint", split] + Self.small)
    #expect(resumed.code == 0 && resumed.output.contains("(--anneal-at 20)"), "\(resumed.error)")
    let a = try CheckpointFile.read(from: URL(fileURLWithPath: straight))
    let b = try CheckpointFile.read(from: URL(fileURLWithPath: split))
    #expect(a.parameters == b.parameters && a.optimiser == b.optimiser)
    #expect(b.record?.annealedAt == 20 && b.record?.annealAt == 20)
    let off = Self.run(["train", "copy", "--resume", "--sequences", "40", "--anneal-at", "0", "--checkpoint", dropped] + Self.small)
    #expect(off.code == 0 && !off.output.contains("--anneal-at"), "\(off.error)")
    let c = try CheckpointFile.read(from: URL(fileURLWithPath: dropped))
    #expect(c.record?.annealedAt == nil && c.record?.annealAt == nil)
    #expect(c.optimiser?.learningRate == (try TrainPlan.parse(["copy"] + Self.small)).learningRate)
  }

  /// `--anneal-below` is kept in the checkpoint too: resumed without it, a run whose
  /// evaluations had not yet fallen below the threshold still lowers its rate when they do, as
  /// the command trains straight through.
  @Test func aResumedRunKeepsItsAnnealingThreshold() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let straight = folder.appendingPathComponent("straight.json").path
    let split = folder.appendingPathComponent("split.json").path
    // Every evaluation of so small a task is below 1,000 bits: the first, at 20, lowers the rate.
    let rule = ["--anneal-below", "1000", "--eval-every", "20", "--eval-sequences", "2"]
    #expect(Self.run(["train", "copy", "--sequences", "40", "--checkpoint", straight] + rule + Self.small).code == 0)
    #expect(Self.run(["train", "copy", "--sequences", "10", "--checkpoint", split] + rule + Self.small).code == 0)
    #expect(try CheckpointFile.read(from: URL(fileURLWithPath: split)).record?.annealBelow == 1000)
    let resumed = Self.run(
      ["train", "copy", "--resume", "--sequences", "40", "--eval-every", "20", "--checkpoint", split] + Self.small)
    #expect(resumed.code == 0 && resumed.output.contains("learning rate now"), "\(resumed.error)")
    let a = try CheckpointFile.read(from: URL(fileURLWithPath: straight))
    let b = try CheckpointFile.read(from: URL(fileURLWithPath: split))
    #expect(a.parameters == b.parameters && a.optimiser == b.optimiser)
    #expect(a.optimiser?.learningRate == (try TrainPlan.parse(["copy"] + Self.small)).learningRate * TrainPlan.Defaults.annealFactor)
  }

  /// `--anneal-below` lowers the rate once per run, not once per sitting: a run cut before it
  /// was interrupted, resumed without its optimiser flags (so the command line's rate is the
  /// default, not the run's), is not cut again, and ends as the command trains straight through.
  @Test func aResumedRunIsNotCutTwiceByItsThreshold() throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let straight = folder.appendingPathComponent("straight.json").path
    let split = folder.appendingPathComponent("split.json").path
    // Every evaluation of so small a task is below 1,000 bits: the first, at 20, lowers the rate.
    let rule = ["--anneal-below", "1000", "--eval-every", "20", "--eval-sequences", "2", "--learning-rate", "0.01"]
    #expect(Self.run(["train", "copy", "--sequences", "60", "--checkpoint", straight] + rule + Self.small).code == 0)
    #expect(Self.run(["train", "copy", "--sequences", "30", "--checkpoint", split] + rule + Self.small).code == 0)
    #expect(try CheckpointFile.read(from: URL(fileURLWithPath: split)).record?.annealedBelowAt == 20)
    // A file from before the record kept the cut: told by its rate against its command's.
    let legacy = folder.appendingPathComponent("legacy.json")
    var old = try CheckpointFile.read(from: URL(fileURLWithPath: split))
    old.record?.annealedBelowAt = nil
    try CheckpointFile.write(old, to: legacy)
    for path in [split, legacy.path] {
      let resumed = Self.run(["train", "copy", "--resume", "--sequences", "60", "--checkpoint", path] + Self.small)
      #expect(resumed.code == 0 && !resumed.output.contains("learning rate now"), "\(resumed.output)")
    }
    let a = try CheckpointFile.read(from: URL(fileURLWithPath: straight))
    #expect(a.optimiser?.learningRate == 0.01 * TrainPlan.Defaults.annealFactor)
    for path in [split, legacy.path] {
      let b = try CheckpointFile.read(from: URL(fileURLWithPath: path))
      #expect(a.parameters == b.parameters && a.optimiser == b.optimiser, "\(path)")
    }
    #expect(a.record?.annealedBelowAt == 20)
    #expect(try CheckpointFile.read(from: URL(fileURLWithPath: split)).record?.annealedBelowAt == 20)
  }

  /// A resumed run trains by its checkpoint's optimiser, rate, batch and clipping: a flag that
  /// says otherwise is refused in one line, not ignored, and the file is left as it was; the
  /// same values given again resume as usual.
  @Test(arguments: [
    (["--learning-rate", "0.5"], "--learning-rate 0.5"), (["--optimiser", "rmsprop"], "--optimiser rmsprop"),
    (["--batch-size", "2"], "--batch-size 2"), (["--clip-norm", "3"], "--clip-norm 3"), (["--clip-value", "0.5"], "--clip-value 0.5"),
  ])
  func resumingRefusesAnotherOptimiserSetting(flags: [String], echoed: String) throws {
    let folder = try Self.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("run.json").path
    #expect(Self.run(["train", "copy", "--sequences", "10", "--checkpoint", path] + Self.small).code == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: path))
    // `small` ends with its batch size, which the flags may give otherwise.
    #expect(Self.small.suffix(2) == ["--batch-size", "1"])
    let refused = Self.run(
      ["train", "copy", "--resume", "--sequences", "20", "--checkpoint", path] + Self.small.dropLast(2) + flags)
    #expect(refused.code == CommandLineTool.ExitCode.failure)
    #expect(refused.output.isEmpty)
    #expect(
      refused.error
        == "error: \(echoed) cannot change the run in \(path): it trains by its checkpoint's settings (adam at 0.001, batches of 1, clip value 0, clip norm 10); drop \(echoed.split(separator: " ")[0]) to resume it, or start a fresh run with it\n"
    )
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    let same = ["--optimiser", "adam", "--learning-rate", "1e-3", "--clip-norm", "10", "--clip-value", "0"]
    let resumed = Self.run(["train", "copy", "--resume", "--sequences", "20", "--checkpoint", path] + Self.small + same)
    #expect(resumed.code == 0, "\(resumed.error)")
  }

  /// Runs `plan` in-process as if Ctrl-C arrived after `sequences` sequences.
  static func runInterrupted(_ plan: TrainPlan, after sequences: Int) throws -> (code: Int32, output: String, error: String) {
    var run = try TrainingRun(plan: plan, commandLine: ["ntm", "train"])
    var checks = 0
    run.interrupted = {
      checks += 1
      return checks > sequences
    }
    let recording = Console.Recording()
    var console = recording.console()
    let code = try run.run(console: &console)
    return (code, recording.output, recording.error)
  }

  @Test func anInterruptSavesAndStopsCleanly() throws {
    let path = try Self.folder().appendingPathComponent("interrupted.json").path
    let plan = try TrainPlan.parse(["copy", "--sequences", "1000", "--checkpoint", path] + Self.small)
    let result = try Self.runInterrupted(plan, after: 7)
    #expect(result.code == 130)
    #expect(result.error == "Interrupted at 7 sequences; checkpoint saved to \(path).\n")
    #expect(try CheckpointFile.read(from: URL(fileURLWithPath: path)).sequencesSeen == 7)
  }

  @Test func stopsOnceTheEvaluationIsBelowTheTarget() throws {
    let path = try Self.folder().appendingPathComponent("target.json").path
    // Any machine makes fewer than 1000 wrong bits on 3-bit sequences of length ≤ 3.
    let result = Self.run(
      ["train", "copy", "--stop-below", "1000", "--eval-every", "5", "--eval-sequences", "4", "--checkpoint", path] + Self.small)
    #expect(result.code == 0)
    #expect(result.output.contains("Reached ") && result.output.contains(" at 5 sequences"))
  }

  /// Acceptance 3: a bad checkpoint file is one line and exit 1, for every command that loads one.
  @Test func badCheckpointsAreOneLineAndExit1() throws {
    let folder = try Self.folder()
    let good = folder.appendingPathComponent("good.json")
    #expect(Self.run(["train", "copy", "--sequences", "2", "--checkpoint", good.path] + Self.small).code == 0)
    let data = try Data(contentsOf: good)
    let truncated = folder.appendingPathComponent("truncated.json")
    try data.prefix(data.count / 2).write(to: truncated)
    let garbage = folder.appendingPathComponent("garbage.json")
    try Data("not a checkpoint".utf8).write(to: garbage)
    var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
    var configuration = object["configuration"] as! [String: Any]
    configuration["memoryRows"] = 9
    object["configuration"] = configuration
    object["checksum"] = nil
    let wrongShape = folder.appendingPathComponent("shape.json")
    try JSONSerialization.data(withJSONObject: object).write(to: wrongShape)
    let cases: [(URL, String)] = [
      (truncated, "the file ends early (truncated: was a save interrupted?)"),
      (garbage, "it is not a valid checkpoint: the file is not JSON"),
      (wrongShape, "it does not fit together: it holds"),
      (folder.appendingPathComponent("missing.json"), "no file at"),
    ]
    for (url, words) in cases {
      for command in [["eval", url.path], ["show", url.path], ["train", "copy", "--resume", "--checkpoint", url.path]] {
        let result = Self.run(command)
        #expect(result.code == 1, "\(command)")
        #expect(result.error.hasPrefix("error: cannot load checkpoint \(url.path): "), "\(result.error)")
        #expect(result.error.contains(words), "\(result.error)")
        #expect(result.error.filter { $0 == "\n" }.count == 1)
      }
    }
  }

  @Test func evalAndShowCheckTheirArguments() {
    #expect(Self.run(["eval"]).code == 64)
    #expect(Self.run(["eval", "x.json", "--lengths", "10,zero"]).code == 64)
    #expect(Self.run(["show", "x.json", "--length", "0"]).code == 64)
  }

  @Test func progressTextReadsWell() {
    #expect(ProgressText.count(1_234_567) == "1,234,567")
    #expect(ProgressText.duration(3725) == "1h02m" && ProgressText.duration(187) == "3m07s" && ProgressText.duration(42) == "42s")
    #expect(ProgressText.fixed(0.0049, 2) == "0.00" && ProgressText.fixed(-1.25, 1) == "-1.3" && ProgressText.fixed(3, 0) == "3")
  }
}
