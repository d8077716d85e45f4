import Foundation

/// The read half's checks: a file too large to be a checkpoint is refused before it is read,
/// and a file that is not JSON, or JSON with a value of the wrong kind, is described by the
/// field and the value at fault.
extension CheckpointFile {
  /// The largest file read as a checkpoint. A checkpoint stores at most four numbers per
  /// parameter (the parameters and RMSProp's three arrays of state), each at most 25
  /// characters of JSON (`-2.2250738585072014e-308,`), for at most
  /// `Limits.parameterCount.upperBound` parameters; 1 MiB more covers the configuration, the
  /// counters and the record. So every checkpoint a run can write is read back, and a larger
  /// file is refused before the parser would hold it (several times its size) in memory.
  public static let maximumBytes = Limits.parameterCount.upperBound * 4 * 25 + (1 << 20)

  /// Reads, decodes and validates the checkpoint at `url` (`read`, then
  /// `Checkpoint.validate()`). `read` then `Checkpoint.model()` validates the same way and
  /// gives the model too: what `ntm eval`, `show` and `train --resume` load.
  public static func load(from url: URL, physicalBytes: Double = MemoryEstimate.physicalBytes) throws(CheckpointError) -> Checkpoint {
    let checkpoint = try read(from: url)
    try checkpoint.validate(physicalBytes: physicalBytes)
    return checkpoint
  }

  /// Refuses what `url` names when it is a folder or larger than `maximumBytes`, before a byte
  /// of it is read.
  static func checkBeforeReading(_ url: URL) throws(CheckpointError) {
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else {
      throw .unreadable("no file at \(url.path)")
    }
    if isFolder.boolValue { throw .unreadable("\(url.path) is a folder, not a checkpoint file") }
    let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.intValue ?? 0
    if size > maximumBytes {
      throw .tooLarge(
        "the file is \(MemoryEstimate.bytesText(Double(size))); a checkpoint is at most \(MemoryEstimate.bytesText(Double(maximumBytes))), so it is not one"
      )
    }
  }

  /// Why `JSONSerialization` refused `data`, by position and field: `NaN at character 812, in
  /// the field parameters[3], is not a number JSON allows`.
  static func describeSyntaxError(_ error: any Error, in data: Data) -> String {
    let reason = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
    let bytes = [UInt8](data)
    var offset: Int?
    if let range = reason.range(of: "character ") {
      offset = Int(reason[range.upperBound...].prefix { $0.isNumber })
    } else if let range = reason.range(of: "Number "), let end = reason.range(of: " is not representable") {
      let token = Array(reason[range.upperBound..<end.lowerBound].utf8)
      offset = firstToken(token, in: bytes)
    }
    guard let offset, offset >= 0, offset < bytes.count else { return "the file is not JSON (\(reason))" }
    let token = String(decoding: bytes[offset...].prefix { !",]} \n\r\t".utf8.contains($0) }.prefix(24), as: UTF8.self)
    let field = fieldPath(at: offset, in: bytes)
    let what = reason.contains("not representable") ? "is too large for a number" : "is not a value JSON allows"
    return
      "the file is not JSON: \(token.isEmpty ? "the text" : token) at character \(offset)\(field.isEmpty ? "" : ", in the field \(field),") \(what)"
  }

  /// Where `token` first stands as a whole value (after `:`, `[` or `,`) in `bytes`.
  static func firstToken(_ token: [UInt8], in bytes: [UInt8]) -> Int? {
    guard !token.isEmpty, bytes.count >= token.count else { return nil }
    let delimiters = Set(",]} \n\r\t".utf8)
    for start in 0...(bytes.count - token.count) where bytes[start] == token[0] {
      guard bytes[start..<start + token.count].elementsEqual(token) else { continue }
      let before = bytes[..<start].last { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }
      let after = start + token.count < bytes.count ? bytes[start + token.count] : 0x20
      if let before, ":[,".utf8.contains(before), delimiters.contains(after) { return start }
    }
    return nil
  }

  /// The field that holds the byte at `offset`, as `configuration.controllerSizes[0]`: a scan
  /// of the text up to it that keeps the keys and list positions it is inside.
  static func fieldPath(at offset: Int, in bytes: [UInt8]) -> String {
    enum Frame {
      case object(key: String?)
      case list(index: Int)
    }
    var frames: [Frame] = []
    var index = 0
    while index < min(offset, bytes.count) {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\""):
        var end = index + 1
        while end < bytes.count && bytes[end] != UInt8(ascii: "\"") { end += bytes[end] == UInt8(ascii: "\\") ? 2 : 1 }
        if case .object(nil)? = frames.last, end < bytes.count {
          frames[frames.count - 1] = .object(key: String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
        }
        index = end
      case UInt8(ascii: "{"): frames.append(.object(key: nil))
      case UInt8(ascii: "["): frames.append(.list(index: 0))
      case UInt8(ascii: "}"), UInt8(ascii: "]"): if !frames.isEmpty { frames.removeLast() }
      case UInt8(ascii: ","):
        switch frames.last {
        case .list(let position)?: frames[frames.count - 1] = .list(index: position + 1)
        case .object?: frames[frames.count - 1] = .object(key: nil)
        case nil: break
        }
      default: break
      }
      index += 1
    }
    let text = frames.map { frame -> String in
      switch frame {
      case .object(let key): key.map { ".\($0)" } ?? ""
      case .list(let position): "[\(position)]"
      }
    }.joined()
    return text.hasPrefix(".") ? String(text.dropFirst()) : text
  }

  /// The checkpoint in `tree`, decoded by `JSONTree` after `JSONDecoder` refused the text:
  /// either a checkpoint after all (the parser read a number such as `1e-400` that the decoder
  /// would not), or an error naming the first field that does not decode, with its value.
  static func decodeTree(_ tree: Any) throws(CheckpointError) -> Checkpoint {
    do {
      return try JSONTree.decode(Checkpoint.self, from: tree)
    } catch let mismatch as JSONTree.Mismatch {
      throw .corrupted(mismatch.description)
    } catch let error as DecodingError {
      throw .corrupted(describe(error, in: tree))
    } catch {
      throw .corrupted("\(error)")
    }
  }

  /// Compares a saved checksum (absent in files written before it existed) with the one the
  /// decoded fields give. A value out of its range is named first — it says more than "edited"
  /// — and only then the mismatch.
  static func verifyChecksum(_ saved: Any?, of checkpoint: Checkpoint) throws(CheckpointError) {
    guard let saved else { return }
    guard let text = saved as? String else {
      throw .corrupted("the field checksum is malformed: it is \(JSONTree.show(saved)), not text")
    }
    guard text != checkpoint.checksum else { return }
    if let problem = checkpoint.rangeProblem { throw .invalid(problem) }
    throw .corrupted(ChecksumMismatch().description)
  }

  /// `describe(_:)` with the value found at the error's field, when there is one.
  static func describe(_ error: DecodingError, in tree: Any) -> String {
    let text = describe(error)
    switch error {
    case .dataCorrupted(let context), .typeMismatch(_, let context):
      guard !context.codingPath.isEmpty, let value = JSONTree.value(at: context.codingPath, in: tree) else { return text }
      return "\(text) (it is \(JSONTree.show(value)))"
    default:
      return text
    }
  }
}
