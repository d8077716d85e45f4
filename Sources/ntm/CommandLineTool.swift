import TerminalCharts

/// The `ntm` command: picks the subcommand, runs it, and turns errors into one line on
/// standard error and an exit code (0 success, 1 failure, 64 usage — as sysexits.h — and 130
/// for a run stopped by Ctrl-C, as a shell reports a process ended by SIGINT).
///
/// Everything it writes is spelled in ASCII (`β` → `beta`, `−` → `-`) when the locale is not
/// UTF-8 or `--ascii` is given: the charts and pages draw ASCII themselves, and the console
/// spells whatever else a command prints (titles, help, errors), keeping aligned columns.
enum CommandLineTool {
  /// Exit codes.
  enum ExitCode {
    static let success: Int32 = 0
    static let failure: Int32 = 1
    static let usage: Int32 = 64
    /// Stopped by Ctrl-C after saving its work: 128 + SIGINT, what a shell reports for a
    /// process the signal ended, so scripts treat it alike.
    static let interrupted: Int32 = 130
  }

  /// A command that ran but failed (a file that would not load, a check that did not
  /// pass): one line on standard error, exit 1.
  struct Failure: Error, Equatable {
    var message: String
  }

  /// Every subcommand, in the order `ntm help` lists them.
  static let subcommands: [Subcommand] = [
    TourCommand.subcommand,
    ReplCommand.subcommand,
    AddressCommand.subcommand,
    GradcheckCommand.subcommand,
    TrainCommand.subcommand,
    EvalCommand.subcommand,
    ShowCommand.subcommand,
    ResultsCommand.subcommand,
    BenchCommand.subcommand,
    ExercisesCommand.subcommand,
  ]

  /// Runs `ntm` with `arguments` (without the program name) and returns the exit code.
  static func run(_ arguments: [String], console: inout Console) -> Int32 {
    guard let first = arguments.first else {
      return TourCommand.runWithoutArguments(console: &console)
    }
    let style = TextStyle.detect(
      environment: console.environment, isTerminal: console.isInteractive, forceASCII: arguments.contains("--ascii"))
    if style.glyphs == .ascii {
      let (output, error) = (console.writeOutput, console.writeError)
      // Help and tables hold aligned columns: spelling keeps them.
      console.writeOutput = { output($0.asciiSpelledKeepingColumns) }
      console.writeError = { error($0.asciiSpelledKeepingColumns) }
    }
    switch first {
    case "help", "--help", "-h":
      // `--ascii` may stand anywhere; any other word past the command's name is a mistake.
      let words = arguments.dropFirst().filter { $0 != "--ascii" }
      guard let name = words.first else {
        console.print(overview)
        return ExitCode.success
      }
      guard let command = subcommands.first(where: { $0.name == name }) else {
        console.printError("error: \(unknownCommand(name)) Try 'ntm help'.")
        return ExitCode.usage
      }
      guard words.count == 1 else {
        console.printError(
          "error: 'ntm help' takes one command, got also '\(EchoedText.echo(words[words.startIndex + 1]))'. Try 'ntm help \(command.name)'."
        )
        return ExitCode.usage
      }
      console.print(command.help)
      return ExitCode.success
    default:
      break
    }
    guard let command = subcommands.first(where: { $0.name == first }) else {
      // A learner fresh from the tour may type one of the REPL's commands at the shell.
      if !first.hasPrefix("-"), let repl = ReplCommandList.command(named: first), repl.name != "help" {
        console.printError(
          "error: '\(EchoedText.echo(first))' is a command of the playground, not of 'ntm'. Start it with 'ntm repl' and type '\(EchoedText.echo(first))' there, or try 'ntm address --help' to run every stage at once."
        )
        return ExitCode.usage
      }
      console.printError("error: \(unknownCommand(first)) Try 'ntm help'.")
      return ExitCode.usage
    }
    let rest = Array(arguments.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      console.print(command.help)
      return ExitCode.success
    }
    do {
      return try command.run(rest, &console)
    } catch let error as Arguments.UsageError {
      console.printError("error: \(error.message)")
      return ExitCode.usage
    } catch let error as Failure {
      console.printError("error: \(error.message)")
      return ExitCode.failure
    } catch {
      console.printError("error: \(error)")
      return ExitCode.failure
    }
  }

  /// `unknown command 'trian'. Did you mean 'train'?` (or `unknown option` for a word that
  /// starts with `-`).
  static func unknownCommand(_ word: String) -> String {
    let hint = Suggestion.closest(to: word, among: subcommands.map(\.name)).map { " Did you mean '\($0)'?" } ?? ""
    let what = word.hasPrefix("-") ? "unknown option '\(EchoedText.echo(word))'" : "unknown command '\(EchoedText.echo(word))'"
    return "\(what).\(hint)"
  }

  /// `ntm help`.
  static var overview: String {
    let width = subcommands.map(\.name.count).max() ?? 0
    let lines = subcommands.map { "  " + $0.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + $0.summary }
    return """
      ntm — Neural Turing Machines, one stage at a time.

      USAGE: ntm <command> [options]

      COMMANDS:
      \(lines.joined(separator: "\n"))

      Run 'ntm help <command>' or 'ntm <command> --help' for a command's options.
      """
  }
}

/// One `ntm` subcommand: its name, its help, and the function that runs it.
struct Subcommand: Sendable {
  /// The word that selects it: `ntm <name>`.
  var name: String
  /// One line for the command list.
  var summary: String
  /// The declarations its help is made from.
  var helpText: CommandHelp
  /// The full help text: what it does, usage, options, an example. Made when asked for, not
  /// when `ntm` starts: wrapping every command's help would cost each run of `ntm` the time of
  /// all of them.
  var help: String { helpText.text() }
  /// Runs it with the words after its name; returns the exit code. Throws
  /// `Arguments.UsageError` (exit 64) or `CommandLineTool.Failure` (exit 1).
  var run: @Sendable (_ arguments: [String], _ console: inout Console) throws -> Int32
}
