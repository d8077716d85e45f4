import Foundation
import NTM
import Testing

@testable import ntm

/// Every registered task trains through `ntm train` — the machine and the LSTM baseline — and
/// its checkpoint evaluates at the task's own lengths.
@Suite struct TrainPlanTasksTests {
  /// Tiny settings per task, so a few sequences train in a moment in a debug build.
  static let tiny: [String: [String]] = [
    "copy": ["--max-length", "3", "--bits", "3", "--batch-size", "1"],
    "repeat-copy": ["--max-length", "2", "--max-repeats", "2", "--bits", "3"],
    "associative-recall": ["--max-length", "3", "--bits", "3", "--vectors-per-item", "1"],
    "ngrams": ["--min-length", "12", "--max-length", "12", "--context", "2"],
    "priority-sort": ["--min-length", "4", "--max-length", "4", "--outputs", "2", "--bits", "3"],
    "dyck": ["--max-length", "3"],
  ]
  static let machine = ["--memory-rows", "8", "--memory-width", "4", "--controller-size", "8", "--controller", "lstm"]
  static let baseline = ["--model", "lstm", "--layer-sizes", "6,5"]

  /// The baseline saves beside the machine, never over it: a sweep of each in one folder
  /// keeps both sets of checkpoints.
  @Test(arguments: TrainingTask.names)
  func theBaselinesDefaultCheckpointIsItsOwn(task: String) throws {
    #expect(try TrainPlan.parse([task]).checkpointPath == "\(task).checkpoint.json")
    #expect(try TrainPlan.parse([task, "--model", "lstm"]).checkpointPath == "\(task)-lstm.checkpoint.json")
    #expect(try TrainPlan.parse([task, "--model", "lstm", "--checkpoint", "b.json"]).checkpointPath == "b.json")
    let sweep = try TrainPlan.parse([task, "--model", "lstm", "--seeds", "1-2"])
    #expect(SeedSweep.path(sweep.checkpointPath, seed: 2) == "\(task)-lstm.seed-2.checkpoint.json")
  }

  @Test(arguments: TrainingTask.names, [false, true])
  func eachTaskTrainsAndEvaluates(task: String, isBaseline: Bool) throws {
    let path = try TrainCommandTests.folder().appendingPathComponent("\(task).json").path
    let model = isBaseline ? Self.baseline : Self.machine
    let trained = TrainCommandTests.run(["train", task, "--sequences", "4", "--checkpoint", path] + Self.tiny[task]! + model)
    #expect(trained.code == 0, "\(trained.error)")
    let checkpoint = try CheckpointFile.read(from: URL(fileURLWithPath: path))
    #expect(checkpoint.task.name == task && checkpoint.sequencesSeen == 4 && checkpoint.isBaseline == isBaseline)
    #expect(checkpoint.baseline?.layerSizes == (isBaseline ? [6, 5] : nil))
    let evaluated = TrainCommandTests.run(["eval", path, "--sequences", "2"])
    #expect(evaluated.code == 0, "\(evaluated.error)")
    #expect(evaluated.output.contains("trained") && evaluated.output.contains("beyond"), "\(evaluated.output)")
    let shown = TrainCommandTests.run(["show", path, "--length", "3"])
    #expect(shown.code == 0, "\(shown.error)")
    #expect(shown.output.contains(isBaseline ? "no memory" : "final memory"))
  }

  @Test func taskFlagsReachTheTask() throws {
    let plan = try TrainPlan.parse(["priority-sort", "--outputs", "5", "--max-length", "9", "--min-length", "7"])
    #expect(plan.task == .prioritySort(PrioritySortTask(lengths: 7...9, outputCount: 5)))
    let recall = try TrainPlan.parse(["associative-recall", "--vectors-per-item", "2", "--bits", "4"])
    #expect(recall.task == .associativeRecall(AssociativeRecallTask(bits: 4, vectorsPerItem: 2)))
    let lstm = try TrainPlan.parse(["dyck", "--model", "lstm"])
    #expect(lstm.model == .baseline(LSTMNetworkConfiguration(inputSize: 1, outputSize: 1)))
  }

  /// `--export` writes a shipping copy beside the checkpoint: no optimiser, packed parameters.
  @Test func exportWritesASmallCopy() throws {
    let folder = try TrainCommandTests.folder()
    let (full, shipped) = (folder.appendingPathComponent("full.json"), folder.appendingPathComponent("shipped.json"))
    let result = TrainCommandTests.run(
      ["train", "copy", "--sequences", "3", "--checkpoint", full.path, "--export", shipped.path] + TrainCommandTests.small)
    #expect(result.code == 0 && result.output.contains("Exported for shipping"), "\(result.error)")
    let exported = try CheckpointFile.read(from: shipped)
    #expect(exported.optimiser == nil && exported.commandLine.contains("--export"))
    #expect(try Data(contentsOf: shipped).count * 4 < Data(contentsOf: full).count)
    let resumed = TrainCommandTests.run(["train", "copy", "--resume", "--checkpoint", shipped.path])
    #expect(resumed.code == 1 && resumed.error.contains("cannot resume"))
  }

  /// A flag the task does not use is refused, naming the tasks that use it; so are the
  /// machine's flags for the LSTM baseline.
  @Test(arguments: [
    (["copy", "--context", "3"], "--context is for the ngrams task; 'copy' does not use it. Try 'ntm train --help'."),
    (
      ["ngrams", "--bits", "3"],
      "--bits is for the copy, repeat-copy, associative-recall and priority-sort tasks; 'ngrams' does not use it. Try 'ntm train --help'."
    ),
    (["dyck", "--max-repeats", "2"], "--max-repeats is for the repeat-copy task; 'dyck' does not use it. Try 'ntm train --help'."),
    (["copy", "--outputs", "2"], "--outputs is for the priority-sort task; 'copy' does not use it. Try 'ntm train --help'."),
    (
      ["priority-sort", "--vectors-per-item", "2"],
      "--vectors-per-item is for the associative-recall task; 'priority-sort' does not use it. Try 'ntm train --help'."
    ),
    (
      ["copy", "--model", "lstm", "--memory-rows", "8"],
      "--memory-rows shapes the NTM; the LSTM baseline (--model lstm) does not use it. Try 'ntm train --help'."
    ),
  ])
  func flagsATaskOrModelDoesNotUseAreRefused(words: [String], message: String) {
    #expect(throws: Arguments.UsageError(message: message)) { try TrainPlan.parse(words) }
  }

  /// Every flag a task uses is still accepted.
  @Test func flagsATaskUsesAreAccepted() throws {
    for (flag, tasks) in TrainPlan.tasksUsing {
      for task in tasks {
        let value = flag == "repeat-encoding" ? "unary" : "2"
        _ = try TrainPlan.parse([task, "--\(flag)", value])
      }
    }
  }

  /// Values the parser accepts but the task's generator cannot use are refused at parse time.
  @Test func associativeRecallNeedsEnoughDistinctItems() throws {
    #expect(
      throws: Arguments.UsageError(
        message:
          "associative recall cannot draw 6 distinct items of 1 × 1 bits: there are only 2; use --max-length 2 or more --bits or --vectors-per-item. Try 'ntm train --help'."
      )
    ) {
      try TrainPlan.parse(["associative-recall", "--bits", "1", "--vectors-per-item", "1"])
    }
    // As many items as there are is fine: the generator can draw them all.
    let plan = try TrainPlan.parse(["associative-recall", "--bits", "1", "--vectors-per-item", "2", "--max-length", "4"])
    var generator = SplitMix64(seed: 1)
    _ = plan.task.sample(using: &generator)
  }
}
