import Foundation
import NTM
import Testing

@testable import ntm

/// `ntm address`: JSON that parses and whose weightings sum to 1; flags checked like the REPL.
@Suite struct AddressCommandTests {
  static let stages = ["content", "interpolated", "shifted", "weighting"]

  static func json(_ arguments: [String]) throws -> [String: Any] {
    let result = runNTM(["address", "--json"] + arguments)
    #expect(result.code == 0, "\(result.error)")
    let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8))
    return try #require(object as? [String: Any])
  }

  @Test(arguments: [
    [],
    ["--memory", "1 0 0; 0 1 0; 0 0 1", "--key", "0 1 0", "--beta", "10", "--shift", "+1", "--gamma", "2", "--previous", "row 0"],
    ["--rows", "16", "--width", "6", "--seed", "3", "--shift", "0.1,0.1,0.6,0.1,0.1", "--gate", "0.5"],
    ["--rows", "1024", "--width", "3", "--beta", "1e6", "--gamma", "1e6"],
    ["--memory", "0 0; 0 0", "--shift", "0", "--previous", "1 3"],
    ["--rows", "1", "--width", "1"],
  ])
  func jsonParsesAndEveryWeightingSumsToOne(_ arguments: [String]) throws {
    let object = try Self.json(arguments)
    let trace = try #require(object["trace"] as? [String: Any])
    for stage in Self.stages {
      let weights = try #require(trace[stage] as? [Double], "\(stage)")
      #expect(abs(weights.reduce(0, +) - 1) <= 1e-9, "\(stage) sums to \(weights.reduce(0, +))")
      #expect(weights.allSatisfy { $0.isFinite && $0 >= 0 })
    }
    let previous = try #require(object["previousWeighting"] as? [Double])
    #expect(abs(previous.reduce(0, +) - 1) <= 1e-9)
    #expect(object["read"] is [Double])
    #expect(object["memory"] is [[Double]])
    #expect(object["parameters"] is [String: Any])
  }

  @Test func jsonRoundTripsToTheLibrarysNumbers() throws {
    let result = runNTM(["address", "--json", "--beta", "5"])
    let report = try JSONDecoder().decode(AddressCommand.Report.self, from: Data(result.output.utf8))
    var state = PlaygroundState.builtIn
    state.parameters.keyStrength = 5
    let trace = state.trace
    #expect(report.trace == trace)
    #expect(report.read == Read.forward(.init(memory: state.memory, weighting: trace.weighting)).output)
    #expect(report.parameters == state.parameters)
  }

  /// The stages come in the paper's order, the read last, not in alphabetical order.
  @Test func jsonListsTheStagesInThePapersOrder() throws {
    let output = runNTM(["address", "--json"]).output
    let keys = [
      "\"memory\"", "\"previousWeighting\"", "\"parameters\"", "\"trace\"", "\"similarity\"", "\"content\"", "\"interpolated\"",
      "\"shifted\"", "\"weighting\"", "\"read\"",
    ]
    let places = keys.map { output.range(of: $0)?.lowerBound }
    #expect(places.allSatisfy { $0 != nil }, "every key is printed")
    let found = places.compactMap { $0 }
    #expect(found == found.sorted(), "keys in the order \(keys)")
  }

  @Test func flagsSteerTheFocus() throws {
    let object = try Self.json([
      "--memory", "1 0 0; 0 1 0; 0 0 1", "--key", "0,1,0", "--beta", "50", "--gate", "1", "--shift", "+1", "--gamma", "5",
    ])
    let weighting = try #require((object["trace"] as? [String: Any])?["weighting"] as? [Double])
    #expect(Canvas.focus(weighting) == 2)
  }

  @Test func textShowsEveryStageAndTheRead() {
    let result = runNTM(["address"])
    #expect(result.code == 0)
    let header = result.output.split(separator: "\n").first { $0.hasPrefix("  K ") }
    #expect(header?.split(separator: " ") == ["K", "w_c", "w_g", "w̃", "w"])
    #expect(result.output.contains("r = ["))
    #expect(!runNTM(["address"], environment: ["LANG": "C"]).output.unicodeScalars.contains { !$0.isASCII })
  }

  @Test(arguments: [
    (["--beta", "nan"], "error: --beta: β must be a finite number"),
    (["--beta", "1e308"], "error: --beta: β must be from 0 to 1000000"),
    (["--gate", "x"], "error: --gate: 'x' is not a number for g."),
    (["--memory", "1 0; 0"], "error: --memory needs rows of equal length"),
    (["--rows", "5"], "error: a random memory needs both --rows and --width."),
    (["--seed", "3"], "error: a random memory needs both --rows and --width."),
    (["--rows", "-5", "--width", "2"], "error: --rows must be a whole number from 1 to 1024, got '-5'."),
    (["--rows", "5 3", "--width", "2"], "error: --rows must be a whole number from 1 to 1024, got '5 3'."),
    (["--rows", "5", "--width", "300"], "error: --width must be a whole number from 1 to 256, got '300'."),
    (["--rows", "5", "--width", "2", "--seed", "x"], "error: --seed must be a whole number from 0 to"),
    (["--memory", "1 0; 0 1", "--seed", "3"], "error: --seed is for a random memory and --memory gives one;"),
    (["--memory", "1 0; 0 1", "--rows", "3"], "error: --rows is for a random memory and --memory gives one;"),
    (["--memory", "1 x; 0 1"], "error: --memory: 'x' is not a number for row 0."),
    (["--previous", "row 8"], "error: --previous: the row index i must be from 0 to 7, got 8."),
    (
      ["--memory", "1 0; 0 1", "--shift", "+1"],
      "error: --shift: a shift of 1 needs 2|offset| + 1 ≤ N = 2; only offset 0 fits a memory of 2 rows."
    ),
    (["--key", "1 2 3"], "error: --key: the key k needs 4 numbers (W = 4), got 3."),
    (["--shift", "+5"], "error: --shift: a shift of 5 needs 2|offset| + 1 ≤ N = 8"),
    (["--gama", "2"], "error: unknown option --gama for 'address'. Did you mean --gamma?"),
    (["extra"], "error: address takes no argument 'extra'"),
  ])
  func badFlagsGetOneLineAndExit64(_ arguments: [String], _ message: String) {
    let result = runNTM(["address"] + arguments)
    #expect(result.code == 64)
    #expect(result.output.isEmpty)
    #expect(result.error.hasPrefix(message), "\(result.error)")
    #expect(result.error.hasSuffix("\n") && result.error.dropLast().contains("\n") == false)
  }

  /// The help states the defaults a given memory gets, and they are what runs.
  @Test func aGivenMemoryGetsTheDefaultsTheHelpStates() throws {
    #expect(
      AddressCommand.help.unwrapped.contains("the key is its row 0 (all ones when row 0 is zero), w_prev is uniform, and s shifts by +1"))
    let report = try JSONDecoder().decode(
      AddressCommand.Report.self,
      from: Data(runNTM(["address", "--json", "--memory", "0 1 0; 1 0 0; 0 0 1; 1 1 1"]).output.utf8))
    #expect(report.parameters.key == [0, 1, 0])
    #expect(report.previousWeighting == [0.25, 0.25, 0.25, 0.25])
    #expect(report.parameters.shiftWeighting == [0, 0, 1])
    #expect(report.parameters.keyStrength == 20 && report.parameters.gate == 0.8 && report.parameters.sharpening == 3)
    let small = try JSONDecoder().decode(
      AddressCommand.Report.self, from: Data(runNTM(["address", "--json", "--memory", "0 0; 1 0"]).output.utf8))
    #expect(small.parameters.key == [1, 1])
    #expect(small.parameters.shiftWeighting == [1])
    let random = try JSONDecoder().decode(
      AddressCommand.Report.self, from: Data(runNTM(["address", "--json", "--rows", "5", "--width", "3", "--seed", "4"]).output.utf8))
    #expect(random.parameters.key == random.memory[0])
    #expect(random.previousWeighting == Array(repeating: 0.2, count: 5))
    // A key given with the memory is kept.
    let keyed = try JSONDecoder().decode(
      AddressCommand.Report.self, from: Data(runNTM(["address", "--json", "--memory", "1 0; 0 1", "--key", "0 1"]).output.utf8))
    #expect(keyed.parameters.key == [0, 1])
  }

  /// `--previous last` is the final weighting of the other settings: the next time step.
  @Test func previousLastStartsFromTheFinalWeighting() throws {
    #expect(AddressCommand.help.unwrapped.contains("'last' (the final w of"))
    let flags = ["--beta", "5", "--shift", "-1"]
    let once = try JSONDecoder().decode(AddressCommand.Report.self, from: Data(runNTM(["address", "--json"] + flags).output.utf8))
    let next = try JSONDecoder().decode(
      AddressCommand.Report.self, from: Data(runNTM(["address", "--json", "--previous", "last"] + flags).output.utf8))
    #expect(next.previousWeighting == once.trace.weighting)
    #expect(next.parameters == once.parameters)
  }
}

extension String {
  /// The text with its line breaks and indents as single spaces: what a wrapped help says.
  var unwrapped: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }

  @Test func targetRowBackwardJSONListsEveryStageInOrderAndAgreesWithTheNumbers() throws {
    let result = runNTM(["address", "--target-row", "5", "--backward", "--json"])
    #expect(result.code == 0 && result.error.isEmpty)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
    let backward = try #require(object["backward"] as? [String: Any])
    let order = ["\"sharpening\"", "\"shift\"", "\"interpolation\"", "\"content\"", "\"cosineSimilarity\""]
    let walk = try #require(result.output.range(of: "\"backward\"")).upperBound
    let positions = order.compactMap { result.output.range(of: $0, range: walk..<result.output.endIndex)?.lowerBound }
    #expect(positions.count == order.count && positions == positions.sorted())
    let loss = try #require(backward["loss"] as? Double)
    #expect(loss > 0 && loss.isFinite)
    let checks =
      [(backward["sharpening"] as? [String: Any])?["sharpening"], (backward["interpolation"] as? [String: Any])?["gate"]]
      + ((backward["cosineSimilarity"] as? [String: Any])?["key"] as? [Any] ?? []).map { Optional($0) }
      + [(backward["cosineSimilarity"] as? [String: Any])?["largestMemoryEntryCheck"]]
    #expect(checks.count == 7)
    let cosine = try #require(backward["cosineSimilarity"] as? [String: Any])
    let memory = try #require(cosine["memory"] as? [[Double]])
    let entry = try #require(cosine["largestMemoryEntry"] as? [Double])
    let expected = BackwardWalk(.builtIn, target: PlaygroundState.oneHot(5, count: 8))
    // JSON's decimal text reads back to within the last digit.
    let differences = zip(memory.joined(), expected.atMemory.scalars).map { abs($0 - $1) / max(1e-300, abs($1)) }
    #expect(memory.joined().count == 32 && differences.allSatisfy { $0 <= 1e-12 })
    #expect(entry == [Double(expected.memoryRow), Double(expected.memoryColumn)])
    for check in checks {
      let error = try #require((check as? [String: Any])?["relativeError"] as? Double)
      #expect(error <= 1e-7)
    }
  }

  @Test func backwardWithoutATargetIsAUsageError() {
    let result = runNTM(["address", "--backward"])
    #expect(result.code == 64)
    #expect(result.error == "error: --backward needs a loss: give --target-row I too. Try 'ntm address --target-row 5 --backward'.\n")
  }
}
