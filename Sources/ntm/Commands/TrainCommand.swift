import NTM
import TerminalCharts

/// `ntm train <task>`: trains a Neural Turing Machine (or, with `--model lstm`, the paper's
/// stacked-LSTM baseline) on one of the paper's tasks, with a live
/// progress line, periodic atomic checkpoints, `--resume`, and Ctrl-C that saves and stops.
enum TrainCommand {
  static let subcommand = Subcommand(name: name, summary: summary, help: help, run: run)

  static let name = "train"
  static let summary = "Train an NTM (or the LSTM baseline) on a task; checkpoints, resume, Ctrl-C saves."
  static let help = """
    ntm train — train a Neural Turing Machine on one of the paper's tasks.

    Draws random sequences from the task, trains on each (sigmoid cross-entropy, gradients
    clipped, RMSProp or Adam), shows progress (sequences, seq/s, loss, bits/seq, ETA), and saves
    a checkpoint every so often and at the end. Ctrl-C saves a checkpoint and stops (exit code
    130); --resume carries on from it exactly. If the output goes away (ntm train … | head -2),
    training carries on to the end without printing and saves as usual. The defaults are the
    paper's copy setting. --model lstm trains the paper's baseline instead, a network of
    stacked LSTM layers, with the same loss, metric, optimiser and trainer.

    USAGE: ntm train <task> [options]

    TASKS (a length is the task's own unit):
      copy                 copy vectors back (lengths: vectors, default 1–20)
      repeat-copy          copy vectors back several times (vectors, default 1–10)
      associative-recall   give the item after a query item (items, default 2–6)
      ngrams               predict bits of a random 6-gram distribution (bits, default 200)
      priority-sort        write the 16 highest-priority vectors in order (input vectors, 20)
      dyck                 say after each bracket if the word so far is balanced
                           (bracket pairs, default 1–20: words of up to 40 brackets)

    MODEL:
      --model M             ntm or lstm, the stacked-LSTM baseline (default ntm)
      --layer-sizes S       the baseline's layers, e.g. 64,64,64 (default 64,64,64; the paper
                            uses 3 layers of 128–512)
      --preset paper        start from the paper's settings for the task (Tables 1–2: the
                            controller, its size, the heads, RMSProp's rate; with --model
                            lstm, Table 3's layers and rate); flags given as well still win

    MACHINE (ignored with --resume: the checkpoint fixes them):
      --controller K        feedforward or lstm (default feedforward)
      --controller-size S   hidden units, e.g. 100 or 100,100 (default 100)
      --activation A        feed-forward activation: tanh or relu (default tanh)
      --memory-rows N       memory locations (default 128)
      --memory-width W      numbers per location (default 20)
      --read-heads R        read heads (default 1)
      --write-heads H       write heads (default 1)
      --shift-range R       shifts −R…R (default 1)
      --memory-init I       constant, learned or random (default constant)

    TASK:
      --min-length L        shortest training length, in the task's unit (see TASKS)
      --max-length L        longest training length, in the task's unit (see TASKS)
      --bits B              bits per vector (default 8; associative-recall 6)
      --vectors-per-item V  associative-recall: vectors per item (default 3)
      --context N           ngrams: earlier bits a prediction depends on (default 5)
      --outputs K           priority-sort: vectors in the target (default 16)
      --min-repeats C       repeat-copy: fewest copies (default 1)
      --max-repeats C       repeat-copy: most copies (default 10)
      --repeat-encoding E   repeat-copy: scalar or unary count channel (default scalar)

    TRAINING:
      --optimiser O         rmsprop (Graves' variant, with momentum) or adam (default rmsprop)
      --learning-rate X     step size (default 1e-4 for rmsprop, 1e-3 for adam)
      --batch-size B        sequences per update, gradients averaged (default 1)
      --clip-value C        clip each gradient element to ±C; 0 turns it off (default 0;
                            10 is a common choice in NTM implementations)
      --clip-norm C         clip the gradient's global norm to C; 0 turns it off (default 10)
      --seed S              random seed for the weights and the sequences (default 1)
      --sequences N         train until N sequences have been seen in all (default 30000)
      --stop-below X        stop once the mean bits/seq over fresh sequences is below X
      --eval-every N        sequences between those evaluations (default 500)
      --keep-best           evaluate every --eval-every sequences and save each new best
                            model to the checkpoint path with .best before its extension
      --anneal-below X      once an evaluation is below X bits/seq, multiply the learning
                            rate by 0.1 (once); 0 turns it off
      --eval-sequences N    fresh sequences per evaluation (default 200)

    FILES:
      --checkpoint PATH     where to save (default <task>.checkpoint.json); a symbolic link is
                            written through to its target, and --resume reads that target
      --checkpoint-every N  sequences between saves (default 1000)
      --resume              continue the run saved at --checkpoint, by the rule it was
                            started with (--sequences, --stop-below, --eval-every and
                            --eval-sequences, unless given again); a run that has ended
                            says so, and how to extend it, and leaves the file as it is
      --export PATH         at the end, also write the model without optimiser state (about a
                            third of the size) for shipping; a file, like --checkpoint (not -)
      --report-every N      sequences between progress lines when not on a terminal (default 500)
      --svg FILE            when the run stops (at the end, at --stop-below or on Ctrl-C), draw
                            the learning curve as an SVG picture: bits/seq against sequences
                            seen, the moving average every --report-every sequences, and the
                            evaluations of --stop-below, --keep-best or --anneal-below; after
                            --resume the moving average covers this process's sequences only;
                            FILE - is standard output, and the progress then goes to standard
                            error

    Every file is checked before training starts: its folder must exist, a folder, device,
    FIFO or socket is never replaced, and no two of the files may be the same file.

    EXAMPLES:
      ntm train copy --stop-below 0.1
      ntm train repeat-copy --max-length 5 --max-repeats 5 --checkpoint rc.json
      ntm train associative-recall --controller lstm --stop-below 0.1
      ntm train copy --model lstm --sequences 20000 --checkpoint copy-lstm.json
      ntm train copy --resume --checkpoint copy.checkpoint.json --sequences 60000
      ntm train copy --stop-below 0.1 --svg copy-curve.svg
      ntm train priority-sort --preset paper --sequences 100000
    """

  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let plan = try TrainPlan.parse(words)
    // Before any training (or loading), so a typo in a path costs nothing.
    try OutputFile.check(plan.outputs)
    let document = OutputFile.claimStandardOutput(for: [plan.svgPath], console: &console)
    var run = try TrainingRun(plan: plan, commandLine: ["ntm", name] + words)
    run.standardOutput = document
    // Every line train writes is prose: each fits the terminal.
    var prose = console.fittingProse(width: TextStyle.width(environment: console.environment))
    if let finished = run.finished {
      prose.print(finished)
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
