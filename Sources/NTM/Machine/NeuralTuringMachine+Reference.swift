/// The reference machine, forward: the whole sequence on arrays, one step after another, each
/// line one equation of the paper through a stage's `forward`. Read it next to the paper (and
/// next to `NeuralTuringMachine`'s step order); `forward(_:)`, the tape machine, computes the
/// same numbers with allocation-free kernels, and the tests hold the two equal.
extension NeuralTuringMachine {
  /// What one step of the reference forward computed: the caches of its stages, everything its
  /// backward reads.
  public struct ReferenceStep: Equatable, Sendable {
    /// The controller's input `[x_t ; r_{t−1}]`.
    public var controllerInput: [Double]
    /// The controller's record of the step; its `h_t` is `controller.output(of:)` it.
    public var controllerRecord: [Double]
    /// Per head, in head order: its parameters and its addressing.
    public var heads: [ReferenceHeadStep]
    /// Per read head, its read of `M_{t−1}`.
    public var reads: [Read.Cache]
    /// Per write head, its write: on `M_{t−1}` for the first, then on what the one before left.
    public var writes: [Write.Cache]
    /// The output layer `y_t = W_y [h_t ; r_t] + b_y`.
    public var outputLayer: Linear.Cache
  }

  /// What one head did at one step of the reference forward.
  public struct ReferenceHeadStep: Equatable, Sendable {
    /// Its linear layer `z = W_head h_t + b_head`.
    public var layer: Linear.Cache
    /// The raw linear output `z`.
    public var raw: [Double]
    /// `(k, β, g, s, γ, e, a)` after the activations.
    public var parameters: HeadParameters
    /// The four addressing stages on `M_{t−1}` and `w_{t−1}`; `.trace` holds every weighting,
    /// `.trace.weighting` is `w_t`.
    public var addressing: Addressing.Cache
  }

  /// What the reference forward keeps for its backward: the initial state and every step.
  public struct ReferenceCache: Equatable, Sendable {
    /// `w_0 = softmax(bias)` per head.
    public var initialWeightings: [Softmax.Cache]
    /// `r_0 = tanh(bias)` per read head.
    public var initialReads: [ActivationCache]
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
    let initialWeightings = layout.initialWeightings.map { Softmax.forward(.init(scores: slice($0, rows))) }
    let initialReads = layout.initialReads.map { Tanh.forward(.init(x: slice($0, width))) }
    var weightings = initialWeightings.map(\.output)
    var reads = initialReads.map(\.output)
    var memory = referenceInitialMemory()
    var cache = ReferenceCache(
      initialWeightings: initialWeightings.map(\.cache), initialReads: initialReads.map(\.cache),
      initialMemory: memory, steps: [])
    var logits = Matrix(rows: inputs.rows, columns: outputSize)

    for t in 0..<inputs.rows {
      // h_t = controller([x_t ; r_{t−1}]).
      let controllerInput = inputs.row(t) + reads.joined()
      let record = controller.forward(
        parameters: controllerParameters, input: controllerInput, previous: cache.steps.last?.controllerRecord)
      let hidden = controller.output(of: record)

      // Every head: z = W h + b, its parameters, and w_t = address(M_{t−1}, w_{t−1}).
      var headSteps: [ReferenceHeadStep] = []
      for (k, head) in heads.enumerated() {
        let (raw, layer) = Linear.forward(.init(weights: headWeights(k), bias: headBias(k), input: hidden))
        let parameters = HeadActivations.forward(layout: head.layout, raw: raw)
        let (weighting, addressing) = Addressing.forward(
          .init(memory: memory, previousWeighting: weightings[k], parameters: parameters.addressing))
        weightings[k] = weighting
        headSteps.append(ReferenceHeadStep(layer: layer, raw: raw, parameters: parameters, addressing: addressing))
      }
      // Read heads: r_t = Σ_i w_t(i) M_{t−1}(i).
      let readings = (0..<readHeadCount).map { Read.forward(.init(memory: memory, weighting: weightings[$0])) }
      reads = readings.map(\.output)
      // Write heads, in head order: M ← M ⊙ (1 − w e) + w a.
      var writes: [Write.Cache] = []
      for k in readHeadCount..<heads.count {
        let (erase, add) = (headSteps[k].parameters.erase, headSteps[k].parameters.add)
        let write = Write.forward(.init(memory: memory, weighting: weightings[k], erase: erase, add: add))
        memory = write.output
        writes.append(write.cache)
      }
      // y_t = W_y [h_t ; r_t] + b_y.
      let (y, outputLayer) = Linear.forward(.init(weights: outputWeights, bias: outputBias, input: hidden + reads.joined()))
      logits.setRow(t, to: y)

      cache.steps.append(
        ReferenceStep(
          controllerInput: controllerInput, controllerRecord: record, heads: headSteps,
          reads: readings.map(\.cache), writes: writes, outputLayer: outputLayer))
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
  /// `b_y`.
  var outputBias: [Double] { slice(layout.outputBias, outputSize) }
  /// The controller's parameters.
  var controllerParameters: [Double] { slice(layout.controller, controller.parameterCount) }
}
