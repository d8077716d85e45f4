import Foundation
import Testing

@testable import ntm

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// What the README's commands write in the package's top folder is ignored by git, so
/// following the README leaves `git status` clean.
struct GitignoreTests {
  static let root = TutorialTranscriptTests.tutorialsFolder.deletingLastPathComponent()

  /// The `.gitignore` patterns that match `path` (relative to the top folder).
  static func matches(_ path: String, patterns: [String]) -> [String] {
    patterns.filter { pattern in
      let anchored = pattern.hasPrefix("/")
      let glob = anchored ? String(pattern.dropFirst()) : pattern
      let candidates = anchored ? [path] : [path, URL(fileURLWithPath: path).lastPathComponent]
      return candidates.contains { fnmatch(glob, $0, FNM_PATHNAME) == 0 }
    }
  }

  @Test func theReadmesCheckpointsAreIgnored() throws {
    let readme = try String(contentsOf: Self.root.appendingPathComponent("README.md"), encoding: .utf8)
    let ignore = try String(contentsOf: Self.root.appendingPathComponent(".gitignore"), encoding: .utf8)
    let patterns = ignore.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") && !$0.isEmpty }
    let paths = TutorialShellCommandTests.shellCommands(readme, chapter: "README.md").commands
      .filter { $0.arguments.first == "train" }
      .compactMap { try? TrainPlan.parse(Array($0.arguments.dropFirst())).checkpointPath }
    #expect(!paths.isEmpty)
    for path in paths { #expect(!Self.matches(path, patterns: patterns).isEmpty, "\(path) is not ignored") }
    // The checkpoints the tutorials ship are kept.
    #expect(Self.matches("Tutorials/checkpoints/copy-small.json", patterns: patterns).isEmpty)
  }
}
