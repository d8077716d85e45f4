import TerminalCharts

/// A command's help, built from its option declarations (`CommandOption`) and a few
/// hand-written parts: the title, the description, any table of its own (train's tasks) and
/// the examples. The USAGE line and the OPTIONS blocks are generated, so the help lists
/// exactly the options the parser accepts, with the ranges and defaults the checks use.
///
/// Prose is written as paragraphs and wrapped between words to the width asked for; lines
/// written as `.lines` (a small table) are kept as they are.
struct CommandHelp: Sendable {
  /// A part of the description: a paragraph of prose, or lines kept as written.
  enum Block: Sendable {
    case prose(String)
    case lines([String])
  }

  /// A block of options under a title (`OPTIONS`, `MACHINE (ignored with --resume …)`).
  struct Section: Sendable {
    var title: String
    var options: [CommandOption]
  }

  /// The width every help is written for: a standard terminal's.
  static let width = 80
  /// The widest the name column of the OPTIONS blocks grows; a longer spelling
  /// (`--vectors-per-item V`) puts its help on the line below rather than squeeze it.
  static let widestNameColumn = 24
  /// The narrowest an option's help is wrapped, however narrow the width asked for: a
  /// column of two words a line reads worse than a line that runs past the edge.
  static let narrowestHelp = 24

  /// `train`: the command after `ntm`.
  var command: String
  /// One line for the command list of `ntm help`.
  var summary: String
  /// `train a Neural Turing Machine on one of the paper's tasks`, after `ntm train — `.
  var title: String
  /// What it does, before USAGE.
  var description: [Block]
  /// The words after the command and before the options: `<task>`, `[reference]`.
  var positional = ""
  /// Whether USAGE lists every option (`[--seed S]`) or says `[options]` (for many).
  var listsOptions = true
  /// Further USAGE forms, written out (`ntm bench repl`).
  var otherUsages: [String] = []
  /// Between USAGE and the options: what the words of USAGE mean (exercises' actions).
  var afterUsage: [Block] = []
  var sections: [Section]
  /// After the options (what every file must be, say).
  var notes: [Block] = []
  /// Command lines that work as typed.
  var examples: [String]

  /// Every option declared, in help order: what the parser accepts.
  var options: [CommandOption] { sections.flatMap(\.options) }

  /// The help at `width` columns.
  func text(width: Int = Self.width) -> String {
    var lines = TextWrap.lines("ntm \(command) — \(title).", width: width, indent: "  ")
    lines.append("")
    lines += render(description, width: width)
    lines += usage(width: width)
    if !afterUsage.isEmpty {
      lines.append("")
      lines += render(afterUsage, width: width).dropLast()
    }
    let column = min(options.map { $0.spelling.count }.max() ?? 0, Self.widestNameColumn) + 4
    for section in sections {
      lines.append("")
      lines += TextWrap.lines(section.title + ":", width: width, indent: "  ")
      for option in section.options {
        lines += optionLines(option, column: column, width: width)
      }
    }
    if !notes.isEmpty {
      lines.append("")
      lines += render(notes, width: width).dropLast()
    }
    lines.append("")
    lines.append(examples.count == 1 ? "EXAMPLE:" : "EXAMPLES:")
    lines += examples.map { "  " + $0 }
    // A no-break space keeps two words on one line (`FILE -`); the reader sees a space.
    return lines.joined(separator: "\n").replacingOccurrences(of: "\u{00A0}", with: " ")
  }

  /// Each block followed by an empty line; prose wrapped, `.lines` as written.
  private func render(_ blocks: [Block], width: Int) -> [String] {
    blocks.flatMap { block -> [String] in
      switch block {
      case .prose(let text):
        let joined = text.split(separator: "\n").joined(separator: " ")
        return TextWrap.lines(joined, width: width) + [""]
      case .lines(let lines):
        return lines + [""]
      }
    }
  }

  /// `USAGE: ntm eval <checkpoint> [--compare C] …`, wrapped under its first word.
  private func usage(width: Int) -> [String] {
    let head = "USAGE: ntm \(command)" + (positional.isEmpty ? "" : " \(positional)")
    let indent = String(repeating: " ", count: "USAGE: ntm \(command) ".count)
    let words = listsOptions ? options.map { "[\($0.spelling)]" } : ["[options]"]
    // Each `[--name P]` stays whole: its spaces are no-break spaces until the end.
    let glued = words.map { $0.replacingOccurrences(of: " ", with: "\u{00A0}") }
    let wrapped = TextWrap.lines(([head] + glued).joined(separator: " "), width: width, indent: indent)
    return wrapped + otherUsages.map { String(repeating: " ", count: "USAGE: ".count) + $0 }
  }

  /// `  --seed S        help…`, the help wrapped into the column after the name (or on the
  /// next lines when the name fills the column).
  private func optionLines(_ option: CommandOption, column: Int, width: Int) -> [String] {
    let name = "  " + option.spelling
    let indent = String(repeating: " ", count: column)
    let help = TextWrap.lines(option.fullHelp, width: max(width - column, Self.narrowestHelp)).map { indent + $0 }
    guard name.count + 2 <= column else { return [name] + help }
    return [name.padding(toLength: column, withPad: " ", startingAt: 0) + help[0].dropFirst(column)] + help.dropFirst()
  }
}

extension Subcommand {
  /// The subcommand whose name, summary and help are `help`'s.
  init(_ help: CommandHelp, run: @escaping @Sendable (_ arguments: [String], _ console: inout Console) throws -> Int32) {
    self.init(name: help.command, summary: help.summary, helpText: help, run: run)
  }
}

/// A command whose name, summary and help come from its `CommandHelp`.
protocol DeclaredCommand {
  static var helpText: CommandHelp { get }
}

extension DeclaredCommand {
  /// The word after `ntm`.
  static var name: String { helpText.command }
  /// One line for `ntm help`.
  static var summary: String { helpText.summary }
  /// The whole help, at `CommandHelp.width`.
  static var help: String { helpText.text() }
}
