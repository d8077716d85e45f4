import Foundation

/// Where a command writes, and what it knows of the terminal it runs in. Commands take a
/// `Console` instead of printing, so tests run them in memory and read what they wrote.
struct Console {
  /// Writes text to standard output (no newline added).
  var writeOutput: (String) -> Void
  /// Writes text to standard error (no newline added).
  var writeError: (String) -> Void
  /// Reads one line from standard input (without its newline); nil at end of input.
  var readLine: () -> String?
  /// The process environment (`LANG`, `COLUMNS`, `NO_COLOR`, …).
  var environment: [String: String]
  /// Whether standard input and output are both terminals.
  var isInteractive: Bool

  /// Writes a line to standard output.
  func print(_ line: String = "") { writeOutput(line + "\n") }
  /// Writes a line to standard error.
  func printError(_ line: String) { writeError(line + "\n") }

  /// The real terminal.
  ///
  /// When standard output cannot be written (`ntm tour > /dev/full`), the process prints
  /// `error: cannot write to standard output: <reason>` on standard error once and exits
  /// with 1: nothing more it does could be seen.
  ///
  /// A reader that goes away (`ntm tour | head -1`) is not an error. SIGPIPE keeps its
  /// default action, so the next write ends `ntm` at once and without a word, as it ends
  /// `cat` or `yes` (a shell reports status 141). Where SIGPIPE was inherited as ignored,
  /// the write fails with EPIPE instead, and `ntm` exits with 1, also without a word.
  /// A command whose work outlasts its output (`ntm train`) opts out: see `OutputLoss`.
  static var standard: Console {
    Console(
      writeOutput: { text in
        guard !OutputLoss.hasHappened else { return }
        if let failure = write(text, to: STDOUT_FILENO) {
          if OutputLoss.isSurvivable { OutputLoss.record(failure) } else { outputFailed(failure) }
        }
      },
      writeError: { text in
        // Nowhere is left to report a failure to write standard error.
        _ = write(text, to: STDERR_FILENO)
      },
      readLine: { standardInputLine() },
      environment: withTerminalWidth(ProcessInfo.processInfo.environment),
      isInteractive: isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1)
  }

  /// The next line of standard input, kept to `PlaygroundInput.maximumLineLength` characters
  /// (4 bytes each at most in UTF-8): a longer line is dropped whole, said on standard error,
  /// and read as an empty line, which every reader takes as nothing typed.
  private static func standardInputLine() -> String? {
    switch StandardInput.reader.withLock({ $0.next() }) {
    case nil: return nil
    case .text(let line): return line
    case .tooLong:
      printStandardError("error: " + PlaygroundInput.tooLongMessage)
      return ""
    }
  }

  private static func printStandardError(_ line: String) { _ = write(line + "\n", to: STDERR_FILENO) }

  /// `environment` with `COLUMNS` set to the terminal's width when standard output is a
  /// terminal and `COLUMNS` is not set: shells keep `COLUMNS` to themselves, so without this
  /// every terminal would be taken as 80 columns wide. A `COLUMNS` that is set always wins.
  static func withTerminalWidth(_ environment: [String: String]) -> [String: String] {
    guard environment["COLUMNS"] == nil, isatty(STDOUT_FILENO) == 1 else { return environment }
    var size = winsize()
    guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return environment }
    var result = environment
    result["COLUMNS"] = String(size.ws_col)
    return result
  }

  /// Writes all of `text` to `descriptor`, carrying on after a signal (EINTR), a partial
  /// write, or a non-blocking descriptor that is full (EAGAIN). Returns the `errno` of the
  /// write that failed, or nil when everything was written.
  static func write(_ text: String, to descriptor: Int32) -> Int32? {
    var bytes = Array(text.utf8)
    return bytes.withUnsafeMutableBytes { buffer -> Int32? in
      guard let start = buffer.baseAddress else { return nil }
      var offset = 0
      while offset < buffer.count {
        let written = Glibc.write(descriptor, start + offset, buffer.count - offset)
        if written >= 0 {
          offset += written
          continue
        }
        switch errno {
        case EINTR:
          continue
        case EAGAIN, EWOULDBLOCK:
          var waiting = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
          _ = poll(&waiting, 1, -1)
        case let failure:
          return failure
        }
      }
      return nil
    }
  }

  /// The one line printed when standard output fails with `errno` `failure`; nil for a
  /// broken pipe, where the reader left on purpose.
  static func outputFailureMessage(_ failure: Int32) -> String? {
    guard failure != EPIPE else { return nil }
    let reason = String(cString: strerror(failure))
    return "error: cannot write to standard output: " + reason.prefix(1).lowercased() + reason.dropFirst()
  }

  /// Reports a failure to write standard output (once: the process ends here) and exits 1.
  private static func outputFailed(_ failure: Int32) -> Never {
    if let message = outputFailureMessage(failure) { _ = write(message + "\n", to: STDERR_FILENO) }
    exit(CommandLineTool.ExitCode.failure)
  }

  /// A console that records what is written, for tests; `input` lines are read in order.
  final class Recording: @unchecked Sendable {
    var output = ""
    var error = ""
    var input: [String]

    init(input: [String] = []) { self.input = input }

    func console(environment: [String: String] = ["LANG": "en_US.UTF-8"], isInteractive: Bool = false) -> Console {
      Console(
        writeOutput: { self.output += $0 }, writeError: { self.error += $0 },
        readLine: { self.input.isEmpty ? nil : self.input.removeFirst() },
        environment: environment, isInteractive: isInteractive)
    }
  }
}
