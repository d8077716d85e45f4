import Foundation
import NTM
import Testing

@testable import ntm

/// `ntm results` with a seed sweep shipped beside a model: the page reports the sweep's
/// median and range, and how the shipped model relates to it.
@Suite struct ResultsPageSeedsTests {
  /// A summary as written before it recorded its command, jobs and wall time.
  static let oldSummary = """
    {
      "evaluation_seed" : 1000003,
      "lengths" : [1, 2],
      "reached_at" : null,
      "runs" : [
        {"checkpoint" : "c.seed-1.json", "failed_confirmations" : 0, "scores" : [0.5, 1.5], "seed" : 1, "seconds" : 2.5,
         "sequences" : 40},
        {"checkpoint" : "c.seed-2.json", "failed_confirmations" : 0, "scores" : [0.25, null], "seed" : 2, "seconds" : 3,
         "sequences" : 40}
      ],
      "scores" : [{"high" : 0.5, "low" : 0.25, "median" : 0.375}, {"high" : 1.5, "low" : 1.5, "median" : 1.5}],
      "seconds" : {"high" : 3, "low" : 2.5, "median" : 2.75},
      "sequences_per_length" : 100,
      "task" : "copy"
    }
    """

  static func decoder() -> JSONDecoder {
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    return decoder
  }

  /// A sweep with `--seeds 1-3 --summary Models/seeds/copy.json`, and the shipped model trained
  /// by the same command with `--seed 2 --export`: the page's "Across seeds" part holds the
  /// command, the seeds, jobs and wall time, and the JSON's medians and ranges, and says the
  /// shipped model is seed 2 — its median seed or not, as the JSON's scores say.
  @Test func thePageReportsTheShippedModelsSweep() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let models = folder.appendingPathComponent("Models")
    let seeds = models.appendingPathComponent("seeds")
    try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
    let summaryPath = seeds.appendingPathComponent("copy.json").path
    let rule = ["--sequences", "40", "--stop-below", "100", "--eval-every", "20", "--eval-sequences", "2"]
    let sweepCommand =
      ["train", "copy", "--seeds", "1-3", "--jobs", "2", "--checkpoint", folder.appendingPathComponent("copy.checkpoint.json").path]
      + ["--summary", summaryPath] + TrainCommandTests.small + rule
    let sweep = TrainCommandTests.run(sweepCommand)
    #expect(sweep.code == 0, "\(sweep.error)")
    let shipped = TrainCommandTests.run(
      [
        "train", "copy", "--seed", "2", "--checkpoint", folder.appendingPathComponent("copy.full.json").path,
        "--export", models.appendingPathComponent("copy.json").path,
      ] + TrainCommandTests.small + rule)
    #expect(shipped.code == 0, "\(shipped.error)")

    let pagePath = folder.appendingPathComponent("page.md").path
    let result = TrainCommandTests.run(["results", "--quick", "--models", models.path, "--output", pagePath])
    #expect(result.code == 0, "\(result.error)")
    let page = try String(contentsOfFile: pagePath, encoding: .utf8)
    let document = try Self.decoder().decode(ResultsPage.Sweep.self, from: Data(contentsOf: URL(fileURLWithPath: summaryPath)))

    let summary = try #require(page.components(separatedBy: "\n## ").first { $0.hasPrefix("Summary\n") })
    #expect(summary.hasSuffix("|\n\n" + ResultsPage.sweepNote + "\n"), "the note sits under the summary table")
    let copy = try #require(page.components(separatedBy: "\n## ").first { $0.hasPrefix("copy\n") })
    let part = try #require(copy.components(separatedBy: "### Across seeds: NTM (`copy`)\n\n").dropFirst().first)
    #expect(!page.contains("Across seeds: LSTM"), "no baseline, no sweep of it")
    #expect(part.hasPrefix("```\n" + (["ntm"] + sweepCommand).joined(separator: " ") + "\n```\n\n"), "\(part)")
    let wall = try #require(document.wallSeconds)
    #expect(part.contains("\n3 seeds (1–3), 2 at a time, \(ProgressText.duration(wall)) wall time in all on this machine.\n"))
    #expect(part.contains("| length (vectors) | median | lowest | highest |\n|--:|--:|--:|--:|\n"))
    for (index, length) in document.lengths.enumerated() {
      let scores = document.runs.compactMap { $0.scores[index] }
      let statistic = try #require(document.scores[index])
      #expect(statistic.median == SeedSweep.Summary.median(scores))
      let cells = [statistic.median, statistic.low, statistic.high].map { ProgressText.fixed($0, 3) }
      #expect(part.contains("\n| \(length) | \(cells.joined(separator: " | ")) |\n"), "row for length \(length)")
    }
    let reached = document.runs.compactMap { $0.confirmation?.passed == true ? $0.reachedAt : nil }
    #expect(reached.count == 3, "every seed reaches a target of 100 wrong bits")
    let at = reached.sorted()
    #expect(
      part.contains(
        "Reached < 100 wrong bits per sequence, confirmed: 3 of 3 seeds; sequences to reach it: median "
          + "\(ProgressText.count(at[1])), lowest \(ProgressText.count(at[0])), highest \(ProgressText.count(at[2]))."))

    // The median seed at copy's claim length, found here by sorting the JSON's scores.
    let checkpoint = try CheckpointFile.read(from: models.appendingPathComponent("copy.json"))
    let length = ResultsPage.medianLength(checkpoint.task)
    let index = try #require(document.lengths.firstIndex(of: length))
    let ranked = document.runs.map { ($0.scores[index] ?? .infinity, $0.seed) }.sorted { $0 < $1 }
    let own = try #require(ranked.first { $0.1 == 2 })
    if own.0 == ranked[1].0 {
      #expect(part.contains("\nThe shipped model is seed 2 of this sweep (its median seed at length \(length)).\n"), "\(part)")
    } else {
      #expect(
        part.contains(
          "\nThe shipped model is seed 2 of this sweep (not its median seed at length \(length): that is seed \(ranked[1].1), at "
            + "\(ProgressText.fixed(ranked[1].0, 3)) against \(ProgressText.fixed(own.0, 3)) for seed 2).\n"), "\(part)")
    }

    // Another budget, or another seed, is another model.
    let results = ResultsPage(sequences: 3, seed: 1, quick: true)
    var longer = document
    longer.command = try #require(document.command).map { $0 == "40" ? "41" : $0 }
    #expect(results.relation(checkpoint, to: longer) == "The shipped model was not trained by this sweep's command.")
    var others = document
    others.runs.removeAll { $0.seed == 2 }
    #expect(results.relation(checkpoint, to: others) == "The shipped model was not trained by this sweep's command.")
    // Seed 2 halfway between the other two is the median seed.
    var middle = document
    let rest = ranked.filter { $0.1 != 2 }.map(\.0)
    let two = try #require(middle.runs.firstIndex { $0.seed == 2 })
    middle.runs[two].scores[index] = (rest[0] + rest[1]) / 2
    #expect(
      results.relation(checkpoint, to: middle) == "The shipped model is seed 2 of this sweep (its median seed at length \(length)).")
  }

  /// A sweep of a task scored by its cost (N-grams) has the Bayes-optimal estimator's cost
  /// beside its median and range, worked out on the very sequences the sweep scored: its eval
  /// seed and count. Wrong-bit tasks have no such column.
  @Test func aCostSweepShowsTheBayesOptimalEstimator() throws {
    let (checkpoint, model) = try CheckpointLoading.load("ngrams")
    let shipped = ShippedModelsTests.root.appendingPathComponent("Models/\(ResultsPage.seedsFolder)/ngrams.json")
    var sweep = try SeedSweep.Summary.Document.read(from: shipped.path)
    sweep.sequencesPerLength = 5
    let page = ResultsPage(sequences: 3, seed: 1, quick: true)
    let lines = page.acrossSeeds(.init(name: "ngrams", checkpoint: checkpoint, model: model), sweep: sweep)
    #expect(lines.contains("| length (bits) | median | lowest | highest | Bayes-optimal |"), "\(lines)")
    for (index, length) in sweep.lengths.enumerated() {
      let optimal = try #require(
        GeneralisationSweep.optimalBits(task: checkpoint.task, length: length, count: 5, seed: sweep.evaluationSeed))
      // The estimator's cost is the NTM's floor: near it, but not far above the models' scores.
      let statistic = try #require(sweep.scores[index])
      #expect(optimal > 0.3 * statistic.median && optimal < 1.5 * statistic.median, "\(length): \(optimal)")
      let row = try #require(lines.first { $0.hasPrefix("| \(length) | ") })
      #expect(row.hasSuffix(" | \(ProgressText.fixed(optimal, 3)) |"), "\(row)")
    }
    let (copy, copyModel) = try CheckpointLoading.load("copy")
    let copySweep = try SeedSweep.Summary.Document.read(
      from: ShippedModelsTests.root.appendingPathComponent("Models/\(ResultsPage.seedsFolder)/copy.json").path)
    let copyLines = page.acrossSeeds(.init(name: "copy", checkpoint: copy, model: copyModel), sweep: copySweep)
    #expect(copyLines.contains("| length (vectors) | median | lowest | highest |"))
    #expect(!copyLines.joined().contains("Bayes"))
  }

  /// Where both models of a task ship a sweep, the summary compares their medians within
  /// training and beyond, as the sweeps' JSON says; the standing follows the numbers, and
  /// sweeps from different eval seeds are not compared.
  @Test func theSummaryComparesTheSweepsMedians() throws {
    let seeds = ShippedModelsTests.root.appendingPathComponent("Models/\(ResultsPage.seedsFolder)")
    let (checkpoint, model) = try CheckpointLoading.load("dyck")
    let (baseline, baselineModel) = try CheckpointLoading.load("dyck-lstm")
    let ntm = try SeedSweep.Summary.Document.read(from: seeds.appendingPathComponent("dyck.json").path)
    let lstm = try SeedSweep.Summary.Document.read(from: seeds.appendingPathComponent("dyck-lstm.json").path)
    func entry(_ ntm: ResultsPage.Sweep?, _ lstm: ResultsPage.Sweep?) -> ResultsPage.TaskModels {
      .init(
        task: "dyck", machine: .init(name: "dyck", checkpoint: checkpoint, model: model, sweep: ntm),
        baseline: .init(name: "dyck-lstm", checkpoint: baseline, model: baselineModel, sweep: lstm))
    }
    let page = ResultsPage(sequences: 3, seed: 1, quick: true)
    let line = try #require(page.medianVerdict(entry(ntm, lstm)))
    func median(_ sweep: ResultsPage.Sweep, _ length: Int) -> String {
      let index = sweep.lengths.firstIndex(of: length)
      return index.flatMap { sweep.scores[$0] }.map { ProgressText.fixed($0.median, 3) } ?? "missing"
    }
    #expect(line.hasPrefix("- **dyck** (NTM 3 seeds, 1,000 sequences, LSTM 3 seeds, 1,000 sequences per length, eval seed 1000003): "))
    let pattern =
      /(within training|beyond it) \(([0-9]+)\): the NTM's median is (ahead of|behind|level with) the LSTM's, ([0-9]+\.[0-9]+) against ([0-9]+\.[0-9]+)/
    let matches = line.matches(of: pattern)
    #expect(matches.map { String($0.output.1) } == ["within training", "beyond it"], "\(line)")
    #expect(matches.map { Int($0.output.2) } == [20, 50], "\(line)")
    for match in matches {
      let length = try #require(Int(match.output.2))
      #expect(String(match.output.4) == median(ntm, length) && String(match.output.5) == median(lstm, length))
      let (a, b) = (try #require(Double(match.output.4)), try #require(Double(match.output.5)))
      #expect(match.output.3 == (a < b ? "ahead of" : (a > b ? "behind" : "level with")), "\(line)")
    }
    // A worse NTM median beyond training reads "behind".
    var worse = ntm
    let at50 = try #require(ntm.lengths.firstIndex(of: 50))
    worse.scores[at50]?.median = 9
    let behind = try #require(page.medianVerdict(entry(worse, lstm)))
    #expect(behind.hasSuffix("behind the LSTM's, 9.000 against \(median(lstm, 50))."), "\(behind)")
    var other = lstm
    other.evaluationSeed += 1
    #expect(page.medianVerdict(entry(ntm, other)) == nil, "other sequences, no comparison")
    #expect(page.medianVerdict(entry(ntm, nil)) == nil && page.medianVerdict(entry(nil, lstm)) == nil)
  }

  /// A task trained at one length has its median seed picked there, where its claim is made;
  /// copy's at 100, beyond training.
  @Test func theMedianSeedIsPickedWhereTheClaimIsMade() {
    #expect(ResultsPage.medianLength(.prioritySort(PrioritySortTask())) == 20)
    #expect(ResultsPage.medianLength(.ngrams(NGramTask())) == 200)
    #expect(ResultsPage.medianLength(.copy(CopyTask())) == 100)
    #expect(ResultsPage.claimLength(.prioritySort(PrioritySortTask())) == 30)
  }

  /// Files written before the command, jobs and wall time were recorded still decode, and the
  /// page says what it cannot know, and what it can.
  @Test func anOldSummaryStillDecodes() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("copy.json").path
    try Self.oldSummary.write(toFile: path, atomically: true, encoding: .utf8)
    let document = try ResultsPage.Sweep.read(from: path)
    #expect(document.command == nil && document.jobs == nil && document.wallSeconds == nil)
    #expect(document.runs.map(\.seed) == [1, 2] && document.runs[1].scores == [0.25, nil])
    #expect(document.scores.map { $0?.median } == [0.375, 1.5])
    // Without a wall time in all (an old file, or a resumed sweep), the page gives each
    // seed's training time instead.
    let (checkpoint, model) = try CheckpointLoading.load("copy")
    func facts(_ seconds: SeedSweep.Summary.Document.Statistic) -> [String] {
      var sweep = document
      sweep.seconds = seconds
      return ResultsPage(sequences: 3, seed: 1, quick: true).acrossSeeds(
        .init(name: "copy", checkpoint: checkpoint, model: model), sweep: sweep)
    }
    let time = [4000.0, 3000, 5000].map(ProgressText.duration)
    let spread = facts(.init(median: 4000, low: 3000, high: 5000))
    #expect(spread.contains("2 seeds (1, 2), \(time[0]) of training per seed (median; \(time[1]) to \(time[2])) on this machine."))
    #expect(!spread.joined().contains("wall time"))
    let even = facts(.init(median: 4000, low: 4000, high: 4010))
    #expect(even.contains("2 seeds (1, 2), \(time[0]) of training per seed on this machine."), "\(even)")
  }

  /// A sweep file that is not one, or is of another task, is one line naming it; the page is
  /// not written.
  @Test(arguments: [
    ("{\"task\": \"copy\", \"lengths\": [1", "it is not valid JSON"),
    (oldSummary.replacingOccurrences(of: "\"sequences_per_length\" : 100,", with: ""), "the field sequences_per_length is missing"),
    (oldSummary.replacingOccurrences(of: "[0.25, null]", with: "[0.25]"), "seed 2 has 1 scores for 2 lengths"),
    (oldSummary.replacingOccurrences(of: "\"seed\" : 2", with: "\"seed\" : \"two\""), "the field runs[1].seed has the wrong type"),
  ])
  func aMalformedSweepIsOneLine(text: String, problem: String) throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let seeds = folder.appendingPathComponent("seeds")
    try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
    let path = seeds.appendingPathComponent("copy.json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let output = folder.appendingPathComponent("page.md").path
    let result = TrainCommandTests.run(["results", "--quick", "--models", folder.path, "--output", output])
    #expect(result.code == 1 && result.output.isEmpty)
    #expect(result.error == "error: cannot read the seed sweep \(path): \(problem)\n")
    #expect(!FileManager.default.fileExists(atPath: output))
  }

  @Test func aSweepOfAnotherTaskIsRefused() throws {
    let folder = try TrainCommandTests.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let seeds = folder.appendingPathComponent("seeds")
    try FileManager.default.createDirectory(at: seeds, withIntermediateDirectories: true)
    let path = seeds.appendingPathComponent("dyck-lstm.json").path
    try Self.oldSummary.write(toFile: path, atomically: true, encoding: .utf8)
    let result = TrainCommandTests.run(["results", "--quick", "--models", folder.path])
    #expect(result.code == 1)
    #expect(
      result.error
        == "error: the seed sweep \(path) is of the task 'copy', not dyck; put each sweep beside its model, as seeds/<model name>.json\n")
  }

  @Test func seedListsShowRunsAsRanges() {
    #expect(ResultsPage.seedList([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]) == "1–10")
    #expect(ResultsPage.seedList([1, 2, 3, 7]) == "1–3, 7")
    #expect(ResultsPage.seedList([2, 3, 9]) == "2, 3, 9")
    #expect(ResultsPage.seedList([5, 4, 3]) == "5, 4, 3")
    #expect(ResultsPage.seedList([UInt64.max, 0]) == "\(UInt64.max), 0")
  }

  /// The lower middle of an even count; runs without a score are left out.
  @Test func theMedianRunIsTheMiddleScore() throws {
    let document = try Self.decoder().decode(ResultsPage.Sweep.self, from: Data(Self.oldSummary.utf8))
    func run(_ seed: UInt64, _ score: Double?) -> ResultsPage.Sweep.Run {
      var run = document.runs[0]
      run.seed = seed
      run.scores = [score]
      return run
    }
    #expect(ResultsPage.medianRun([run(1, 3), run(2, 1), run(3, 2)], at: 0)?.run.seed == 3)
    #expect(ResultsPage.medianRun([run(1, 4), run(2, 1), run(3, 3), run(4, 2)], at: 0)?.run.seed == 4)
    #expect(ResultsPage.medianRun([run(1, nil), run(2, 5), run(3, 1)], at: 0)?.run.seed == 3)
    #expect(ResultsPage.medianRun([run(1, nil)], at: 0) == nil)
  }
}
