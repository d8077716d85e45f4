import Foundation
import NTM

/// What a learner has done, kept in `.ntm-exercises.json` in the package root: which
/// exercises passed their last check and how many hints of each have been shown. The
/// learner may delete it: the code is graded afresh on every check, and the hints start
/// again from the first.
struct ExerciseProgress: Codable, Equatable, Sendable {
  /// The state file's name, in the package root.
  static let fileName = ".ntm-exercises.json"
  /// The format of the state file.
  static let currentVersion = 1

  var version = currentVersion
  /// Exercises whose last check passed, in order.
  var passed: [Int] = []
  /// Hints shown so far, by exercise number (as text, so the JSON is an object).
  var hintsShown: [String: Int] = [:]

  /// Whether exercise `number` passed its last check.
  func hasPassed(_ number: Int) -> Bool { passed.contains(number) }

  /// How many hints of exercise `number` have been shown.
  func hints(_ number: Int) -> Int { hintsShown[String(number)] ?? 0 }

  /// Records the outcome of a check.
  mutating func record(_ number: Int, passed didPass: Bool) {
    passed.removeAll { $0 == number }
    if didPass {
      passed.append(number)
      passed.sort()
    }
  }

  mutating func setHints(_ number: Int, to count: Int) {
    hintsShown[String(number)] = count == 0 ? nil : count
  }

  /// Forgets exercise `number`: not passed, no hints shown.
  mutating func forget(_ number: Int) {
    record(number, passed: false)
    setHints(number, to: 0)
  }

  /// The progress saved in `root`; fresh progress when there is no file or it cannot be read
  /// (a learner who edits it by hand loses nothing but the hint counts).
  static func load(from root: URL) -> ExerciseProgress {
    let url = root.appendingPathComponent(fileName)
    guard let data = try? Data(contentsOf: url),
      let progress = try? JSONDecoder().decode(ExerciseProgress.self, from: data),
      progress.version == currentVersion
    else { return ExerciseProgress() }
    return progress
  }

  /// Saves into `root` with `SafeFile`: atomically, through a link, never over anything but a
  /// regular file.
  func save(to root: URL) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    let data = try encoder.encode(self)
    try SafeFile.write(data, to: root.appendingPathComponent(Self.fileName).path)
  }
}

/// Finds the package root: the nearest directory, from the current one upward, holding a
/// `Package.swift` for the NTM package. `ntm exercises` keeps its state and the learner's
/// files there.
enum PackageRoot {
  /// The name in `Package.swift` that marks this package.
  static let marker = #"name: "NTM""#

  static func find(from directory: URL) -> URL? {
    var current = directory.standardizedFileURL
    while true {
      let manifest = current.appendingPathComponent("Package.swift")
      if let text = try? String(contentsOf: manifest, encoding: .utf8), text.contains(marker) {
        return current
      }
      let parent = current.deletingLastPathComponent()
      if parent.path == current.path { return nil }
      current = parent
    }
  }
}
