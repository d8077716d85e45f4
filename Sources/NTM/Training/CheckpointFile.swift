import Foundation

/// Reading and writing checkpoint files.
///
/// **Safe writes.** A save goes through `SafeFile.write`: the JSON goes to a temporary file
/// beside the checkpoint, is flushed to disk, and is then renamed over it, so a reader — or a
/// run killed in the middle of a save — sees either the old checkpoint or the new one, never
/// half of one; a killed save leaves at most its one temporary file, which the next save
/// removes. A checkpoint path that is a symbolic link is written through to its target (the
/// link stays a link), and a path that is a folder, a device, a FIFO or a socket is refused:
/// a save never replaces what it did not create.
public enum CheckpointFile {
  /// The temporary file a save of `url` writes first: a hidden sibling (of the link's target,
  /// when `url` is a symbolic link: see `SafeFile.temporaryPath(for:)`).
  public static func temporaryURL(for url: URL) -> URL {
    URL(fileURLWithPath: SafeFile.temporaryPath(for: url.path))
  }

  /// The checkpoint as JSON: sorted keys, so two saves of one state are byte for byte equal.
  public static func encode(_ checkpoint: Checkpoint) throws(CheckpointError) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    do {
      return try encoder.encode(checkpoint)
    } catch {
      throw .invalid("it cannot be written as JSON: \(error)")
    }
  }

  /// Writes `checkpoint` to `url` safely: atomically, through links, never over anything but a
  /// regular file (`SafeFile.write`).
  public static func write(_ checkpoint: Checkpoint, to url: URL) throws(CheckpointError) {
    let data = try encode(checkpoint)
    do {
      try SafeFile.write(data, to: url.path)
    } catch {
      throw .unreadable(error.description)
    }
  }

  /// Reads and decodes the checkpoint at `url`, checking its format version. (Call
  /// `Checkpoint.validate(parameterCount:)` once the configuration's parameter count is known.)
  public static func read(from url: URL) throws(CheckpointError) -> Checkpoint {
    try checkBeforeReading(url)
    let data: Data
    do {
      data = try Data(contentsOf: url)
    } catch {
      throw .unreadable("cannot read \(url.path)")
    }
    return try decode(data)
  }

  /// Decodes a checkpoint from JSON, telling a truncated file, a file that is not JSON, a
  /// checkpoint of another format version, a missing field and a field of the wrong kind
  /// apart — naming the field and its value — and checking the parameters' checksum.
  public static func decode(_ data: Data) throws(CheckpointError) -> Checkpoint {
    let tree: Any
    do {
      tree = try JSONSerialization.jsonObject(with: data)
    } catch {
      let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
      if text.isEmpty { throw .corrupted("the file is empty") }
      if text.hasPrefix("{") && endsInsideJSON(data) { throw .truncated }
      throw .corrupted(describeSyntaxError(error, in: data))
    }
    guard let object = tree as? [String: Any] else { throw .corrupted("it is \(JSONTree.show(tree)), not an object of fields") }
    guard let versionValue = object["formatVersion"] else {
      throw .corrupted("it has no format version (the field formatVersion is missing)")
    }
    guard let version = try? JSONTree.convert(Int.self, versionValue, []) else {
      throw .corrupted("the field formatVersion is malformed: it is \(JSONTree.show(versionValue)), not a whole number")
    }
    guard version == Checkpoint.currentFormatVersion else {
      throw .wrongFormatVersion(found: version, expected: Checkpoint.currentFormatVersion)
    }
    let checkpoint: Checkpoint
    do {
      checkpoint = try JSONDecoder().decode(Checkpoint.self, from: data)
    } catch {
      checkpoint = try decodeTree(tree)
    }
    try verifyChecksum(object["checksum"], of: checkpoint)
    return checkpoint
  }

  /// Whether `data` stops inside a string, an object or an array: a JSON text cut short.
  static func endsInsideJSON(_ data: Data) -> Bool {
    var depth = 0
    var inString = false
    var escaped = false
    for byte in data {
      if inString {
        if escaped {
          escaped = false
        } else if byte == UInt8(ascii: "\\") {
          escaped = true
        } else if byte == UInt8(ascii: "\"") {
          inString = false
        }
        continue
      }
      switch byte {
      case UInt8(ascii: "\""): inString = true
      case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
      case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
      default: break
      }
    }
    return inString || depth > 0
  }

  /// One line for a decoding error: which field, and what was wrong with it.
  static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
      return text.hasPrefix(".") ? String(text.dropFirst()) : text
    }
    switch error {
    case .keyNotFound(let key, let context):
      let parent = path(context.codingPath)
      return "the field \(parent.isEmpty ? "" : parent + ".")\(key.stringValue) is missing"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "the field \(path(context.codingPath)) has the wrong type"
    case .dataCorrupted(let context):
      return "the field \(path(context.codingPath)) is malformed: \(context.debugDescription)"
    @unknown default:
      return "\(error)"
    }
  }
}
