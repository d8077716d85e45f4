import Foundation
import Testing

@testable import ntm

/// Lines from a descriptor, never more than the limit of one kept: a longer line is read to
/// its end and dropped, and the lines after it read as usual.
@Suite struct BoundedLineReaderTests {
  static func reader(_ text: String, limit: Int) throws -> (BoundedLineReader, FileHandle) {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("lines-\(UUID().uuidString)")
    try Data(text.utf8).write(to: url)
    let handle = try FileHandle(forReadingFrom: url)
    try FileManager.default.removeItem(at: url)
    return (BoundedLineReader(descriptor: handle.fileDescriptor, byteLimit: limit), handle)
  }

  @Test func aLinePastTheLimitIsDroppedAndTheNextIsRead() throws {
    let long = String(repeating: "x", count: 3 * BoundedLineReader.chunkSize + 5)
    var (reader, handle) = try Self.reader("beta 2\n\(long)\nquit\r\nlast", limit: 1000)
    defer { try? handle.close() }
    #expect(reader.next() == .text("beta 2"))
    #expect(reader.next() == .tooLong(bytes: long.utf8.count))
    #expect(reader.next() == .text("quit"))
    #expect(reader.next() == .text("last"))
    #expect(reader.next() == nil)
  }

  @Test func aLineOfExactlyTheLimitIsKept() throws {
    var (reader, handle) = try Self.reader(String(repeating: "é", count: 50) + "\n\n", limit: 100)
    defer { try? handle.close() }
    #expect(reader.next() == .text(String(repeating: "é", count: 50)))
    #expect(reader.next() == .text(""))
    #expect(reader.next() == nil)
  }

  /// The REPL on a pipe: a 10 MB line gets one line on standard error, and the session goes on.
  @Test func theReplSkipsAHugePipedLine() throws {
    let huge = String(repeating: "1", count: 10_000_000)
    let result = try ReplProcessTests.run(["repl"], input: "beta \(huge)\nbeta 5\nquit\n", environment: ["LANG": "en_US.UTF-8"])
    #expect(result.code == 0)
    #expect(result.error == "error: " + PlaygroundInput.tooLongMessage + "\n")
    #expect(result.output.contains("β = 5"))
  }
}
