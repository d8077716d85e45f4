import Foundation

/// The starter of an exercise is its file as the package's history holds it: `ntm exercises
/// reset N` takes the newest committed version that is still a starter (its function still
/// says TODO), so a learner who commits their work can still go back. There is no second
/// copy to drift from the first.
enum StarterFile {
  /// What marks a starter: the body a learner replaces, untouched.
  static let marker = "    // TODO: your code here\n    return nil\n"

  /// The committed starter of `exercise` in the git checkout at `root`.
  /// - Throws: `CommandLineTool.Failure` when git is missing, `root` is not a checkout, or no
  ///   commit holds a starter of that file.
  static func committed(_ exercise: Exercise, root: URL) throws -> String {
    let commits = try git(["log", "--format=%H", "--", exercise.path], root: root, exercise: exercise)
    for commit in commits.split(separator: "\n") {
      let text = try git(["show", "\(commit):\(exercise.path)"], root: root, exercise: exercise)
      if text.contains(marker) { return text }
    }
    throw CommandLineTool.Failure(
      message: "no commit in \(root.path) holds the starter of \(exercise.path); copy the file from the handout again.")
  }

  /// The standard output of `git` run in `root`.
  static func git(_ arguments: [String], root: URL, exercise: Exercise) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-C", root.path] + arguments
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    let cannot = CommandLineTool.Failure(
      message: "cannot restore \(exercise.path): its starter comes from git, and \(root.path) is not a git checkout "
        + "(or git is not installed); 'git init && git add -A && git commit -m start' in a fresh copy keeps the starters.")
    do {
      try process.run()
    } catch {
      throw cannot
    }
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else { throw cannot }
    return text
  }
}
