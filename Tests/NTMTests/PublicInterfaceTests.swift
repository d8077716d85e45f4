import Foundation
import Testing

/// The library's public functions speak arrays and `Matrix`: the pointer kernels the machine
/// runs stay internal, so no outside code depends on them.
struct PublicInterfaceTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources/NTM")

  /// Every public declaration's signature (from `public` to its body's `{`, across lines) in
  /// `text`, with the line it starts on.
  static func publicSignatures(_ text: String) -> [(line: Int, signature: String)] {
    var found: [(Int, String)] = []
    let lines = text.components(separatedBy: "\n")
    for (index, line) in lines.enumerated() where line.trimmingCharacters(in: .whitespaces).hasPrefix("public ") {
      var signature = ""
      for next in lines[index...] {
        signature += next + " "
        if next.contains("{") || next.contains("=") { break }
      }
      found.append((index + 1, signature))
    }
    return found
  }

  @Test func noPublicSignatureMentionsAPointer() throws {
    let files = try #require(FileManager.default.enumerator(at: Self.sources, includingPropertiesForKeys: nil))
    var offenders: [String] = []
    var count = 0
    for case let file as URL in files where file.pathExtension == "swift" {
      let text = try String(contentsOf: file, encoding: .utf8)
      for (line, signature) in Self.publicSignatures(text) {
        count += 1
        if signature.contains("Unsafe") { offenders.append("\(file.lastPathComponent):\(line)") }
      }
    }
    #expect(count > 100, "found only \(count) public declarations under \(Self.sources.path)")
    #expect(offenders.isEmpty, "public declarations with pointers: \(offenders)")
  }
}
