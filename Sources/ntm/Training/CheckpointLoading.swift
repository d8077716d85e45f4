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
      return (checkpoint, try checkpoint.model())
    } catch {
      throw CommandLineTool.Failure(message: "cannot load checkpoint \(EchoedText.path(path)): \(error.description)")
    }
  }

  /// Refuses to run the loaded checkpoint's model on examples of `length` (the task's unit)
  /// when that would not fit in this computer's memory, before the tape is allocated.
  static func checkMemory(_ checkpoint: Checkpoint, length: Int, path: String, physicalBytes: Double = MemoryEstimate.physicalBytes) throws
  {
    if let problem = MemoryEstimate.checkpoint(checkpoint, length: length).problem(physicalBytes: physicalBytes) {
      throw CommandLineTool.Failure(message: "cannot run \(path) at length \(length): \(problem). Try a shorter length.")
    }
  }
}
