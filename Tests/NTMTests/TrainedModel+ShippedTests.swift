import Foundation
import NTM
import Testing

/// The models that come with the package load and run through the library alone, as a user of
/// the library would load them: read the file, `model()`, evaluate.
@Suite struct TrainedModelShippedTests {
  /// `Models/` of this package: this file is Tests/NTMTests/, two levels below it.
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Models")

  static var files: [URL] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".json") }.sorted().map { folder.appendingPathComponent($0) }
  }

  @Test func thereAreShippedModels() {
    #expect(Self.files.count >= 2, "no models in \(Self.folder.path)")
  }

  /// Each loads as the kind its name says and scores one short fresh sequence of its task.
  @Test(arguments: files)
  func loadsAndRuns(file: URL) throws {
    let checkpoint = try CheckpointFile.read(from: file)
    var models = [try checkpoint.model()]
    let isBaseline = file.deletingPathExtension().lastPathComponent.hasSuffix("-lstm")
    #expect(models[0].kindName == (isBaseline ? "LSTM" : "NTM"))
    let length = checkpoint.task.lengths.lowerBound
    let sweep = GeneralisationSweep.run(&models, task: checkpoint.task, lengths: [length], count: 1, seed: 1)
    let scores = sweep.scores(model: 0)
    #expect(scores.allSatisfy { $0.isFinite }, "\(scores)")
  }
}
