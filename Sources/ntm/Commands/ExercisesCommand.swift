import Foundation
import NTM
import TerminalCharts

/// `ntm exercises`: classroom exercises — list them with progress, check one, show its
/// hints one at a time, or put its starter file back.
enum ExercisesCommand {
  static let subcommand = Subcommand(name: name, summary: summary, help: help, run: run)

  static let name = "exercises"
  static let summary = "Classroom exercises: write a stage's forward or backward pass; get it graded."
  static let help = """
    ntm exercises — implement the NTM's stages yourself, graded by the gradient checker.

    Each exercise is one file in Sources/ntm/Exercises/Learner/ with a function marked TODO:
    cosine similarity, softmax, content addressing, interpolation, shift, sharpening, read
    and write, forward or backward, and one step of backpropagation through time through a
    read head. A check compares your answers with the library's on fixed random numbers,
    and runs the gradient checker on your backward pass; when something is wrong it names
    the element and what it should be near, and when your function crashes (an index out of
    range, a nil unwrapped) it says so and where. Edit the file, then check again (swift run
    rebuilds it). Progress and hints are kept in .ntm-exercises.json in the package root;
    delete it to start the hints again.

    USAGE: ntm exercises [list]
           ntm exercises check <N>
           ntm exercises hint <N>
           ntm exercises reset <N>

    ACTIONS:
      list        every exercise with its status and a progress bar (the default)
      check N     grade exercise N; exits 0 when it passes, 1 when not yet
      hint N      show the next hint of exercise N (and the ones before it)
      reset N     put exercise N's starter file back, and forget its hints

    OPTIONS:
      --ascii     draw with ASCII only (automatic when the locale is not UTF-8)

    EXAMPLE: swift run ntm exercises check 3
    """

  static let actions = ["list", "check", "hint", "reset"]

  /// How the learner's functions are graded.
  struct Grading: Sendable {
    /// The functions the hidden grading action grades, in its own process.
    var functions: ExerciseFunctions
    /// Grades one exercise.
    var grade: @Sendable (Exercise) throws -> Exercise.Outcome

    /// Calls `functions` in this process: how the tests grade reference solutions and
    /// deliberately wrong ones.
    static func inProcess(_ functions: ExerciseFunctions) -> Grading {
      Grading(functions: functions) { $0.grade(functions) }
    }

    /// Grades each exercise in a child process, `executable` run again with the hidden
    /// action, so that a learner's function that traps is reported as a crash.
    static func separateProcess(executable: URL) -> Grading {
      Grading(functions: .learner) { try ExercisesSubprocess.grade($0, executable: executable) }
    }
  }

  /// Runs the command from the current folder, grading the learner's own functions: each in a
  /// child process when this program is `ntm` (not inside the tests' runner, which cannot be
  /// run again as `ntm`).
  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    // The child that grades one exercise grades it here; anyone else starts a child.
    let executable = words.first == ExercisesSubprocess.action ? nil : ExercisesSubprocess.currentExecutable()
    let grading = executable.map(Grading.separateProcess) ?? .inProcess(.learner)
    return try run(words, console: &console, directory: directory, grading: grading)
  }

  /// Runs the command from `directory` (where the package root is looked for), grading as
  /// `grading` says.
  static func run(
    _ words: [String], console: inout Console, directory: URL, grading: Grading,
    exercises: [Exercise] = ExerciseCatalog.all
  ) throws -> Int32 {
    let arguments = try Arguments(words, options: [.init(name: "ascii", takesValue: false)], command: name)
    let style = TextStyle.detect(
      environment: console.environment, isTerminal: console.isInteractive, forceASCII: arguments.flag("ascii"))
    let width = TextStyle.width(environment: console.environment)
    let action = arguments.positional.first ?? "list"
    if action == ExercisesSubprocess.action {
      let exercise = try number(arguments.positional, action: action, exercises: exercises)
      console.printError(ExercisesSubprocess.outcomeLine(exercise.grade(grading.functions)))
      return CommandLineTool.ExitCode.success
    }
    guard actions.contains(action) else {
      let hint = Suggestion.closest(to: action, among: actions).map { " Did you mean '\($0)'?" } ?? ""
      throw Arguments.UsageError(message: "unknown action '\(EchoedText.echo(action))' for 'exercises'.\(hint) Try 'ntm exercises --help'.")
    }
    let root = PackageRoot.find(from: directory)
    var progress = root.map(ExerciseProgress.load) ?? ExerciseProgress()
    func save() throws {
      guard let root else { return }
      do {
        try progress.save(to: root)
      } catch {
        let reason = (error as? SafeFile.Failure)?.reason ?? error.localizedDescription
        throw CommandLineTool.Failure(message: "could not save progress in \(root.appendingPathComponent(ExerciseProgress.fileName).path): \(reason)")
      }
    }

    if action == "list" {
      if arguments.positional.count > 1 {
        throw Arguments.UsageError(message: "list takes no number. Try 'ntm exercises check \(arguments.positional[1])'.")
      }
      let outcomes = try exercises.map(grading.grade)
      for (exercise, outcome) in zip(exercises, outcomes) {
        progress.record(exercise.number, passed: ExerciseReport.status(outcome) == "done")
      }
      try save()
      ExerciseReport.list(exercises, outcomes: outcomes, progress: progress, style: style).forEach { console.print($0) }
      if root == nil { console.print(notSavedNote(directory)) }
      return CommandLineTool.ExitCode.success
    }

    let exercise = try number(arguments.positional, action: action, exercises: exercises)
    switch action {
    case "check":
      let outcome = try grading.grade(exercise)
      progress.record(exercise.number, passed: ExerciseReport.status(outcome) == "done")
      try save()
      ExerciseReport.check(exercise, outcome: outcome, progress: progress, total: exercises.count, width: width, style: style)
        .forEach { console.print($0) }
      if root == nil { console.print(notSavedNote(directory)) }
      switch outcome {
      case .passed: return CommandLineTool.ExitCode.success
      case .notDone: console.printError("error: exercise \(exercise.number) is not done yet.")
      case .failed: console.printError("error: exercise \(exercise.number) does not pass yet.")
      case .crashed(let how):
        console.printError("error: exercise \(exercise.number) crashed: \(how). Fix the function and check again.")
      }
      return CommandLineTool.ExitCode.failure
    case "hint":
      let shown = min(progress.hints(exercise.number) + 1, exercise.hints.count)
      progress.setHints(exercise.number, to: shown)
      try save()
      ExerciseReport.hints(exercise, shown: shown, width: width, style: style).forEach { console.print($0) }
      if root == nil { console.print(notSavedNote(directory)) }
      return CommandLineTool.ExitCode.success
    default:
      guard let root else {
        throw CommandLineTool.Failure(message: notFound(directory))
      }
      let file = root.appendingPathComponent(exercise.path)
      let folder = file.deletingLastPathComponent()
      guard FileManager.default.fileExists(atPath: folder.path) else {
        throw CommandLineTool.Failure(message: "no folder \(folder.path) to put exercise \(exercise.number) back into.")
      }
      do {
        try SafeFile.write(Data(exercise.starter.utf8), to: file.path)
      } catch {
        throw CommandLineTool.Failure(message: error.description)
      }
      progress.forget(exercise.number)
      try save()
      console.print("Exercise \(exercise.number) is back to its starter: \(exercise.path).")
      console.print("Its hints start again from the first.")
      console.print("'\(ExerciseReport.invocation) check \(exercise.number)' rebuilds and grades it.")
      return CommandLineTool.ExitCode.success
    }
  }

  /// The exercise named by the word after the action.
  static func number(_ positional: [String], action: String, exercises: [Exercise]) throws -> Exercise {
    let range = "1 to \(exercises.count)"
    guard positional.count >= 2 else {
      throw Arguments.UsageError(message: "\(action) needs an exercise number from \(range): 'ntm exercises \(action) 3'.")
    }
    guard positional.count == 2 else {
      throw Arguments.UsageError(message: "\(action) takes one exercise number, got '\(EchoedText.echo(positional.dropFirst().joined(separator: " ")))'. Try 'ntm exercises \(action) 3'.")
    }
    guard let number = Int(positional[1]), let exercise = exercises.first(where: { $0.number == number }) else {
      throw Arguments.UsageError(message: "no exercise '\(EchoedText.echo(positional[1]))': exercises are numbered \(range). Try 'ntm exercises' for the list.")
    }
    return exercise
  }

  static func notFound(_ directory: URL) -> String {
    "cannot find the NTM package (a Package.swift with \(PackageRoot.marker)) in \(directory.path) or any folder above it; run this from inside your copy of the package."
  }

  static func notSavedNote(_ directory: URL) -> String {
    "Note: progress is not saved: \(notFound(directory))"
  }
}
