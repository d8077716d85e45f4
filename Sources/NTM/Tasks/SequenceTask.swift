/// One training or test sequence: what the model reads, what it should write, and which time
/// steps count.
public struct Example: Equatable, Sendable {
  /// T × inputSize, one row per time step.
  public var inputs: Matrix
  /// T × outputSize; rows where `mask` is 0 are ignored (kept at 0).
  public var targets: Matrix
  /// T weights: 1 where the output is scored (the answer phase), 0 elsewhere.
  public var mask: [Double]

  /// - Precondition: `inputs`, `targets` and `mask` have the same number of time steps.
  public init(inputs: Matrix, targets: Matrix, mask: [Double]) {
    require(
      inputs.rows == targets.rows && mask.count == inputs.rows,
      "Example: inputs \(inputs.shapeDescription), targets \(targets.shapeDescription) and mask of \(mask.count) differ in length")
    self.inputs = inputs
    self.targets = targets
    self.mask = mask
  }

  /// T, the number of time steps.
  public var steps: Int { inputs.rows }
}

/// A generator of examples for one of the paper's algorithmic tasks (Graves et al. 2014, §4).
///
/// Generators are deterministic: the same generator state gives the same example, so a seed
/// reproduces a whole training run.
public protocol SequenceTask {
  /// Inputs per time step (the model's `inputSize`).
  var inputSize: Int { get }
  /// Outputs per time step (the model's `outputSize`).
  var outputSize: Int { get }
  /// An example whose length (the task's own notion, e.g. the number of vectors to copy) is
  /// drawn uniformly from the task's training range.
  func sample(using generator: inout some RandomNumberGenerator) -> Example
  /// An example of exactly `length` (for evaluation beyond the training range).
  func sample(length: Int, using generator: inout some RandomNumberGenerator) -> Example
}

extension RandomNumberGenerator {
  /// A uniform whole number in `range`.
  public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
    range.lowerBound + Int(next(upperBound: UInt64(range.upperBound - range.lowerBound) + 1))
  }

  /// A random bit, 0 or 1, each with probability ½ (the top bit of one draw).
  public mutating func nextBit() -> Double {
    Double(next() >> 63)
  }
}
