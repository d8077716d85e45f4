import Foundation
import NTM
import TerminalCharts

/// `ntm exercises`: classroom exercises — list them with progress, check one, show its
/// hints one at a time, or put its starter file back.
enum ExercisesCommand: DeclaredCommand {
  static let subcommand = Subcommand(helpText, run: run)

  static let actions = ["list", "check", "hint", "reset"]

  /// How the learner's functions are graded.
  struct Grading: Sendable {
    /// Grades one exercise.
    var grade: @Sendable (Exercise) throws -> Exercise.Outcome

    /// Calls `functions` in this process: how the tests grade reference solutions and
    /// deliberately wrong ones.
    static func inProcess(_ functions: ExerciseFunctions) -> Grading {
      Grading { $0.grade(functions) }
    }

    /// Grades each exercise in a fresh run of `program`, the learner's compiled files, so that
    /// a function that traps or never returns is reported as such.
    static func running(_ program: LearnerProgram, timeLimit: Double = LearnerProcess.timeLimit) -> Grading {
      Grading { exercise in
        let errorFile = program.buildFolder.appendingPathComponent("exercise-\(exercise.number).err")
        let process = try LearnerProcess(program, errorFile: errorFile, timeLimit: timeLimit)
        let outcome = exercise.grade(.calling(process))
        if let ended = process.end() { return ended }
        // What the learner's functions printed, shown as they would have shown it.
        if !process.printed.isEmpty { FileHandle.standardError.write(Data(process.printed.utf8)) }
        return outcome
      }
    }

    /// Every exercise answers with the compile's first error.
    static func notCompiling(_ failure: LearnerProgram.BuildFailure) -> Grading {
      Grading { _ in .doesNotCompile(failure.lines) }
    }
  }

  /// Runs the command from the current folder, grading the learner's files in the package.
  static func run(_ words: [String], console: inout Console) throws -> Int32 {
    let directory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    return try run(words, console: &console, directory: directory)
  }

  /// Runs the command from `directory` (where the package root is looked for), grading as
  /// `grading` says, or when it is nil the learner's files in the package's `Exercises/`,
  /// compiled once for the whole command.
  static func run(
    _ words: [String], console: inout Console, directory: URL, grading given: Grading? = nil,
    exercises: [Exercise] = ExerciseCatalog.all
  ) throws -> Int32 {
    let arguments = try Arguments(words, declared: helpText.options, command: name)
    let style = TextStyle.detect(
      environment: console.environment, isTerminal: console.isInteractive, forceASCII: arguments.flag(CommandOption.ascii))
    let width = TextStyle.width(environment: console.environment)
    let action = arguments.positional.first ?? "list"
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
        throw CommandLineTool.Failure(
          message: "could not save progress in \(root.appendingPathComponent(ExerciseProgress.fileName).path): \(reason)")
      }
    }

    var program: LearnerProgram?
    defer { program?.remove() }
    /// The learner's files, compiled when a grade is first needed.
    func learnerGrading() throws -> Grading {
      if let given { return given }
      guard let root else { throw CommandLineTool.Failure(message: notFound(directory)) }
      do {
        let built = try LearnerProgram.build(
          root: root, environment: console.environment.merging(ProcessInfo.processInfo.environment) { mine, _ in mine })
        program = built
        return .running(built)
      } catch let failure as LearnerProgram.BuildFailure {
        return .notCompiling(failure)
      }
    }

    if action == "list" {
      if arguments.positional.count > 1 {
        throw Arguments.UsageError(message: "list takes no number. Try 'ntm exercises check \(arguments.positional[1])'.")
      }
      let grading = try learnerGrading()
      let outcomes = try exercises.map(grading.grade)
      for (exercise, outcome) in zip(exercises, outcomes) {
        progress.record(exercise.number, passed: ExerciseReport.status(outcome) == "done")
      }
      try save()
      for line in ExerciseReport.list(exercises, outcomes: outcomes, progress: progress, style: style) { console.print(line) }
      if root == nil { console.print(notSavedNote(directory)) }
      return CommandLineTool.ExitCode.success
    }

    let exercise = try number(arguments.positional, action: action, exercises: exercises)
    switch action {
    case "check":
      let grading = try learnerGrading()
      let outcome = try grading.grade(exercise)
      progress.record(exercise.number, passed: ExerciseReport.status(outcome) == "done")
      // A function that is not done or fails may only be waiting on one it calls.
      var waitingOn: Exercise.Use?
      if ExerciseReport.status(outcome) != "done", ExerciseReport.status(outcome) != "does not compile" {
        for use in exercise.uses {
          guard let used = exercises.first(where: { $0.number == use.number }) else { continue }
          if ExerciseReport.status(try grading.grade(used)) != "done" {
            waitingOn = use
            break
          }
        }
      }
      try save()
      let report = ExerciseReport.check(
        exercise, outcome: outcome, waitingOn: waitingOn, progress: progress, total: exercises.count, width: width,
        style: style)
      for line in report { console.print(line) }
      if root == nil { console.print(notSavedNote(directory)) }
      if let line = ExerciseReport.errorLine(exercise, outcome: outcome, waitingOn: waitingOn) {
        console.printError(line)
        return CommandLineTool.ExitCode.failure
      }
      return CommandLineTool.ExitCode.success
    case "hint":
      let shown = min(progress.hints(exercise.number) + 1, exercise.hints.count)
      progress.setHints(exercise.number, to: shown)
      try save()
      for line in ExerciseReport.hints(exercise, shown: shown, width: width, style: style) { console.print(line) }
      if root == nil { console.print(notSavedNote(directory)) }
      return CommandLineTool.ExitCode.success
    default:
      guard let root else {
        throw CommandLineTool.Failure(message: notFound(directory))
      }
      let file = root.appendingPathComponent(exercise.path)
      let starter = try StarterFile.committed(exercise, root: root)
      do {
        try SafeFile.write(Data(starter.utf8), to: file.path)
      } catch {
        throw CommandLineTool.Failure(message: error.description)
      }
      progress.forget(exercise.number)
      try save()
      console.print("Exercise \(exercise.number) is back to its starter: \(exercise.path).")
      console.print("Its hints start again from the first.")
      console.print("'\(ExerciseReport.invocation) check \(exercise.number)' compiles and grades it.")
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
      throw Arguments.UsageError(
        message:
          "\(action) takes one exercise number, got '\(EchoedText.echo(positional.dropFirst().joined(separator: " ")))'. Try 'ntm exercises \(action) 3'."
      )
    }
    guard let number = Int(positional[1]), let exercise = exercises.first(where: { $0.number == number }) else {
      throw Arguments.UsageError(
        message: "no exercise '\(EchoedText.echo(positional[1]))': exercises are numbered \(range). Try 'ntm exercises' for the list.")
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

/// The options of `ntm exercises`, declared once, and its help.
extension ExercisesCommand {
  static let helpText = CommandHelp(
    command: "exercises", summary: "Classroom exercises: write a stage's forward or backward pass; get it graded.",
    title: "implement the NTM's stages yourself, graded by the gradient checker",
    description: [
      .prose(
        """
        Each exercise is one file in Exercises/ with a function marked TODO: cosine similarity,
        softmax, content addressing, interpolation, shift, sharpening, read and write, forward
        or backward, and one step of backpropagation through time through a read head. The files
        stand apart from the package: only a check compiles them (with swiftc, on their own, so
        the library cannot be called from them), and a file that does not compile stops nothing
        else. A check compares your answers with the library's on fixed random numbers and runs
        the gradient checker on your backward pass; it names the element that is wrong and what
        it should be near, the compiler's first error with its file and line, a crash and its
        line, a function that never returns, and an earlier exercise yours calls that does not
        pass yet. Progress and hints are kept in .ntm-exercises.json in the package root; delete
        it to start the hints again.
        """)
    ],
    positional: "[list]", otherUsages: ["ntm exercises check <N>", "ntm exercises hint <N>", "ntm exercises reset <N>"],
    afterUsage: [
      .lines([
        "ACTIONS:",
        "  list     every exercise with its status and a progress bar (the default)",
        "  check N  grade exercise N; exits 0 when it passes, 1 when not yet",
        "  hint N   show the next hint of exercise N (and the ones before it)",
        "  reset N  put exercise N's starter file back (from git), and forget its hints",
      ])
    ],
    sections: [.init(title: "OPTIONS", options: [.ascii])],
    examples: ["swift run ntm exercises check 3"])
}
