import Foundation
import NTM

/// `ntm train <task> --seeds 1-10`: what a sweep was asked for, parsed and checked.
extension SeedSweep {
  /// The most seeds one sweep trains: every run keeps a model and a checkpoint, and the table
  /// is read by a person; a larger study is several sweeps.
  static let maximumSeeds = 100
  /// `--jobs`: at least one run at a time, and no more threads than a machine could use.
  static let jobs = 1...256
  /// The scored sequences' seed when `--eval-seed` is not given: far above any seed a sweep
  /// like `1-10` trains, so the score never uses a training run's sequences.
  static let defaultEvaluationSeed: UInt64 = 1_000_003
  /// Sequences scored per length and seed when `--score-sequences` is not given: the figure
  /// is a mean over this many fresh sequences. A hundred tell a run that makes a wrong bit
  /// every few sequences from one that makes none, but miss a model that fails on one
  /// sequence in a few hundred; a thousand catch it, as a claim of "target reached" needs.
  static let defaultSequencesPerLength = 1_000

  struct Plan: Equatable {
    var seeds: [UInt64]
    /// Runs trained at once.
    var jobs: Int
    var evaluationSeed: UInt64
    /// Fresh sequences scored per length and seed (`--score-sequences`).
    var sequencesPerLength = SeedSweep.defaultSequencesPerLength
    /// Where to write the table as JSON (`--summary`).
    var summaryPath: String?

    /// The sweep of `arguments`, nil without `--seeds`.
    /// - Throws: `Arguments.UsageError` for a bad list, `--seed` beside it, or
    ///   a sweep option without `--seeds`.
    static func parse(_ arguments: Arguments, checkpointPath: String) throws -> Plan? {
      let hint = arguments.hint
      guard let text = arguments.value(TrainPlan.Option.seeds) else {
        for option in [TrainPlan.Option.jobs, TrainPlan.Option.evalSeed, TrainPlan.Option.scoreSequences, TrainPlan.Option.summary]
        where arguments.value(option) != nil {
          throw Arguments.UsageError(message: "--\(option.name) belongs to a seed sweep; add --seeds, e.g. --seeds 1-5. \(hint)")
        }
        return nil
      }
      if arguments.value(TrainPlan.Option.seed) != nil {
        throw Arguments.UsageError(
          message: "--seeds trains one run for each of its seeds, so it cannot take --seed; drop one of them. \(hint)")
      }
      let seeds = try parseSeeds(text, hint: hint)
      let evaluationSeed = UInt64(try arguments.integer(TrainPlan.Option.evalSeed))
      if seeds.contains(evaluationSeed) {
        throw Arguments.UsageError(
          message:
            "--eval-seed \(evaluationSeed) is one of the training seeds; give one outside --seeds, e.g. --eval-seed \(defaultEvaluationSeed). \(hint)"
        )
      }
      if arguments.value(TrainPlan.Option.svg) == OutputFile.standardOutput {
        throw Arguments.UsageError(message: "--seeds draws one learning curve per seed, so --svg needs a file, not -. \(hint)")
      }
      let jobs = try arguments.integer(
        TrainPlan.Option.jobs, default: min(ProcessInfo.processInfo.activeProcessorCount, SeedSweep.jobs.upperBound))
      return Plan(
        seeds: seeds, jobs: max(jobs, 1), evaluationSeed: evaluationSeed,
        sequencesPerLength: try arguments.integer(TrainPlan.Option.scoreSequences),
        summaryPath: arguments.value(TrainPlan.Option.summary))
    }

    /// `1-10`, `1,4,7` or both (`1-3,7`): distinct seeds, each in `Limits.seed`, at most
    /// `maximumSeeds` of them, in the order given.
    static func parseSeeds(_ text: String, hint: String) throws -> [UInt64] {
      let usage =
        "--seeds must be seeds from 0 to \(Limits.seed.upperBound) as a range or a list, e.g. 1-10 or 1,4,7, got '\(EchoedText.echo(text))'"
      var seeds: [UInt64] = []
      for part in Arguments.commaSeparated(text) {
        let ends = part.split(separator: "-", omittingEmptySubsequences: false).map { UInt64($0) }
        guard (1...2).contains(ends.count), let first = ends.first ?? nil, let last = ends.last ?? nil,
          Limits.seed.contains(first), Limits.seed.contains(last)
        else { throw Arguments.UsageError(message: "\(usage). \(hint)") }
        guard first <= last else {
          throw Arguments.UsageError(message: "--seeds range \(first)-\(last) runs backwards; write \(last)-\(first). \(hint)")
        }
        guard last - first < UInt64(maximumSeeds), seeds.count + Int(last - first) < maximumSeeds else {
          throw Arguments.UsageError(
            message: "--seeds names more than \(maximumSeeds) seeds; sweep at most \(maximumSeeds) at once. \(hint)")
        }
        for seed in first...last {
          if seeds.contains(seed) {
            throw Arguments.UsageError(message: "--seeds names seed \(seed) twice; give each seed once. \(hint)")
          }
          seeds.append(seed)
        }
      }
      return seeds
    }
  }

  /// `path` with `.seed-<seed>` before its first extension: `copy.checkpoint.json` becomes
  /// `copy.seed-3.checkpoint.json`, `runs/x` becomes `runs/x.seed-3`.
  static func path(_ path: String, seed: UInt64) -> String {
    let name = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    // A leading dot names a hidden file; it is not an extension.
    let searchFrom = name < path.endIndex && path[name] == "." ? path.index(after: name) : name
    guard let dot = path[searchFrom...].firstIndex(of: ".") else { return path + ".seed-\(seed)" }
    return path[..<dot] + ".seed-\(seed)" + path[dot...]
  }
}
