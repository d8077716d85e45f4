import Foundation
import NTM
import Testing

@testable import ntm

/// `ntm eval --compare`: two models of one task, side by side, on the same sequences.
@Suite struct EvalCommandTests {
  static func trained(_ name: String, _ extra: [String], task: String = "copy") throws -> String {
    let path = try TrainCommandTests.folder().appendingPathComponent("\(name).json").path
    let small = task == "copy" ? (extra.contains("--model") ? TrainCommandTests.smallTask : TrainCommandTests.small) : ["--min-length", "8", "--max-length", "8", "--context", "2"]
    let result = TrainCommandTests.run(["train", task, "--sequences", "3", "--checkpoint", path] + small + extra)
    #expect(result.code == 0, "\(result.error)")
    return path
  }

  @Test func comparesAMachineWithTheBaseline() throws {
    let machine = try Self.trained("ntm", [])
    let baseline = try Self.trained("lstm", ["--model", "lstm", "--layer-sizes", "4"])
    let result = TrainCommandTests.run(["eval", machine, "--compare", baseline, "--lengths", "2,5", "--sequences", "2"])
    #expect(result.code == 0, "\(result.error)")
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.contains { $0.hasPrefix("length") && $0.contains("NTM bits/seq") && $0.contains("LSTM bits/seq") })
    #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("2 ") && $0.hasSuffix("trained") })
    #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix("5 ") && $0.hasSuffix("beyond") })
    #expect(lines.contains("wrong bits per sequence:"))
    #expect(lines.contains { $0.contains("NTM") && $0.contains("LSTM") && !$0.contains("bits/seq") }, "the chart's titles")
    #expect(lines.contains { $0.hasPrefix("length 5 │") }, "\(result.output)")
  }

  /// The same sequences for both: a model compared with itself scores the same twice.
  @Test func bothModelsSeeTheSameSequences() throws {
    let path = try Self.trained("same", [])
    var (_, model) = try CheckpointLoading.load(path)
    var models = [model, model]
    let sweep = GeneralisationSweep.run(&models, task: .copy(CopyTask(bits: 3, lengths: 1...3)), lengths: [2, 4], count: 3, seed: 9)
    #expect(sweep.scores(model: 0) == sweep.scores(model: 1))
    _ = model.forward(Matrix(rows: 1, columns: 4))
  }

  @Test func nGramsAreScoredAgainstTheBayesOptimalEstimator() throws {
    let machine = try Self.trained("ngram-ntm", [], task: "ngrams")
    let baseline = try Self.trained("ngram-lstm", ["--model", "lstm", "--layer-sizes", "4"], task: "ngrams")
    let result = TrainCommandTests.run(["eval", machine, "--compare", baseline, "--lengths", "20", "--sequences", "2"])
    #expect(result.code == 0, "\(result.error)")
    #expect(result.output.contains("NTM cost bits") && result.output.contains("Bayes bits") && result.output.contains("Bayes-optimal"))
  }

  @Test func refusesToCompareDifferentTasks() throws {
    let copy = try Self.trained("c", [])
    let ngrams = try Self.trained("n", [], task: "ngrams")
    let result = TrainCommandTests.run(["eval", copy, "--compare", ngrams])
    #expect(result.code == 1 && result.error.contains("do not learn the same task"))
  }

  @Test func twoModelsOfOneKindAreTitledByTheirFiles() throws {
    let (_, model) = try CheckpointLoading.load("copy")
    #expect(EvalCommand.columnTitles(models: [model, model], names: ["runs/a.json", "runs/b.json"]) == ["a", "b"])
    #expect(EvalCommand.columnTitles(models: [model, model], names: ["one/copy.json", "two/copy.json"]) == ["one/copy.json", "two/copy.json"])
    let (_, baseline) = try CheckpointLoading.load("copy-lstm")
    #expect(EvalCommand.columnTitles(models: [model, baseline], names: ["copy", "copy-lstm"]) == ["NTM", "LSTM"])
  }
}
