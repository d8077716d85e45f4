import NTM
import TerminalCharts

/// `ntm show <checkpoint>`: one sequence through a trained machine, drawn over time as
/// heatmaps — the input, the target, the output, where the write and read heads looked, and
/// the memory at the end (NTM-Lasagne's dashboard; Graves et al. 2014, Fig. 6).
enum ShowCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(words, declared: helpText.options, command: name)
    guard let path = arguments.positional.first, arguments.positional.count == 1 else {
      throw Arguments.UsageError(
        message: "show needs one checkpoint, a file or a shipped model, e.g. ntm show copy. Try 'ntm show --help'.")
    }
    let length = try arguments.integer(Self.length)
    let seed = try arguments.integer(Self.seed)
    let svgPath = arguments.value(Self.svg)
    if let svgPath { try OutputFile.check([.init(flag: "--svg", path: svgPath)], inputs: [path]) }
    let document = OutputFile.claimStandardOutput(for: [svgPath], console: &console)
    var (checkpoint, model) = try CheckpointLoading.load(path)
    try CheckpointLoading.checkMemory(checkpoint, length: length, path: path)
    if case .associativeRecall(let recall) = checkpoint.task,
      length < AssociativeRecallTask.minimumItemCount || length > recall.distinctItemCount
    {
      throw Arguments.UsageError(
        message:
          "associative recall needs --length from \(AssociativeRecallTask.minimumItemCount) to \(recall.distinctItemCount) items (all distinct). Try 'ntm show --help'."
      )
    }
    if case .ngrams(let ngrams) = checkpoint.task, length <= ngrams.contextLength {
      throw Arguments.UsageError(
        message: "ngrams needs --length longer than the context of \(ngrams.contextLength) bits. Try 'ntm show --help'.")
    }
    var generator = SplitMix64(seed: UInt64(seed))
    let example = checkpoint.task.sample(length: length, using: &generator)
    let logits = model.forward(example.inputs)
    // As in `eval`: a model whose numbers overflow has no picture worth drawing.
    guard logits.scalars.allSatisfy(\.isFinite) else {
      throw CommandLineTool.Failure(
        message:
          "\(EchoedText.path(path)) gives non-finite outputs at length \(length): its numbers overflow, so there is nothing to show; retrain it, or show an earlier checkpoint"
      )
    }
    let errors = BitError.count(logits: logits, targets: example.targets, mask: example.mask)

    let style = TextStyle.detect(
      environment: console.environment, isTerminal: console.isInteractive, forceASCII: arguments.flag(CommandOption.ascii))
    let width = TextStyle.width(environment: console.environment)
    let heading = "\(checkpoint.task.name), length \(length), seed \(seed): \(errors) wrong bit\(errors == 1 ? "" : "s")"
    // The panels over time, drawn in blocks of steps when the sequence is longer than a line.
    var timePanels: [TimePanel] = []
    timePanels.append(.init(title: "input (channels × time)", rows: transpose(example.inputs)))
    timePanels.append(.init(title: "target", rows: transpose(maskedTargets(example))))
    let outputs = Matrix(rows: logits.rows, columns: logits.columns, scalars: logits.scalars.map(Activation.sigmoid))
    timePanels.append(.init(title: "output σ(y)", rows: transpose(outputs)))
    var intro = "\(heading); \(example.steps) steps, time runs left to right"
    var memoryPanel: (title: String, rows: [[Double]], labels: [String])?
    var note = ""
    if case .machine(let machine) = model {
      let trace = machine.trace
      let memoryRows = checkpoint.configuration.memoryRows
      let locations = arguments.flag(Self.allRows) ? Array(0..<memoryRows) : usedLocations(trace.writeWeightings + trace.readWeightings)
      let labels = locations.map(String.init)
      note = locations == Array(0..<locations.count) ? "" : "; rows are locations \(spans(locations))"
      for (index, weighting) in trace.writeWeightings.enumerated() {
        timePanels.append(
          .init(
            title: "write head \(index) weighting (locations × time)", rows: transpose(columns(weighting, locations)), labels: labels,
            svgNote: note))
      }
      for (index, weighting) in trace.readWeightings.enumerated() {
        timePanels.append(
          .init(
            title: "read head \(index) weighting (locations × time)", rows: transpose(columns(weighting, locations)), labels: labels,
            svgNote: note))
      }
      memoryPanel = ("final memory (locations × width)", locations.map { trace.finalMemory.row($0) }, labels)
      intro += ". " + rowsNote(shown: locations, of: memoryRows, allAsked: arguments.flag(Self.allRows))
    }
    // One label width for every panel over time, so their steps line up.
    let labelWidth = timePanels.flatMap { $0.labels ?? $0.rows.indices.map(String.init) }.map(TextWidth.of).max() ?? 1
    let room = max(1, width - min(labelWidth, max(1, width / 3)) - 3)
    let blocks = stride(from: 0, to: example.steps, by: room).map { $0..<min($0 + room, example.steps) }
    if blocks.count > 1 { intro += " The steps come in \(blocks.count) blocks of up to \(room), each with every panel." }
    var lines = TextWrap.lines(intro, width: width, indent: "  ") + [""]
    for block in blocks {
      if blocks.count > 1 { lines += ["steps \(block.lowerBound)–\(block.upperBound - 1) of \(example.steps)", ""] }
      for panel in timePanels {
        let labels = (panel.labels ?? panel.rows.indices.map(String.init)).map { TextWidth.padLeft($0, to: labelWidth) }
        lines += Heatmap.render(
          panel.rows.map { Array($0[block]) }, rowLabels: labels, title: panel.title, minimum: 0, maximum: 1, width: width,
          cellWidth: 1, style: style, firstColumn: block.lowerBound)
        lines.append("")
      }
    }
    // The same panels for `--svg`, whole, with the same row labels and scales; a panel of
    // chosen locations also lists them in its title (the picture labels only some rows when
    // they are many).
    var panels = timePanels.map {
      SVGDashboard.Panel($0.title + $0.svgNote, rows: $0.rows, rowLabels: $0.labels, minimum: 0, maximum: 1)
    }
    if let memory = memoryPanel {
      lines += Heatmap.render(memory.rows, rowLabels: memory.labels, title: memory.title, width: width, cellWidth: 2, style: style)
      panels.append(.init(memory.title + note, rows: memory.rows, rowLabels: memory.labels))
    } else {
      lines.append("(the LSTM baseline has no memory and no heads to draw)")
    }
    console.print(lines.joined(separator: "\n"))
    if let svgPath {
      try OutputFile.write(SVGDashboard.render(panels, title: heading), to: svgPath, standardOutput: document)
      console.print(TextWrap.paragraph("Wrote the dashboard to \(OutputFile.place(svgPath)).", width: width, indent: "  "))
    }
    return CommandLineTool.ExitCode.success
  }

  /// A location is drawn when some head gives it at least this weight at some step.
  static let visibleWeight = 0.01

  /// A heatmap over time: one row per channel or location, one column per step.
  struct TimePanel {
    var title: String
    var rows: [[Double]]
    /// nil numbers the rows from 0.
    var labels: [String]? = nil
    /// Added to the title in the SVG picture.
    var svgNote = ""
  }

  /// Which locations the head panels and the memory show, and why.
  static func rowsNote(shown: [Int], of rows: Int, allAsked: Bool) -> String {
    if shown.count == rows { return "The head panels and the memory show all \(rows) locations." }
    return "The head panels and the memory show the \(shown.count) of \(rows) locations some head weighted at least "
      + "\(visibleWeight) (\(spans(shown))); --all-rows shows all \(rows)."
  }

  /// `[3, 4, 5, 9, 11, 12]` → `3–5, 9, 11–12`.
  static func spans(_ locations: [Int]) -> String {
    var runs: [ClosedRange<Int>] = []
    for location in locations {
      if let last = runs.last, last.upperBound + 1 == location {
        runs[runs.count - 1] = last.lowerBound...location
      } else {
        runs.append(location...location)
      }
    }
    return runs.map { $0.count == 1 ? "\($0.lowerBound)" : "\($0.lowerBound)–\($0.upperBound)" }.joined(separator: ", ")
  }

  /// Rows of `matrix` become columns: the heatmaps put time along the line.
  static func transpose(_ matrix: Matrix) -> [[Double]] {
    (0..<matrix.columns).map { c in (0..<matrix.rows).map { matrix[$0, c] } }
  }

  /// The targets with unscored steps blank.
  static func maskedTargets(_ example: Example) -> Matrix {
    var targets = example.targets
    for t in 0..<targets.rows where example.mask[t] == 0 { targets.setRow(t, to: Array(repeating: 0, count: targets.columns)) }
    return targets
  }

  /// The locations some head weighted at least `visibleWeight` at some step (all, if none).
  static func usedLocations(_ weightings: [Matrix]) -> [Int] {
    guard let rows = weightings.first?.columns else { return [] }
    let used = (0..<rows).filter { location in
      weightings.contains { w in (0..<w.rows).contains { w[$0, location] >= visibleWeight } }
    }
    return used.isEmpty ? Array(0..<rows) : used
  }

  /// The T × N weighting restricted to the chosen locations: T × locations.
  static func columns(_ weighting: Matrix, _ locations: [Int]) -> Matrix {
    Matrix((0..<weighting.rows).map { t in locations.map { weighting[t, $0] } })
  }
}

/// The options of `ntm show`, declared once, and its help.
extension ShowCommand {
  static let defaultLength = 30
  /// The lengths `--length` allows: a picture of 2,000 steps is already a hundred screens wide.
  static let lengths = 1...1_000

  /// `--length L`.
  static let length = CommandOption(
    name: "length", placeholder: "L", help: "sequence length, in the task's unit", value: .integer(default: defaultLength, range: lengths))
  static let seed = CommandOption.seed("random seed for the sequence")
  /// `--all-rows`.
  static let allRows = CommandOption.flag("all-rows", help: "draw every memory location, not only those the heads used")
  static let svg = CommandOption.svg(
    """
    also draw the same heatmaps, stacked, as an SVG picture (the same rows and shading scales, \
    each scale written under its panel); FILE\u{00A0}- is standard output, and the heatmaps then go to standard error
    """)

  static let helpText = CommandHelp(
    command: "show", summary: "Draw a trained machine at work: inputs, outputs, head weightings, memory.",
    title: "run one sequence through a checkpoint and draw it over time",
    description: [
      .prose("A checkpoint is a file, or the name of a shipped model (copy, associative-recall, …)."),
      .prose(
        """
        Heatmaps, one column per time step: the input, the target, the output (σ of the logits),
        each write head's weighting and each read head's weighting (one row per memory
        location that any head touched, labelled with its index), then the final memory.
        A trained copy machine writes along a diagonal and reads the same diagonal back. A
        sequence longer than a line comes in blocks of steps, each with every panel.
        """),
    ],
    positional: "<checkpoint>",
    sections: [.init(title: "OPTIONS", options: [length, seed, allRows, .ascii, svg])],
    examples: ["ntm show copy", "ntm show copy.checkpoint.json --length 30", "ntm show copy --svg copy-show.svg"])
}
