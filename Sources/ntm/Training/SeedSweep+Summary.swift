import Foundation
import NTM

/// A seed sweep's results as a person reads them (a table with the median and range of each
/// column) and as a program reads them (JSON, `--summary`).
extension SeedSweep {
  struct Summary {
    var task: TrainingTask
    var lengths: [Int]
    var sequencesPerLength: Int
    var evaluationSeed: UInt64
    var target: Double?
    var results: [Result]
    /// The sweep's command line as typed, `ntm train …` (nil: not known).
    var command: [String]? = nil
    /// Runs trained at once.
    var jobs: Int? = nil
    /// The whole sweep's wall time in seconds, from its start to its table.
    var wallSeconds: Double? = nil

    /// The middle value (the mean of the two middle ones for an even count), nil for none.
    static func median(_ values: [Double]) -> Double? {
      guard !values.isEmpty else { return nil }
      let sorted = values.sorted()
      let middle = sorted.count / 2
      return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The columns after the seed: what each holds, and how a value reads.
    var columns: [(title: String, values: [Double?], text: (Double) -> String)] {
      var columns: [(title: String, values: [Double?], text: (Double) -> String)] = []
      if target != nil {
        columns.append(("reached at", results.map { $0.reachedAt.map(Double.init) }, { ProgressText.count(Int($0.rounded())) }))
      }
      columns.append(("time", results.map { $0.failure == nil ? $0.seconds : nil }, { ProgressText.duration($0) }))
      for (index, length) in lengths.enumerated() {
        columns.append(
          (
            "@\(length)", results.map { $0.scores.count > index && $0.scores[index].isFinite ? $0.scores[index] : nil },
            { ProgressText.fixed($0, 2) }
          ))
      }
      return columns
    }

    /// The table: a row per seed, then the median, the lowest and the highest value of each
    /// column (over the seeds that have a value in it), and what the scores are.
    func table() -> [String] {
      let columns = columns
      var rows = [["seed"] + columns.map(\.title)]
      for (index, result) in results.enumerated() {
        rows.append(["\(result.seed)"] + columns.map { column in column.values[index].map(column.text) ?? "—" })
      }
      rows.append(["median"] + columns.map { column in Self.median(column.values.compactMap { $0 }).map(column.text) ?? "—" })
      // The range as two rows, not `low–high` in one cell, so that a sweep of copy's six
      // lengths fits 80 columns.
      for (title, pick) in [("lowest", { (values: [Double]) in values.min() }), ("highest", { $0.max() })] {
        rows.append(["\(title)"] + columns.map { column in pick(column.values.compactMap { $0 }).map(column.text) ?? "—" })
      }
      let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
      var lines = rows.map { row in
        row.enumerated().map { column, cell in
          let pad = String(repeating: " ", count: widths[column] - cell.count)
          return column == 0 ? cell + pad : pad + cell
        }.joined(separator: "  ")
      }
      let measure = GeneralisationSweep.scoresCost(task) ? "cost in bits per sequence" : "wrong bits per sequence"
      lines.append(
        "@L: \(measure) at length L (\(task.lengthUnit)), the mean over \(sequencesPerLength) sequences from eval seed \(evaluationSeed).")
      if let target {
        let confirmed = results.compactMap { $0.reachedAt == nil ? nil : $0.confirmation }
        let scores = confirmed.flatMap { $0.rounds.map(\.bitErrors) }
        let rejected = results.map(\.failedConfirmations).reduce(0, +)
        lines.append(
          "Reached < \(CommandOption.plain(target)) bits/seq: \(results.filter { $0.reachedAt != nil }.count) of \(results.count) seeds "
            + "(a check below it, confirmed by \(StoppingRule.confirmationRounds) rounds of "
            + "\(ProgressText.count(StoppingRule.confirmationSequences)) fresh sequences"
            + (scores.max().map { "; worst round \(ProgressText.fixed($0, 3))" } ?? "") + ")"
            + (rejected == 0 ? "" : "; \(rejected) check\(rejected == 1 ? "" : "s") below it not confirmed") + ".")
      }
      return lines
    }

    /// The JSON of `--summary`.
    struct Document: Codable, Equatable {
      struct Run: Codable, Equatable {
        var seed: UInt64
        var checkpoint: String
        var reachedAt: Int?
        var sequences: Int
        var seconds: Double
        /// One per length; null where the score was not finite or the run failed.
        var scores: [Double?]
        var failure: String?
        /// What was measured when it reached the target (or the last check below it that
        /// did not hold).
        var confirmation: StoppingRule.Confirmation?
        var failedConfirmations: Int
      }
      struct Statistic: Codable, Equatable {
        var median: Double
        var low: Double
        var high: Double
      }
      var task: String
      /// The sweep's command line as typed, `ntm train copy --seeds 1-10 …`; absent in files
      /// written before it was recorded, like `jobs` and `wallSeconds`.
      var command: [String]?
      /// Runs trained at once (`--jobs`, at most one per seed).
      var jobs: Int?
      /// The whole sweep's wall time in seconds, from its start to its table.
      var wallSeconds: Double?
      var target: Double?
      var lengths: [Int]
      var sequencesPerLength: Int
      var evaluationSeed: UInt64
      var runs: [Run]
      var reachedAt: Statistic?
      var seconds: Statistic?
      /// One per length, like each run's `scores`.
      var scores: [Statistic?]
    }

    var document: Document {
      let columns = columns
      func statistic(_ values: [Double?]) -> Document.Statistic? {
        let values = values.compactMap { $0 }
        guard let median = Self.median(values), let low = values.min(), let high = values.max() else { return nil }
        return .init(median: median, low: low, high: high)
      }
      let scoreColumns = columns.suffix(lengths.count)
      return Document(
        task: task.name, command: command, jobs: jobs, wallSeconds: wallSeconds, target: target, lengths: lengths,
        sequencesPerLength: sequencesPerLength, evaluationSeed: evaluationSeed,
        runs: results.enumerated().map { index, result in
          .init(
            seed: result.seed, checkpoint: result.checkpointPath, reachedAt: result.reachedAt, sequences: result.sequences,
            seconds: result.seconds, scores: scoreColumns.map { $0.values[index] }, failure: result.failure,
            confirmation: result.confirmation, failedConfirmations: result.failedConfirmations)
        },
        reachedAt: target == nil ? nil : statistic(results.map { $0.reachedAt.map(Double.init) }),
        seconds: statistic(results.map { $0.failure == nil ? $0.seconds : nil }),
        scores: scoreColumns.map { statistic($0.values) })
    }

    func json() throws -> String {
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
      encoder.keyEncodingStrategy = .convertToSnakeCase
      do {
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
      } catch {
        throw CommandLineTool.Failure(message: "cannot write the summary: \(error)")
      }
    }
  }
}

/// Reading a `--summary` file back, as `ntm results` does with the sweeps shipped beside the
/// models.
extension SeedSweep.Summary.Document {
  /// The sweep in the file at `path`, checked so that every run has one score per length.
  /// - Throws: `CommandLineTool.Failure`, one line naming the file and what is wrong with it.
  static func read(from path: String) throws -> Self {
    func failure(_ problem: String) -> CommandLineTool.Failure {
      CommandLineTool.Failure(message: "cannot read the seed sweep \(EchoedText.path(path)): \(problem)")
    }
    let data: Data
    do {
      data = try Data(contentsOf: URL(fileURLWithPath: path))
    } catch {
      throw failure("the file cannot be read")
    }
    let decoder = JSONDecoder()
    decoder.keyDecodingStrategy = .convertFromSnakeCase
    let document: Self
    do {
      document = try decoder.decode(Self.self, from: data)
    } catch let error as DecodingError {
      throw failure(describe(error))
    } catch {
      throw failure("it is not a seed sweep's summary")
    }
    if let problem = document.problem { throw failure(problem) }
    return document
  }

  /// The first thing wrong with a decoded document that JSON's types cannot rule out.
  var problem: String? {
    if lengths.isEmpty { return "it scores no lengths" }
    if runs.isEmpty { return "it has no runs" }
    if scores.count != lengths.count {
      return "it has \(scores.count) score statistics for \(lengths.count) lengths"
    }
    if let run = runs.first(where: { $0.scores.count != lengths.count }) {
      return "seed \(run.seed) has \(run.scores.count) scores for \(lengths.count) lengths"
    }
    if let jobs, jobs < 1 { return "jobs must be at least 1, got \(jobs)" }
    if let wallSeconds, !(wallSeconds >= 0) { return "wall_seconds must not be negative, got \(wallSeconds)" }
    if let command, command.prefix(2) != ["ntm", "train"] {
      return "its command must start 'ntm train', got '\(EchoedText.echo(command.prefix(2).joined(separator: " ")))'"
    }
    return nil
  }

  /// One line for a decoding error: which field (as the file spells it), and what was wrong.
  static func describe(_ error: DecodingError) -> String {
    func field(_ keys: [any CodingKey]) -> String {
      let text = keys.map { key in key.intValue.map { "[\($0)]" } ?? "." + snakeCase(key.stringValue) }.joined()
      return text.hasPrefix(".") ? String(text.dropFirst()) : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      return "the field \(field(context.codingPath + [key])) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "the field \(field(context.codingPath)) has the wrong type"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "it is not valid JSON" : "the field \(field(context.codingPath)) is malformed"
    @unknown default:
      return "it is not a seed sweep's summary"
    }
  }

  /// `sequencesPerLength` as the file spells it: `sequences_per_length`.
  static func snakeCase(_ name: String) -> String {
    name.reduce(into: "") { text, character in
      text += character.isUppercase ? "_" + character.lowercased() : String(character)
    }
  }
}
