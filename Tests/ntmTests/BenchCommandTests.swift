import Foundation
import Testing

@testable import ntm

struct BenchCommandTests {
  @Test func aShortRunPrintsBothFiguresAndOneJSONLine() throws {
    let result = CommandLineToolTests.run(["bench", "--sequences", "3", "--rounds", "3", "--length", "2", "--seed", "4"])
    #expect(result.code == 0)
    #expect(result.error.isEmpty)
    #expect(result.output.contains("training, batch 1, 1 thread:"))
    #expect(result.output.contains("inference (forward only), 1 thread:"))
    let json = try #require(result.output.split(separator: "\n").last)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["steps"] as? Int == 5)
    #expect(object["sequences"] as? Int == 3)
    #expect(object["rounds"] as? Int == 3)
    for key in [
      "train_ms", "forward_ms", "train_best_ms", "forward_best_ms", "train_sequences_per_second",
      "forward_sequences_per_second",
    ] {
      let value = try #require(object[key] as? Double, "\(key)")
      #expect(value > 0 && value.isFinite, "\(key)")
    }
  }

  @Test func badOptionsAreUsageErrors() {
    for words in [
      ["bench", "--length", "0"], ["bench", "--rounds", "0"], ["bench", "--optimiser", "sgd"], ["bench", "extra"], ["bench", "rpel"],
      ["bench", "repl", "--sequences", "3"], ["bench", "reference", "repl"], ["bench", "--threads", "0"],
      ["bench", "--batch-size", "0"], ["bench", "--threads", "257"],
    ] {
      let result = CommandLineToolTests.run(words)
      #expect(result.code == 64, "\(words)")
      #expect(result.error.hasPrefix("error: "), "\(words)")
    }
  }

  /// A batch on several threads is timed beside the same batch on one thread and batch 1 on
  /// one thread, and the JSON's train_ms is the setting asked for.
  @Test func threadsAndBatchesAreTimedBesideBatchOneOnOneThread() throws {
    let result = CommandLineToolTests.run([
      "bench", "--sequences", "4", "--rounds", "1", "--length", "2", "--threads", "2", "--batch-size", "4",
    ])
    #expect(result.code == 0, "\(result.error)")
    for label in ["training, batch 1, 1 thread:", "training, batch 4, 1 thread:", "training, batch 4, 2 threads:"] {
      #expect(result.output.contains(label), "\(label)")
    }
    #expect(result.output.contains("2 threads run batch 4 "))
    let json = try #require(result.output.split(separator: "\n").last)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["threads"] as? Int == 2)
    #expect(object["batch_size"] as? Int == 4)
    for key in ["train_ms", "single_train_ms", "speedup"] {
      let value = try #require(object[key] as? Double, "\(key)")
      #expect(value > 0 && value.isFinite, "\(key)")
    }
  }

  @Test func theSettingsTimedAreBatchOneTheBatchOnOneThreadAndTheAskedOneLast() {
    typealias S = BenchCommand.Setting
    #expect(BenchCommand.settings(for: .single) == [.single])
    #expect(BenchCommand.settings(for: S(batchSize: 1, threads: 2)) == [.single, S(batchSize: 1, threads: 2)])
    #expect(BenchCommand.settings(for: S(batchSize: 8, threads: 1)) == [.single, S(batchSize: 8, threads: 1)])
    #expect(
      BenchCommand.settings(for: S(batchSize: 8, threads: 2)) == [.single, S(batchSize: 8, threads: 1), S(batchSize: 8, threads: 2)])
  }

  @Test func eachRoundIsTimedAndTheMedianIsTheMiddle() {
    let result = BenchCommand.measure(
      sequences: 2, rounds: 3, length: 2, seed: 1, optimiser: .rmsprop, setting: .init(batchSize: 2, threads: 2))
    #expect(result.train.count == 3 && result.train.allSatisfy { $0.count == 3 } && result.forward.count == 3)
    #expect(BenchCommand.median([3, 1, 2]) == 2)
    #expect(BenchCommand.median([4, 1, 2, 3]) == 2.5)
  }

  @Test func aNearMissBenchmarkGetsASuggestion() {
    let result = CommandLineToolTests.run(["bench", "rpel"])
    #expect(result.error.contains("Did you mean 'repl'?"), "\(result.error)")
  }

  /// The REPL benchmark times every line of the script once per repeat and reports them; the
  /// figures themselves are for a person to read, so only their shape is checked here.
  @Test func theReplBenchmarkTimesEveryLineAndPrintsOneJSONLine() throws {
    let timings = BenchCommand.measureRepl(repeats: 1)
    #expect(timings.map(\.line) == ReplCommandList.benchmarkScript)
    #expect(timings.allSatisfy { $0.milliseconds >= 0 && $0.milliseconds.isFinite })
    let report = BenchCommand.replReport(timings)
    #expect(report.contains("slowest commands:"))
    let json = try #require(report.last)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    #expect(object["benchmark"] as? String == "repl")
    #expect(object["lines"] as? Int == ReplCommandList.benchmarkScript.count)
  }

  @Test func theReplReportSaysWhichLinesWereSlow() {
    let report = BenchCommand.replReport([.init(line: "step", milliseconds: 25), .init(line: "read", milliseconds: 1)])
    #expect(report.contains("1 of 2 lines took 20 ms or more."))
    let fast = BenchCommand.replReport([.init(line: "read", milliseconds: 1.5)])
    #expect(fast.contains("All 1 lines answered in under 20 ms (the slowest in 1.500 ms)."))
  }
}
