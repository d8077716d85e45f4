import Foundation
import NTM

/// `ntm results`: writes the results chapter from the shipped models — their recorded training
/// and a fresh generalisation sweep of the NTM against the LSTM baseline for every task.
enum ResultsCommand {
  static let subcommand = Subcommand(name: name, summary: summary, help: help, run: run)

  static let name = "results"
  static let summary = "Write the results chapter: every task, NTM vs LSTM, from the shipped models."
  static let help = """
    ntm results — write the results page from the shipped models.

    For every task: the command, seed, sequences, target and wall time recorded in its
    shipped checkpoints (Models/<task>.json for the NTM, Models/<task>-lstm.json for the
    LSTM baseline), and a fresh sweep of lengths inside and beyond training, both models on
    the same sequences; N-grams beside the Bayes-optimal estimator. Tasks without a shipped
    model are listed as such.

    USAGE: ntm results [--output PATH] [--readme PATH] [--quick] [--sequences N] [--seed S] [--models DIR]

    OPTIONS:
      --output PATH    write the Markdown here (default, and with PATH -: standard output)
      --quick          a smoke run: 3 sequences per length
      --sequences N    sequences per length (default 100)
      --seed S         random seed for the test sequences (default 1)
      --models DIR     the folder of models (default: the shipped Models/)
      --readme PATH    also write the table of models (name, size, command, seed, …); PATH -
                       is standard output, when --output names a file

    EXAMPLE: ntm results --output Tutorials/14-results.md --readme Models/README.md
    """

  static let defaultSequences = 100
  static let quickSequences = 3

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let arguments = try Arguments(
      words, options: ["output", "sequences", "seed", "models", "readme"].map { .init(name: $0, takesValue: true) } + [.init(name: "quick", takesValue: false)],
      command: name)
    if let extra = arguments.positional.first {
      throw Arguments.UsageError(message: "results takes no argument '\(EchoedText.echo(extra))'. Try 'ntm results --help'.")
    }
    let quick = arguments.flag("quick")
    let sequences = try arguments.integer("sequences", default: quick ? quickSequences : defaultSequences, in: 1...100_000, command: name)
    let seed = try arguments.integer("seed", default: 1, in: 0...Int.max, command: name)
    // Without --output the page goes to standard output, so --readme - would meet it there.
    let output = arguments.value("output") ?? OutputFile.standardOutput
    try OutputFile.check([.init(flag: arguments.value("output") == nil ? "the page" : "--output", path: output)] + (arguments.value("readme").map { [.init(flag: "--readme", path: $0)] } ?? []))
    let document = OutputFile.claimStandardOutput(for: [output, arguments.value("readme")], console: &console)
    guard let folder = arguments.value("models").map({ URL(fileURLWithPath: $0) }) ?? ShippedModels.folder else {
      throw CommandLineTool.Failure(message: "cannot find the Models folder; name it with --models DIR")
    }
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      throw CommandLineTool.Failure(message: "no models folder at \(folder.path); name one with --models DIR")
    }
    let models = try TrainingTask.names.map { try load(task: $0, folder: folder) }
    let page = ResultsPage(sequences: sequences, seed: UInt64(seed), quick: quick).render(models)
    try OutputFile.write(page, to: output, standardOutput: document)
    if output != OutputFile.standardOutput {
      console.print("Wrote \(output): \(models.count) tasks, \(sequences) sequences per length.")
    }
    if let readme = arguments.value("readme") {
      try OutputFile.write(ModelsReadme.render(models, folder: folder), to: readme, standardOutput: document)
      console.print("Wrote \(OutputFile.place(readme)).")
    }
    return CommandLineTool.ExitCode.success
  }

  /// The task's NTM and baseline from `folder`, those that exist.
  static func load(task: String, folder: URL?) throws -> ResultsPage.TaskModels {
    func entry(_ name: String) throws -> ResultsPage.Entry? {
      guard let url = folder?.appendingPathComponent("\(name).\(ShippedModels.fileExtension)"),
        FileManager.default.fileExists(atPath: url.path)
      else { return nil }
      let (checkpoint, model) = try CheckpointLoading.load(url.path)
      return ResultsPage.Entry(name: name, checkpoint: checkpoint, model: model)
    }
    return ResultsPage.TaskModels(task: task, machine: try entry(task), baseline: try entry(task + ResultsPage.baselineSuffix))
  }
}
