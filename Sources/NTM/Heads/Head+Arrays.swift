/// The head's step on arrays: for tests, the playground and anyone who wants to call one
/// head on numbers typed by hand. Each call checks shapes and allocates its results.
extension Head {
  /// Everything one forward step produced.
  public struct Step: Equatable, Sendable {
    /// The step's record, as `forward(parameters:…record:)` fills it.
    public var record: [Double]
    /// The emitted parameters after their activations.
    public var parameters: HeadParameters
    /// Every intermediate weighting of the addressing.
    public var trace: Addressing.Trace
    /// The read vector `r_t` (read heads; empty for a write head).
    public var readVector: [Double]
    /// The memory after the write (write heads; the memory unchanged for a read head).
    public var memory: Matrix

    /// The final weighting `w_t`.
    public var weighting: [Double] { trace.weighting }
  }

  /// The gradients of every input of a step.
  public struct Gradients: Equatable, Sendable {
    /// `∂L/∂` the head's parameters (weights then bias).
    public var parameters: [Double]
    public var controllerOutput: [Double]
    /// `∂L/∂M_{t−1}`.
    public var memory: Matrix
    public var previousWeighting: [Double]
  }

  func checkShapes(parameters: [Double], controllerOutput: [Double], memory: Matrix, previousWeighting: [Double]) {
    requireLength(parameters.count, parameterCount, "Parameters of a \(kind) head")
    requireLength(controllerOutput.count, controllerSize, "Controller output feeding a head")
    require(
      memory.rows == rows && memory.columns == width,
      "Memory \(memory.shapeDescription) does not match a head built for \(rows) × \(width)")
    requireLength(previousWeighting.count, rows, "Previous weighting")
  }

  /// One step: emit, address `memory` from `previousWeighting`, then read or write.
  public func forward(
    parameters: [Double], controllerOutput: [Double], memory: Matrix, previousWeighting: [Double]
  ) -> Step {
    checkShapes(parameters: parameters, controllerOutput: controllerOutput, memory: memory, previousWeighting: previousWeighting)
    var record = [Double](repeating: 0, count: recordSize)
    let norms = CosineSimilarity.rowNorms(memory)
    forward(
      parameters: parameters, controllerOutput: controllerOutput, memory: memory.scalars,
      rowNorms: norms, previousWeighting: previousWeighting, record: &record)
    var written = memory
    if kind == .write { write(memory: memory.scalars, record: record, into: &written.scalars) }
    func slice(_ offset: Int) -> [Double] { Array(record[offset..<(offset + rows)]) }
    return Step(
      record: record,
      parameters: HeadParameters(emitted: Array(record[emittedOffset..<(emittedOffset + emittedCount)]), layout: layout),
      trace: Addressing.Trace(
        similarity: slice(similarityOffset), content: slice(contentOffset),
        interpolated: slice(interpolatedOffset), shifted: slice(shiftedOffset),
        weighting: slice(weightingOffset)),
      readVector: kind == .read ? Array(record[readOffset..<(readOffset + width)]) : [],
      memory: written)
  }

  /// Backward of one step.
  /// - Parameters:
  ///   - parameters: the head's parameters, as in the forward pass.
  ///   - controllerOutput: `h_t`, as in the forward pass.
  ///   - memory: the memory the head addressed, `M_{t−1}`.
  ///   - previousWeighting: `w_{t−1}`.
  ///   - step: what the forward pass returned.
  ///   - outputGradient: `∂L/∂r_t` (W numbers) for a read head; `∂L/∂M` after the write
  ///     (N × W numbers) for a write head.
  ///   - weightingGradient: `∂L/∂w_t` from outside the step (the next step's interpolation);
  ///     zeros when empty.
  public func backward(
    parameters: [Double], controllerOutput: [Double], memory: Matrix, previousWeighting: [Double],
    step: Step, outputGradient: [Double], weightingGradient: [Double] = []
  ) -> Gradients {
    checkShapes(parameters: parameters, controllerOutput: controllerOutput, memory: memory, previousWeighting: previousWeighting)
    requireLength(step.record.count, recordSize, "Step record")
    requireLength(outputGradient.count, kind == .read ? width : rows * width, "Gradient of a \(kind) head's output")
    var totalWeightingGradient = weightingGradient.isEmpty ? [Double](repeating: 0, count: rows) : weightingGradient
    requireLength(totalWeightingGradient.count, rows, "Weighting gradient")
    var gradients = Gradients(
      parameters: [Double](repeating: 0, count: parameterCount),
      controllerOutput: [Double](repeating: 0, count: controllerSize),
      memory: Matrix(rows: rows, columns: width),
      previousWeighting: [Double](repeating: 0, count: rows))
    var emittedGradient = [Double](repeating: 0, count: emittedCount)
    if kind == .read {
      backwardRead(
        memory: memory.scalars, record: step.record, readGradient: outputGradient,
        addingInto: &gradients.memory.scalars, weightingGradient: &totalWeightingGradient)
    } else {
      backwardWrite(
        memory: memory.scalars, record: step.record, outputGradient: outputGradient,
        into: &gradients.memory.scalars, weightingGradient: &totalWeightingGradient,
        emittedGradient: &emittedGradient)
    }
    var scratch = [Double](repeating: 0, count: scratchSize)
    backward(
      parameters: parameters, controllerOutput: controllerOutput, memory: memory.scalars,
      rowNorms: CosineSimilarity.rowNorms(memory), previousWeighting: previousWeighting, record: step.record,
      weightingGradient: totalWeightingGradient, emittedGradient: &emittedGradient,
      scratch: &scratch, addingInto: &gradients.parameters,
      controllerOutputGradient: &gradients.controllerOutput,
      memoryGradient: &gradients.memory.scalars,
      previousWeightingGradient: &gradients.previousWeighting)
    return gradients
  }
}
