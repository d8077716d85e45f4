import Testing

@testable import ntm

/// The line editor, key by key, without a terminal.
@Suite struct LineEditorTests {
  static func editor() -> LineEditor {
    var editor = LineEditor()
    editor.complete = ReplCompletion.candidates
    return editor
  }

  static func type(_ text: String, into editor: inout LineEditor) {
    for character in text { _ = editor.handle(.character(character)) }
  }

  @Test func editsInTheMiddleOfTheLine() {
    var editor = Self.editor()
    Self.type("bta 5", into: &editor)
    for _ in 0..<4 { _ = editor.handle(.left) }
    _ = editor.handle(.character("e"))
    #expect(editor.line == "beta 5" && editor.cursor == 2)
    _ = editor.handle(.end)
    _ = editor.handle(.backspace)
    Self.type("20", into: &editor)
    _ = editor.handle(.home)
    _ = editor.handle(.delete)
    #expect(editor.line == "eta 20" && editor.cursor == 0)
    _ = editor.handle(.left)
    #expect(editor.cursor == 0)
    _ = editor.handle(.killToEnd)
    #expect(editor.line.isEmpty)
  }

  @Test func historyRecallsEarlierLinesAndKeepsTheDraft() {
    var editor = Self.editor()
    for line in ["beta 5", "step", "step"] {
      Self.type(line, into: &editor)
      #expect(editor.handle(.enter) == .submit(line))
    }
    #expect(editor.history == ["beta 5", "step"])
    Self.type("gate", into: &editor)
    _ = editor.handle(.up)
    #expect(editor.line == "step")
    _ = editor.handle(.up)
    _ = editor.handle(.up)
    #expect(editor.line == "beta 5")
    _ = editor.handle(.down)
    _ = editor.handle(.down)
    #expect(editor.line == "gate" && editor.cursor == 4)
  }

  @Test func ctrlDLeavesOnAnEmptyLineOnly() {
    var editor = Self.editor()
    #expect(editor.handle(.endOfInput) == .quit)
    Self.type("ab", into: &editor)
    _ = editor.handle(.home)
    #expect(editor.handle(.endOfInput) == .editing)
    #expect(editor.line == "b")
  }

  @Test func ctrlCClearsTheLineAndNeverLeaves() {
    var editor = Self.editor()
    Self.type("beta", into: &editor)
    #expect(editor.handle(.interrupt) == .cancel)
    #expect(editor.line.isEmpty)
    // On an empty line too, as in a shell: only Ctrl-D or 'quit' leave.
    #expect(editor.handle(.interrupt) == .cancel)
    #expect(editor.line.isEmpty)
    Self.type("gate", into: &editor)
    #expect(editor.handle(.enter) == .submit("gate"))
  }

  @Test func tabCompletesCommandsAndTheirWords() {
    var editor = Self.editor()
    Self.type("sha", into: &editor)
    #expect(editor.handle(.tab) == .editing)
    #expect(editor.line == "sharpen ")
    var second = Self.editor()
    Self.type("s", into: &second)
    #expect(second.handle(.tab) == .candidates(["shift", "sharpen", "step", "show"]))
    Self.type("how w", into: &second)
    _ = second.handle(.tab)
    #expect(second.line == "show weights ")
    var third = Self.editor()
    Self.type("zz", into: &third)
    #expect(third.handle(.tab) == .editing)
    #expect(third.line == "zz")
  }

  @Test func clearLineRemovesWhatIsBeforeTheCursor() {
    var editor = Self.editor()
    Self.type("beta 5", into: &editor)
    _ = editor.handle(.left)
    _ = editor.handle(.clearLine)
    #expect(editor.line == "5" && editor.cursor == 0)
  }
}

/// Bytes from a terminal in raw mode, decoded into keys.
@Suite struct KeyDecoderTests {
  static func keys(_ bytes: [UInt8]) -> [LineEditor.Key] {
    var decoder = KeyDecoder()
    return bytes.compactMap { decoder.feed($0) }
  }

  @Test func controlBytesAndEscapeSequences() {
    #expect(Self.keys([0x1B, 0x5B, 0x41, 0x1B, 0x5B, 0x42, 0x1B, 0x5B, 0x43, 0x1B, 0x5B, 0x44]) == [.up, .down, .right, .left])
    #expect(
      Self.keys(Array("\u{1B}[H\u{1B}[F\u{1B}OH\u{1B}OF\u{1B}[1~\u{1B}[4~\u{1B}[3~".utf8)) == [
        .home, .end, .home, .end, .home, .end, .delete,
      ])
    #expect(
      Self.keys([0x0D, 0x0A, 0x7F, 0x08, 0x09, 0x03, 0x04, 0x01, 0x05, 0x15, 0x0B]) == [
        .enter, .enter, .backspace, .backspace, .tab, .interrupt, .endOfInput, .home, .end, .clearLine, .killToEnd,
      ])
    #expect(Self.keys(Array("\u{1B}[1;5C".utf8)) == [.right])
  }

  @Test func utf8Characters() {
    #expect(Self.keys(Array("aβ😀".utf8)) == [.character("a"), .character("β"), .character("😀")])
    // A broken sequence is dropped, and the byte that broke it is read afresh.
    #expect(Self.keys([0xCE, 0x41]) == [.character("A")])
    #expect(Self.keys([0x80, 0x00, 0x1F]).isEmpty)
  }

  /// A line stops growing at its limit; Enter then drops it, and the next line is fresh.
  @Test func aLinePastTheLimitIsDropped() {
    var editor = LineEditorTests.editor()
    LineEditorTests.type(String(repeating: "1", count: LineEditor.maximumLength + 10), into: &editor)
    #expect(editor.buffer.count == LineEditor.maximumLength && editor.overflowed)
    #expect(editor.handle(LineEditor.Key.enter) == LineEditor.Outcome.tooLong)
    #expect(editor.buffer.isEmpty && !editor.overflowed && editor.history.isEmpty)
    LineEditorTests.type("beta 5", into: &editor)
    #expect(editor.handle(LineEditor.Key.enter) == LineEditor.Outcome.submit("beta 5"))
  }
}
