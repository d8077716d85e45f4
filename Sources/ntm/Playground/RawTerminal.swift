import Glibc

/// The terminal settings saved before raw mode, for the signal handlers: a handler may not
/// capture context, so it reads them from here. Written once, before any handler is set.
nonisolated(unsafe) private var savedSettings = termios()

/// Whether `exit` has been told to put the saved settings back (it is told once).
nonisolated(unsafe) private var restoresAtExit = false

/// Raw mode for the REPL's line editor: keys arrive one by one and unechoed, Ctrl-C arrives
/// as a byte instead of a signal. Output processing is kept, so `\n` still starts a new line.
///
/// The saved settings come back on `restore()`, when the process is ended by SIGTERM or
/// SIGHUP, and when it calls `exit` (as it does when standard output fails) — a learner's
/// terminal must never be left raw.
struct RawTerminal {
  /// Saves the settings of standard input, or returns nil when it is not a terminal.
  init?() {
    guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &savedSettings) == 0 else { return nil }
  }

  /// Switches to raw mode and installs the handlers that undo it.
  func enable() {
    var raw = savedSettings
    // No line buffering, echo, signals from keys (Ctrl-C, Ctrl-Z), flow control or CR→NL
    // mapping; one byte per read.
    raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
    raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
    withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
      bytes[Int(VMIN)] = 1
      bytes[Int(VTIME)] = 0
    }
    if !restoresAtExit {
      restoresAtExit = true
      atexit { tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings) }
    }
    for signalNumber in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
      signal(signalNumber) { number in
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings)
        _exit(128 + number)
      }
    }
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw)
  }

  /// Puts the saved settings back and the default signal handlers with them.
  func restore() {
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedSettings)
    for signalNumber in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] { signal(signalNumber, SIG_DFL) }
  }

  /// The next byte typed, or nil at end of input or on a read error.
  func readByte() -> UInt8? {
    var byte: UInt8 = 0
    while true {
      let count = read(STDIN_FILENO, &byte, 1)
      if count == 1 { return byte }
      if count < 0, errno == EINTR { continue }
      return nil
    }
  }
}
