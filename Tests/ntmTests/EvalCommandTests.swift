import Foundation
import NTM
import TerminalCharts
import Testing

@testable import ntm

/// `ntm eval --compare`: two models of one task, side by side, on the same sequences.
@Suite struct EvalCommandTests {
  static func trained(_ name: String, _ extra: [String], task: String = "copy") throws -> String {
    let path = try TrainCommandTests.folder().appendingPathComponent("\(name).json").path
    let small =
      task == "copy"
      ? (extra.contains("--model") ? TrainCommandTests.smallTask : TrainCommandTests.small)
      : ["--min-length", "8", "--max-length", "8", "--context", "2"]
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

  /// A list of lengths with an empty, zero or non-numeric entry is refused in one line, before
  /// any model is loaded.
  @Test(arguments: ["10,,20", ",10", "10,", "0", "x", ""])
  func refusesABadListOfLengths(text: String) {
    let result = TrainCommandTests.run(["eval", "copy", "--lengths", text])
    #expect(result.code == 64)
    #expect(
      result.error
        == "error: --lengths must be whole numbers from 1 to 10000 separated by commas, got '\(text)'. Try 'ntm eval --help'.\n")
    #expect(result.output.isEmpty)
  }

  /// `--by-gap`: a table per length, whose last row holds every answer vector and the wrong
  /// bits of the scores above it; refused, in one line, for any other task.
  @Test func byGapSplitsPrioritySortsWrongBits() throws {
    let path = try TrainCommandTests.folder().appendingPathComponent("sort.json").path
    let sort = ["--min-length", "4", "--max-length", "4", "--outputs", "3", "--bits", "3", "--batch-size", "1"]
    let machine = ["--memory-rows", "8", "--memory-width", "4", "--controller-size", "8"]
    let train = TrainCommandTests.run(["train", "priority-sort", "--sequences", "3", "--checkpoint", path] + sort + machine)
    #expect(train.code == 0, "\(train.error)")
    let result = TrainCommandTests.run(["eval", path, "--lengths", "4,6", "--sequences", "20", "--by-gap"])
    #expect(result.code == 0, "\(result.error)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines.filter { $0.hasPrefix("length 4: wrong bits by the gap") || $0.hasPrefix("length 6: wrong bits by the gap") }.count == 2)
    #expect(lines.filter { $0.hasPrefix("gap") && $0.hasSuffix("share of errors") }.count == 2)
    #expect(lines.filter { $0.hasPrefix("< 0.01 ") || $0.hasPrefix("≥ 0.1 ") }.count == 4, "\(result.output)")
    // The "all" row of length 4: 3 answer vectors a sequence, so a third of the bits per sequence.
    let scored = try #require(lines.first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("4 ") && $0.hasSuffix("trained") })
    let bits = try #require(Double(scored.split(separator: " ")[1]))
    let all = try #require(lines.first { $0.hasPrefix("all ") })
    let each = try #require(Double(all.split(separator: " ")[2]))
    #expect(all.contains("100.0%") && abs(each * 3 - bits) < 0.02, "\(all) against \(bits)")

    let copy = try Self.trained("c", [])
    let refused = TrainCommandTests.run(["eval", copy, "--by-gap"])
    #expect(refused.code != 0 && refused.output.isEmpty)
    #expect(refused.error.contains("--by-gap") && refused.error.contains("learns copy") && refused.error.filter { $0 == "\n" }.count == 1)
  }

  @Test func twoModelsOfOneKindAreTitledByTheirFiles() throws {
    let (_, model) = try CheckpointLoading.load("copy")
    #expect(EvalCommand.columnTitles(models: [model, model], names: ["runs/a.json", "runs/b.json"]) == ["a", "b"])
    #expect(
      EvalCommand.columnTitles(models: [model, model], names: ["one/copy.json", "two/copy.json"]) == ["one/copy.json", "two/copy.json"])
    let (_, baseline) = try CheckpointLoading.load("copy-lstm")
    #expect(EvalCommand.columnTitles(models: [model, baseline], names: ["copy", "copy-lstm"]) == ["NTM", "LSTM"])
  }

  /// Each model's training, not only the first's.
  @Test func theHeadingGivesEachModelsTraining() throws {
    let machine = try Self.trained("heading-ntm", [])
    let path = try TrainCommandTests.folder().appendingPathComponent("heading-lstm.json").path
    let baseline = TrainCommandTests.run(
      [
        "train", "copy", "--sequences", "5", "--checkpoint", path, "--model", "lstm", "--layer-sizes", "4", "--max-length", "2", "--bits",
        "3",
      ])
    #expect(baseline.code == 0, "\(baseline.error)")
    let result = TrainCommandTests.run(["eval", machine, "--compare", path, "--lengths", "2", "--sequences", "1"])
    #expect(result.code == 0, "\(result.error)")
    #expect(
      result.output.hasPrefix(
        "copy: NTM trained on 1–3 vectors for 3 sequences, LSTM trained on 1–2 vectors\n  for 5 sequences; 1 fresh sequence per length, seed 1\n"
      ),
      "\(result.output)")
  }

  /// Without --sequences the count fits the work budget, so the README's comparison answers in
  /// seconds in a debug build; small sweeps still get the full count.
  @Test func theDefaultCountFitsTheWorkBudget() throws {
    let (copy, machine) = try CheckpointLoading.load("copy")
    let (_, baseline) = try CheckpointLoading.load("copy-lstm")
    let cost = EvalCommand.stepCost(machine) + EvalCommand.stepCost(baseline)
    #expect(EvalCommand.stepCost(baseline) == baseline.parameters.count && EvalCommand.stepCost(machine) > machine.parameters.count)
    let lengths = copy.task.evaluationLengths
    let count = EvalCommand.defaultCount(task: copy.task, lengths: lengths, stepCost: cost)
    var generator = SplitMix64(seed: 3)
    let steps = lengths.reduce(0) { $0 + copy.task.sample(length: $1, using: &generator).steps }
    #expect(count >= EvalCommand.fewestDefaultSequences && count < EvalCommand.defaultSequences)
    #expect(count * steps * cost <= EvalCommand.defaultWork && (count + 1) * steps * cost > EvalCommand.defaultWork)
    #expect(EvalCommand.defaultCount(task: copy.task, lengths: [2], stepCost: 100) == EvalCommand.defaultSequences)
    #expect(EvalCommand.defaultCount(task: copy.task, lengths: [10_000], stepCost: 1_000_000) == EvalCommand.fewestDefaultSequences)

    // A small machine on short lengths fits the budget many times over: the full count.
    let small = try Self.trained("default-count", [])
    let result = TrainCommandTests.run(["eval", small, "--lengths", "2"])
    #expect(result.code == 0, "\(result.error)")
    let heading = result.output.replacingOccurrences(of: "\n  ", with: " ")
    #expect(heading.contains("; \(EvalCommand.defaultSequences) fresh sequences per length, seed 1\n"), "\(result.output)")
  }

  /// On a terminal a line says what is being scored and is erased before the results; piped
  /// output never holds it.
  @Test func progressIsShownOnlyOnATerminal() throws {
    let arguments = ["eval", "copy", "--compare", "copy-lstm", "--lengths", "3,4", "--sequences", "1"]
    let recording = Console.Recording()
    var console = recording.console(isInteractive: true)
    #expect(CommandLineTool.run(arguments, console: &console) == 0)
    let steps = ["length 3 with NTM (1 of 4)", "length 3 with LSTM (2 of 4)", "length 4 with NTM (3 of 4)", "length 4 with LSTM (4 of 4)"]
    let expected = steps.map { "\rscoring \($0)…\u{1B}[K" }.joined() + "\r\u{1B}[K"
    #expect(recording.output.hasPrefix(expected + "copy: NTM trained"), "\(recording.output.prefix(300))")
    let piped = TrainCommandTests.run(arguments)
    #expect(!piped.output.contains("\r") && !piped.output.contains("scoring") && piped.error.isEmpty)
  }

  /// The README's comparison at 60 and 80 columns: the heading breaks between words, and
  /// every line fits.
  @Test(arguments: [(60, Self.golden60), (80, Self.golden80)])
  func theComparisonFitsTheTerminal(columns: Int, golden: String) {
    let result = CommandLineToolTests.run(
      ["eval", "copy", "--compare", "copy-lstm", "--lengths", "10,20", "--sequences", "2"],
      environment: ["LANG": "en_US.UTF-8", "COLUMNS": String(columns)])
    #expect(result.code == 0, "\(result.error)")
    #expect(result.output == golden + "\n")
    #expect(result.output.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= columns })
  }

  static let golden60 = """
    copy: NTM trained on 1–20 vectors for 100,000 sequences,
      LSTM trained on 1–20 vectors for 120,000 sequences; 2
      fresh sequences per length, seed 1

    length  NTM bits/seq  LSTM bits/seq  range
    ──────  ────────────  ─────────────  ───────
        10         0.000          0.000  trained
        20         0.000         25.500  trained

    wrong bits per sequence:
              NTM                       LSTM
    length 10 │                  0.000  │                  0.000
    length 20 │                  0.000  │████████████████ 25.500
    """

  static let golden80 = """
    copy: NTM trained on 1–20 vectors for 100,000 sequences, LSTM trained on 1–20
      vectors for 120,000 sequences; 2 fresh sequences per length, seed 1

    length  NTM bits/seq  LSTM bits/seq  range
    ──────  ────────────  ─────────────  ───────
        10         0.000          0.000  trained
        20         0.000         25.500  trained

    wrong bits per sequence:
              NTM                                 LSTM
    length 10 │                            0.000  │                            0.000
    length 20 │                            0.000  │██████████████████████████ 25.500
    """
}
