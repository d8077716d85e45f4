import Foundation
import Synchronization

/// Reads lines from a file descriptor without ever holding more than `byteLimit` bytes of one:
/// a line longer than that is read to its end and dropped, so a 100 MB line costs a small
/// buffer rather than 200 MB of string (`readLine` keeps all of it before anyone can refuse it).
struct BoundedLineReader {
  /// One line read.
  enum Line: Equatable {
    /// A line within the limit, without its newline.
    case text(String)
    /// A line past the limit, dropped; `bytes` counts all of it.
    case tooLong(bytes: Int)
  }

  /// Bytes read from the descriptor at a time.
  static let chunkSize = 65_536

  let descriptor: Int32
  /// The most bytes of one line kept.
  let byteLimit: Int
  private var chunk: [UInt8] = []
  private var position = 0
  private var atEnd = false

  init(descriptor: Int32, byteLimit: Int) {
    self.descriptor = descriptor
    self.byteLimit = byteLimit
  }

  /// The next line, or nil at the end of input. A last line without a newline counts.
  mutating func next() -> Line? {
    var kept: [UInt8] = []
    var length = 0
    var sawAny = false
    while true {
      if position == chunk.count {
        guard refill() else {
          guard sawAny else { return nil }
          return finish(kept, length: length)
        }
      }
      sawAny = true
      let rest = chunk[position...]
      let newline = rest.firstIndex(of: UInt8(ascii: "\n"))
      let end = newline ?? chunk.endIndex
      let piece = chunk[position..<end]
      length += piece.count
      if length <= byteLimit { kept.append(contentsOf: piece) } else { kept = [] }
      position = newline.map { $0 + 1 } ?? end
      if newline != nil { return finish(kept, length: length) }
    }
  }

  private func finish(_ bytes: [UInt8], length: Int) -> Line {
    guard length <= byteLimit else { return .tooLong(bytes: length) }
    var text = String(decoding: bytes, as: UTF8.self)
    if text.hasSuffix("\r") { text.removeLast() }
    return .text(text)
  }

  /// Reads the next chunk; false at the end of input or on an error.
  private mutating func refill() -> Bool {
    guard !atEnd else { return false }
    chunk = [UInt8](repeating: 0, count: Self.chunkSize)
    var count = -1
    repeat {
      count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, Self.chunkSize) }
    } while count < 0 && errno == EINTR
    guard count > 0 else {
      atEnd = true
      chunk = []
      position = 0
      return false
    }
    chunk.removeSubrange(count...)
    position = 0
    return true
  }
}

/// The process's standard input, read through one `BoundedLineReader` (it buffers, so there
/// must be only one).
enum StandardInput {
  static let reader = Mutex(BoundedLineReader(descriptor: STDIN_FILENO, byteLimit: 4 * PlaygroundInput.maximumLineLength))
}
