import Foundation
import NTM

/// `Models/README.md`: the shipped models, each with its size and the exact command and seed
/// that trained it — read from the checkpoints themselves.
enum ModelsReadme {
  static func render(_ models: [ResultsPage.TaskModels], folder: URL?) -> String {
    var lines = [
      "# Shipped models", "",
      "Trained by the package's own `ntm train` (release build) and exported for shipping with `--export`: parameters "
        + "(single precision), configuration, task and training record, no optimiser state. Load one by name: "
        + "`swift run ntm show copy`, `swift run ntm eval copy --compare copy-lstm`. Their results: "
        + "[Tutorials/14-results.md](../Tutorials/14-results.md). This table is written by "
        + "`ntm results --output Tutorials/14-results.md --readme Models/README.md`.", "",
      "| name | task | model | size | seed | sequences | target reached | wall time | command |",
      "|---|---|---|--:|--:|--:|---|--:|---|",
    ]
    let page = ResultsPage(sequences: 0, seed: 0, quick: false)
    for entry in models {
      for item in [entry.machine, entry.baseline].compactMap({ $0 }) {
        let c = item.checkpoint
        let url = folder?.appendingPathComponent("\(item.name).\(ShippedModels.fileExtension)")
        let bytes = url.flatMap { try? FileManager.default.attributesOfItem(atPath: $0.path)[.size] as? Int } ?? 0
        lines.append(
          "| `\(item.name)` | \(c.task.name) | \(page.describe(c)) | \(bytes / 1024) KB | \(c.seed) | "
            + "\(ProgressText.count(c.sequencesSeen)) | \(page.convergence(c)) | \(c.record.map { ProgressText.duration($0.seconds) } ?? "—") | "
            + "`\(c.commandLine.joined(separator: " "))` |")
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }
}
