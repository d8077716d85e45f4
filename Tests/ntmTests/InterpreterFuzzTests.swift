import NTM
import Testing

@testable import ntm

/// Ten thousand random and mutated lines through the interpreter: none may crash or hang,
/// every rejected line gets exactly one line starting `error:` and leaves the state as it
/// was, and every accepted line leaves only finite numbers behind and on screen.
@Suite struct InterpreterFuzzTests {
  static let lineCount = 10_000

  /// Words a person might type where a number belongs, good and bad.
  static let tokens = [
    "0", "1", "-1", "+1", "+2", "-3", "0.5", "0.25", "2", "3", "8", "20", "1e6", "1e7", "1e-320", "nan", "NaN",
    "-nan", "inf", "-inf", "infinity", "1e308", "-1e308", "1.8e308", "0x1p3", "99999999999999999999", "-5", "-1024",
    "1024", "1025", "256", "257", "x", "five", "β", "γ", "😀", "−1", "١", "\u{0}", "\u{1B}[2J", "\u{7}", "\u{2028}",
    "\r", "row", "uniform", "last", "memory", "weights", "params", "builtin", "random", "zeros", "off", "target", "1,2", "1e", ".",
    "-", "+", "--", "0.", ".5", "1_000", "Ω",
  ]

  /// Lines that are valid on the built-in 8 × 4 state, to mutate.
  static let validLines = [
    "memory builtin", "memory random 6 3 2", "memory zeros 4 2", "row 1 0.5 0.5 0 0", "key 0 0 1 0", "key row 3",
    "beta 5", "gate 0.3", "shift +1", "shift -1", "shift 0.2 0.6 0.2", "sharpen 2", "previous row 1",
    "previous uniform", "previous last", "previous 1 0 0 0 0 0 0 1", "erase 1 0 1 0", "add 0.5 0.5 0.5 0.5",
    "step", "address", "read", "write", "write 1 1 1 1 0 0 0 0", "show memory", "show weights", "show params",
    "reset", "help", "help shift", "?", "set beta 3", "target row 5", "target 1 0 0 0 0 0 0 1", "target off",
    "show target", "target", "backward", "descend", "descend 5", "descend 10 2", "key 0 0 0 0",
  ]

  @Test(.timeLimit(.minutes(2)))
  func randomAndMutatedLines() {
    var generator = SplitMix64(seed: 2024)
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    var state = PlaygroundState.builtIn
    var rejected = 0
    for index in 0..<Self.lineCount {
      let line = Self.line(index, generator: &generator)
      let (reply, next) = interpreter.respond(to: line, in: state)
      if reply.isError {
        rejected += 1
        #expect(reply.text.hasPrefix("error: "), "line \(index): \(line.debugDescription)")
        #expect(Self.isOneLine(reply.text), "line \(index): \(reply.text.debugDescription)")
        #expect(next == state, "line \(index) was rejected but changed the state: \(line.debugDescription)")
        #expect(reply.text.count < 400, "line \(index): the error is too long to read")
        // Every rejection says what to type instead: an example after "Try", or "Type 'help'".
        #expect(
          reply.text.contains("Try '") || reply.text.contains("Type '"),
          "line \(index) got an error that does not say what to type: \(reply.text.debugDescription)")
      } else {
        #expect(next.isFinite, "line \(index) left a non-finite number: \(line.debugDescription)")
        #expect(!Self.showsNonFinite(reply.text), "line \(index) printed nan or inf: \(line.debugDescription)")
      }
      state = next
      // Keep the memory small so ten thousand lines stay quick; large sizes are tested below.
      if state.rows * state.width > 512 || reply.quits { state = .builtIn }
    }
    // The mix must exercise both sides.
    #expect(rejected > Self.lineCount / 5)
    #expect(rejected < Self.lineCount * 9 / 10)
  }

  @Test(arguments: ["memory random 1024 256 9", "memory zeros 1024 1", "memory random 1 256", "memory random 1 1"])
  func largestAndSmallestMemories(_ line: String) {
    let interpreter = Interpreter(canvas: Fixtures.unicode)
    var (reply, state) = interpreter.respond(to: line, in: .builtIn)
    #expect(!reply.isError)
    for command in ["address", "step", "read", "write", "show weights", "shift 0", "sharpen 1e6", "beta 1e6"] {
      (reply, state) = interpreter.respond(to: command, in: state)
      #expect(!reply.isError, "\(command): \(reply.text)")
      #expect(state.isFinite)
      #expect(!Self.showsNonFinite(reply.text))
    }
  }

  /// The `index`th line: mostly mutations of valid lines, some random words, a few very
  /// long lines.
  static func line(_ index: Int, generator: inout SplitMix64) -> String {
    func pick<T>(_ array: [T]) -> T { array[Int(generator.next() % UInt64(array.count))] }
    if index % 500 == 499 {
      return String(repeating: pick(["1 ", "x", "β", "nan "]), count: 1000 + Int(generator.next() % 70_000))
    }
    switch generator.next() % 4 {
    case 0:
      return pick(validLines)
    case 1:
      // A command with random words.
      let command = pick(ReplCommandList.words + ["sharpn", "bet", "", "stepp", "SHOW"])
      let count = Int(generator.next() % 10)
      return ([command] + (0..<count).map { _ in pick(tokens) }).joined(separator: " ")
    default:
      var words = pick(validLines).split(separator: " ").map(String.init)
      switch generator.next() % 5 {
      case 0: if !words.isEmpty { words.remove(at: Int(generator.next() % UInt64(words.count))) }
      case 1: words.append(pick(tokens))
      case 2: words[Int(generator.next() % UInt64(words.count))] = pick(tokens)
      case 3: words.insert(pick(tokens), at: Int(generator.next() % UInt64(words.count + 1)))
      default:
        var characters = Array(words.joined(separator: " "))
        characters.insert(pick(Array("βx9.-+ \t\u{0}😀")), at: Int(generator.next() % UInt64(characters.count + 1)))
        return String(characters)
      }
      return words.joined(separator: pick([" ", "  ", "\t"]))
    }
  }

  static func isOneLine(_ text: String) -> Bool {
    !text.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0 == "\u{2028}" || $0 == "\u{2029}" || $0 == "\u{85}" }
  }

  /// Whether `text` shows `nan` or `inf` as a word.
  static func showsNonFinite(_ text: String) -> Bool {
    text.lowercased().split { !$0.isLetter }.contains { $0 == "nan" || $0 == "inf" || $0 == "infinity" }
  }
}
