import Foundation
import NTM
import Testing

@testable import ntm

/// `ntm results`: a page with a row for every task, from whatever models a folder holds.
@Suite struct ResultsCommandTests {
  @Test func quickPageHasEveryTask() throws {
    let folder = try TrainCommandTests.folder()
    for (name, extra) in [("copy", [String]()), ("copy-lstm", ["--model", "lstm", "--layer-sizes", "4"])] {
      let result = TrainCommandTests.run(
        [
          "train", "copy", "--sequences", "2", "--checkpoint", folder.appendingPathComponent("\(name).full.json").path,
          "--export", folder.appendingPathComponent("\(name).json").path,
        ] + (extra.isEmpty ? TrainCommandTests.small : TrainCommandTests.smallTask) + extra)
      #expect(result.code == 0, "\(result.error)")
    }
    let output = folder.appendingPathComponent("page.md").path
    let result = TrainCommandTests.run(["results", "--quick", "--models", folder.path, "--output", output])
    #expect(result.code == 0, "\(result.error)")
    let page = try String(contentsOfFile: output, encoding: .utf8)
    #expect(page.hasPrefix("# 14. Results"))
    for task in TrainingTask.names {
      #expect(page.contains("| \(task) | NTM |") && page.contains("| \(task) | LSTM |"), "summary row for \(task)")
      #expect(page.contains("## \(task)\n"), "section for \(task)")
    }
    #expect(page.contains("| ngrams | NTM | — | no shipped model |"))
    #expect(page.contains("ntm train copy --sequences 2"))
    #expect(page.contains("| copy | 3 | ") && page.contains("| copy-lstm | 100 | "), "claims")
    #expect(page.contains("Quick run"))
  }

  @Test func aMissingModelsFolderIsOneLineNotAnEmptyPage() throws {
    let missing = try TrainCommandTests.folder().appendingPathComponent("no-models-here").path
    let result = TrainCommandTests.run(["results", "--quick", "--models", missing])
    #expect(result.code == 1 && result.output.isEmpty)
    #expect(result.error == "error: no models folder at \(missing); name one with --models DIR\n")
  }

  @Test func rejectsStrayArguments() {
    #expect(TrainCommandTests.run(["results", "now"]).code == 64)
  }
}
