import TerminalCharts

/// The text `ntm exercises` prints, built apart from printing so tests read it directly.
enum ExerciseReport {
  /// How to run the tool, as a learner types it.
  static let invocation = "swift run ntm exercises"

  /// Cells in a full progress bar.
  static let barCells = 40

  /// The status of one exercise in the list.
  static func status(_ outcome: Exercise.Outcome) -> String {
    switch outcome {
    case .notDone: return "to do"
    case .passed: return "done"
    case .failed: return "failing"
    case .crashed: return "crashed"
    case .timedOut: return "endless loop"
    case .doesNotCompile: return "does not compile"
    }
  }

  /// `ntm exercises`: a progress bar, then one line per exercise.
  static func list(
    _ exercises: [Exercise], outcomes: [Exercise.Outcome], progress: ExerciseProgress, style: TextStyle
  ) -> [String] {
    let done = outcomes.filter { if case .passed = $0 { return true } else { return false } }.count
    let bar = BarChart.bar(Double(done), maximum: Double(exercises.count), cells: barCells, glyphs: style.glyphs)
    var lines = [
      "Exercises: write each stage's forward and backward pass; each check compares your",
      "answers with the library's and runs the gradient checker on your backward pass.",
      "",
      "[" + TextWidth.padRight(bar, to: barCells) + "]  \(done) of \(exercises.count) done",
      "",
    ]
    let rows = zip(exercises, outcomes).map { exercise, outcome in
      let shown = progress.hints(exercise.number)
      return [
        "\(exercise.number)", exercise.title, status(outcome),
        shown == 0 ? "" : "\(shown) of \(exercise.hints.count)",
      ]
    }
    lines += TextTable.render(
      header: ["#", "exercise", "status", "hints"], rows: rows, alignments: [.right, .left, .left, .left], style: style)
    lines.append("")
    if case .doesNotCompile(let error) = outcomes.first {
      lines.append("The files in \(LearnerProgram.folder)/ do not compile, so none could be graded:")
      lines += error.map { "  " + $0 }
      lines.append("")
    }
    if let next = zip(exercises, outcomes).first(where: { status($0.1) != "done" })?.0 {
      lines.append("Next: edit \(next.path),")
      lines.append("then run '\(invocation) check \(next.number)' ('hint \(next.number)' for a hint).")
    } else {
      lines.append("All \(exercises.count) done: every stage's gradient, checked.")
    }
    return style.glyphs == .ascii ? lines.map(\.asciiSpelled) : lines
  }

  /// The heading of one exercise: number, title and equation.
  static func heading(_ exercise: Exercise) -> [String] {
    ["Exercise \(exercise.number): \(exercise.title)"]
      + exercise.equation.split(separator: "\n").map { "  " + $0 } + [""]
  }

  /// `ntm exercises check N`.
  static func check(
    _ exercise: Exercise, outcome: Exercise.Outcome, waitingOn: Exercise.Use? = nil, progress: ExerciseProgress,
    total: Int, width: Int, style: TextStyle
  ) -> [String] {
    let (tick, cross) = style.glyphs == .ascii ? ("ok ", "FAIL ") : ("✓ ", "✗ ")
    var lines = heading(exercise)
    switch outcome {
    case .notDone:
      if let waitingOn {
        lines += wrap("Not done yet: " + waiting(exercise, on: waitingOn) + ".", width: width, indent: "")
        lines.append("Run '\(invocation) check \(waitingOn.number)' first.")
      } else {
        lines.append("Not done yet: the function in")
        lines.append("\(exercise.path) still returns nil.")
        lines.append("Write it, then run '\(invocation) check \(exercise.number)' again.")
      }
    case .passed(let passed):
      lines += passed.flatMap { wrap("  " + tick + $0, width: width, indent: "    ") }
      lines.append("")
      lines.append("Passed. \(progress.passed.count) of \(total) done; '\(invocation)' shows the rest.")
    case .failed(let message, let passed):
      lines += passed.flatMap { wrap("  " + tick + $0, width: width, indent: "    ") }
      lines += wrap("  " + cross + message, width: width, indent: "    ")
      lines.append("")
      lines.append("Not yet: fix \(exercise.path) and check again.")
    case .crashed(let message):
      lines.append("Crashed: the function in \(exercise.path)")
      lines.append("stopped the program before it could be graded:")
      lines += wrap("  " + cross + message, width: width, indent: "    ")
      lines.append("")
      lines.append("Not yet: fix \(exercise.path) and check again.")
    case .timedOut(let seconds):
      lines.append("Endless loop? The function in \(exercise.path)")
      lines.append("was still running after \(Int(seconds)) seconds, and was stopped.")
      lines.append("")
      lines.append("Not yet: look at its loops' conditions, and check again.")
    case .doesNotCompile(let error):
      lines.append("Does not compile: every file in \(LearnerProgram.folder)/ must build before any can be graded.")
      // The error wraps; the source line and the caret under it keep their columns.
      lines += wrap("  " + (error.first ?? ""), width: width, indent: "    ") + error.dropFirst().map { "  " + $0 }
      lines.append("")
      lines.append("Fix that line, then check again ('\(invocation) reset N'")
      lines.append("puts exercise N's starter back).")
    }
    if let waitingOn, outcome != .notDone, status(outcome) != "done" {
      lines += wrap(
        capitalised(waiting(exercise, on: waitingOn)) + ": '\(invocation) check \(waitingOn.number)' first.", width: width,
        indent: "")
    }
    if case .passed = outcome {
    } else {
      let shown = progress.hints(exercise.number)
      let more = shown < exercise.hints.count
      lines.append(
        more
          ? "Stuck? '\(invocation) hint \(exercise.number)' (\(shown) of \(exercise.hints.count) hints shown)."
          : "All \(exercise.hints.count) hints are shown: '\(invocation) hint \(exercise.number)' repeats them.")
    }
    return style.glyphs == .ascii ? lines.map(\.asciiSpelled) : lines
  }

  /// "exercise 10 uses your softmax backward from exercise 3, which does not pass yet".
  static func waiting(_ exercise: Exercise, on use: Exercise.Use) -> String {
    "exercise \(exercise.number) uses your \(use.what) from exercise \(use.number), which does not pass yet"
  }

  static func capitalised(_ text: String) -> String { text.prefix(1).uppercased() + text.dropFirst() }

  /// The one line on standard error after a check that did not pass; nil after a pass.
  static func errorLine(_ exercise: Exercise, outcome: Exercise.Outcome, waitingOn: Exercise.Use?) -> String? {
    let number = exercise.number
    switch outcome {
    case .passed: return nil
    case .notDone:
      return waitingOn.map { "error: \(waiting(exercise, on: $0))." } ?? "error: exercise \(number) is not done yet."
    case .failed: return "error: exercise \(number) does not pass yet."
    case .crashed(let how): return "error: exercise \(number) crashed: \(how). Fix the function and check again."
    case .timedOut(let seconds):
      return "error: exercise \(number) was still running after \(Int(seconds)) seconds and was stopped (an endless loop?)."
    case .doesNotCompile(let error):
      return "error: the exercises do not compile: \(error.first ?? "").".replacingOccurrences(of: "..", with: ".")
    }
  }

  /// `ntm exercises hint N`, after the `shown`-th hint has been revealed.
  static func hints(_ exercise: Exercise, shown: Int, width: Int, style: TextStyle) -> [String] {
    var lines = heading(exercise)
    for (index, hint) in exercise.hints.prefix(shown).enumerated() {
      lines += wrap("Hint \(index + 1) of \(exercise.hints.count): \(hint)", width: width)
    }
    lines.append("")
    lines.append(
      shown < exercise.hints.count
        ? "Ask again for the next hint."
        : "That is every hint. Check your work with '\(invocation) check \(exercise.number)'.")
    return style.glyphs == .ascii ? lines.map(\.asciiSpelled) : lines
  }

  /// `text` broken at spaces into lines of at most `width` columns; later lines indented by
  /// `indent`. A word longer than a line stays whole.
  static func wrap(_ text: String, width: Int, indent: String = "  ") -> [String] {
    let leading = String(text.prefix { $0 == " " })
    var lines: [String] = []
    var line = ""
    for word in text.dropFirst(leading.count).split(separator: " ") {
      let candidate = line.isEmpty ? leading + word : line + " " + word
      if TextWidth.of(candidate) > width, !line.isEmpty {
        lines.append(line)
        line = indent + word
      } else {
        line = candidate
      }
    }
    if !line.isEmpty { lines.append(line) }
    return lines
  }
}
