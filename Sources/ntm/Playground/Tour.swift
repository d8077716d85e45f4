import Foundation

/// The guided tour: one page per idea of the paper's §3.3, from the memory to a gradient
/// check, on the built-in 8 × 4 memory. The pages are built as text first (so a test can
/// pin them), then shown one at a time or all at once.
enum Tour {
  /// One page: a title and its lines.
  struct Page: Equatable, Sendable {
    var title: String
    var lines: [String]
  }

  /// What the reader typed at a pause.
  enum Choice: Equatable {
    case next, leave
  }

  /// The pause prompt's answer: Enter (or anything but `q`) goes on; `q`, `quit` or the end
  /// of input leaves.
  static func choice(for line: String?) -> Choice {
    guard let line else { return .leave }
    let word = line.trimmingCharacters(in: .whitespaces).lowercased()
    return ["q", "quit", "exit", ":q"].contains(word) ? .leave : .next
  }

  /// The page as printed: a rule with its number and title, then its lines.
  static func render(_ page: Page, number: Int, of count: Int, canvas: Canvas) -> String {
    // Spelled before it is measured: `β` in a title is four letters in ASCII.
    let heading = canvas.spell("── \(number)/\(count)  \(page.title) ")
    let rule = heading + canvas.spell(String(repeating: "─", count: max(3, canvas.width - heading.count)))
    return ([rule, ""] + page.lines.map(canvas.spell)).joined(separator: "\n")
  }

  /// The whole tour as one text, pages separated by blank lines: what `--no-pause` prints.
  static func text(canvas: Canvas) -> String {
    let pages = TourPages.all(canvas: canvas)
    return pages.enumerated().map { render($1, number: $0 + 1, of: pages.count, canvas: canvas) }
      .joined(separator: "\n\n")
  }

  /// Shows the pages, pausing after each when `pause` is set. Returns the exit code (0).
  static func run(console: inout Console, canvas: Canvas, pause: Bool) -> Int32 {
    guard pause else {
      console.print(text(canvas: canvas))
      return CommandLineTool.ExitCode.success
    }
    let pages = TourPages.all(canvas: canvas)
    for (index, page) in pages.enumerated() {
      console.print(render(page, number: index + 1, of: pages.count, canvas: canvas))
      console.print()
      guard index + 1 < pages.count else { break }
      console.writeOutput(canvas.spell(prompt))
      if choice(for: console.readLine()) == .leave {
        console.print()
        console.print(canvas.spell(farewell))
        return CommandLineTool.ExitCode.success
      }
      console.print()
    }
    return CommandLineTool.ExitCode.success
  }

  /// The pause between pages: the answer is read as a line, so `q` needs Enter too.
  static let prompt = "[Enter] next page · q then Enter to leave ▸ "

  static let farewell = "Leaving the tour. 'ntm repl' lets you change every number you saw; 'ntm tour' starts again."
}
