import Foundation

/// Writing a file so that a crash never leaves half of it, and so that nothing but a regular
/// file is ever replaced: the one way the library and the `ntm` tool write checkpoints,
/// pictures and pages.
///
/// **What a path means.**
/// - A regular file, or nothing yet (in a folder that exists and can be written): written.
/// - A symbolic link, or a chain of them: written *through*, to the file the last link names
///   (a relative link is read from the folder the link sits in). The link stays a link.
///   A dangling link — one whose target does not exist — creates its target, when the
///   target's folder exists, as `ln -s` users expect of `cp` and of shell redirection.
/// - Anything else — a folder, a character or block device, a FIFO, a socket — is refused:
///   a command never replaces what it did not create (`/dev/full` stays a device).
///
/// **Atomic writes.** The bytes go to a temporary file beside the final target (so in the
/// same file system), are flushed to disk, and the temporary file is then renamed over the
/// target. `rename(2)` replaces a file in one step, so a reader — or a process killed in the
/// middle of a save — sees the old file or the new one, never half of one. The temporary
/// file has one fixed name per target (`temporaryPath(for:)`): a save killed midway leaves at
/// most that one file, and the next save of the same target removes it.
public enum SafeFile {
  /// Why a path cannot be written: reads `cannot write PATH: reason`.
  public struct Failure: Error, Equatable, Sendable, CustomStringConvertible {
    /// The path as the caller gave it.
    public var path: String
    /// What is wrong, in words: `it is a FIFO, not a regular file`.
    public var reason: String

    public init(path: String, reason: String) {
      self.path = path
      self.reason = reason
    }

    public var description: String { "cannot write \(path.isEmpty ? "''" : path): \(reason)" }
  }

  /// Symbolic links followed from one path before giving up: Linux's own limit
  /// (`MAXSYMLINKS`), so that a loop of links is refused instead of followed for ever.
  public static let maximumLinks = 40

  /// What the temporary file of a save adds to the target's name (and a dot before it, so
  /// that it is hidden from `ls`).
  public static let temporarySuffix = ".partial"

  /// The temporary file a save of `target` writes first: a hidden sibling. `target` is the
  /// final file, after links (`destination(of:)`).
  public static func temporaryPath(for target: String) -> String {
    let (folder, name) = split(target)
    return join(folder, ".\(name)\(temporarySuffix)")
  }

  /// The file a write of `path` would replace or create: `path` itself, or the end of the
  /// chain of links it starts. Checks that it is a regular file or nothing yet, and that its
  /// folder exists and can be written.
  /// - Throws: `Failure` saying what is in the way.
  public static func destination(of path: String) throws(Failure) -> String {
    func failure(_ reason: String) -> Failure { Failure(path: path, reason: reason) }
    guard !path.isEmpty else { throw failure("the file name is empty") }
    var current = path
    for links in 0...maximumLinks {
      // Through a link, say where it led, so the reader can see what is in the way.
      let subject = links == 0 ? "it is" : "it links to \(current), which is"
      if current.hasSuffix("/") { throw failure("\(subject) a folder, not a regular file") }
      var info = stat()
      guard lstat(current, &info) == 0 else {
        let error = errno
        // Nothing there yet (or a folder on the way is missing: the folder check says which).
        guard error == ENOENT || error == ENOTDIR else { throw failure(reasonText(error)) }
        try checkFolder(of: current, for: path)
        return current
      }
      switch info.st_mode & S_IFMT {
      case S_IFREG:
        try checkFolder(of: current, for: path)
        return current
      case S_IFLNK:
        guard let target = linkTarget(current) else { throw failure("cannot read the link \(current): \(reasonText(errno))") }
        current = target.hasPrefix("/") ? target : join(split(current).folder, target)
      case let kind:
        throw failure("\(subject) \(kindName(kind)), not a regular file")
      }
    }
    throw failure("it is a chain of more than \(maximumLinks) symbolic links (a loop?)")
  }

  /// Writes `data` to `path` (through links) atomically: temporary file, flush, rename.
  /// A regular file that is replaced keeps its permissions.
  /// - Throws: `Failure` when the path is refused (see the type's notes) or the system fails.
  public static func write(_ data: Data, to path: String) throws(Failure) {
    func failure(_ reason: String) -> Failure { Failure(path: path, reason: reason) }
    let target = try destination(of: path)
    let temporary = temporaryPath(for: target)
    let descriptor = try createTemporary(temporary, for: path)
    var existing = stat()
    if stat(target, &existing) == 0, existing.st_mode & S_IFMT == S_IFREG {
      _ = fchmod(descriptor, existing.st_mode & 0o7777)
    }
    let written = data.withUnsafeBytes { buffer -> Int32? in
      guard let start = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        let count = Foundation.write(descriptor, start + offset, buffer.count - offset)
        if count < 0 && errno == EINTR { continue }
        guard count > 0 else { return count == 0 ? EIO : errno }
        offset += count
      }
      return nil
    }
    let syncError = fsync(descriptor) == 0 ? nil : errno
    close(descriptor)
    if let error = written ?? syncError {
      unlink(temporary)
      throw failure(reasonText(error))
    }
    guard rename(temporary, target) == 0 else {
      let error = errno
      unlink(temporary)
      throw failure("cannot move \(temporary) to \(target): \(reasonText(error))")
    }
    // Flush the folder too, so the rename itself survives a power cut.
    let folder = open(split(target).folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
    if folder >= 0 {
      _ = fsync(folder)
      close(folder)
    }
  }

  /// Whether writing `first` and writing `second` would write one and the same file: after
  /// links, the same file on disk, or — for files not yet there — the same name in the same
  /// folder (`x`, `./x`, and a link to `x` are one file).
  public static func isSameFile(_ first: String, _ second: String) -> Bool {
    guard let a = try? destination(of: first), let b = try? destination(of: second) else { return first == second }
    var infoA = stat()
    var infoB = stat()
    if stat(a, &infoA) == 0, stat(b, &infoB) == 0 { return infoA.st_dev == infoB.st_dev && infoA.st_ino == infoB.st_ino }
    return canonical(a) == canonical(b)
  }

  // MARK: Path pieces

  /// `("a/b", "c")` for `a/b/c`; `(".", "c")` for `c`; `("/", "c")` for `/c`. Plain string
  /// handling, so a one-character name is a name like any other.
  static func split(_ path: String) -> (folder: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let folder = path[..<slash]
    return (folder.isEmpty ? "/" : String(folder), String(path[path.index(after: slash)...]))
  }

  /// `name` in `folder`; a name in the current folder stays as it was written.
  static func join(_ folder: String, _ name: String) -> String {
    if folder == "." { return name }
    return folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// The folder's real path (links and `.` resolved) and the name: one spelling per file.
  static func canonical(_ path: String) -> String {
    let (folder, name) = split(path)
    guard let real = realpath(folder, nil) else { return path }
    defer { free(real) }
    return join(String(cString: real), name)
  }

  /// What a link at `path` names, or nil (with `errno` set).
  static func linkTarget(_ path: String) -> String? {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    let count = readlink(path, &buffer, buffer.count - 1)
    guard count >= 0 else { return nil }
    return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Throws unless the folder of `file` exists, is a folder, and can be written.
  static func checkFolder(of file: String, for path: String) throws(Failure) {
    let folder = split(file).folder
    var info = stat()
    guard stat(folder, &info) == 0 else { throw Failure(path: path, reason: "there is no folder \(folder)") }
    guard info.st_mode & S_IFMT == S_IFDIR else { throw Failure(path: path, reason: "\(folder) is not a folder") }
    guard access(folder, W_OK) == 0 else { throw Failure(path: path, reason: "the folder \(folder) is not writable") }
  }

  /// Creates the temporary file afresh. One already there is a killed save's leftover when it
  /// is a regular file, and is removed; anything else by that name is not ours, and refused.
  static func createTemporary(_ temporary: String, for path: String) throws(Failure) -> Int32 {
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC
    var descriptor = open(temporary, flags, 0o666)
    if descriptor < 0 && errno == EEXIST {
      var info = stat()
      if lstat(temporary, &info) == 0, info.st_mode & S_IFMT != S_IFREG {
        throw Failure(path: path, reason: "its temporary file \(temporary) is \(kindName(info.st_mode & S_IFMT)), not a regular file")
      }
      unlink(temporary)
      descriptor = open(temporary, flags, 0o666)
    }
    guard descriptor >= 0 else { throw Failure(path: path, reason: "cannot create \(temporary): \(reasonText(errno))") }
    return descriptor
  }

  /// `a FIFO`, `a character device`, … for the file type bits of `st_mode`.
  static func kindName(_ kind: mode_t) -> String {
    switch kind {
    case S_IFDIR: "a folder"
    case S_IFCHR: "a character device"
    case S_IFBLK: "a block device"
    case S_IFIFO: "a FIFO (named pipe)"
    case S_IFSOCK: "a socket"
    case S_IFLNK: "a symbolic link"
    default: "not a file"
    }
  }

  /// The system's words for `errno`, lower-cased to sit inside a sentence.
  static func reasonText(_ error: Int32) -> String {
    let text = String(cString: strerror(error))
    return text.prefix(1).lowercased() + text.dropFirst()
  }
}
