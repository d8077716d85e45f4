import Foundation
import NTM
import TerminalCharts

/// `ntm eval <checkpoint> [--compare <checkpoint>]`: the error per sequence at each of several
/// lengths — inside and beyond the training range (Graves et al. 2014, Fig. 4, 5 and 10:
/// generalisation) — for one model, or for two side by side (the NTM against the LSTM
/// baseline, on the very same sequences).
enum EvalCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  /// The most sequences per length scored by default: enough to tell a model that makes a
  /// wrong bit every few sequences from one that makes none.
  static let defaultSequences = 100
  /// The fewest sequences per length scored by default, however long the lengths.
  static let fewestDefaultSequences = 4
  /// The work a default evaluation does, in units of one parameter's multiply-add (see
  /// `stepCost`), summed over every time step of every length and every model compared.
  /// 720 million is about 4 seconds on one core in a debug build: 8 sequences per length for
  /// the README's `ntm eval copy --compare copy-lstm` (lengths 10 to 120: 752 steps of
  /// 119,500 each), 28 for the copy machine alone; so the command answers at once, and
  /// `--sequences` asks for more.
  static let defaultWork = 720_000_000
  /// What one memory number costs a head in a time step against one parameter's
  /// multiply-add: addressing (cosine, softmax, shift, sharpening) and reading or writing do
  /// several operations on each. Measured in a debug build on the shipped copy machine and
  /// LSTM: 0.19 ms and 0.45 ms a step, for 13,536 + 2 heads × 128 × 20 and 85,512.
  static let memoryCostPerNumber = 4

  /// What one time step of `model` costs, in parameter multiply-adds: its parameters, plus,
  /// for a machine, `memoryCostPerNumber` for every memory number each head addresses.
  static func stepCost(_ model: TrainedModel) -> Int {
    guard case .machine(let machine) = model else { return model.parameters.count }
    let c = machine.configuration
    return model.parameters.count + memoryCostPerNumber * (c.readHeads + c.writeHeads) * c.memoryRows * c.memoryWidth
  }

  /// Sequences per length when `--sequences` is not given: as many as fit `defaultWork`, from
  /// `fewestDefaultSequences` to `defaultSequences`. It depends on the task, the lengths and
  /// the models only, never on the machine's speed, so a command always scores the same
  /// sequences.
  /// - Parameter stepCost: the `stepCost` of every model compared, summed.
  static func defaultCount(task: TrainingTask, lengths: [Int], stepCost: Int) -> Int {
    var generator = SplitMix64(seed: 0)
    let steps = lengths.reduce(0) { $0 + task.sample(length: $1, using: &generator).steps }
    let perSequence = max(steps, 1) * max(stepCost, 1)
    return min(max(defaultWork / perSequence, fewestDefaultSequences), defaultSequences)
  }

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(words, declared: helpText.options, command: name)
    guard let path = arguments.positional.first, arguments.positional.count == 1 else {
      throw Arguments.UsageError(
        message: "eval needs one checkpoint, a file or a shipped model, e.g. ntm eval copy. Try 'ntm eval --help'.")
    }
    let requested = try parseLengths(arguments.value(Self.lengths))
    // Absent, the count depends on the lengths (`defaultCount`).
    let givenCount = arguments.value(Self.sequences) == nil ? nil : try arguments.integer(Self.sequences, default: defaultSequences)
    let seed = try arguments.integer(Self.seed)
    let svgPath = arguments.value(Self.svg)
    if let svgPath {
      try OutputFile.check([.init(flag: "--svg", path: svgPath)], inputs: [path] + [arguments.value(Self.compare)].compactMap { $0 })
    }
    let document = OutputFile.claimStandardOutput(for: [svgPath], console: &console)
    let (checkpoint, model) = try CheckpointLoading.load(path)
    try CheckpointLoading.checkMemory(checkpoint, length: (requested ?? checkpoint.task.evaluationLengths).max() ?? 1, path: path)
    var names = [path]
    var models = [model]
    var checkpoints = [checkpoint]
    if let other = arguments.value(Self.compare) {
      let (second, secondModel) = try CheckpointLoading.load(other)
      guard second.task.name == checkpoint.task.name, second.task.inputSize == checkpoint.task.inputSize,
        second.task.outputSize == checkpoint.task.outputSize
      else {
        throw CommandLineTool.Failure(
          message:
            "cannot compare \(EchoedText.path(path)) (\(checkpoint.task.name)) with \(EchoedText.path(other)) (\(second.task.name)): they do not learn the same task"
        )
      }
      try CheckpointLoading.checkMemory(second, length: (requested ?? checkpoint.task.evaluationLengths).max() ?? 1, path: other)
      names.append(other)
      models.append(secondModel)
      checkpoints.append(second)
    }
    let task = checkpoint.task
    try checkByGap(arguments, task: task, path: path)
    let lengths = requested ?? task.evaluationLengths
    if case .associativeRecall(let recall) = task,
      let bad = lengths.first(where: { $0 < AssociativeRecallTask.minimumItemCount || $0 > recall.distinctItemCount })
    {
      throw Arguments.UsageError(
        message:
          "associative recall needs from \(AssociativeRecallTask.minimumItemCount) to \(recall.distinctItemCount) items (all distinct), got length \(bad). Try 'ntm eval --help'."
      )
    }
    if case .ngrams(let ngrams) = task, let short = lengths.first(where: { $0 <= ngrams.contextLength }) {
      throw Arguments.UsageError(
        message:
          "ngrams sequences must be longer than the context of \(ngrams.contextLength) bits, got length \(short). Try 'ntm eval --help'.")
    }
    let count = givenCount ?? defaultCount(task: task, lengths: lengths, stepCost: models.reduce(0) { $0 + stepCost($1) })
    let width = TextStyle.width(environment: console.environment)
    let titles = columnTitles(models: models, names: names)
    let progress = SweepProgress(console: console, titles: titles, width: width)
    let unscored = models
    let sweep = GeneralisationSweep.run(
      &models, task: task, lengths: lengths, count: count, seed: UInt64(seed), progress: progress.report)
    progress.finish()
    try requireFiniteScores(sweep, names: names)
    let style = TextStyle.detect(environment: console.environment, isTerminal: console.isInteractive)
    let header =
      heading(checkpoints, titles: titles) + "; \(count) fresh sequence\(count == 1 ? "" : "s") per length, seed \(seed)"
      + (givenCount == nil && count < defaultSequences ? " (--sequences N scores more)" : "")
    console.print(TextWrap.paragraph(header, width: width, indent: "  "))
    console.print()
    console.print(table(sweep, titles: titles, style: style, width: width).joined(separator: "\n"))
    console.print()
    console.print("\(GeneralisationSweep.measure(task)):")
    let labels = sweep.rows.map { "length \($0.length)" }
    var series = models.indices.map { BarSeries(titles[$0], sweep.scores(model: $0)) }
    if GeneralisationSweep.scoresCost(task) { series.append(BarSeries("Bayes-optimal", sweep.rows.map { $0.optimalBits ?? .nan })) }
    let bars =
      series.count == 1
      ? BarChart.render(series[0].values, labels: labels, width: min(width, 80), decimals: 3, style: style)
      : BarChart.sideBySide(series, labels: labels, width: min(width, 100), decimals: 3, style: style)
    console.print(bars.joined(separator: "\n"))
    if arguments.flag(Self.byGap), case .prioritySort(let sort) = task {
      printGaps(
        unscored, task: sort, lengths: lengths, count: count, seed: UInt64(seed), titles: titles, style: style, width: width,
        console: &console)
    }
    if let svgPath {
      try OutputFile.write(chart(sweep, series: series), to: svgPath, standardOutput: document)
      console.print(TextWrap.paragraph("Wrote the generalisation chart to \(OutputFile.place(svgPath)).", width: width, indent: "  "))
    }
    return CommandLineTool.ExitCode.success
  }

  /// A NaN or infinite score is no result: the model's numbers have overflowed (its
  /// parameters diverged), so the command fails instead of printing `nan` as a score.
  /// - Throws: `CommandLineTool.Failure` naming the checkpoint, the length and the value.
  static func requireFiniteScores(_ sweep: GeneralisationSweep, names: [String]) throws {
    for row in sweep.rows {
      for (index, evaluation) in row.evaluations.enumerated() {
        guard let bad = [evaluation.loss, evaluation.bitErrors].first(where: { !$0.isFinite }) else { continue }
        throw CommandLineTool.Failure(
          message:
            "\(names[index]) scores a non-finite loss (\(ProgressText.fixed(bad, 3))) at length \(row.length): its numbers overflow, so it has no score; retrain it, or evaluate an earlier checkpoint"
        )
      }
    }
  }

  /// `copy, trained on 1–20 vectors for 5,000 sequences`; with several models, what each was
  /// trained on: `copy: NTM trained on 1–20 vectors for 5,000 sequences, LSTM on …`.
  static func heading(_ checkpoints: [Checkpoint], titles: [String]) -> String {
    func training(_ checkpoint: Checkpoint) -> String {
      "on \(ResultsPage.range(checkpoint.task.lengths)) \(checkpoint.task.lengthUnit) for \(ProgressText.count(checkpoint.sequencesSeen)) sequences"
    }
    let name = checkpoints[0].task.name
    guard checkpoints.count > 1 else { return "\(name), trained \(training(checkpoints[0]))" }
    let each = checkpoints.indices.map { "\(titles[$0]) trained \(training(checkpoints[$0]))" }
    return "\(name): " + each.joined(separator: ", ")
  }

  /// The bars as SVG: a group per length, a bar per series (NaN is labelled `n/a`, not drawn),
  /// and a dashed line after the last trained length when longer ones follow.
  static func chart(_ sweep: GeneralisationSweep, series: [BarSeries]) -> String {
    let task = sweep.task
    let lengths = sweep.rows.map(\.length)
    let inside = lengths.prefix { task.lengths.contains($0) }.count
    let marker =
      inside > 0 && inside < lengths.count && lengths[inside...].allSatisfy({ $0 > task.lengths.upperBound })
      ? SVGBarChart.Marker(afterCategory: inside - 1, label: "trained up to \(task.lengths.upperBound)") : nil
    // Room for every bar's label: the default width fits about 16 bars.
    let bars = Double(lengths.count * max(series.count, 1))
    return SVGBarChart.render(
      categories: lengths.map(String.init), series: series.map { SVGBarChart.Series($0.title, $0.values) },
      title: "\(task.name): \(GeneralisationSweep.measure(task))", xLabel: "length (\(task.lengthUnit))",
      yLabel: "bits per sequence", marker: marker, width: max(SVGBarChart.defaultWidth, 96 + 36 * bars))
  }

  /// `NTM` and `LSTM` — or, when both are of one kind, the checkpoints' file names (without
  /// folder and extension, unless those alone are the same).
  static func columnTitles(models: [TrainedModel], names: [String]) -> [String] {
    let kinds = models.map(\.kindName)
    if Set(kinds).count == kinds.count { return kinds }
    let short = names.map { URL(fileURLWithPath: $0).deletingPathExtension().lastPathComponent }
    return Set(short).count == short.count ? short : names
  }

  /// One model: length, bits/seq, loss/seq, range. Several: length, each model's score, range.
  /// N-grams add the Bayes-optimal cost.
  static func table(_ sweep: GeneralisationSweep, titles: [String], style: TextStyle, width: Int? = nil) -> [String] {
    let cost = GeneralisationSweep.scoresCost(sweep.task)
    let single = titles.count == 1
    var header = ["length"]
    if single {
      header += ["bits/seq", "loss/seq"] + (cost ? ["cost bits", "Bayes bits"] : [])
    } else {
      header += titles.map { "\($0) \(cost ? "cost bits" : "bits/seq")" } + (cost ? ["Bayes bits"] : [])
    }
    header.append("range")
    let rows = sweep.rows.map { row -> [String] in
      var cells = [String(row.length)]
      if single {
        let evaluation = row.evaluations[0]
        cells += [ProgressText.fixed(evaluation.bitErrors, 3), ProgressText.fixed(evaluation.loss, 3)]
        if cost { cells.append(ProgressText.fixed(GeneralisationSweep.score(evaluation, task: sweep.task), 3)) }
      } else {
        cells += row.evaluations.map { ProgressText.fixed(GeneralisationSweep.score($0, task: sweep.task), 3) }
      }
      if let optimal = row.optimalBits { cells.append(ProgressText.fixed(optimal, 3)) }
      return cells + [sweep.range(row.length)]
    }
    let alignments = [TextTable.Alignment](repeating: .right, count: header.count - 1) + [.left]
    return TextTable.render(header: header, rows: rows, alignments: alignments, width: width, style: style)
  }

  /// `10,20,40` → `[10, 20, 40]`; nil (the task's lengths) when absent.
  static func parseLengths(_ text: String?) throws -> [Int]? {
    guard let text else { return nil }
    let values = Arguments.commaSeparated(text).map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard !values.isEmpty, values.allSatisfy({ $0.map(Limits.length.contains) ?? false }) else {
      throw Arguments.UsageError(
        message:
          "--lengths must be whole numbers from 1 to \(Limits.length.upperBound) separated by commas, got '\(EchoedText.echo(text))'. Try 'ntm eval --help'."
      )
    }
    return values.compactMap { $0 }
  }
}

/// The options of `ntm eval`, declared once, and its help.
extension EvalCommand {
  /// `--compare C`.
  static let compare = CommandOption(
    name: "compare", placeholder: "C", help: "a second checkpoint of the same task, scored on the same sequences",
    value: .text(default: nil))
  /// `--lengths L,L,…`, read by `parseLengths`.
  static let lengths = CommandOption(
    name: "lengths", placeholder: "L,L,…", help: "lengths to test, each \(Limits.length.lowerBound)–\(Limits.length.upperBound)",
    value: .text(default: nil), defaultText: "the task's, e.g. 10,20,40,80,100,120 for copy")
  /// `--sequences N`; absent, the count depends on the lengths (`defaultCount`).
  static let sequences = CommandOption(
    name: "sequences", placeholder: "N", help: "sequences per length", value: .integer(default: nil, range: Limits.evaluationSequences),
    defaultText: "up to \(defaultSequences), fewer for long lengths and large models, so the command takes seconds")
  static let seed = CommandOption.seed("random seed for the test sequences")
  static let svg = CommandOption.svg(
    """
    also draw the bars as an SVG picture: a group per length, a bar per model, a dashed line where the \
    training range ends; FILE\u{00A0}- is standard output, and the table then goes to standard error
    """)

  static let helpText = CommandHelp(
    command: "eval", summary: "Score a checkpoint at several lengths; --compare an NTM with an LSTM.",
    title: "score a trained checkpoint at several sequence lengths",
    description: [
      .prose(
        """
        Runs fresh sequences of each length through the saved model and prints the mean
        number of wrong bits per sequence (outputs rounded to 0 or 1), and the mean loss, as a
        table and as bars. Lengths beyond the training range test generalisation. With
        --compare, a second model (say the LSTM baseline) runs on the very same sequences and
        the two are shown side by side.
        """),
      .prose(
        """
        A length is the task's own: vectors for copy and repeat copy, items for associative
        recall, bits for N-grams, input vectors for priority sort, bracket pairs for Dyck words.
        N-grams are scored by their cost in bits (−log₂ likelihood) beside the Bayes-optimal
        estimator's.
        """),
      .prose("A checkpoint is a file, or the name of a shipped model (copy, copy-lstm, …)."),
    ],
    positional: "<checkpoint>",
    sections: [.init(title: "OPTIONS", options: [compare, lengths, sequences, seed, svg, byGap])],
    examples: [
      "ntm eval copy.checkpoint.json --lengths 10,20,40,80,120", "ntm eval copy --compare copy-lstm",
      "ntm eval copy --compare copy-lstm --svg copy-generalisation.svg",
      "ntm eval priority-sort --lengths 20 --sequences 1000 --by-gap",
    ])
}
