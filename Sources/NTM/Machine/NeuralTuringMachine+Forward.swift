/// The forward pass over a whole sequence (in the step order `NeuralTuringMachine` documents), saving in the tape what
/// backpropagation through time needs.
extension NeuralTuringMachine {
  /// Runs `inputs` (T × `inputSize`) from the initial state and returns the output logits
  /// (T × `outputSize`). The outputs are their sigmoids; the loss works on the logits.
  /// - Precondition: `inputs.columns == inputSize`.
  public mutating func forward(_ inputs: Matrix) -> Matrix {
    require(
      inputs.columns == inputSize,
      "Input sequence \(inputs.shapeDescription) does not match a machine with \(inputSize) inputs per step")
    if !isKnownUniquelyReferenced(&tape) { tape = MachineTape(layout: tape.layout) }
    tape.reserve(steps: inputs.rows)
    tape.steps = inputs.rows
    if configuration.memoryInitialisation == .random { drawInitialMemory() }
    var logits = Matrix(rows: inputs.rows, columns: outputSize)
    parameters.withUnsafeBufferPointer { p in
      inputs.scalars.withUnsafeBufferPointer { x in
        logits.scalars.withUnsafeMutableBufferPointer { y in
          prepareInitialState(parameters: p.baseAddress!)
          for t in 0..<inputs.rows {
            step(t, parameters: p.baseAddress!, input: x.baseAddress! + t * inputSize, logits: y.baseAddress! + t * outputSize)
          }
        }
      }
    }
    return logits
  }

  /// `M_0` for `.random`: fresh normal entries from the machine's own generator.
  mutating func drawInitialMemory() {
    let memory = tape.memory(0)
    for i in 0..<(rows * width) { memory[i] = Self.randomMemoryStandardDeviation * memoryGenerator.nextNormal() }
  }

  /// `w_0 = softmax(bias)` per head, `r_0 = tanh(bias)` per read head, and `M_0` unless random.
  func prepareInitialState(parameters p: UnsafePointer<Double>) {
    let p = slots(p)
    for head in heads.indices {
      Softmax.forward(p.initialWeighting(head), count: rows, into: tape.initialWeighting(head))
    }
    for head in 0..<readHeadCount {
      let read = tape.initialRead(head, width: width)
      for j in 0..<width { read[j] = Activation.tanh(p.initialRead(head)[j]) }
    }
    switch configuration.memoryInitialisation {
    case .constant: tape.memory(0).update(repeating: MachineConfiguration.constantMemoryValue, count: rows * width)
    case .learned: tape.memory(0).update(from: p.initialMemory!, count: rows * width)
    case .random: break
    }
  }

  /// `w_{t−1}` of head `index`: `w_0` at the first step, else the last step's weighting.
  @inline(__always)
  func previousWeighting(_ index: Int, before t: Int) -> UnsafeMutablePointer<Double> {
    t == 0 ? tape.initialWeighting(index) : tape.headRecord(index, step: t - 1) + heads[index].weightingOffset
  }

  /// `r_{t−1}` of read head `index`: `r_0` at the first step.
  @inline(__always)
  func previousRead(_ index: Int, before t: Int) -> UnsafeMutablePointer<Double> {
    t == 0 ? tape.initialRead(index, width: width) : tape.headRecord(index, step: t - 1) + heads[index].readOffset
  }

  /// One step: controller, addressing and reads on `M_{t−1}`, writes in head order, output.
  @inline(__always)
  func step(_ t: Int, parameters p: UnsafePointer<Double>, input x: UnsafePointer<Double>, logits: UnsafeMutablePointer<Double>) {
    let p = slots(p)
    let hiddenSize = controller.outputSize

    // The controller reads [x_t ; r_{t−1}].
    let controllerInput = tape.controllerInput(t)
    controllerInput.update(from: x, count: inputSize)
    for k in 0..<readHeadCount {
      (controllerInput + inputSize + k * width).update(from: previousRead(k, before: t), count: width)
    }
    network.forward(
      parameters: p.controller, input: controllerInput,
      previous: t == 0 ? nil : UnsafePointer(tape.controllerRecord(t - 1)),
      record: tape.controllerRecord(t))
    let hidden = UnsafePointer(tape.controllerRecord(t) + controller.outputOffset)

    // Every head addresses M_{t−1}; read heads read it.
    let memory = UnsafePointer(tape.memory(before: t))
    let rowNorms = tape.rowNorms(t)
    CosineSimilarity.rowNorms(memory: memory, rows: rows, width: width, into: rowNorms)
    for (k, head) in heads.enumerated() {
      head.forward(
        parameters: p.head(k), controllerOutput: hidden, memory: memory, rowNorms: rowNorms,
        previousWeighting: previousWeighting(k, before: t), record: tape.headRecord(k, step: t))
    }
    // Then the writes, in head order, each on what the one before left.
    for j in 0..<(heads.count - readHeadCount) {
      let k = readHeadCount + j
      heads[k].write(
        memory: tape.memory(beforeWrite: j, step: t), record: tape.headRecord(k, step: t),
        into: tape.memory(beforeWrite: j + 1, step: t))
    }

    // y_t = W_y [h_t ; r_t] + b_y.
    let outputInput = tape.outputInput(t)
    outputInput.update(from: hidden, count: hiddenSize)
    for k in 0..<readHeadCount {
      (outputInput + hiddenSize + k * width).update(from: tape.headRecord(k, step: t) + heads[k].readOffset, count: width)
    }
    Linear.forward(
      weights: p.outputWeights, bias: p.outputBias, input: outputInput,
      inputs: outputLayerInputs, outputs: outputSize, into: logits)
  }
}
