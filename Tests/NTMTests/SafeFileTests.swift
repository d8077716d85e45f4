import Foundation
import NTM
import Testing

/// `SafeFile`: atomic writes, through symbolic links, never over what is not a regular file.
@Suite struct SafeFileTests {
  static func folder() throws -> String {
    try CheckpointTests.temporaryFolder().path
  }

  static func contents(_ path: String) throws -> String {
    try String(contentsOfFile: path, encoding: .utf8)
  }

  static func write(_ text: String, to path: String) throws(SafeFile.Failure) {
    try SafeFile.write(Data(text.utf8), to: path)
  }

  /// The file type bits of what is at `path` itself (not following a link).
  static func kind(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode & S_IFMT : 0
  }

  /// A character device node of our own at `path` (the numbers of /dev/null, but not it), or,
  /// where nodes cannot be made, a FIFO. Returns what was made, for the expected message.
  static func makeDevice(_ path: String) throws -> String {
    if mknod(path, S_IFCHR | 0o644, dev_t((1 << 8) | 3)) == 0 { return "a character device" }
    try #require(mkfifo(path, 0o644) == 0, "neither mknod nor mkfifo worked at \(path)")
    return "a FIFO (named pipe)"
  }

  @Test func writesANewFileAndReplacesAnOldOneKeepingItsPermissions() throws {
    let folder = try Self.folder()
    let path = folder + "/a.txt"
    try Self.write("one", to: path)
    #expect(try Self.contents(path) == "one")
    chmod(path, 0o600)
    try Self.write("two", to: path)
    #expect(try Self.contents(path) == "two")
    var info = stat()
    stat(path, &info)
    #expect(info.st_mode & 0o777 == 0o600)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["a.txt"], "no temporary file is left")
  }

  /// A node in a temporary folder stands for `/dev/full`: refused, and still a node after.
  @Test func aDeviceIsRefusedAndLeftAlone() throws {
    let path = try Self.folder() + "/n"
    let what = try Self.makeDevice(path)
    let kind = Self.kind(path)
    #expect(throws: SafeFile.Failure(path: path, reason: "it is \(what), not a regular file")) { try Self.write("x", to: path) }
    #expect(Self.kind(path) == kind)
  }

  /// Opening a FIFO for writing would wait for a reader for ever: refused before any open.
  @Test func aFIFOIsRefusedWithoutWaiting() throws {
    let path = try Self.folder() + "/pipe"
    #expect(mkfifo(path, 0o644) == 0)
    #expect(throws: SafeFile.Failure(path: path, reason: "it is a FIFO (named pipe), not a regular file")) {
      try Self.write("x", to: path)
    }
    #expect(Self.kind(path) == S_IFIFO)
  }

  @Test func aSocketIsRefused() throws {
    let path = try Self.folder() + "/socket"
    let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(descriptor) }
    var address = sockaddr_un()
    address.sun_family = sa_family_t(AF_UNIX)
    withUnsafeMutableBytes(of: &address.sun_path) { buffer in
      for (index, byte) in path.utf8.prefix(buffer.count - 1).enumerated() { buffer[index] = byte }
    }
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
    }
    try #require(bound == 0, "cannot bind a socket at \(path)")
    #expect(throws: SafeFile.Failure(path: path, reason: "it is a socket, not a regular file")) { try Self.write("x", to: path) }
    #expect(Self.kind(path) == S_IFSOCK)
  }

  @Test func aFolderIsRefused() throws {
    let folder = try Self.folder()
    #expect(throws: SafeFile.Failure(path: folder, reason: "it is a folder, not a regular file")) { try Self.write("x", to: folder) }
    #expect(throws: SafeFile.Failure(path: folder + "/new/", reason: "it is a folder, not a regular file")) {
      try Self.write("x", to: folder + "/new/")
    }
    #expect(throws: SafeFile.Failure(path: folder + "/none/x", reason: "there is no folder \(folder)/none")) {
      try Self.write("x", to: folder + "/none/x")
    }
  }

  @Test func anEmptyNameIsRefused() {
    #expect(throws: SafeFile.Failure(path: "", reason: "the file name is empty")) { try Self.write("x", to: "") }
    #expect(SafeFile.Failure(path: "", reason: "the file name is empty").description == "cannot write '': the file name is empty")
  }

  /// A one-character name has no folder part: it is in the current folder.
  @Test func aOneCharacterNameIsInTheCurrentFolder() throws {
    #expect(SafeFile.temporaryPath(for: "x") == ".x.partial")
    #expect(SafeFile.temporaryPath(for: "/x") == "/.x.partial")
    #expect(SafeFile.temporaryPath(for: "a/b/x") == "a/b/.x.partial")
    let folder = try Self.folder()
    try Self.write("1", to: folder + "/x")
    #expect(try Self.contents(folder + "/x") == "1")
  }

  @Test func anAbsoluteLinkIsWrittenThroughAndStaysALink() throws {
    let folder = try Self.folder()
    let other = try Self.folder()
    try Self.write("old", to: other + "/target")
    let link = folder + "/link"
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: other + "/target")
    try Self.write("new", to: link)
    #expect(Self.kind(link) == S_IFLNK)
    #expect(try Self.contents(other + "/target") == "new")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["link"], "the temporary file sits by the target")
    #expect(try FileManager.default.contentsOfDirectory(atPath: other) == ["target"])
  }

  /// A relative link is read from its own folder, through a chain of two links.
  @Test func aRelativeChainOfLinksIsFollowedFromEachLinksFolder() throws {
    let root = try Self.folder()
    try FileManager.default.createDirectory(atPath: root + "/a", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: root + "/b", withIntermediateDirectories: true)
    try Self.write("old", to: root + "/b/target")
    try FileManager.default.createSymbolicLink(atPath: root + "/b/middle", withDestinationPath: "target")
    try FileManager.default.createSymbolicLink(atPath: root + "/a/link", withDestinationPath: "../b/middle")
    #expect(try SafeFile.destination(of: root + "/a/link") == root + "/a/../b/target")
    try Self.write("new", to: root + "/a/link")
    #expect(try Self.contents(root + "/b/target") == "new")
    #expect(Self.kind(root + "/a/link") == S_IFLNK && Self.kind(root + "/b/middle") == S_IFLNK)
  }

  /// A dangling link creates its target when the target's folder exists.
  @Test func aDanglingLinkCreatesItsTarget() throws {
    let folder = try Self.folder()
    try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: "later.json")
    try Self.write("made", to: folder + "/link")
    #expect(try Self.contents(folder + "/later.json") == "made")
    #expect(Self.kind(folder + "/link") == S_IFLNK)
    try FileManager.default.createSymbolicLink(atPath: folder + "/nowhere", withDestinationPath: "missing/x.json")
    #expect(throws: SafeFile.Failure(path: folder + "/nowhere", reason: "there is no folder \(folder)/missing")) {
      try Self.write("x", to: folder + "/nowhere")
    }
  }

  @Test func aLinkToADeviceOrALoopIsRefused() throws {
    let folder = try Self.folder()
    let what = try Self.makeDevice(folder + "/n")
    try FileManager.default.createSymbolicLink(atPath: folder + "/to-node", withDestinationPath: "n")
    #expect(throws: SafeFile.Failure(path: folder + "/to-node", reason: "it links to \(folder)/n, which is \(what), not a regular file")) {
      try Self.write("x", to: folder + "/to-node")
    }
    try FileManager.default.createSymbolicLink(atPath: folder + "/one", withDestinationPath: "two")
    try FileManager.default.createSymbolicLink(atPath: folder + "/two", withDestinationPath: "one")
    #expect(
      throws: SafeFile.Failure(
        path: folder + "/one", reason: "it is a chain of more than \(SafeFile.maximumLinks) symbolic links (a loop?)")
    ) {
      try Self.write("x", to: folder + "/one")
    }
  }

  /// A killed save's leftover (a regular file by the temporary name) is removed by the next
  /// save; something else by that name is not ours, and is refused.
  @Test func aLeftoverTemporaryFileIsRemovedButNothingElse() throws {
    let folder = try Self.folder()
    let path = folder + "/run.json"
    try Data("half a sa".utf8).write(to: URL(fileURLWithPath: SafeFile.temporaryPath(for: path)))
    try Self.write("whole", to: path)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["run.json"])
    #expect(mkfifo(SafeFile.temporaryPath(for: path), 0o644) == 0)
    #expect(
      throws: SafeFile.Failure(
        path: path, reason: "its temporary file \(SafeFile.temporaryPath(for: path)) is a FIFO (named pipe), not a regular file")
    ) {
      try Self.write("again", to: path)
    }
    #expect(try Self.contents(path) == "whole")
  }

  @Test func sameFileSeesThroughSpellingsAndLinks() throws {
    let folder = try Self.folder()
    try Self.write("1", to: folder + "/a")
    try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: "a")
    #expect(SafeFile.isSameFile(folder + "/a", folder + "/./a"))
    #expect(SafeFile.isSameFile(folder + "/a", folder + "/link"))
    #expect(SafeFile.isSameFile(folder + "/new", folder + "/../\((folder as NSString).lastPathComponent)/new"), "not there yet")
    #expect(!SafeFile.isSameFile(folder + "/a", folder + "/b"))
  }
}
