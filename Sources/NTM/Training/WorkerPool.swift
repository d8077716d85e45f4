import Foundation
import Synchronization

/// Threads that stay awake between a batch and the next, so handing them work costs a few
/// atomic operations rather than waking a sleeping thread.
///
/// `run(_:)` calls `work(0)` on the calling thread and `work(1)`, …, `work(n − 1)` on the
/// pool's threads, and returns when all are done. Waking a parked thread costs this machine's
/// virtual processors about a millisecond, as much as training a short sequence; so after a
/// job each thread keeps checking for the next for `spinLimit` checks (well under a
/// millisecond of one core) before it parks on a condition, where `run` wakes it.
final class WorkerPool: @unchecked Sendable {
  /// The shared state the threads keep a reference to; the pool's owner does not, so the pool
  /// can end, and with it the threads.
  private final class Core: @unchecked Sendable {
    let generation = Atomic<Int>(0)
    let remaining = Atomic<Int>(0)
    let stopped = Atomic<Bool>(false)
    let condition = NSCondition()
    /// Written by `run` before `generation` moves on, read by the threads after.
    nonisolated(unsafe) var work: (@Sendable (Int) -> Void)?
  }

  /// Checks of the generation a thread makes before it parks.
  static let spinLimit = 200_000

  /// Threads in all, the calling one included.
  let width: Int
  private let core = Core()

  init(width: Int) {
    self.width = max(1, width)
    for index in 1..<self.width {
      let core = self.core
      let thread = Thread { WorkerPool.loop(core, index: index) }
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  deinit {
    core.condition.lock()
    core.stopped.store(true, ordering: .releasing)
    core.generation.add(1, ordering: .releasing)
    core.condition.broadcast()
    core.condition.unlock()
  }

  /// Runs `work(i)` for i = 0 ..< `width`, `work(0)` on the calling thread, and waits for all.
  func run(_ work: @escaping @Sendable (Int) -> Void) {
    guard width > 1 else { return work(0) }
    core.work = work
    core.remaining.store(width - 1, ordering: .releasing)
    core.condition.lock()
    core.generation.add(1, ordering: .releasing)
    core.condition.broadcast()
    core.condition.unlock()
    work(0)
    while core.remaining.load(ordering: .acquiring) > 0 {}
    core.work = nil
  }

  private static func loop(_ core: Core, index: Int) {
    var seen = 0
    while true {
      var spins = 0
      while core.generation.load(ordering: .acquiring) == seen && spins < spinLimit { spins += 1 }
      if core.generation.load(ordering: .acquiring) == seen {
        core.condition.lock()
        while core.generation.load(ordering: .acquiring) == seen { core.condition.wait() }
        core.condition.unlock()
      }
      seen = core.generation.load(ordering: .acquiring)
      if core.stopped.load(ordering: .acquiring) { return }
      core.work?(index)
      core.remaining.subtract(1, ordering: .releasing)
    }
  }
}
