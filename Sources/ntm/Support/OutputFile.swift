import Foundation

/// A file a command writes when its work is done (`--svg`, `--export`, `ntm results --output`): checked before the work starts, so
/// a typo in the path does not cost a training run, then written atomically, so a reader never
/// sees half a picture. Every failure is a `CommandLineTool.Failure` that reads
/// `cannot write PATH: why`.
enum OutputFile {
  /// Throws unless `path` names a file (not a folder) in an existing folder that can be written.
  static func check(_ path: String) throws {
    func failure(_ why: String) -> CommandLineTool.Failure { CommandLineTool.Failure(message: "cannot write \(path): \(why)") }
    guard !path.isEmpty else { throw CommandLineTool.Failure(message: "cannot write '': the file name is empty") }
    let manager = FileManager.default
    var isFolder: ObjCBool = false
    if path.hasSuffix("/") || (manager.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue) {
      throw failure("it names a folder, not a file")
    }
    let parent = (path as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    guard manager.fileExists(atPath: folder, isDirectory: &isFolder) else { throw failure("there is no folder \(folder)") }
    guard isFolder.boolValue else { throw failure("\(folder) is not a folder") }
    guard manager.isWritableFile(atPath: folder) else { throw failure("the folder \(folder) is not writable") }
  }

  /// Writes `text` to `path` atomically (a temporary file, then a rename).
  static func write(_ text: String, to path: String) throws {
    do {
      try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw CommandLineTool.Failure(message: "cannot write \(path): \(reason(error))")
    }
  }

  /// The system's reason (`no such file or directory`) rather than Foundation's generic
  /// "The operation could not be completed".
  static func reason(_ error: Error) -> String {
    // On Linux the underlying error is a Swift `Error`, not an `NSError`: bridge it.
    guard let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? Error,
      case let posix = underlying as NSError, posix.domain == NSPOSIXErrorDomain
    else { return error.localizedDescription }
    let text = String(cString: strerror(Int32(posix.code)))
    return text.prefix(1).lowercased() + text.dropFirst()
  }
}
