import Dispatch

extension Evaluation {
  /// `run(_:on:count:length:using:)` on `threads` threads: the sequences are drawn first, in
  /// order, then scored on copies of the model, and the scores summed in the order drawn. The
  /// result, the generator and the model's own random state end as one thread leaves them.
  /// - Precondition: `count ≥ 1` and `threads ≥ 1`.
  public static func run<Model: SequenceModel, Task: SequenceTask>(
    _ model: inout Model, on task: Task, count: Int = defaultSequences, length: Int? = nil, threads: Int,
    using generator: inout some RandomNumberGenerator
  ) -> Evaluation {
    require(threads >= 1, "Evaluation needs at least one thread, got \(threads)")
    guard threads > 1, count > 1 else { return run(&model, on: task, count: count, length: length, using: &generator) }
    var examples: [Example] = []
    var starts: [SplitMix64?] = []
    examples.reserveCapacity(count)
    for _ in 0..<count {
      examples.append(length.map { task.sample(length: $0, using: &generator) } ?? task.sample(using: &generator))
      starts.append(model.takeForwardStart())
    }
    let workers = min(threads, count)
    var copies = [Model](repeating: model, count: workers)
    var errors = [Int](repeating: 0, count: count)
    var losses = [Double](repeating: 0, count: count)
    copies.withUnsafeMutableBufferPointer { copies in
      errors.withUnsafeMutableBufferPointer { errors in
        losses.withUnsafeMutableBufferPointer { losses in
          let (c, e, l) = (UnsafeSendable(copies), UnsafeSendable(errors), UnsafeSendable(losses))
          let (examples, starts) = (examples, starts)
          DispatchQueue.concurrentPerform(iterations: workers) { w in
            for j in stride(from: w, to: count, by: workers) {
              if let start = starts[j] { c.value[w].forwardGenerator = start }
              let example = examples[j]
              let logits = c.value[w].forward(example.inputs)
              e.value[j] = BitError.count(logits: logits, targets: example.targets, mask: example.mask)
              l.value[j] = SigmoidCrossEntropy.forward(logits: logits, targets: example.targets, mask: example.mask)
            }
          }
        }
      }
    }
    var errorSum = 0
    var loss = 0.0
    for j in 0..<count {
      errorSum += errors[j]
      loss += losses[j]
    }
    return Evaluation(sequences: count, bitErrors: Double(errorSum) / Double(count), loss: loss / Double(count))
  }
}
