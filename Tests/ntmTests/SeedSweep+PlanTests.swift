import Foundation
import NTM
import Testing

@testable import ntm

/// `--seeds` and the options beside it, parsed: the list, its bounds and conflicts, and the
/// files each seed's run writes.
@Suite struct SeedSweepPlanTests {
  /// Bad lists and conflicts are usage errors: one line, what to type, exit 64.
  @Test(arguments: [
    (["--seeds", "3-1"], "error: --seeds range 3-1 runs backwards; write 1-3. Try 'ntm train --help'."),
    (
      ["--seeds", "a"],
      "error: --seeds must be seeds from 0 to \(Limits.seed.upperBound) as a range or a list, e.g. 1-10 or 1,4,7, got 'a'. Try 'ntm train --help'."
    ),
    (
      ["--seeds", ""],
      "error: --seeds must be seeds from 0 to \(Limits.seed.upperBound) as a range or a list, e.g. 1-10 or 1,4,7, got ''. Try 'ntm train --help'."
    ),
    (
      ["--seeds", "1,"],
      "error: --seeds must be seeds from 0 to \(Limits.seed.upperBound) as a range or a list, e.g. 1-10 or 1,4,7, got '1,'. Try 'ntm train --help'."
    ),
    (
      ["--seeds", "1-\(SeedSweep.maximumSeeds + 1)"],
      "error: --seeds names more than \(SeedSweep.maximumSeeds) seeds; sweep at most \(SeedSweep.maximumSeeds) at once. Try 'ntm train --help'."
    ),
    (
      ["--seeds", "0-\(SeedSweep.maximumSeeds - 1),\(SeedSweep.maximumSeeds)"],
      "error: --seeds names more than \(SeedSweep.maximumSeeds) seeds; sweep at most \(SeedSweep.maximumSeeds) at once. Try 'ntm train --help'."
    ),
    (["--seeds", "1-3,2"], "error: --seeds names seed 2 twice; give each seed once. Try 'ntm train --help'."),
    (["--seeds", "4,4"], "error: --seeds names seed 4 twice; give each seed once. Try 'ntm train --help'."),
    (
      ["--seeds", "1-3", "--seed", "2"],
      "error: --seeds trains one run for each of its seeds, so it cannot take --seed; drop one of them. Try 'ntm train --help'."
    ),
    (
      ["--seeds", "1-3", "--eval-seed", "2"],
      "error: --eval-seed 2 is one of the training seeds; give one outside --seeds, e.g. --eval-seed 1000003. Try 'ntm train --help'."
    ),
    (["--jobs", "2"], "error: --jobs belongs to a seed sweep; add --seeds, e.g. --seeds 1-5. Try 'ntm train --help'."),
    (
      ["--score-sequences", "500"],
      "error: --score-sequences belongs to a seed sweep; add --seeds, e.g. --seeds 1-5. Try 'ntm train --help'."
    ),
    (
      ["--seeds", "1-2", "--svg", "-"],
      "error: --seeds draws one learning curve per seed, so --svg needs a file, not -. Try 'ntm train --help'."
    ),
  ])
  func badSeedsAreUsageErrors(words: [String], message: String) {
    let run = TrainCommandTests.run(["train", "copy"] + words)
    #expect(run.code == CommandLineTool.ExitCode.usage)
    #expect(run.error == message + "\n")
    #expect(run.output.isEmpty)
  }

  /// Every task takes `--seeds`, as a range or a list.
  @Test(arguments: ["copy", "repeat-copy", "associative-recall", "ngrams", "priority-sort", "dyck"])
  func everyTaskTakesSeeds(task: String) throws {
    let range = try TrainPlan.parse([task, "--seeds", "1-3"])
    #expect(range.sweep?.seeds == [1, 2, 3])
    let list = try TrainPlan.parse([task, "--seeds", "1,4,7", "--jobs", "2", "--eval-seed", "99"])
    #expect(list.sweep == SeedSweep.Plan(seeds: [1, 4, 7], jobs: 2, evaluationSeed: 99, summaryPath: nil))
    // A thousand sequences per length unless told: enough to see a failure one sequence in
    // a few hundred makes.
    #expect(range.sweep?.sequencesPerLength == 1_000)
    let scored = try TrainPlan.parse([task, "--seeds", "1-3", "--score-sequences", "250"])
    #expect(scored.sweep?.sequencesPerLength == 250)
    #expect(try TrainPlan.parse([task]).sweep == nil)
  }

  /// Each seed's file is the given one with `.seed-<seed>` before its first extension.
  @Test(arguments: [
    ("copy.checkpoint.json", "copy.seed-3.checkpoint.json"),
    ("runs/x", "runs/x.seed-3"),
    ("runs.d/x.json", "runs.d/x.seed-3.json"),
    (".hidden", ".hidden.seed-3"),
    ("a/.b.json", "a/.b.seed-3.json"),
  ])
  func derivedPaths(path: String, expected: String) {
    #expect(SeedSweep.path(path, seed: 3) == expected)
  }
}
