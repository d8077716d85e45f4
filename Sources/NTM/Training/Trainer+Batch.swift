extension Trainer {
  /// Runs `batch` fresh sequences forward and backward, sums their gradients into `gradient`
  /// in the batch's order, and returns the summed loss and wrong bits.
  ///
  /// The sequences are drawn first, in order, from the training generator, and each is
  /// handed the state the model's own random draws would start from on one thread (see
  /// `SequenceModel.forwardGenerator`). They then run in chunks of `BatchChunk.size`:
  /// every sequence of a chunk on some thread, into its own gradient buffer; then the buffers
  /// are added in order:
  /// ```
  /// g = ((… ((0 + ∂L_1/∂θ) + ∂L_2/∂θ) …) + ∂L_B/∂θ)
  /// ```
  /// Which thread ran a sequence never enters the sum, so the result is the same, bit for
  /// bit, on 1 thread or 16.
  /// - Throws: `NonFiniteError` for the first sequence, in batch order, whose loss is not
  ///   finite or past the divergence bound.
  mutating func accumulateBatch(_ batch: Int, step current: Int) throws(NonFiniteError) -> (loss: Double, errors: Int) {
    if batchWorkers == nil || !isKnownUniquelyReferenced(&batchWorkers!) {
      batchWorkers = BatchWorkers(model: model)
    }
    let workers = batchWorkers!
    let chunk = BatchChunk.size(parameters: gradient.count)
    var totalLoss = 0.0
    var totalErrors = 0
    var start = 0
    while start < batch {
      let count = min(chunk, batch - start)
      var jobs: [BatchWorkers<Model>.Job] = []
      jobs.reserveCapacity(count)
      for _ in 0..<count {
        let example = task.sample(using: &generator)
        jobs.append(.init(example: example, forwardGenerator: model.takeForwardStart()))
      }
      let results = workers.run(jobs, parameters: model.parameters, threads: threads)
      for (job, result) in zip(jobs, results) {
        try NonFiniteGuard.check(result.loss, step: current, tensor: "loss")
        let answerSteps = job.example.mask.reduce(0, +)
        try NonFiniteGuard.checkDivergence(loss: result.loss, answerBits: answerSteps * Double(task.outputSize), step: current)
        totalLoss += result.loss
        totalErrors += result.errors
      }
      workers.addGradients(count, into: &gradient)
      start += count
    }
    return (totalLoss, totalErrors)
  }
}

/// The copies of a model that run a batch's sequences on several threads, and one gradient
/// buffer per sequence of a chunk.
///
/// Each thread owns one copy (its own working buffers: the machine's tape); the copies get
/// the trainer's parameters before every chunk. The class is shared with the threads only
/// while `run` waits for them, and each thread touches its own copy and its own sequences'
/// buffers alone. The threads are a `WorkerPool`'s, awake from one batch to the next.
final class BatchWorkers<Model: SequenceModel>: @unchecked Sendable {
  /// One sequence to run.
  struct Job: Sendable {
    var example: Example
    /// The state the model's own draws start from for this sequence, if it draws any.
    var forwardGenerator: SplitMix64?
  }

  /// What one sequence gave.
  struct Outcome {
    var loss = 0.0
    var errors = 0
  }

  private var copies: [Model]
  private var buffers: [[Double]] = []
  private var outcomes: [Outcome] = []
  /// The threads beyond the calling one, kept awake between batches.
  private var pool: WorkerPool?
  private let template: Model

  init(model: Model) {
    template = model
    copies = []
  }

  /// Runs `jobs` on up to `threads` threads and returns what each gave, in the jobs' order;
  /// their gradients wait in the buffers for `addGradients`.
  func run(_ jobs: [Job], parameters: [Double], threads: Int) -> [Outcome] {
    let workerCount = max(1, min(threads, jobs.count))
    while copies.count < workerCount { copies.append(template) }
    for w in 0..<workerCount { copies[w].parameters = parameters }
    while buffers.count < jobs.count { buffers.append([Double](repeating: 0, count: parameters.count)) }
    outcomes = [Outcome](repeating: Outcome(), count: jobs.count)
    let assignment = Self.assign(jobs.map { $0.example.inputs.rows }, to: workerCount)

    copies.withUnsafeMutableBufferPointer { copies in
      buffers.withUnsafeMutableBufferPointer { buffers in
        outcomes.withUnsafeMutableBufferPointer { outcomes in
          let (c, b, o) = (UnsafeSendable(copies), UnsafeSendable(buffers), UnsafeSendable(outcomes))
          let work: @Sendable (Int) -> Void = { worker in
            for j in assignment[worker] {
              Self.runJob(jobs[j], on: &c.value[worker], gradient: &b.value[j], outcome: &o.value[j])
            }
          }
          if workerCount == 1 {
            work(0)
          } else {
            if pool?.width != workerCount { pool = WorkerPool(width: workerCount) }
            pool!.run(work)
          }
        }
      }
    }
    return outcomes
  }

  /// Adds the first `count` buffers into `gradient`, in order.
  func addGradients(_ count: Int, into gradient: inout [Double]) {
    gradient.withUnsafeMutableBufferPointer { g in
      for j in 0..<count {
        buffers[j].withUnsafeBufferPointer { b in
          for i in 0..<g.count { g[i] += b[i] }
        }
      }
    }
  }

  /// The longest sequences first, each to the thread with the least work so far (ties to the
  /// lowest thread): the threads finish at nearly the same time when lengths differ.
  static func assign(_ lengths: [Int], to workers: Int) -> [[Int]] {
    var lists = [[Int]](repeating: [], count: workers)
    var load = [Int](repeating: 0, count: workers)
    let order = lengths.indices.sorted { lengths[$0] != lengths[$1] ? lengths[$0] > lengths[$1] : $0 < $1 }
    for j in order {
      let w = load.indices.min { load[$0] != load[$1] ? load[$0] < load[$1] : $0 < $1 }!
      lists[w].append(j)
      load[w] += lengths[j]
    }
    return lists
  }

  private static func runJob(_ job: Job, on model: inout Model, gradient: inout [Double], outcome: inout Outcome) {
    let example = job.example
    if let drawn = job.forwardGenerator { model.forwardGenerator = drawn }
    let logits = model.forward(example.inputs)
    outcome.loss = SigmoidCrossEntropy.forward(logits: logits, targets: example.targets, mask: example.mask)
    outcome.errors = BitError.count(logits: logits, targets: example.targets, mask: example.mask)
    for i in gradient.indices { gradient[i] = 0 }
    // A non-finite loss stops the batch before its gradient is used; skip the work.
    guard outcome.loss.isFinite else { return }
    let logitGradient = SigmoidCrossEntropy.backward(logits: logits, targets: example.targets, mask: example.mask)
    model.backward(logitGradient: logitGradient, addingInto: &gradient)
  }
}

/// A buffer handed to the threads of `concurrentPerform`, each of which touches its own
/// elements only.
struct UnsafeSendable<Element>: @unchecked Sendable {
  let value: UnsafeMutableBufferPointer<Element>
  init(_ value: UnsafeMutableBufferPointer<Element>) { self.value = value }
}

/// How many sequences of a batch run between two sums of their gradients.
enum BatchChunk {
  /// The most numbers the gradient buffers of one chunk may hold (64 MB of them).
  static let bufferBudget = 8 << 20
  /// The most sequences run at once between two sums.
  static let largest = 64

  /// Sequences per chunk for a model of `parameters` parameters: as many as the buffers'
  /// budget allows, from 1 to `largest`. It depends on the model alone, never on the thread
  /// count, so neither does the order of the sum.
  static func size(parameters: Int) -> Int {
    max(1, min(largest, bufferBudget / max(parameters, 1)))
  }
}
