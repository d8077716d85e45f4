import Foundation
import Testing

/// The library code a chapter shows is quoted from its source file, and checked against it, so
/// the prose and the code it explains cannot drift apart.
///
/// A quoted block is a `swift` fence right after a line
/// `<!-- excerpt: Sources/NTM/Addressing/Shift.swift#static func forward( -->`: the path (from
/// the package's root) names the file, and the text after `#` names a declaration in it, found
/// as the first line containing that text. The excerpt is that declaration: its doc comment and
/// attributes above it, down to the brace that closes it, with the common indentation removed.
/// No marker lines are needed in the sources.
///
/// A `swift` fence that is not a quotation — a usage example the reader types into their own
/// program, which calls the library rather than copying it — follows a line
/// `<!-- example: why it is not quoted -->` instead. Every `swift` fence carries one of the two.
///
/// Every relative link in Tutorials/ must reach a file or folder that exists, and a chapter
/// that quotes a file links it, so a reader can open the whole of what the excerpt is cut from.
///
/// After a deliberate change to quoted code, `NTM_UPDATE_EXCERPTS=1 swift test --filter
/// TutorialExcerptTests` rewrites every quoted block from its source (and still fails that run,
/// so an update is never silent); read the diff to see whether the prose around it still holds.
struct TutorialExcerptTests {
  /// One `swift` fence of a chapter and the comment that declares what it is.
  struct Block: CustomTestStringConvertible, Sendable {
    enum Kind: Equatable, Sendable {
      /// Quoted from `path`, the declaration whose first line contains `symbol`.
      case excerpt(path: String, symbol: String)
      /// A usage example, not quoted, for the stated reason.
      case example(reason: String)
      /// Neither: a problem.
      case undeclared
    }
    var chapter: String
    /// The 0-based line of the opening fence.
    var fenceLine: Int
    var kind: Kind
    var lines: [String]
    var testDescription: String { "\(chapter):\(fenceLine + 1)" }
  }

  static let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

  static let excerptPrefix = "<!-- excerpt: "
  static let examplePrefix = "<!-- example: "
  static let commentSuffix = " -->"

  /// Every `swift` fence of a page. A fence whose closing line is missing runs to the end.
  static func blocks(_ text: String, chapter: String) -> [Block] {
    let lines = text.components(separatedBy: "\n")
    var blocks: [Block] = []
    var index = 0
    while index < lines.count {
      let line = lines[index]
      guard line.hasPrefix("```") else {
        index += 1
        continue
      }
      let end = lines[(index + 1)...].firstIndex { $0.hasPrefix("```") } ?? lines.count
      if line == "```swift" {
        let previous = index > 0 ? lines[index - 1] : ""
        blocks.append(
          Block(
            chapter: chapter, fenceLine: index, kind: kind(ofComment: previous),
            lines: Array(lines[(index + 1)..<end])))
      }
      index = end + 1
    }
    return blocks
  }

  /// What the comment line right above a fence declares.
  static func kind(ofComment line: String) -> Block.Kind {
    guard line.hasSuffix(commentSuffix) else { return .undeclared }
    if line.hasPrefix(excerptPrefix) {
      let body = line.dropFirst(excerptPrefix.count).dropLast(commentSuffix.count)
      guard let hash = body.firstIndex(of: "#") else { return .undeclared }
      let symbol = String(body[body.index(after: hash)...])
      return symbol.isEmpty ? .undeclared : .excerpt(path: String(body[..<hash]), symbol: symbol)
    }
    if line.hasPrefix(examplePrefix) {
      let reason = line.dropFirst(examplePrefix.count).dropLast(commentSuffix.count)
      return reason.trimmingCharacters(in: .whitespaces).isEmpty ? .undeclared : .example(reason: String(reason))
    }
    return .undeclared
  }

  enum ExcerptError: Error, CustomStringConvertible, Equatable {
    case noSuchSymbol(String)
    case unclosed(String)
    var description: String {
      switch self {
      case .noSuchSymbol(let symbol): "no line contains '\(symbol)'"
      case .unclosed(let symbol): "the declaration at '\(symbol)' has no closing brace"
      }
    }
  }

  /// The declaration in `source` whose first line contains `symbol`: its doc comment and
  /// attributes, down to its closing brace, without their common indentation.
  static func excerpt(of symbol: String, in source: String) throws(ExcerptError) -> [String] {
    let lines = source.components(separatedBy: "\n")
    guard let first = lines.firstIndex(where: { $0.contains(symbol) }) else { throw .noSuchSymbol(symbol) }
    var start = first
    while start > 0 {
      let above = lines[start - 1].trimmingCharacters(in: .whitespaces)
      guard above.hasPrefix("///") || above.hasPrefix("@") else { break }
      start -= 1
    }
    guard let end = closingLine(in: lines, from: first) else { throw .unclosed(symbol) }
    return removingCommonIndentation(Array(lines[start...end]))
  }

  /// The line of the brace that closes the first brace opened at or after line `first`,
  /// skipping braces in string literals and `//` comments.
  static func closingLine(in lines: [String], from first: Int) -> Int? {
    var depth = 0
    var opened = false
    for index in first..<lines.count {
      var inString = false
      var escaped = false
      var previous: Character = " "
      for character in lines[index] {
        defer { previous = character }
        if inString {
          if escaped {
            escaped = false
          } else if character == "\\" {
            escaped = true
          } else if character == "\"" {
            inString = false
          }
          continue
        }
        if character == "/" && previous == "/" { break }
        switch character {
        case "\"": inString = true
        case "{":
          depth += 1
          opened = true
        case "}":
          depth -= 1
          if opened && depth == 0 { return index }
        default: break
        }
      }
    }
    return nil
  }

  static func removingCommonIndentation(_ lines: [String]) -> [String] {
    let indentation =
      lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
      .map { $0.prefix { $0 == " " }.count }.min() ?? 0
    return lines.map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "" : String($0.dropFirst(indentation)) }
  }

  /// The relative link targets of a page's prose (not web addresses, not anchors within the
  /// page, not code: fenced blocks and `inline code` hold no links), without any `#fragment`.
  static func relativeLinks(_ text: String) -> [String] {
    var prose: [String] = []
    var inFence = false
    for line in text.components(separatedBy: "\n") {
      if line.hasPrefix("```") {
        inFence.toggle()
      } else if !inFence {
        prose.append(
          line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset.isMultiple(of: 2) }.map(\.element).joined(separator: " "))
      }
    }
    var links: [String] = []
    var rest = Substring(prose.joined(separator: "\n"))
    while let open = rest.range(of: "](") {
      rest = rest[open.upperBound...]
      guard let close = rest.firstIndex(of: ")") else { break }
      let target = String(rest[..<close].prefix { $0 != "#" })
      if !target.isEmpty && !target.contains("://") && !target.hasPrefix("mailto:") { links.append(target) }
      rest = rest[close...]
    }
    return links
  }

  static let pages = TutorialTranscriptTests.pages
  static let allBlocks: [Block] = pages.flatMap { blocks($0.text, chapter: $0.name) }

  static func sourceText(_ path: String) -> String? {
    try? String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
  }

  /// Rewrites every quoted block of every page from its source.
  static func updateChapters() {
    for page in pages {
      var lines = page.text.components(separatedBy: "\n")
      for block in blocks(page.text, chapter: page.name).reversed() {
        guard case .excerpt(let path, let symbol) = block.kind, let source = sourceText(path),
          let quoted = try? excerpt(of: symbol, in: source)
        else { continue }
        let range = (block.fenceLine + 1)..<(block.fenceLine + 1 + block.lines.count)
        lines.replaceSubrange(range, with: quoted)
      }
      try? lines.joined(separator: "\n").write(
        to: TutorialTranscriptTests.tutorialsFolder.appendingPathComponent(page.name), atomically: true,
        encoding: .utf8)
    }
  }

  @Test func everySwiftBlockIsDeclared() {
    if ProcessInfo.processInfo.environment["NTM_UPDATE_EXCERPTS"] == "1" {
      Self.updateChapters()
      Issue.record("Tutorial excerpts were rewritten from the sources; review the diff and run again.")
    }
    #expect(Self.allBlocks.contains { if case .excerpt = $0.kind { true } else { false } })
    for block in Self.allBlocks where block.kind == .undeclared {
      Issue.record(
        "\(block.testDescription): a swift block needs '<!-- excerpt: <path>#<declaration> -->' or '<!-- example: <why it is not quoted> -->' on the line above it"
      )
    }
  }

  @Test(arguments: allBlocks.filter { if case .excerpt = $0.kind { true } else { false } })
  func excerptMatchesItsSource(_ block: Block) throws {
    guard case .excerpt(let path, let symbol) = block.kind else { return }
    let source = try #require(Self.sourceText(path), "\(block.testDescription): \(path) does not exist")
    let quoted: [String]
    do {
      quoted = try Self.excerpt(of: symbol, in: source)
    } catch {
      Issue.record("\(block.testDescription): in \(path), \(error)")
      return
    }
    if block.lines != quoted {
      let common = min(block.lines.count, quoted.count)
      let index = (0..<common).first { block.lines[$0] != quoted[$0] } ?? common
      let shown = index < block.lines.count ? block.lines[index] : "(end of block)"
      let source = index < quoted.count ? quoted[index] : "(end of declaration)"
      Issue.record(
        "\(block.testDescription) no longer matches \(path)#\(symbol) at its line \(index + 1): '\(shown)' vs '\(source)'; run NTM_UPDATE_EXCERPTS=1 swift test --filter TutorialExcerptTests and review the diff"
      )
    }
    let page = try #require(Self.pages.first { $0.name == block.chapter })
    #expect(
      Self.relativeLinks(page.text).contains("../" + path), "\(block.chapter) quotes \(path) but does not link it")
  }

  @Test func everyRelativeLinkExists() {
    var checked = 0
    for page in Self.pages {
      for link in Self.relativeLinks(page.text) {
        let url = TutorialTranscriptTests.tutorialsFolder.appendingPathComponent(link).standardizedFileURL
        #expect(FileManager.default.fileExists(atPath: url.path), "\(page.name) links \(link), which does not exist")
        checked += 1
      }
    }
    #expect(checked > 0)
  }
}
