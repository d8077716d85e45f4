import Foundation
import NTM
import Testing

@testable import ntm

/// `ntm train <task> --seeds …`: the list, its conflicts, the derived files, and a sweep of a
/// tiny model run in memory.
@Suite struct SeedSweepTests {
  /// A 3-seed sweep trains three runs, saves each to its own checkpoint, and reports the
  /// same figures in its table and its JSON, with the median and range of each column.
  @Test func threeSeedSweepWritesTableJSONAndCheckpoints() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = folder.appendingPathComponent("copy.checkpoint.json").path
    let summaryPath = folder.appendingPathComponent("summary.json").path
    let rule = ["--sequences", "40", "--stop-below", "100", "--eval-every", "20", "--eval-sequences", "2"]
    let words =
      ["train", "copy", "--seeds", "1-2,5", "--jobs", "2", "--score-sequences", "30", "--checkpoint", base, "--summary", summaryPath]
      + TrainCommandTests.small + rule
    let run = TrainCommandTests.run(words)
    #expect(run.code == 0, "\(run.error)")
    #expect(run.error.isEmpty)

    let data = try Data(contentsOf: URL(fileURLWithPath: summaryPath))
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let document = try decoder.decode(SeedSweep.Summary.Document.self, from: data)
    #expect(document.runs.map(\.seed) == [1, 2, 5])
    #expect(document.task == "copy")
    // How it was made: the command as typed, the runs at once, and the whole sweep's time,
    // which no single run's training can exceed.
    #expect(document.command == ["ntm"] + words)
    #expect(document.jobs == 2)
    let wall = try #require(document.wallSeconds)
    #expect(wall >= document.runs.map(\.seconds).max() ?? .infinity && wall < 3_600)
    #expect(document.sequencesPerLength == 30)
    #expect(document.evaluationSeed == SeedSweep.defaultEvaluationSeed)
    #expect(document.lengths == (try TrainPlan.parse(["copy"] + TrainCommandTests.small)).task.evaluationLengths)
    for (index, length) in document.lengths.enumerated() {
      let scores = document.runs.compactMap { $0.scores[index] }
      #expect(scores.count == 3, "a score for every seed at length \(length)")
      #expect(document.scores[index]?.median == SeedSweep.Summary.median(scores))
      #expect(document.scores[index]?.low == scores.min())
      #expect(document.scores[index]?.high == scores.max())
    }

    for seed in [1, 2, 5] {
      let path = folder.appendingPathComponent("copy.seed-\(seed).checkpoint.json")
      let checkpoint = try CheckpointFile.read(from: path)
      #expect(checkpoint.seed == UInt64(seed))
      let json = try #require(document.runs.first { $0.seed == UInt64(seed) })
      #expect(json.checkpoint == path.path)
      #expect(json.reachedAt == checkpoint.record?.convergedAt)
      // What was measured to say so: the check and both confirmation rounds.
      #expect(json.confirmation == checkpoint.record?.confirmation && json.confirmation?.passed == true)
      #expect(json.confirmation?.rounds.map(\.sequences) == [StoppingRule.confirmationSequences, StoppingRule.confirmationSequences])
      #expect(json.sequences == checkpoint.sequencesSeen)
      // The table's row for the seed reads the same figures.
      let row = try #require(run.output.split(separator: "\n").first { $0.hasPrefix("\(seed) ") })
      let cells = row.split(separator: " ")
      #expect(cells.suffix(document.lengths.count).map(String.init) == json.scores.map { ProgressText.fixed($0 ?? .nan, 2) })
    }
    #expect(run.output.contains("\nmedian "))
    #expect(run.output.contains("\nlowest "))
    #expect(run.output.contains("\nhighest "))
    let lines = run.output.split(separator: "\n")
    let table = try #require(lines.firstIndex { $0.hasPrefix("seed  ") })...(try #require(lines.firstIndex { $0.hasPrefix("highest") }))
    #expect(table.count == 7)
    #expect(lines[table].allSatisfy { $0.count <= 80 }, "the table of copy's six lengths fits 80 columns")
    // The prose is wrapped to the terminal; read it as one line.
    let prose = run.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    #expect(prose.contains("over 30 sequences from eval seed \(SeedSweep.defaultEvaluationSeed)"))
    #expect(
      prose.contains("Reached < 100 bits/seq: 3 of 3 seeds (a check below it, confirmed by 2 rounds of 1,000 fresh sequences; worst round ")
    )
    #expect(prose.contains("seed 5: reached < 100 at 20 sequences (check "), "\(prose)")
    #expect(!FileManager.default.fileExists(atPath: base), "the sweep writes only the seeds' checkpoints")
  }

  /// A seed in a sweep trains exactly as `--seed` alone does: the threads share nothing.
  @Test func aSweptSeedTrainsAsItsOwnRun() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let rule = ["--sequences", "30"]
    let swept = folder.appendingPathComponent("sweep.json").path
    let alone = folder.appendingPathComponent("alone.json").path
    let sweep = TrainCommandTests.run(["train", "copy", "--seeds", "3,4", "--checkpoint", swept] + TrainCommandTests.small + rule)
    let single = TrainCommandTests.run(["train", "copy", "--seed", "4", "--checkpoint", alone] + TrainCommandTests.small + rule)
    #expect(sweep.code == 0 && single.code == 0, "\(sweep.error)\(single.error)")
    let fromSweep = try CheckpointFile.read(from: URL(fileURLWithPath: SeedSweep.path(swept, seed: 4)))
    let fromAlone = try CheckpointFile.read(from: URL(fileURLWithPath: alone))
    #expect(fromSweep.parameters == fromAlone.parameters)
    #expect(fromSweep.commandLine.suffix(4) == ["--seed", "4", "--checkpoint", SeedSweep.path(swept, seed: 4)])
    #expect(!fromSweep.commandLine.contains("--seeds"))
  }

  /// `ntm train` with `words` and the tiny model, as a sweep stopped by Ctrl-C before it starts.
  static func runInterrupted(_ words: [String]) throws -> (code: Int32, recording: Console.Recording) {
    let words = words + TrainCommandTests.small
    let plan = try TrainPlan.parse(words)
    let recording = Console.Recording()
    var console = recording.console()
    let code = try SeedSweep.run(
      plan: plan, sweep: try #require(plan.sweep), commandLine: ["ntm", "train"] + words, console: &console,
      interrupted: { true })
    return (code, recording)
  }

  /// After Ctrl-C no run that has not started starts: the sweep ends at once with 130, says
  /// so for each seed on standard error, and writes nothing.
  @Test func anInterruptedSweepStartsNoRun() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (code, recording) = try Self.runInterrupted(
      ["copy", "--seeds", "1-3", "--checkpoint", folder.appendingPathComponent("c.json").path])
    #expect(code == CommandLineTool.ExitCode.interrupted)
    #expect(recording.error.split(separator: "\n").count == 3)
    #expect(recording.error.contains("seed 2: not trained: interrupted before it started"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  /// An interrupted sweep has no table to record: it leaves the file `--summary` names as it
  /// was (an earlier, finished sweep's table is not replaced by empty rows) and says how to
  /// finish the sweep.
  @Test func anInterruptedSweepLeavesItsSummaryAlone() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let summaryPath = folder.appendingPathComponent("summary.json").path
    let earlier = Data("{\"earlier\": true}\n".utf8)
    try earlier.write(to: URL(fileURLWithPath: summaryPath))
    let (code, recording) = try Self.runInterrupted(
      ["copy", "--seeds", "1-2", "--checkpoint", folder.appendingPathComponent("c.json").path, "--summary", summaryPath])
    #expect(code == CommandLineTool.ExitCode.interrupted)
    #expect(try Data(contentsOf: URL(fileURLWithPath: summaryPath)) == earlier)
    let said = recording.error.split(separator: "\n").last.map(String.init) ?? ""
    #expect(said.contains("not written") && said.contains("--resume"), "\(recording.error)")
  }

  /// `--summary -` puts the JSON alone on standard output and the report on standard error.
  @Test func summaryToStandardOutputIsTheJSONAlone() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let run = TrainCommandTests.run(
      [
        "train", "copy", "--seeds", "1,2", "--sequences", "2", "--summary", "-", "--checkpoint",
        folder.appendingPathComponent("c.json").path,
      ]
        + TrainCommandTests.small)
    #expect(run.code == 0, "\(run.error)")
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let document = try decoder.decode(SeedSweep.Summary.Document.self, from: Data(run.output.utf8))
    #expect(document.runs.map(\.sequences) == [2, 2])
    #expect(document.jobs == min(2, ProcessInfo.processInfo.activeProcessorCount), "one run per core, at most one per seed")
    #expect(run.error.contains("\nmedian "))
  }

  /// `--seeds … --resume` carries on every seed's run from its checkpoint, exactly as each
  /// would train straight through, and records the command that trains the whole sweep from
  /// the start; a sweep whose runs have ended is scored as it is, its files left alone.
  @Test func aResumedSweepCarriesOnEverySeed() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = folder.appendingPathComponent("c.json").path
    let summary = folder.appendingPathComponent("s.json").path
    let started = TrainCommandTests.run(
      ["train", "copy", "--seeds", "3,4", "--sequences", "20", "--score-sequences", "10", "--checkpoint", base] + TrainCommandTests.small)
    #expect(started.code == 0, "\(started.error)")
    let resume = [
      "train", "copy", "--seeds", "3,4", "--resume", "--sequences", "40", "--checkpoint", base, "--summary", summary,
      "--score-sequences", "10",
    ]
    let resumed = TrainCommandTests.run(resume)
    #expect(resumed.code == 0, "\(resumed.error)")
    #expect(resumed.output.hasPrefix("Resuming copy with 2 seeds"), "\(resumed.output)")

    let alone = folder.appendingPathComponent("alone.json").path
    let straight = TrainCommandTests.run(
      ["train", "copy", "--seed", "4", "--sequences", "40", "--checkpoint", alone] + TrainCommandTests.small)
    #expect(straight.code == 0, "\(straight.error)")
    let four = try CheckpointFile.read(from: URL(fileURLWithPath: SeedSweep.path(base, seed: 4)))
    #expect(four.sequencesSeen == 40)
    #expect(four.parameters == (try CheckpointFile.read(from: URL(fileURLWithPath: alone))).parameters)

    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let data = try Data(contentsOf: URL(fileURLWithPath: summary))
    let document = try decoder.decode(SeedSweep.Summary.Document.self, from: data)
    #expect(document.runs.map(\.sequences) == [40, 40])
    #expect(document.runs.allSatisfy { $0.scores.allSatisfy { $0 != nil } })
    #expect(document.lengths == (try TrainPlan.parse(["copy"] + TrainCommandTests.small)).task.evaluationLengths)
    #expect(document.wallSeconds == nil, "the time before the resume is not known")
    // The command trains the sweep from the start: the machine of the first command, the
    // count of the second, and no --resume; each of its runs is the run in the checkpoint.
    let command = try #require(document.command)
    #expect(!command.contains("--resume") && command.contains("--memory-rows"))
    #expect(command.filter { $0 == "--sequences" }.count == 1)
    #expect(command.firstIndex(of: "--sequences").map { command[$0 + 1] } == "40")
    #expect(ResultsPage.sweep(command, trained: four))

    // Nothing left to train: scored again as they are, the checkpoints untouched.
    let before = try Data(contentsOf: URL(fileURLWithPath: SeedSweep.path(base, seed: 3)))
    let again = TrainCommandTests.run(resume)
    #expect(again.code == 0, "\(again.error)")
    #expect(try Data(contentsOf: URL(fileURLWithPath: SeedSweep.path(base, seed: 3))) == before)
    let rescored = try decoder.decode(SeedSweep.Summary.Document.self, from: Data(contentsOf: URL(fileURLWithPath: summary)))
    #expect(rescored.runs.map(\.scores) == document.runs.map(\.scores) && rescored.command == command)
    let three = try CheckpointFile.read(from: URL(fileURLWithPath: SeedSweep.path(base, seed: 3)))
    #expect(rescored.runs.first?.seconds == three.record?.seconds, "an ended run's time is its checkpoint's")
  }

  /// A resumed sweep with no checkpoint to carry on says where it looked, in one line.
  @Test func aResumedSweepWithoutCheckpointsSaysSo() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let base = folder.appendingPathComponent("none.json").path
    let run = TrainCommandTests.run(["train", "copy", "--seeds", "1-2", "--resume", "--checkpoint", base])
    #expect(run.code == CommandLineTool.ExitCode.failure)
    #expect(run.error.hasPrefix("error: --resume found no seed's checkpoint to carry on ("), "\(run.error)")
    #expect(run.error.contains(SeedSweep.path(base, seed: 1)))
    #expect(run.error.split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }

  /// Two seeds whose derived checkpoints are one file are refused before training.
  @Test func collidingFilesAreRefused() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let checkpoint = folder.appendingPathComponent("run.json").path
    let run = TrainCommandTests.run(
      ["train", "copy", "--seeds", "1-2", "--checkpoint", checkpoint, "--summary", SeedSweep.path(checkpoint, seed: 2)])
    #expect(run.code == CommandLineTool.ExitCode.failure)
    #expect(run.error.hasSuffix("would both write \(SeedSweep.path(checkpoint, seed: 2)); give each its own file\n"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
  }
}
