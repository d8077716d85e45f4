/// The REPL's line editor as a value: keys in, a line (or a decision to leave) out. It knows
/// nothing of terminals, so every key can be tested; `TerminalSession` feeds it real keys and
/// draws `line` and `cursor` after each.
struct LineEditor: Sendable {
  /// A key press, already decoded from the terminal's bytes.
  enum Key: Equatable, Sendable {
    case character(Character)
    case enter, backspace, delete, left, right, home, end, up, down, tab
    /// Ctrl-C.
    case interrupt
    /// Ctrl-D.
    case endOfInput
    /// Ctrl-U: clear the line.
    case clearLine
    /// Ctrl-K: delete to the end of the line.
    case killToEnd
  }

  /// What the REPL should do after a key.
  enum Outcome: Equatable, Sendable {
    /// Keep editing; redraw the line.
    case editing
    /// The line is finished: run it.
    case submit(String)
    /// Ctrl-C: drop the line, if any, and start a fresh one, as shells do.
    case cancel
    /// Ctrl-D on an empty line: leave.
    case quit
    /// Tab found several candidates and could not extend the word: list them.
    case candidates([String])
    /// Enter on a line that passed `maximumLength`: it is dropped, not run.
    case tooLong
  }

  /// The most characters a line holds (`PlaygroundInput.maximumLineLength`); keys past it are
  /// dropped, so a pasted 100 MB line costs no more than this.
  static let maximumLength = PlaygroundInput.maximumLineLength

  /// The characters of the line being edited.
  private(set) var buffer: [Character] = []
  /// The insertion point, `0...buffer.count`.
  private(set) var cursor = 0
  /// Lines already entered, oldest first.
  private(set) var history: [String] = []
  /// The history entry shown, or `history.count` for the line being typed.
  private var historyIndex = 0
  /// The line being typed, kept while browsing history.
  private var draft: [Character] = []
  /// Whether characters were dropped from this line for passing `maximumLength`.
  private(set) var overflowed = false
  /// Completes the word before the cursor: `(words before it, its prefix) → candidates`.
  var complete: @Sendable (_ previous: [String], _ prefix: String) -> [String] = { _, _ in [] }

  /// The line as text.
  var line: String { String(buffer) }

  /// Applies `key`.
  mutating func handle(_ key: Key) -> Outcome {
    switch key {
    case .character(let character):
      guard buffer.count < Self.maximumLength else {
        overflowed = true
        return .editing
      }
      buffer.insert(character, at: cursor)
      cursor += 1
    case .enter:
      if overflowed {
        reset()
        return .tooLong
      }
      let text = line
      if !text.allSatisfy(\.isWhitespace), history.last != text { history.append(text) }
      reset()
      return .submit(text)
    case .backspace:
      if cursor > 0 {
        buffer.remove(at: cursor - 1)
        cursor -= 1
      }
    case .delete:
      if cursor < buffer.count { buffer.remove(at: cursor) }
    case .left: cursor = max(0, cursor - 1)
    case .right: cursor = min(buffer.count, cursor + 1)
    case .home: cursor = 0
    case .end: cursor = buffer.count
    case .up: browseHistory(by: -1)
    case .down: browseHistory(by: 1)
    case .tab: return completeWord()
    case .interrupt:
      reset()
      return .cancel
    case .endOfInput:
      // As in a shell: Ctrl-D leaves on an empty line and deletes forward otherwise.
      if buffer.isEmpty { return .quit }
      if cursor < buffer.count { buffer.remove(at: cursor) }
    case .clearLine:
      buffer.removeSubrange(0..<cursor)
      cursor = 0
    case .killToEnd:
      buffer.removeSubrange(cursor..<buffer.count)
    }
    return .editing
  }

  private mutating func reset() {
    overflowed = false
    buffer = []
    cursor = 0
    draft = []
    historyIndex = history.count
  }

  private mutating func browseHistory(by offset: Int) {
    let target = historyIndex + offset
    guard target >= 0, target <= history.count, target != historyIndex else { return }
    if historyIndex == history.count { draft = buffer }
    historyIndex = target
    buffer = target == history.count ? draft : Array(history[target])
    cursor = buffer.count
  }

  /// Extends the word before the cursor to the longest prefix all candidates share, adding a
  /// space when only one candidate is left.
  private mutating func completeWord() -> Outcome {
    let before = String(buffer[..<cursor])
    let words = before.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    let endsInSpace = before.last == " " || before.isEmpty
    let prefix = endsInSpace ? "" : (words.last ?? "")
    let previous = endsInSpace ? words : Array(words.dropLast())
    let matches = complete(previous, prefix).filter { $0.hasPrefix(prefix) }
    guard !matches.isEmpty else { return .editing }
    var common = matches[0]
    for match in matches.dropFirst() {
      while !match.hasPrefix(common) { common.removeLast() }
    }
    let addition = Array(common.dropFirst(prefix.count)) + (matches.count == 1 ? [" "] : [])
    if addition.isEmpty { return .candidates(matches) }
    buffer.insert(contentsOf: addition, at: cursor)
    cursor += addition.count
    return .editing
  }
}
