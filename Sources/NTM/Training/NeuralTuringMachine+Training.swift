/// What the trainer and checkpoints need of the machine beyond `SequenceModel`: names for its
/// parameters (for non-finite errors), and the random state it carries.
extension NeuralTuringMachine: ParameterNaming, RandomisedModel {
  /// The block holding `index` and the element's position in it, e.g.
  /// `read0.weights[3, 17]`.
  public func parameterName(at index: Int) -> String {
    ParameterBlock.name(of: index, in: parameterBlocks)
  }

  /// The generator that draws a random initial memory for each sequence.
  public var modelGenerator: SplitMix64 {
    get { memoryGenerator }
    set { memoryGenerator = newValue }
  }

  /// The memory generator when every sequence starts from a random memory; nil otherwise.
  public var forwardGenerator: SplitMix64? {
    get { configuration.memoryInitialisation == .random ? memoryGenerator : nil }
    set { if let newValue { memoryGenerator = newValue } }
  }

  /// Draws, and forgets, the `N × W` normal numbers of one random initial memory.
  public func skipForward(_ generator: inout SplitMix64) {
    guard configuration.memoryInitialisation == .random else { return }
    for _ in 0..<(rows * width) { _ = generator.nextNormal() }
  }
}
