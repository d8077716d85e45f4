import Foundation
import NTM
import Testing

@testable import ntm

/// The shipped models: found by name, loadable, and as good as the results page says.
@Suite struct ShippedModelsTests {
  /// The package folder: this file is Tests/ntmTests/ShippedModelsTests.swift.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
  static let page = root.appendingPathComponent("Tutorials/14-results.md")
  /// Scores are printed with three decimals.
  static let printedPrecision = 0.0015

  /// A claim of the results page: a model's score at one length, over all the page's
  /// sequences and over the first few.
  struct Claim: CustomStringConvertible {
    var model: String
    var length: Int
    var score: Double
    var firstScore: Double
    var description: String { "\(model) at \(length): \(score), first sequences \(firstScore)" }
  }

  /// The rows of the page's "Claims checked by the tests" table.
  static func claims() throws -> [Claim] {
    let text = try String(contentsOf: page, encoding: .utf8)
    guard let start = text.range(of: "## Claims checked by the tests") else { return [] }
    return text[start.upperBound...].split(separator: "\n").compactMap { line -> Claim? in
      let cells = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
      guard cells.count == 4, let length = Int(cells[1]), let score = Double(cells[2]), let first = Double(cells[3]) else {
        return nil
      }
      return Claim(model: cells[0], length: length, score: score, firstScore: first)
    }
  }

  @Test func everyShippedModelLoadsByNameAndHasClaims() throws {
    let names = ShippedModels.names
    #expect(names.contains("copy") && names.contains("associative-recall"), "\(names)")
    let claimed = Set(try Self.claims().map(\.model))
    for name in names {
      let (checkpoint, _) = try CheckpointLoading.load(name)
      #expect(checkpoint.optimiser == nil, "\(name) ships without optimiser state")
      #expect(checkpoint.commandLine.prefix(2) == ["ntm", "train"], "\(name) records the command that trained it")
      #expect(claimed.contains(name), "the results page makes no claim for \(name)")
    }
  }

  /// Each claim, scored again on the page's first sequences at that length: the same model on
  /// the same sequences gives the same score, so a shipped file that does not do what the page
  /// says fails.
  @Test(arguments: try claims())
  func theResultsPageClaimsHold(claim: Claim) throws {
    let (checkpoint, model) = try CheckpointLoading.load(claim.model)
    var models = [model]
    let sweep = GeneralisationSweep.run(
      &models, task: checkpoint.task, lengths: [claim.length], count: ResultsPage.checkedSequences, seed: 1)
    let score = sweep.scores(model: 0)[0]
    #expect(abs(score - claim.firstScore) <= Self.printedPrecision, "\(claim): now \(score)")
  }

  /// A model whose record says it reached its target is still below it: scored afresh on
  /// sequences from its whole training range (not the page's), with room for the noise of
  /// a small sample (twice the target, and at least one bit).
  @Test func modelsThatReachedTheirTargetStillDo() throws {
    var checked = 0
    for name in ShippedModels.names {
      var (checkpoint, model) = try CheckpointLoading.load(name)
      guard let record = checkpoint.record, let target = record.target, record.convergedAt != nil else { continue }
      var generator = SplitMix64(seed: 2024)
      let evaluation = Evaluation.run(&model, on: checkpoint.task, count: 40, using: &generator)
      #expect(evaluation.bitErrors < max(2 * target, 1), "\(name): \(evaluation.bitErrors) bits/seq, target \(target)")
      checked += 1
    }
    #expect(checked >= 1, "associative recall, at least, reached its target")
  }

  /// Every sweep shipped in Models/seeds/ reads back, belongs to a shipped model of its task,
  /// and its command parses to that model's plan; copy's holds what the README says of the
  /// default, and repeat copy's and priority sort's what chapter 12 says of their recipes.
  @Test func theShippedSweepsReadBackAndHoldTheirClaims() throws {
    let folder = Self.root.appendingPathComponent("Models/\(ResultsPage.seedsFolder)")
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
    #expect(files.contains("copy.json"))
    for file in files {
      let sweep = try SeedSweep.Summary.Document.read(from: folder.appendingPathComponent(file).path)
      let name = String(file.dropLast(".json".count))
      #expect(ShippedModels.names.contains(name), "\(file) belongs to no shipped model")
      let (checkpoint, _) = try CheckpointLoading.load(name)
      #expect(sweep.task == checkpoint.task.name, "\(file)")
      let command = try #require(sweep.command, "\(file) records its command")
      let plan = try TrainPlan.parse(Array(command.dropFirst(2)))
      #expect(plan.task == checkpoint.task && plan.settings == checkpoint.training, "\(file)")
    }
    let copy = try SeedSweep.Summary.Document.read(from: folder.appendingPathComponent("copy.json").path)
    let at20 = try #require(copy.lengths.firstIndex(of: 20))
    let at100 = try #require(copy.lengths.firstIndex(of: 100))
    // The README's figures, the goal for copy: the plain default command, ten seeds, each
    // scored on 1,000 sequences per length, 9 of them under 0.1 wrong bits at 20, and a median
    // of at most 1 at 100.
    let command = try #require(copy.command)
    #expect(command.prefix(3) == ["ntm", "train", "copy"])
    #expect(command.filter { $0.hasPrefix("--") } == ["--seeds", "--jobs", "--summary"])
    #expect(copy.runs.count == 10)
    #expect(copy.sequencesPerLength >= 1_000)
    #expect(copy.runs.filter { ($0.scores[at20] ?? .infinity) < 0.1 }.count >= 9)
    #expect(try #require(copy.scores[at100]).median <= 1)

    // Chapter 12's repeat copy: three seeds, every one under a wrong bit per sequence at the
    // longest trained length (10), and a median under 4 at twice it.
    let repeatCopy = try SeedSweep.Summary.Document.read(from: folder.appendingPathComponent("repeat-copy.json").path)
    let at10 = try #require(repeatCopy.lengths.firstIndex(of: 10))
    let at20repeat = try #require(repeatCopy.lengths.firstIndex(of: 20))
    #expect(repeatCopy.runs.count >= 3 && repeatCopy.sequencesPerLength >= 1_000)
    #expect(repeatCopy.runs.allSatisfy { ($0.scores[at10] ?? .infinity) < 1 })
    #expect(try #require(repeatCopy.scores[at20repeat]).median < 4)

    // Chapter 12's priority sort: three seeds, a median of at most 10 wrong bits per sequence
    // at the training length (20), every seed under 10.5, under a quarter of its baseline's
    // median over three seeds; and beyond training (30), as the chapter says plainly, a median
    // behind the baseline's.
    let sort = try SeedSweep.Summary.Document.read(from: folder.appendingPathComponent("priority-sort.json").path)
    let sortBaseline = try SeedSweep.Summary.Document.read(
      from: folder.appendingPathComponent("priority-sort-lstm.json").path)
    let at20sort = try #require(sort.lengths.firstIndex(of: 20))
    #expect(sort.runs.count >= 3 && sort.sequencesPerLength >= 1_000)
    #expect(sortBaseline.runs.count >= 3 && sortBaseline.lengths == sort.lengths)
    #expect(sort.evaluationSeed == sortBaseline.evaluationSeed)
    let sortMedian = try #require(sort.scores[at20sort]).median
    #expect(sortMedian <= 10)
    #expect(sort.runs.allSatisfy { ($0.scores[at20sort] ?? .infinity) < 10.5 })
    let baselineMedian = try #require(sortBaseline.scores[at20sort]).median
    #expect(sortMedian < baselineMedian / 4)
    let at30sort = try #require(sort.lengths.firstIndex(of: 30))
    #expect(try #require(sort.scores[at30sort]).median > #require(sortBaseline.scores[at30sort]).median)
  }

  /// The command recorded in each shipped model builds that very model: parsed again, it gives
  /// the checkpoint's task, machine (or baseline), training settings and seed.
  @Test func everyRecordedCommandDescribesItsModel() throws {
    for name in ShippedModels.names {
      let (checkpoint, _) = try CheckpointLoading.load(name)
      let plan = try TrainPlan.parse(Array(checkpoint.commandLine.dropFirst(2)))
      #expect(plan.task == checkpoint.task, "\(name)")
      #expect(plan.settings == checkpoint.training, "\(name)")
      #expect(plan.seed == checkpoint.seed, "\(name)")
      #expect(plan.model.baselineConfiguration == checkpoint.baseline, "\(name)")
      if checkpoint.baseline == nil { #expect(plan.configuration == checkpoint.configuration, "\(name)") }
      #expect(plan.exportPath == "Models/\(name).json", "\(name) was exported where it is shipped")
    }
  }

  @Test func showFindsAShippedModelByName() {
    let result = TrainCommandTests.run(["show", "copy", "--length", "5"])
    #expect(result.code == 0, "\(result.error)")
    #expect(result.output.hasPrefix("copy, length 5, seed 1: ") && result.output.contains("write head 0 weighting"))
  }

  @Test func aShippedModelCannotBeResumed() throws {
    let copy = FileManager.default.temporaryDirectory.appendingPathComponent("shipped-\(UUID().uuidString).json")
    defer { try? FileManager.default.removeItem(at: copy) }
    try FileManager.default.copyItem(at: try #require(ShippedModels.url(named: "copy")), to: copy)
    let before = try Data(contentsOf: copy)
    let result = TrainCommandTests.run(["train", "copy", "--resume", "--checkpoint", copy.path])
    #expect(result.code == 1)
    #expect(result.error.contains("exported for shipping") && result.error.filter { $0 == "\n" }.count == 1, "\(result.error)")
    #expect(try Data(contentsOf: copy) == before, "the file is left as it was")
  }

  @Test func anUnknownNameListsTheShippedOnes() {
    let result = TrainCommandTests.run(["show", "cpoy"])
    #expect(result.code == 1)
    #expect(result.error.hasPrefix("error: no checkpoint file or shipped model called 'cpoy'. Did you mean 'copy'? Shipped models: "))
    #expect(result.error.contains("copy") && result.error.filter { $0 == "\n" }.count == 1)
    #expect(TrainCommandTests.run(["eval", "missing.json"]).error.contains("no file at"))
  }
}

/// The example a usage error gives works on a fresh clone: it names a shipped model.
@Suite struct UsageExampleTests {
  @Test(arguments: [["show"], ["eval"], ["show", "a", "b"], ["eval", "a", "b"]])
  func theExampleInTheErrorRuns(arguments: [String]) throws {
    let result = TrainCommandTests.run(arguments)
    #expect(result.code == 64)
    let error = result.error
    let start = try #require(error.range(of: "e.g. ")).upperBound
    let end = try #require(error[start...].range(of: ". Try")).lowerBound
    let example = error[start..<end].split(separator: " ").map(String.init)
    #expect(example.first == "ntm" && example.count == 3, "\(error)")
    let quick = arguments[0] == "show" ? ["--length", "3"] : ["--lengths", "3", "--sequences", "1"]
    let run = TrainCommandTests.run(Array(example.dropFirst()) + quick)
    #expect(run.code == 0, "\(example.joined(separator: " ")): \(run.error)")
  }
}
