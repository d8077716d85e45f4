import Foundation
import NTM

/// Loading a checkpoint for `train --resume`, `eval`, `show` and `results`: find it (a file
/// path, or the name of a shipped model), read it, validate it against the model it describes,
/// and turn any problem into one line (exit 1).
enum CheckpointLoading {
  /// The checkpoint at `path` — or, when no file is there, the shipped model called `path` —
  /// and the model it describes, with the saved parameters.
  static func load(_ path: String) throws -> (checkpoint: Checkpoint, model: TrainedModel) {
    let url = try ShippedModels.resolve(path)
    do {
      let checkpoint = try CheckpointFile.read(from: url)
      if checkpoint.baseline == nil, let problem = checkpoint.configuration.problems.first {
        throw CheckpointError.invalid("configuration: \(problem)")
      }
      if let problem = checkpoint.baseline?.problems.first { throw CheckpointError.invalid("baseline: \(problem)") }
      try checkpoint.validate(parameterCount: TrainedModel.parameterCount(for: checkpoint))
      return (checkpoint, TrainedModel(checkpoint: checkpoint))
    } catch let error as CheckpointError {
      throw CommandLineTool.Failure(message: "cannot load checkpoint \(EchoedText.path(path)): \(error.description)")
    }
  }
}
