import NTM
import TerminalCharts

/// `ntm eval … --by-gap`: priority sort's wrong bits split by the gap from each answer vector's
/// priority to the nearest other input's (`PrioritySortGaps`), on the very sequences the table
/// above it scored.
extension EvalCommand {
  /// `--by-gap`.
  static let byGap = CommandOption.flag(
    "by-gap",
    help: """
      priority sort only: split the wrong bits by the gap from each answer vector's priority to the \
      nearest other input's, to show where the sort goes wrong
      """)

  /// Refuses `--by-gap` for a task other than priority sort.
  static func checkByGap(_ arguments: Arguments, task: TrainingTask, path: String) throws {
    guard arguments.flag(byGap) else { return }
    guard case .prioritySort = task else {
      throw Arguments.UsageError(
        message:
          "--by-gap splits priority sort's errors by the gap between priorities, but \(EchoedText.path(path)) learns \(task.name). Try 'ntm eval priority-sort --by-gap'."
      )
    }
  }

  /// One profile per length and model (`[length][model]`), drawn as `GeneralisationSweep.run`
  /// draws them: each length from its own generator, each model running the lengths in order.
  /// - Parameter models: the models as they were before the sweep.
  static func gapProfiles(
    _ models: [TrainedModel], task: PrioritySortTask, lengths: [Int], count: Int, seed: UInt64
  ) -> [[PrioritySortGaps]] {
    var models = models
    return lengths.map { length in
      models.indices.map { index in
        var generator = GeneralisationSweep.generator(seed: seed, length: length)
        return PrioritySortGaps.run(&models[index], on: task, count: count, length: length, using: &generator)
      }
    }
  }

  /// A bin's gaps: `< 0.01`, `0.01–0.02`, …, `≥ 0.1`.
  static func gapLabel(_ bin: PrioritySortGaps.Bin) -> String {
    guard let upper = bin.upper else { return "≥ \(bin.lower)" }
    return bin.lower == 0 ? "< \(upper)" : "\(bin.lower)–\(upper)"
  }

  /// The table of one model at one length: a row per bin (its gaps, its share of the answer
  /// vectors, the wrong bits of an answer vector in it, and its share of all the wrong bits),
  /// and a last row for all of them.
  static func gapTable(_ profile: PrioritySortGaps, style: TextStyle, width: Int? = nil) -> [String] {
    func percent(_ part: Int, _ whole: Int) -> String {
      whole == 0 ? "–" : ProgressText.fixed(100 * Double(part) / Double(whole), 1) + "%"
    }
    let (vectors, wrong) = (profile.vectors, profile.wrongBits)
    var rows = profile.bins.map { bin in
      [gapLabel(bin), percent(bin.vectors, vectors), ProgressText.fixed(bin.wrongBitsPerVector, 2), percent(bin.wrongBits, wrong)]
    }
    rows.append(["all", percent(vectors, vectors), ProgressText.fixed(profile.wrongBitsPerVector, 2), percent(wrong, wrong)])
    return TextTable.render(
      header: ["gap", "vectors", "wrong bits each", "share of errors"], rows: rows,
      alignments: [.left, .right, .right, .right], width: width, style: style)
  }

  /// Prints the tables of `--by-gap`, one per length, after the scores.
  static func printGaps(
    _ models: [TrainedModel], task: PrioritySortTask, lengths: [Int], count: Int, seed: UInt64, titles: [String],
    style: TextStyle, width: Int, console: inout Console
  ) {
    let profiles = gapProfiles(models, task: task, lengths: lengths, count: count, seed: seed)
    for (length, row) in zip(lengths, profiles) {
      for (title, profile) in zip(titles, row) {
        console.print()
        let whose = titles.count == 1 ? "" : "\(title), "
        console.print(
          TextWrap.paragraph(
            "\(whose)length \(length): wrong bits by the gap from each answer vector's priority to the nearest other input's",
            width: width, indent: "  "))
        console.print(gapTable(profile, style: style, width: width).joined(separator: "\n"))
      }
    }
  }
}
