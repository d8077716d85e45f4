import Testing

@testable import ntm

/// The ASCII fallback: under `LANG=C` (or `--ascii`) the tour, the REPL, `ntm address`,
/// `ntm gradcheck` and every help text print only ASCII, and spell each symbol rather than
/// leaving a `?` where the Unicode text had none.
@Suite struct PlaygroundASCIITests {
  static let c = ["LANG": "C"]

  /// Records a failure naming the first character outside ASCII in `text`, and one when the
  /// ASCII text has more `?` than the Unicode `original` (a symbol with no spelling).
  static func expectASCII(
    _ text: String, spelling original: String? = nil, _ what: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if let line = text.split(separator: "\n").first(where: { !$0.unicodeScalars.allSatisfy { $0.value < 128 } }) {
      Issue.record("\(what) prints a character outside ASCII: \(line)", sourceLocation: sourceLocation)
    }
    if let original {
      let marks = { (text: String) in text.filter { $0 == "?" }.count }
      #expect(marks(text) == marks(original), "\(what): a symbol became '?'", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: [60, 80])
  func everyTourPage(width: Int) {
    let ascii = Canvas(style: .ascii, width: width)
    let unicode = Canvas(style: .unicode, width: width)
    let pages = TourPages.all(canvas: ascii)
    let originals = TourPages.all(canvas: unicode)
    for (index, (page, original)) in zip(pages, originals).enumerated() {
      Self.expectASCII(
        Tour.render(page, number: index + 1, of: pages.count, canvas: ascii),
        spelling: Tour.render(original, number: index + 1, of: pages.count, canvas: unicode), "tour page \(index + 1)")
    }
    Self.expectASCII(runNTM(["tour", "--no-pause"], environment: Self.c).output, "ntm tour under LANG=C")
  }

  @Test func everyREPLHelpPage() {
    let lines = ["help"] + ReplCommandList.all.map { "help \($0.name)" }
    for line in lines {
      let ascii = Interpreter(canvas: Fixtures.ascii).respond(to: line, in: .builtIn).reply
      let unicode = Interpreter(canvas: Fixtures.unicode).respond(to: line, in: .builtIn).reply
      #expect(!ascii.isError, "\(line)")
      Self.expectASCII(ascii.text, spelling: unicode.text, "'\(line)'")
    }
    #expect(Fixtures.ascii.spell("row <i> <x₁ … x_W>") == "row <i> <x1 ... x_W>")
  }

  /// Every command's reply on the benchmark script's memories, errors included.
  @Test func everyREPLReply() {
    let interpreter = Interpreter(canvas: Fixtures.ascii)
    var state = PlaygroundState.builtIn
    for line in ReplCommandList.benchmarkScript + ["set", "memory zeros 2 2", "shift +1", "bogus"] {
      let (reply, next) = interpreter.respond(to: line, in: state)
      Self.expectASCII(reply.text, "'\(line)'")
      state = next
    }
  }

  @Test func address() {
    let text = runNTM(["address"], environment: Self.c)
    Self.expectASCII(text.output, spelling: runNTM(["address"]).output, "ntm address")
    for flags in [["--shift", "+5"], ["--rows", "2", "--width", "2", "--shift", "+1"], ["--beta", "nan"]] {
      let result = runNTM(["address"] + flags, environment: Self.c)
      #expect(result.code == 64)
      Self.expectASCII(result.error, spelling: runNTM(["address"] + flags).error, "ntm address \(flags)")
    }
  }

  @Test func gradcheck() {
    Self.expectASCII(runNTM(["gradcheck"], environment: Self.c).output, "ntm gradcheck")
    let result = runNTM(["gradcheck", "--rows", "2", "--shift-range", "1"], environment: Self.c)
    #expect(result.error == "error: --shift-range 1 needs 2R + 1 <= N = 2; use --shift-range 0.\n")
  }
}
