import Foundation
import NTM

/// A shipped model's seed sweep on the results page: one seed says little about a method
/// whose runs differ by seed, so a model shipped with a sweep (`Models/seeds/<name>.json`,
/// written by `ntm train <task> --seeds … --summary`) reports the median and range of its
/// seeds' scores, and whether it is one of those seeds.
extension ResultsPage {
  typealias Sweep = SeedSweep.Summary.Document

  /// The folder beside the models that holds their sweeps.
  static let seedsFolder = "seeds"

  /// The sentence under the summary table when any task has a sweep.
  static let sweepNote = "Tasks with a seed sweep report its median and range below; the others report one seed."

  /// The page's lines for `item`'s sweep: its command, its seeds and time, the median, lowest
  /// and highest score at each length, the seeds that reached its target, and how the shipped
  /// model relates to it.
  func acrossSeeds(_ item: Entry, sweep: Sweep) -> [String] {
    let task = item.checkpoint.task
    var lines = ["### Across seeds: \(item.checkpoint.isBaseline ? "LSTM" : "NTM") (`\(item.name)`)", ""]
    if let command = sweep.command { lines += ["```", command.joined(separator: " "), "```", ""] }
    var facts = "\(Self.seedCount(sweep)) (\(Self.seedList(sweep.runs.map(\.seed))))"
    if let jobs = sweep.jobs { facts += ", \(jobs) at a time" }
    if let wall = sweep.wallSeconds {
      facts += ", \(ProgressText.duration(wall)) wall time in all on this machine"
    } else if let seconds = sweep.seconds {
      // A resumed sweep knows each seed's training time but not its wall time in all.
      let (median, low, high) = (
        ProgressText.duration(seconds.median), ProgressText.duration(seconds.low), ProgressText.duration(seconds.high)
      )
      facts += ", \(median) of training per seed" + (low == high ? "" : " (median; \(low) to \(high))") + " on this machine"
    }
    lines += [facts + ".", ""]

    // A task scored by its cost has the Bayes-optimal estimator's on the same sequences beside it.
    let bayes = GeneralisationSweep.scoresCost(task)
    let optimal = sweep.lengths.map {
      GeneralisationSweep.optimalBits(task: task, length: $0, count: sweep.sequencesPerLength, seed: sweep.evaluationSeed)
    }
    lines += [
      "| length (\(task.lengthUnit)) | median | lowest | highest |" + (bayes ? " Bayes-optimal |" : ""),
      "|--:|--:|--:|--:|" + (bayes ? "--:|" : ""),
    ]
    for (position, (length, statistic)) in zip(sweep.lengths, sweep.scores).enumerated() {
      var cells = statistic.map { [fixed($0.median), fixed($0.low), fixed($0.high)] } ?? ["—", "—", "—"]
      if bayes { cells.append(optimal[position].map(fixed) ?? "—") }
      lines.append("| \(length) | " + cells.joined(separator: " | ") + " |")
    }
    let measure = GeneralisationSweep.measure(task)
    lines += [
      "",
      measure.prefix(1).uppercased() + measure.dropFirst() + ", the mean over \(sweep.sequencesPerLength) sequences per length "
        + "from eval seed \(sweep.evaluationSeed), which no run trained on; the median, lowest and highest over the seeds.", "",
    ]

    if let target = sweep.target {
      let confirmed = sweep.runs.filter { $0.reachedAt != nil && $0.confirmation?.passed == true }
      let sequences = confirmed.compactMap(\.reachedAt).map(Double.init)
      var text =
        "Reached < \(CommandOption.plain(target)) wrong bits per sequence, confirmed: \(confirmed.count) of \(sweep.runs.count) seeds"
      if let median = SeedSweep.Summary.median(sequences), let low = sequences.min(), let high = sequences.max() {
        text += "; sequences to reach it: median \(Self.count(median)), lowest \(Self.count(low)), highest \(Self.count(high))"
      }
      lines += [text + ".", ""]
    }
    return lines + [relation(item.checkpoint, to: sweep), ""]
  }

  /// One sentence: whether the shipped model is one of the sweep's seeds, trained by its
  /// command, and if so whether it is the median seed at the length its claim is judged at.
  func relation(_ checkpoint: Checkpoint, to sweep: Sweep) -> String {
    guard let command = sweep.command else {
      return "The sweep did not record its command, so whether it trained the shipped model is not known."
    }
    guard let own = sweep.runs.firstIndex(where: { $0.seed == checkpoint.seed }), Self.sweep(command, trained: checkpoint)
    else { return "The shipped model was not trained by this sweep's command." }
    let text = "The shipped model is seed \(checkpoint.seed) of this sweep"
    let length = Self.medianLength(checkpoint.task)
    guard let index = sweep.lengths.firstIndex(of: length), let score = sweep.runs[own].scores[index],
      let median = Self.medianRun(sweep.runs, at: index)
    else { return text + "." }
    if score == median.score { return text + " (its median seed at length \(length))." }
    return text
      + " (not its median seed at length \(length): that is seed \(median.run.seed), at \(fixed(median.score)) against "
      + "\(fixed(score)) for seed \(checkpoint.seed))."
  }

  /// The run whose score at `lengths[index]` is the middle one — the lower middle for an
  /// even count, ties in seed order — among the runs with a score there.
  static func medianRun(_ runs: [Sweep.Run], at index: Int) -> (run: Sweep.Run, score: Double)? {
    let scored = runs.compactMap { run in run.scores[index].map { (run: run, score: $0) } }
      .sorted { ($0.score, $0.run.seed) < ($1.score, $1.run.seed) }
    return scored.isEmpty ? nil : scored[(scored.count - 1) / 2]
  }

  /// Whether the sweep `command` trained `checkpoint`: the command without the sweep's
  /// options, with the checkpoint's seed (as the sweep records each run's command,
  /// `SeedSweep.commandLine(_:for:)`), trains as the checkpoint's own command does, and that
  /// command describes the checkpoint (task, settings, seed, configuration or baseline).
  static func sweep(_ command: [String], trained checkpoint: Checkpoint) -> Bool {
    let prefix = ["ntm", TrainPlan.command]
    guard command.starts(with: prefix), checkpoint.commandLine.starts(with: prefix),
      var sweep = try? TrainPlan.parse(Array(command.dropFirst(2))), sweep.sweep != nil,
      let shipped = try? TrainPlan.parse(Array(checkpoint.commandLine.dropFirst(2)))
    else { return false }
    sweep.seed = checkpoint.seed
    guard let one = try? TrainPlan.parse(Array(SeedSweep.commandLine(command, for: sweep).dropFirst(2))) else { return false }
    return shipped.task == checkpoint.task && shipped.settings == checkpoint.training && shipped.seed == checkpoint.seed
      && shipped.model.baselineConfiguration == checkpoint.baseline
      && (checkpoint.baseline != nil || shipped.configuration == checkpoint.configuration)
      && training(one) == training(shipped)
  }

  /// `plan` without what leaves the trained model as it is: its files, threads, reports and
  /// sweep, and which stopping options were typed rather than defaulted.
  static func training(_ plan: TrainPlan) -> TrainPlan {
    var plan = plan
    plan.checkpointPath = ""
    plan.checkpointEvery = 0
    plan.reportEvery = 0
    plan.exportPath = nil
    plan.svgPath = nil
    plan.keepBest = false
    plan.threads = nil
    plan.givenRule = []
    plan.sweep = nil
    return plan
  }

  /// The sentence above the verdicts on the sweeps' medians.
  static let mediansNote =
    "Across seeds, where both models of a task have a sweep: the median of the NTM's seeds against the median of the "
    + "LSTM's at each length, each scored on the fresh sequences of its sweep (the ranges are in the task's section):"

  /// One line on where the NTM's sweep stands against its baseline's, by their medians, within
  /// training and beyond — the comparison a single seed cannot make. Nil unless both models
  /// have a sweep, scored from the same eval seed, with a median at a length compared.
  func medianVerdict(_ entry: TaskModels) -> String? {
    guard let machine = entry.machine, let ntm = machine.sweep, let lstm = entry.baseline?.sweep,
      ntm.evaluationSeed == lstm.evaluationSeed
    else { return nil }
    let task = machine.checkpoint.task
    func median(_ sweep: Sweep, _ length: Int) -> Double? {
      sweep.lengths.firstIndex(of: length).flatMap { sweep.scores[$0]?.median }
    }
    func compare(_ length: Int, _ range: String) -> String? {
      guard let a = median(ntm, length), let b = median(lstm, length) else { return nil }
      return "\(range) (\(length)): the NTM's median is \(Self.standing(a, b)) the LSTM's, \(fixed(a)) against \(fixed(b))"
    }
    let parts = Self.verdictLengths(task, among: ntm.lengths).compactMap { compare($0.length, $0.range) }
    guard !parts.isEmpty else { return nil }
    func facts(_ sweep: Sweep) -> String {
      "\(Self.seedCount(sweep)), \(ProgressText.count(sweep.sequencesPerLength)) sequences"
    }
    return "- **\(entry.task)** (NTM \(facts(ntm)), LSTM \(facts(lstm)) per length, eval seed \(ntm.evaluationSeed)): "
      + parts.joined(separator: "; ") + "."
  }

  /// `3 seeds`, `1 seed`: how many runs the sweep holds.
  static func seedCount(_ sweep: Sweep) -> String { "\(sweep.runs.count) seed\(sweep.runs.count == 1 ? "" : "s")" }

  /// `1–10`, `1–3, 7`, `2, 5`: the seeds in order, a run of three or more as a range.
  static func seedList(_ seeds: [UInt64]) -> String {
    var groups: [[UInt64]] = []
    for seed in seeds {
      if let last = groups.last?.last, seed > last, seed - last == 1 {
        groups[groups.count - 1].append(seed)
      } else {
        groups.append([seed])
      }
    }
    return groups.flatMap { group in
      group.count >= 3 ? ["\(group[0])–\(group[group.count - 1])"] : group.map(String.init)
    }.joined(separator: ", ")
  }

  /// A count of sequences, `4,500`, from a median that may fall halfway.
  static func count(_ value: Double) -> String { ProgressText.count(Int(value.rounded())) }
}
