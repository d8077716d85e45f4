import Foundation
import NTM

/// A file a command writes (`--checkpoint`, `--export`, `--svg`, `ntm results --output` and
/// `--readme`): checked before the work starts, so a typo in the path does not cost a training
/// run, then written with the library's `SafeFile` — atomically, through symbolic links, and
/// never over a folder, a device, a FIFO or a socket. Every failure is a
/// `CommandLineTool.Failure` that reads `cannot write PATH: why`.
///
/// `-` names standard output for the text a person reads or pipes on (SVG pictures, Markdown
/// pages): the command's own report then goes to standard error, so that standard output holds
/// the document alone. Checkpoints are always files (`./-` names a file called `-`).
enum OutputFile {
  /// The name that means standard output.
  static let standardOutput = "-"

  /// One output of a command: the flag that named it, its path, and whether `-` (standard
  /// output) is allowed for it.
  struct Output {
    var flag: String
    var path: String
    var allowsStandardOutput = true
  }

  /// Throws unless `path` can be written: standard output, or a regular file (or none yet,
  /// or a link to one) in an existing folder that can be written.
  static func check(_ path: String) throws {
    guard path != standardOutput else { return }
    do {
      _ = try SafeFile.destination(of: path)
    } catch {
      throw CommandLineTool.Failure(message: error.description)
    }
  }

  /// Checks every output of one command before it starts: each can be written, a checkpoint
  /// is not `-`, no two name the same file (`x`, `./x` and a link to `x` are one file), and
  /// none is a file the command reads (`inputs`: `ntm show run.json --svg run.json`).
  static func check(_ outputs: [Output], inputs: [String] = []) throws {
    for output in outputs {
      if output.path == standardOutput && !output.allowsStandardOutput {
        throw CommandLineTool.Failure(
          message: "cannot write \(output.flag) to standard output (-): it must be a file; write ./- for a file called -")
      }
      try check(output.path)
    }
    for (index, first) in outputs.enumerated() {
      for second in outputs[(index + 1)...] where isSameFile(first.path, second.path) {
        let place = second.path == standardOutput ? "standard output (-)" : second.path
        throw CommandLineTool.Failure(
          message: "\(first.flag) and \(second.flag) would both write \(place); give each its own file")
      }
    }
    for output in outputs where output.path != standardOutput {
      for input in inputs where FileManager.default.fileExists(atPath: input) && SafeFile.isSameFile(input, output.path) {
        throw CommandLineTool.Failure(
          message: "\(output.flag) \(output.path) would write over the checkpoint it reads; give it its own file")
      }
    }
  }

  /// Whether two outputs would write the same file (or both standard output).
  static func isSameFile(_ first: String, _ second: String) -> Bool {
    if first == standardOutput || second == standardOutput { return first == second }
    return SafeFile.isSameFile(first, second)
  }

  /// Sends `console`'s report to standard error when one of `paths` is standard output, and
  /// returns what writes to the real standard output: where a document named `-` goes.
  static func claimStandardOutput(for paths: [String?], console: inout Console) -> (String) -> Void {
    let document = console.writeOutput
    if paths.contains(standardOutput) { console.writeOutput = console.writeError }
    return document
  }

  /// Writes `text` to `path` safely, or to `standardOutput` when `path` is `-`.
  static func write(_ text: String, to path: String, standardOutput: (String) -> Void) throws {
    guard path != Self.standardOutput else { return standardOutput(text) }
    do {
      try SafeFile.write(Data(text.utf8), to: path)
    } catch {
      throw CommandLineTool.Failure(message: error.description)
    }
  }

  /// The line a command prints once it has written `path`: `Wrote the dashboard to x.svg.`,
  /// or `Wrote the dashboard to standard output.`
  static func place(_ path: String) -> String {
    path == standardOutput ? "standard output" : path
  }
}
