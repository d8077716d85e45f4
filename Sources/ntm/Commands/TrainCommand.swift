import NTM
import TerminalCharts

/// `ntm train <task>`: trains a Neural Turing Machine (or, with `--model lstm`, the paper's
/// stacked-LSTM baseline) on one of the paper's tasks, with a live
/// progress line, periodic atomic checkpoints, `--resume`, and Ctrl-C that saves and stops.
enum TrainCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let plan = try TrainPlan.parse(words)
    if let sweep = plan.sweep {
      // `--summary -`: the JSON alone goes to standard output, the report to standard error.
      let document = OutputFile.claimStandardOutput(for: [sweep.summaryPath], console: &console)
      var prose = console.fittingProse(width: TextStyle.width(environment: console.environment))
      InterruptFlag.install()
      defer { InterruptFlag.uninstall() }
      return try SeedSweep.run(
        plan: plan, sweep: sweep, commandLine: ["ntm", name] + words, console: &prose, document: document)
    }
    // Before any training (or loading), so a typo in a path costs nothing.
    try OutputFile.check(plan.outputs)
    let document = OutputFile.claimStandardOutput(for: [plan.svgPath], console: &console)
    var run = try TrainingRun(plan: plan, commandLine: ["ntm", name] + words)
    run.standardOutput = document
    // Every line train writes is prose: each fits the terminal.
    var prose = console.fittingProse(width: TextStyle.width(environment: console.environment))
    if let finished = run.finished {
      // A finished run is left as it is; `--export` still writes the model it holds.
      prose.print(finished)
      try run.export(console: &prose)
      return CommandLineTool.ExitCode.success
    }
    InterruptFlag.install()
    Console.OutputLoss.keepRunning()
    defer {
      InterruptFlag.uninstall()
      Console.OutputLoss.restore()
    }
    return try run.run(console: &prose)
  }
}

/// The options of `ntm train`, declared once, and its help.
extension TrainCommand {
  static let helpText = CommandHelp(
    command: "train", summary: "Train an NTM (or the LSTM baseline) on a task; checkpoints, resume, Ctrl-C saves.",
    title: "train a Neural Turing Machine on one of the paper's tasks",
    description: [
      .prose(
        """
        Draws random sequences from the task, trains on each (sigmoid cross-entropy, gradients
        clipped, RMSProp or Adam), shows progress (sequences, seq/s, loss, bits/seq, ETA), and saves
        a checkpoint every so often and at the end. Ctrl-C saves a checkpoint and stops (exit code
        130); --resume carries on from it exactly. If the output goes away (ntm train … | head -2),
        training carries on to the end without printing and saves as usual. The machine's defaults
        are the paper's copy machine; copy trains it with Adam on batches of 8 for 100,000
        sequences, the rate cut tenfold at 40,000, which generalised best of the recipes measured
        (--preset paper: the paper's RMSProp, one sequence at a time). --model lstm trains the
        paper's baseline instead, a network of stacked LSTM layers, with the same loss, metric,
        optimiser and trainer.
        """),
      .lines([
        "TASKS (a length is the task's own unit):",
        "  copy                copy vectors back (lengths: vectors, default 1–20)",
        "  repeat-copy         copy vectors back several times (vectors, default 1–10)",
        "  associative-recall  give the item after a query item (items, default 2–6)",
        "  ngrams              predict bits of a random 6-gram distribution (bits, 200)",
        "  priority-sort       the 16 highest-priority vectors, in order (vectors, 20)",
        "  dyck                say after each bracket if the word so far is balanced",
        "                      (bracket pairs, default 1–20: words of up to 40 brackets)",
      ]),
    ],
    positional: "<task>", listsOptions: false, sections: TrainPlan.sections,
    notes: [
      .prose(
        """
        Every file is checked before training starts: its folder must exist, a folder, device,
        FIFO or socket is never replaced, and no two of the files may be the same file.
        """)
    ],
    examples: [
      "ntm train copy --stop-below 0.1",
      "ntm train repeat-copy --max-length 5 --max-repeats 5 --checkpoint rc.json",
      "ntm train associative-recall --controller lstm --stop-below 0.1",
      "ntm train copy --model lstm --sequences 20000 --checkpoint copy-lstm.json",
      "ntm train copy --resume --checkpoint copy.checkpoint.json --sequences 150000",
      "ntm train copy --stop-below 0.1 --svg copy-curve.svg",
      "ntm train priority-sort --preset paper --sequences 100000",
    ])
}
