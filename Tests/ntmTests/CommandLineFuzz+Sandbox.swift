import Foundation

/// The folder each invocation runs in: a checkpoint, a plain file, folders, a device node, a
/// FIFO and symbolic links, so every path a command is given can be one of them; and the
/// record of what each node was, to tell when a command replaced one.
extension CommandLineFuzz {
  enum Sandbox {
    /// A character device with the numbers of /dev/null (major 1, minor 3, in Linux's
    /// encoding): whatever a command writes to it goes nowhere.
    static let deviceNumber = dev_t((1 << 8) | 3)

    /// The two checkpoints every sandbox copies, read once.
    struct Templates: Sendable {
      var model: Data
      var lstm: Data

      init(folder: URL) throws {
        model = try Data(contentsOf: folder.appendingPathComponent("model.json"))
        lstm = try Data(contentsOf: folder.appendingPathComponent("lstm.json"))
      }
    }

    /// The folders of a sandbox, kept from one call to the next: removing a folder takes
    /// milliseconds on some file systems, more than a call itself.
    static let folders = ["models", "folder"]

    /// Makes the sandbox at `folder`, or makes it afresh: everything a call left is removed
    /// and every node made again, with system calls (Foundation's file copying takes as long
    /// as a call).
    static func make(at folder: URL, templates: Templates) throws {
      func check(_ result: Int32, _ what: String) throws {
        guard result == 0 else {
          throw Runner.SetupFailure(message: "cannot make \(what) in \(folder.path): \(String(cString: strerror(errno)))")
        }
      }
      func path(_ name: String) -> String { name.isEmpty ? folder.path : folder.appendingPathComponent(name).path }
      for name in [""] + folders {
        if kind(of: path(name)) == "folder" {
          for entry in entries(path(name)) where !name.isEmpty || !folders.contains(entry) { remove(path(name) + "/" + entry) }
        } else {
          remove(path(name))
          try check(mkdir(path(name), 0o755), "folder \(name)")
        }
      }
      let files = [
        ("model.json", templates.model), ("lstm.json", templates.lstm), ("models/copy.json", templates.model),
        ("file.txt", Data("not a checkpoint\n".utf8)),
      ]
      for (name, data) in files {
        let file = open(path(name), O_WRONLY | O_CREAT | O_EXCL, 0o644)
        try check(file < 0 ? -1 : 0, name)
        let written = data.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
        close(file)
        try check(written == data.count ? 0 : -1, name)
      }
      // Making a device needs the privilege to; without it a FIFO stands in.
      if mknod(path("device"), S_IFCHR | 0o666, deviceNumber) != 0 { try check(mkfifo(path("device"), 0o666), "device") }
      try check(mkfifo(path("fifo"), 0o666), "fifo")
      for (name, target) in [("link", "model.json"), ("linkdir", "folder"), ("dangling", "nowhere/none")] {
        try check(symlink(target, path(name)), name)
      }
    }

    /// The names in the folder at `path`.
    static func entries(_ path: String) -> [String] {
      var names: [String] = []
      if let folder = opendir(path) {
        while let entry = readdir(folder) {
          let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
          if name != "." && name != ".." { names.append(name) }
        }
        closedir(folder)
      }
      return names
    }

    /// Removes `path` and everything in it, links themselves and not what they point to.
    static func remove(_ path: String) {
      var status = stat()
      guard lstat(path, &status) == 0 else { return }
      guard status.st_mode & S_IFMT == S_IFDIR else {
        unlink(path)
        return
      }
      for name in entries(path) { remove(path + "/" + name) }
      rmdir(path)
    }

    /// The nodes `make` creates, whose kind a command must never change.
    static let nodes = [
      "model.json", "lstm.json", "file.txt", "folder", "models", "models/copy.json", "device", "fifo", "link", "linkdir",
      "dangling",
    ]

    /// What each node is: `regular file`, `folder`, `character device 1,3`, `FIFO`,
    /// `symbolic link to model.json`, or `missing`.
    static func snapshot(_ folder: URL) -> [String: String] {
      Dictionary(uniqueKeysWithValues: nodes.map { ($0, kind(of: folder.appendingPathComponent($0).path)) })
    }

    static func kind(of path: String) -> String {
      var status = stat()
      guard lstat(path, &status) == 0 else { return "missing" }
      switch status.st_mode & S_IFMT {
      case S_IFREG: return "regular file"
      case S_IFDIR: return "folder"
      case S_IFIFO: return "FIFO"
      case S_IFCHR: return "character device \(status.st_rdev >> 8),\(status.st_rdev & 0xff)"
      case S_IFBLK: return "block device"
      case S_IFSOCK: return "socket"
      case S_IFLNK:
        let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
        return "symbolic link to \(target)"
      default: return "unknown node"
      }
    }

    /// `device: character device 1,3 → regular file` for each node that changed kind.
    static func changes(from before: [String: String], to after: [String: String]) -> [String] {
      nodes.compactMap { name in
        before[name] == after[name] ? nil : "\(name): \(before[name] ?? "?") → \(after[name] ?? "?")"
      }
    }

    /// The two checkpoints every sandbox copies, trained by the binary itself: a tiny copy
    /// machine (`model.json`) and a tiny LSTM baseline (`lstm.json`).
    static func makeTemplates(in folder: URL) throws {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let tiny = ["--sequences", "3", "--max-length", "2", "--bits", "2"]
      let calls = [
        ["train", "copy", "--memory-rows", "4", "--memory-width", "2", "--controller-size", "4", "--checkpoint", "model.json"] + tiny,
        ["train", "copy", "--model", "lstm", "--layer-sizes", "4", "--checkpoint", "lstm.json"] + tiny,
      ]
      for call in calls {
        let outcome = try Runner.run(call, in: folder, worker: 0)
        guard outcome.code == 0, !outcome.signalled, !outcome.timedOut else {
          throw Runner.SetupFailure(message: "\(shown(call)) failed with \(outcome.code): \(outcome.error)")
        }
      }
    }
  }
}
