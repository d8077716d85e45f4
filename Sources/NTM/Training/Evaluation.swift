/// Scores a model on fresh sequences without training it: the paper's test-time "cost per
/// sequence" in bits (Graves et al. 2014, Fig. 3 and 4) and the loss.
public struct Evaluation: Codable, Equatable, Sendable {
  /// The number of sequences scored.
  public var sequences: Int
  /// The mean number of wrong bits per sequence.
  public var bitErrors: Double
  /// The mean loss per sequence (nats).
  public var loss: Double

  /// The paper's test size for the convergence criterion: 200 fresh sequences.
  public static let defaultSequences = 200

  public init(sequences: Int, bitErrors: Double, loss: Double) {
    self.sequences = sequences
    self.bitErrors = bitErrors
    self.loss = loss
  }

  /// Runs `count` sequences from `task` (of exactly `length` when given, else drawn from the
  /// training range) through `model` and averages the bit errors and the loss.
  /// - Precondition: `count ≥ 1`.
  public static func run<Model: SequenceModel, Task: SequenceTask>(
    _ model: inout Model, on task: Task, count: Int = defaultSequences, length: Int? = nil,
    using generator: inout some RandomNumberGenerator
  ) -> Evaluation {
    require(count >= 1, "Evaluation needs at least one sequence, got \(count)")
    var errors = 0
    var loss = 0.0
    for _ in 0..<count {
      let example = length.map { task.sample(length: $0, using: &generator) } ?? task.sample(using: &generator)
      let logits = model.forward(example.inputs)
      errors += BitError.count(logits: logits, targets: example.targets, mask: example.mask)
      loss += SigmoidCrossEntropy.forward(logits: logits, targets: example.targets, mask: example.mask)
    }
    return Evaluation(sequences: count, bitErrors: Double(errors) / Double(count), loss: loss / Double(count))
  }
}
