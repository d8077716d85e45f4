/// The reference machine, forward: the whole sequence on arrays, one step after another, each
/// line one equation of the paper through a stage's array form. Read it next to the paper (and
/// next to `NeuralTuringMachine`'s step order); `forward(_:)`, the tape machine, computes the
/// same numbers with allocation-free kernels, and the tests hold the two equal.
extension NeuralTuringMachine {
  /// What one step of the reference forward computed: everything its backward reads.
  public struct ReferenceStep: Equatable, Sendable {
    /// The controller's input `[x_t ; r_{t−1}]`.
    public var controllerInput: [Double]
    /// The controller's record of the step (its `h_t` is `controllerOutput`).
    public var controllerRecord: [Double]
    /// `h_t`.
    public var controllerOutput: [Double]
    /// `M_{t−1}`, the memory every head addresses and the read heads read.
    public var memory: Matrix
    /// Per head, the raw linear output `z = W_head h_t + b_head`.
    public var raw: [[Double]]
    /// Per head, `(k, β, g, s, γ, e, a)` after the activations.
    public var parameters: [HeadParameters]
    /// Per head, `w_{t−1}`.
    public var previousWeightings: [[Double]]
    /// Per head, every weighting of the four stages; `.weighting` is `w_t`.
    public var addressing: [Addressing.Trace]
    /// Per read head, `r_t`.
    public var reads: [[Double]]
    /// Per write head, the memory it wrote on: `M_{t−1}` for the first, then what the one
    /// before left.
    public var writtenMemories: [Matrix]
    /// The output layer's input `[h_t ; r_t]`.
    public var outputInput: [Double]
  }

  /// What the reference forward keeps for its backward: the initial state and every step.
  public struct ReferenceCache: Equatable, Sendable {
    /// `w_0 = softmax(bias)` per head.
    public var initialWeightings: [[Double]]
    /// `r_0 = tanh(bias)` per read head.
    public var initialReads: [[Double]]
    /// `M_0`.
    public var initialMemory: Matrix
    /// Step `t` at index `t`.
    public var steps: [ReferenceStep]
  }

  /// The reference forward: runs `inputs` (T × `inputSize`) from the initial state and
  /// returns the output logits (T × `outputSize`) and the cache `referenceBackward` reads.
  ///
  /// The same logits as `forward(_:)`, with plain arrays in place of the tape. A `.random`
  /// initial memory is drawn from a copy of `memoryGenerator`: the memory the next
  /// `forward(_:)` would draw; the machine itself is left as it is.
  /// - Precondition: `inputs.columns == inputSize`.
  public func referenceForward(_ inputs: Matrix) -> (logits: Matrix, cache: ReferenceCache) {
    require(
      inputs.columns == inputSize,
      "Input sequence \(inputs.shapeDescription) does not match a machine with \(inputSize) inputs per step")
    // Initial state: w_0 = softmax(bias), r_0 = tanh(bias), M_0.
    var weightings = layout.initialWeightings.map { Softmax.forward(slice($0, rows)) }
    var reads = layout.initialReads.map { Activation.tanh.forward(slice($0, width)) }
    var memory = referenceInitialMemory()
    var cache = ReferenceCache(initialWeightings: weightings, initialReads: reads, initialMemory: memory, steps: [])
    var logits = Matrix(rows: inputs.rows, columns: outputSize)
    var controllerRecord: [Double]?

    for t in 0..<inputs.rows {
      // h_t = controller([x_t ; r_{t−1}]).
      let controllerInput = inputs.row(t) + reads.joined()
      let record = controller.forward(
        parameters: slice(layout.controller, controller.parameterCount), input: controllerInput,
        previous: controllerRecord)
      let hidden = controller.output(of: record)
      controllerRecord = record

      // Every head: z = W h + b, its parameters, and w_t = address(M_{t−1}, w_{t−1}).
      var step = ReferenceStep(
        controllerInput: controllerInput, controllerRecord: record, controllerOutput: hidden, memory: memory,
        raw: [], parameters: [], previousWeightings: weightings, addressing: [], reads: [],
        writtenMemories: [], outputInput: [])
      for (k, head) in heads.enumerated() {
        let raw = Linear.forward(weights: headWeights(k), bias: headBias(k), input: hidden)
        let parameters = HeadActivations.forward(layout: head.layout, raw: raw)
        step.raw.append(raw)
        step.parameters.append(parameters)
        step.addressing.append(
          Addressing.forward(memory: memory, previousWeighting: weightings[k], parameters: parameters.addressing))
      }
      weightings = step.addressing.map(\.weighting)
      // Read heads: r_t = Σ_i w_t(i) M_{t−1}(i).
      reads = (0..<readHeadCount).map { Read.forward(memory: memory, weighting: weightings[$0]) }
      step.reads = reads
      // Write heads, in head order: M ← M ⊙ (1 − w e) + w a.
      for k in readHeadCount..<heads.count {
        step.writtenMemories.append(memory)
        memory = Write.forward(
          memory: memory, weighting: weightings[k], erase: step.parameters[k].erase, add: step.parameters[k].add)
      }
      // y_t = W_y [h_t ; r_t] + b_y.
      step.outputInput = hidden + reads.joined()
      logits.setRow(t, to: Linear.forward(weights: outputWeights, bias: slice(layout.outputBias, outputSize), input: step.outputInput))
      cache.steps.append(step)
    }
    return (logits, cache)
  }

  /// `M_0` as `forward(_:)` sets it.
  func referenceInitialMemory() -> Matrix {
    switch configuration.memoryInitialisation {
    case .constant:
      return Matrix(rows: rows, columns: width, repeating: MachineConfiguration.constantMemoryValue)
    case .learned:
      return Matrix(rows: rows, columns: width, scalars: slice(layout.initialMemory!, rows * width))
    case .random:
      var generator = memoryGenerator
      return Matrix(
        rows: rows, columns: width,
        scalars: (0..<(rows * width)).map { _ in Self.randomMemoryStandardDeviation * generator.nextNormal() })
    }
  }

  // MARK: Named slices of the flat parameter vector

  /// `parameters[offset ..< offset + count]`.
  func slice(_ offset: Int, _ count: Int) -> [Double] { Array(parameters[offset..<(offset + count)]) }
  /// `W_head` of head `k`: emitted × controller output.
  func headWeights(_ k: Int) -> Matrix {
    Matrix(rows: heads[k].emittedCount, columns: heads[k].controllerSize, scalars: slice(layout.heads[k], heads[k].biasOffset))
  }
  /// `b_head` of head `k`.
  func headBias(_ k: Int) -> [Double] { slice(layout.heads[k] + heads[k].biasOffset, heads[k].emittedCount) }
  /// `W_y`: outputs × `[h_t ; r_t]`.
  var outputWeights: Matrix {
    Matrix(rows: outputSize, columns: outputLayerInputs, scalars: slice(layout.outputWeights, outputSize * outputLayerInputs))
  }
}
