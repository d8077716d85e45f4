import Foundation

/// The trained models that come with the package (`Models/<name>.json`), found by name, so
/// `ntm show copy` works on a fresh clone with no training.
///
/// The folder is looked for, in order: `$NTM_MODELS`; `Models/` in the package this executable
/// was built from (its source path is known at compile time); `Models/` beside a
/// `Package.swift` in the executable's folder or any folder above it; `Models/` in the working
/// directory.
enum ShippedModels {
  /// Names a shipped model's file ends with.
  static let fileExtension = "json"
  /// The environment variable that points at another models folder.
  static let environmentVariable = "NTM_MODELS"

  /// The models folder, if one is found.
  static var folder: URL? {
    let manager = FileManager.default
    func isFolder(_ url: URL) -> Bool {
      var isDirectory: ObjCBool = false
      return manager.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
    if let custom = ProcessInfo.processInfo.environment[environmentVariable], !custom.isEmpty {
      return URL(fileURLWithPath: custom)
    }
    // This file is Sources/ntm/Training/ShippedModels.swift: four levels below the package.
    var candidates = [
      URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    ]
    if var folder = Bundle.main.executableURL?.resolvingSymlinksInPath().deletingLastPathComponent() {
      while folder.path != "/" {
        if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) { candidates.append(folder) }
        folder.deleteLastPathComponent()
      }
    }
    candidates.append(URL(fileURLWithPath: manager.currentDirectoryPath))
    return candidates.map { $0.appendingPathComponent("Models") }.first(where: isFolder)
  }

  /// The names of the shipped models, sorted (`copy`, `copy-lstm`, …).
  static var names: [String] {
    guard let folder, let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return files.filter { $0.hasSuffix(".\(fileExtension)") && !$0.hasPrefix(".") }
      .map { String($0.dropLast(fileExtension.count + 1)) }.sorted()
  }

  /// The shipped model called `name`, if there is one.
  static func url(named name: String) -> URL? {
    guard let folder, !name.contains("/") else { return nil }
    let url = folder.appendingPathComponent("\(name).\(fileExtension)")
    return FileManager.default.fileExists(atPath: url.path) ? url : nil
  }

  /// Where `reference` points: an existing file, else a shipped model of that name, else the
  /// path itself when it looks like one (so a missing file is reported as such).
  /// - Throws: `CommandLineTool.Failure` for a bare name that is neither: one line with the
  ///   nearest shipped name, if one is close, and the list of them.
  static func resolve(_ reference: String) throws -> URL {
    let url = URL(fileURLWithPath: reference)
    if FileManager.default.fileExists(atPath: url.path) { return url }
    if let shipped = Self.url(named: reference) { return shipped }
    if reference.contains("/") || reference.hasSuffix(".\(fileExtension)") { return url }
    let known = names
    let guess = Suggestion.closest(to: reference, among: known).map { " Did you mean '\($0)'?" } ?? ""
    throw CommandLineTool.Failure(
      message: "no checkpoint file or shipped model called '\(EchoedText.path(reference))'.\(guess) Shipped models: "
        + (known.isEmpty ? "none found (set \(environmentVariable) to the Models folder)" : known.joined(separator: ", ")) + ".")
  }
}
