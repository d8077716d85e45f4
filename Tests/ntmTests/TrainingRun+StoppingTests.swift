import Foundation
import NTM
import Testing

@testable import ntm

/// `--stop-below`: a run stops only when its periodic check and two confirmation rounds of
/// fresh sequences are all below the target, says what it measured, and trains on exactly the
/// sequences (and initial memories) a run without a target would, until it stops.
@Suite struct TrainingRunStoppingTests {
  /// A run of the tiny machine with `words`, whose scores come from `scores` (given the run's
  /// sequences seen and the number of sequences scored) after the real evaluation has drawn its
  /// sequences and run the model, so the test sees every side effect a real one has.
  static func run(
    _ words: [String], memory: String = "constant", scores: @escaping (_ seen: Int, _ count: Int) -> Double
  ) throws -> (run: TrainingRun, code: Int32, output: String) {
    let path = try TrainCommandTests.folder().appendingPathComponent("run.json").path
    let plan = try TrainPlan.parse(["copy", "--checkpoint", path, "--memory-init", memory] + words + TrainCommandTests.small)
    var run = try TrainingRun(plan: plan, commandLine: ["ntm", "train"])
    var seen = 0
    run.score = { model, task, count, _, generator in
      let real = Evaluation.run(&model, on: task, count: count, using: &generator)
      return Evaluation(sequences: real.sequences, bitErrors: scores(seen, count), loss: real.loss)
    }
    let recording = Console.Recording()
    var console = recording.console()
    // `score` cannot see the trainer, so the interrupt check (once per update) counts for it.
    run.interrupted = {
      seen += 1
      return false
    }
    let code = try run.run(console: &console)
    return (run, code, recording.output.replacingOccurrences(of: "\n  ", with: " "))
  }

  static let rule = ["--sequences", "60", "--eval-every", "10", "--eval-sequences", "3", "--stop-below", "0.5"]

  /// Every check passes; the confirmation fails in its first round at 10 and 30 and in its
  /// second at 20; the one at 40 holds.
  @Test func stopsOnlyWhenBothConfirmationsPass() throws {
    var rounds = 0
    let (run, code, output) = try Self.run(Self.rule) { seen, count in
      guard count == StoppingRule.confirmationSequences else { return 0.25 }
      rounds += 1
      return seen < 20 ? 0.75 : seen < 30 ? (rounds == 3 ? 0.5 : 0.125) : seen < 40 ? 0.75 : 0.375
    }
    #expect(code == 0)
    let record = try #require(run.currentCheckpoint().record)
    #expect(run.trainer.sequencesSeen == 40 && record.convergedAt == 40)
    #expect(record.failedConfirmations == 3, "at 10 and 30 (first round) and 20 (second round)")
    #expect(rounds == 1 + 2 + 1 + 2, "one round at 10 and 30, two at 20 and 40")
    let confirmation = try #require(record.confirmation)
    #expect(confirmation.passed && confirmation.sequences == 40 && confirmation.target == 0.5)
    #expect(confirmation.check.bitErrors == 0.25 && confirmation.check.sequences == 3)
    #expect(confirmation.rounds.map(\.bitErrors) == [0.375, 0.375])
    #expect(confirmation.rounds.map(\.sequences) == [StoppingRule.confirmationSequences, StoppingRule.confirmationSequences])
    #expect(record.evaluations.map(\.sequences) == [10, 20, 30, 40], "the curve")
    #expect(output.contains("confirmation: 0.750 bits/seq over 1,000 fresh sequences; not confirmed, training on."))
    #expect(output.contains("confirmation: 0.125 bits/seq over 1,000 fresh sequences, then 0.500 over 1,000 more; not confirmed"))
    #expect(
      output.contains(
        "Reached < 0.5 bits/seq at 40 sequences (confirmation: 0.375 bits/seq over 1,000 fresh sequences, then 0.375 over 1,000 more)"
      ), "\(output)")
  }

  /// A check that never passes costs no confirmation at all.
  @Test func noConfirmationWithoutAPassingCheck() throws {
    var confirmations = 0
    let (run, code, _) = try Self.run(Self.rule) { _, count in
      if count == StoppingRule.confirmationSequences { confirmations += 1 }
      return 0.5
    }
    #expect(code == 0 && confirmations == 0)
    let record = try #require(run.currentCheckpoint().record)
    #expect(run.trainer.sequencesSeen == 60 && record.convergedAt == nil && record.confirmation == nil)
    #expect(record.evaluations.count == 6)
  }

  /// With a random initial memory (drawn by the machine's own generator), a run with a target
  /// that checks and fails confirmations at 10, 20 and 30 and stops at 40 has trained exactly
  /// as a run without one trained to 40: the same parameters, the same generators.
  @Test func aTargetNeverChangesWhatTrainingSees() throws {
    let (stopped, code, _) = try Self.run(Self.rule, memory: "random") { seen, count in
      count == StoppingRule.confirmationSequences && seen < 40 ? 0.75 : 0
    }
    #expect(code == 0 && stopped.trainer.sequencesSeen == 40)
    #expect(stopped.currentCheckpoint().record?.failedConfirmations == 3)
    let (plain, _, _) = try Self.run(["--sequences", "40"], memory: "random") { _, _ in 1 }
    #expect(plain.trainer.model.parameters == stopped.trainer.model.parameters)
    #expect(plain.trainer.generator == stopped.trainer.generator)
    #expect(plain.trainer.model.modelGenerator == stopped.trainer.model.modelGenerator)
  }

  /// A checkpoint written before confirmations and curves were kept (no `confirmation`, no
  /// `failedConfirmations`) loads, and its unconfirmed target reads as such.
  @Test func aCheckpointWithoutTheNewFieldsLoads() throws {
    let (run, _, _) = try Self.run(Self.rule) { _, _ in 0 }
    let url = URL(fileURLWithPath: run.plan.checkpointPath)
    var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    var record = try #require(json["record"] as? [String: Any])
    #expect(record.removeValue(forKey: "confirmation") != nil && record.removeValue(forKey: "failedConfirmations") == nil)
    json["record"] = record
    try JSONSerialization.data(withJSONObject: json).write(to: url)
    let checkpoint = try CheckpointFile.read(from: url)
    #expect(checkpoint.record?.confirmation == nil && checkpoint.record?.convergedAt == 10)
    #expect(ResultsPage(sequences: 1, seed: 1, quick: true).convergence(checkpoint) == "< 0.5 at 10 on one check (unconfirmed)")
    _ = try checkpoint.model()
  }
}
