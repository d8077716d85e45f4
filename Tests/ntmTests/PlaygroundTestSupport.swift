import NTM
import TerminalCharts
import Testing

@testable import ntm

/// The canvases the golden texts are drawn on: 80 columns, Unicode or ASCII.
enum Fixtures {
  static let unicode = Canvas(style: .unicode, width: 80)
  static let ascii = Canvas(style: .ascii, width: 80)
}

/// Runs `lines` through the interpreter from `state` and returns what a person would see:
/// each line after the prompt, then its reply.
func replTranscript(
  _ lines: [String], from state: PlaygroundState = .builtIn, canvas: Canvas = Fixtures.unicode
) -> String {
  let interpreter = Interpreter(canvas: canvas)
  var state = state
  var output: [String] = []
  for line in lines {
    output.append(line.isEmpty ? "ntm>" : "ntm> " + visible(line))
    let (reply, next) = interpreter.respond(to: line, in: state)
    state = next
    if !reply.text.isEmpty { output.append(reply.text) }
  }
  return output.joined(separator: "\n")
}

/// `line` with control characters written as `\u{1B}`, so a transcript stays printable.
func visible(_ line: String) -> String {
  line.unicodeScalars.map {
    $0.properties.generalCategory == .control ? "\\u{\(String($0.value, radix: 16, uppercase: true))}" : String($0)
  }.joined()
}

/// Runs `arguments` through the command-line tool on a recording console.
func runNTM(
  _ arguments: [String], input: [String] = [], environment: [String: String] = ["LANG": "en_US.UTF-8"],
  isInteractive: Bool = false
) -> (code: Int32, output: String, error: String) {
  let recording = Console.Recording(input: input)
  var console = recording.console(environment: environment, isInteractive: isInteractive)
  let code = CommandLineTool.run(arguments, console: &console)
  return (code, recording.output, recording.error)
}

/// The numbers printed at the end of bar-chart lines (`0 │███ 0.918`), in order.
func barChartNumbers(_ lines: some Sequence<String>) -> [Double] {
  lines.compactMap { line in
    guard line.contains("│") || line.contains("|") else { return nil }
    return line.split(separator: " ").last.flatMap { Double($0) }
  }
}
