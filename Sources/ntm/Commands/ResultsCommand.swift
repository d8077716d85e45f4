import Foundation
import NTM

/// `ntm results`: writes the results chapter from the shipped models — their recorded training
/// and a fresh generalisation sweep of the NTM against the LSTM baseline for every task.
enum ResultsCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  static let defaultSequences = 100
  static let quickSequences = 3

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(words, for: helpText)
    let quick = arguments.flag(Self.quick)
    let sequences = try arguments.integer(Self.sequences, default: quick ? quickSequences : defaultSequences)
    let seed = try arguments.integer(Self.seed)
    // Without --output the page goes to standard output, so --readme - would meet it there.
    let output = arguments.value(Self.output) ?? OutputFile.standardOutput
    try OutputFile.check(
      [.init(flag: arguments.value(Self.output) == nil ? "the page" : "--output", path: output)]
        + (arguments.value(Self.readme).map { [.init(flag: "--readme", path: $0)] } ?? []))
    let document = OutputFile.claimStandardOutput(for: [output, arguments.value(Self.readme)], console: &console)
    guard let folder = arguments.value(Self.models).map({ URL(fileURLWithPath: $0) }) ?? ShippedModels.folder else {
      throw CommandLineTool.Failure(message: "cannot find the Models folder; name it with --models DIR")
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw CommandLineTool.Failure(message: "no models folder at \(EchoedText.path(folder.path)); name one with --models DIR")
    }
    let models = try TrainingTask.names.map { try load(task: $0, folder: folder) }
    let figures = arguments.value(Self.figures) ?? defaultFigures(output: output)
    var results = ResultsPage(sequences: sequences, seed: UInt64(seed), quick: quick)
    results.figuresLink = figures.map { link(to: $0, from: output) } ?? results.figuresLink
    let page = results.render(models)
    try OutputFile.write(page, to: output, standardOutput: document)
    if output != OutputFile.standardOutput {
      console.print("Wrote \(output): \(models.count) tasks, \(sequences) sequences per length.")
    }
    if let figures {
      let written = try writeCurves(models, page: results, to: figures)
      console.print(
        "Wrote \(written.count) learning curve\(written.count == 1 ? "" : "s") to \(figures): \(written.joined(separator: ", ")).")
    }
    if let readme = arguments.value(Self.readme) {
      try OutputFile.write(ModelsReadme.render(models, folder: folder), to: readme, standardOutput: document)
      console.print("Wrote \(OutputFile.place(readme)).")
    }
    return CommandLineTool.ExitCode.success
  }

  /// Where the curves go without `--figures`: `figures/` beside a page written to a file;
  /// nowhere for a page on standard output.
  static func defaultFigures(output: String) -> String? {
    guard output != OutputFile.standardOutput else { return nil }
    return URL(fileURLWithPath: output).deletingLastPathComponent().appendingPathComponent("figures").path
  }

  /// How the page at `output` names the folder `figures`: relative to the page when the folder
  /// is inside the page's folder, else the path as it is.
  static func link(to figures: String, from output: String) -> String {
    guard output != OutputFile.standardOutput else { return figures }
    let base = URL(fileURLWithPath: output).deletingLastPathComponent().standardizedFileURL.path
    let target = URL(fileURLWithPath: figures).standardizedFileURL.path
    return target.hasPrefix(base + "/") ? String(target.dropFirst(base.count + 1)) : figures
  }

  /// Writes each task's curve picture (`curve-<task>.svg`) into `folder`, made if missing;
  /// returns the files' names. Tasks whose models kept no curve get none.
  static func writeCurves(_ models: [ResultsPage.TaskModels], page: ResultsPage, to folder: String) throws -> [String] {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw CommandLineTool.Failure(
        message: "cannot make the folder \(EchoedText.path(folder)) for --figures: \(error.localizedDescription)")
    }
    var written: [String] = []
    for entry in models {
      guard let svg = page.curveSVG(entry) else { continue }
      let name = ResultsPage.curveFile(entry.task)
      try OutputFile.write(svg, to: URL(fileURLWithPath: folder).appendingPathComponent(name).path, standardOutput: { _ in })
      written.append(name)
    }
    return written
  }

  /// The task's NTM and baseline from `folder`, those that exist, each with its seed sweep
  /// from `folder/seeds/<name>.json` when there is one.
  /// - Throws: `CommandLineTool.Failure` for a model or a sweep that cannot be read, or a
  ///   sweep of another task: one line naming the file.
  static func load(task: String, folder: URL?) throws -> ResultsPage.TaskModels {
    func entry(_ name: String) throws -> ResultsPage.Entry? {
      let sweep = try self.sweep(name, task: task, folder: folder)
      guard let url = folder?.appendingPathComponent("\(name).\(ShippedModels.fileExtension)"),
        FileManager.default.fileExists(atPath: url.path)
      else { return nil }
      let (checkpoint, model) = try CheckpointLoading.load(url.path)
      return ResultsPage.Entry(name: name, checkpoint: checkpoint, model: model, sweep: sweep)
    }
    return ResultsPage.TaskModels(task: task, machine: try entry(task), baseline: try entry(task + ResultsPage.baselineSuffix))
  }

  /// The seed sweep of the model `name` (a model of `task`) in `folder/seeds/`, nil when
  /// there is none.
  static func sweep(_ name: String, task: String, folder: URL?) throws -> ResultsPage.Sweep? {
    guard
      let url = folder?.appendingPathComponent(ResultsPage.seedsFolder).appendingPathComponent("\(name).\(ShippedModels.fileExtension)"),
      FileManager.default.fileExists(atPath: url.path)
    else { return nil }
    let sweep = try ResultsPage.Sweep.read(from: url.path)
    guard sweep.task == task else {
      throw CommandLineTool.Failure(
        message: "the seed sweep \(EchoedText.path(url.path)) is of the task '\(EchoedText.echo(sweep.task))', not \(task); "
          + "put each sweep beside its model, as \(ResultsPage.seedsFolder)/<model name>.json")
    }
    return sweep
  }
}

/// The options of `ntm results`, declared once, and its help.
extension ResultsCommand {
  static let output = CommandOption(
    name: "output", placeholder: "PATH", help: "write the Markdown here; - is standard output", value: .text(default: "-"))
  static let quick = CommandOption.flag("quick", help: "a smoke run: \(quickSequences) sequences per length")
  static let sequences = CommandOption(
    name: "sequences", placeholder: "N", help: "sequences per length",
    value: .integer(default: defaultSequences, range: Limits.evaluationSequences),
    defaultText: "\(defaultSequences); \(quickSequences) with --quick")
  static let seed = CommandOption.seed("random seed for the test sequences")
  static let models = CommandOption(
    name: "models", placeholder: "DIR", help: "the folder of models", value: .text(default: "the shipped Models/"))
  static let figures = CommandOption(
    name: "figures", placeholder: "DIR",
    help: "write each task's learning curves as an SVG picture here (curve-<task>.svg), which the page shows",
    value: .text(default: nil), defaultText: "figures/ beside --output; none when the page goes to standard output")
  static let readme = CommandOption(
    name: "readme", placeholder: "PATH",
    help: "also write the table of models (name, size, command, seed, …); PATH\u{00A0}- is standard output, when --output names a file",
    value: .text(default: nil))

  static let helpText = CommandHelp(
    command: "results", summary: "Write the results chapter: every task, NTM vs LSTM, from the shipped models.",
    title: "write the results page from the shipped models",
    description: [
      .prose(
        """
        For every task: the command, seed, sequences, target and wall time recorded in its
        shipped checkpoints (Models/<task>.json for the NTM, Models/<task>-lstm.json for the
        LSTM baseline), and a fresh sweep of lengths inside and beyond training, both models on
        the same sequences; N-grams beside the Bayes-optimal estimator. Tasks without a shipped
        model are listed as such. Each task's learning curves (cost per sequence against
        sequences seen, from the evaluations the runs recorded) are drawn in the page and as
        SVG pictures; a model trained before runs kept curves is said to have none.
        """),
      .prose(
        """
        A model with a seed sweep beside it (Models/seeds/<name>.json, written by
        ntm\u{00A0}train\u{00A0}<task>\u{00A0}--seeds\u{00A0}1-10\u{00A0}--summary) also reports the sweep: its
        command, seeds and wall time, the median, lowest and highest score at each length, the
        seeds that reached its target, and whether the shipped model is one of its seeds.
        """),
    ],
    sections: [.init(title: "OPTIONS", options: [output, quick, sequences, seed, models, figures, readme])],
    examples: ["ntm results --output Tutorials/14-results.md --readme Models/README.md"])
}
