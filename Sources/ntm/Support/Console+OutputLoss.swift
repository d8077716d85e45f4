import Foundation
import Synchronization

extension Console {
  /// What the real console does when standard output can no longer be written, for commands
  /// whose work matters more than what they print.
  ///
  /// By default a lost standard output ends the process (see `Console.standard`): nothing it
  /// does afterwards could be seen. A training run is different — its checkpoint is the
  /// point, not its progress lines — so `ntm train` calls `keepRunning()`: SIGPIPE is then
  /// ignored, the first failed write stops all printing to standard output, and the command
  /// carries on. A reader that left on purpose (a broken pipe, `| head -2`) gets no word; any
  /// other failure (a full disk) is said once on standard error.
  enum OutputLoss {
    private static let survivable = Atomic<Bool>(false)
    private static let lost = Atomic<Bool>(false)
    /// SIGPIPE's action before `keepRunning()`, given back by `restore()` (a parent may have
    /// set it to ignored, and that choice is kept).
    nonisolated(unsafe) private static var previousAction: sighandler_t?

    /// Whether standard output has failed since `keepRunning()`; nothing more is written to it.
    static var hasHappened: Bool { lost.load(ordering: .relaxed) }

    /// Whether a failed write leaves the process running.
    static var isSurvivable: Bool { survivable.load(ordering: .relaxed) }

    /// From now on a failed write to standard output stops printing instead of the process.
    static func keepRunning() {
      previousAction = signal(SIGPIPE, SIG_IGN)
      lost.store(false, ordering: .relaxed)
      survivable.store(true, ordering: .relaxed)
    }

    /// Gives SIGPIPE back its earlier action and a failed write its usual ending.
    static func restore() {
      survivable.store(false, ordering: .relaxed)
      signal(SIGPIPE, previousAction ?? SIG_DFL)
    }

    /// Notes that a write failed with `errno` `failure`: printing stops here.
    static func record(_ failure: Int32) {
      guard !lost.exchange(true, ordering: .relaxed) else { return }
      if let message = Console.outputFailureMessage(failure) {
        _ = Console.write(message + "; carrying on without printing\n", to: STDERR_FILENO)
      }
    }
  }
}
