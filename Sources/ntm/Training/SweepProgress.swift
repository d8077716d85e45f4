import NTM
import TerminalCharts

/// The line `ntm eval` shows while it scores: `scoring length 80 with LSTM (10 of 12)…`.
///
/// Only on a terminal, and only until the results come: each report overwrites the last
/// (`\r`, then erase to the end of the line) and `finish` erases it, so the results start on a
/// clean line and piped output never holds it.
struct SweepProgress {
  var console: Console
  /// The models' names, as the table titles them.
  var titles: [String]
  /// The terminal's width; the line is cut to one column less, so it never wraps (a wrapped
  /// line could not be overwritten).
  var width: Int

  /// The words for `step`.
  func text(_ step: GeneralisationSweep.Step) -> String {
    let model = titles.count > 1 ? " with \(titles[step.model])" : ""
    return "scoring length \(step.length)\(model) (\(step.done + 1) of \(step.total))…"
  }

  func report(_ step: GeneralisationSweep.Step) {
    guard console.isInteractive else { return }
    console.writeOutput("\r" + TextWidth.truncate(text(step), to: width - 1) + "\u{1B}[K")
  }

  func finish() {
    guard console.isInteractive else { return }
    console.writeOutput("\r\u{1B}[K")
  }
}
