/// Backpropagation through time: the forward steps visited last to first, each stage's
/// backward in the reverse of its forward order, with the gradients that flow to the step
/// before carried in the tape:
/// ```
/// ∂M_{t−1}  ← writes (pass-through), reads and content addressing at step t
/// ∂w_{t−1}  ← each head's interpolation at step t
/// ∂r_{t−1}  ← the controller's input at step t
/// (LSTM) ∂h_{t−1}, ∂c_{t−1} ← the controller at step t
/// ```
/// At the first step these reach the learned initial state.
extension NeuralTuringMachine {
  /// A mistake the backward pass can be told to make, so a test can show that the gradient
  /// check notices a single dropped term.
  enum BackwardFault: Sendable {
    /// Forget `∂w_{t−1}`: the path from one step's weighting to the next step's interpolation.
    case dropWeightingThroughTime
  }

  /// Adds `∂L/∂parameters` into `gradient`, given `∂L/∂logits` (T × `outputSize`) of the
  /// last `forward`.
  /// - Precondition: `logitGradient` has the last forward's shape; `gradient.count ==
  ///   parameters.count`.
  public mutating func backward(logitGradient: Matrix, addingInto gradient: inout [Double]) {
    require(
      logitGradient.rows == tape.steps && logitGradient.columns == outputSize,
      "Logit gradient \(logitGradient.shapeDescription) does not match the last forward pass: \(tape.steps) steps × \(outputSize) outputs")
    requireLength(gradient.count, parameters.count, "Gradient of the machine's parameters")
    if !isKnownUniquelyReferenced(&tape) { tape = tape.copy() }
    parameters.withUnsafeBufferPointer { p in
      logitGradient.scalars.withUnsafeBufferPointer { g in
        gradient.withUnsafeMutableBufferPointer { d in
          backwardThroughTime(parameters: p.baseAddress!, logitGradient: g.baseAddress!, addingInto: d.baseAddress!)
        }
      }
    }
  }

  func backwardThroughTime(
    parameters p: UnsafePointer<Double>, logitGradient: UnsafePointer<Double>,
    addingInto d: UnsafeMutablePointer<Double>
  ) {
    let l = tape.layout
    let s = tape.state
    let hiddenSize = controller.outputSize
    let memorySize = rows * width
    // Nothing flows back from beyond the last step.
    let memoryGradient = s + l.memoryGradient
    memoryGradient.update(repeating: 0, count: memorySize)
    for offset in l.weightingGradients { (s + offset).update(repeating: 0, count: rows) }
    (s + l.readGradientCarry).update(repeating: 0, count: readHeadCount * width)
    controller.beginBackward(scratch: s + l.controllerScratch)

    for t in stride(from: tape.steps - 1, through: 0, by: -1) {
      let record = tape.record(t)
      let memory = UnsafePointer(tape.memory(before: t))

      // Output layer: ∂[h_t ; r_t], where ∂r_t also holds what step t + 1's controller sent.
      let outputInputGradient = s + l.outputInputGradient
      outputInputGradient.update(repeating: 0, count: hiddenSize)
      (outputInputGradient + hiddenSize).update(from: s + l.readGradientCarry, count: readHeadCount * width)
      Linear.backward(
        weights: p + layout.outputWeights, input: record + l.outputInput,
        outputGradient: logitGradient + t * outputSize, inputs: outputLayerInputs, outputs: outputSize,
        addingInto: outputInputGradient, weightsGradient: d + layout.outputWeights,
        biasGradient: d + layout.outputBias)

      // Writes, last first: ∂M before each write from ∂M after it, in place.
      for k in heads.indices { (s + l.emittedGradients[k]).update(repeating: 0, count: heads[k].emittedCount) }
      for j in stride(from: heads.count - readHeadCount - 1, through: 0, by: -1) {
        let k = readHeadCount + j
        heads[k].backwardWrite(
          memory: tape.memory(t * l.writeHeads + j), record: record + l.heads[k],
          outputGradient: memoryGradient, into: memoryGradient,
          weightingGradient: s + l.weightingGradients[k], emittedGradient: s + l.emittedGradients[k])
      }
      // Now `memoryGradient` is (the start of) ∂M_{t−1}. Reads from M_{t−1}:
      for k in 0..<readHeadCount {
        heads[k].backwardRead(
          memory: memory, record: record + l.heads[k], readGradient: outputInputGradient + hiddenSize + k * width,
          addingInto: memoryGradient, weightingGradient: s + l.weightingGradients[k])
      }
      // Addressing, activations and each head's linear layer.
      let hidden = UnsafePointer(record + l.controllerRecord + controller.outputOffset)
      for (k, head) in heads.enumerated() {
        let previousWeightingGradient = s + l.previousWeightingGradients[k]
        previousWeightingGradient.update(repeating: 0, count: rows)
        head.backward(
          parameters: p + layout.heads[k], controllerOutput: hidden, memory: memory,
          rowNorms: record + l.rowNorms, previousWeighting: previousWeighting(k, before: t), record: record + l.heads[k],
          weightingGradient: s + l.weightingGradients[k], emittedGradient: s + l.emittedGradients[k],
          scratch: s + l.headScratch, addingInto: d + layout.heads[k],
          controllerOutputGradient: outputInputGradient, memoryGradient: memoryGradient,
          previousWeightingGradient: previousWeightingGradient)
        // ∂w_{t−1} is the next (earlier) step's ∂w_t.
        if fault == .dropWeightingThroughTime { previousWeightingGradient.update(repeating: 0, count: rows) }
        (s + l.weightingGradients[k]).update(from: previousWeightingGradient, count: rows)
      }

      // Controller: ∂[x_t ; r_{t−1}]; keep ∂r_{t−1} for step t − 1.
      let controllerInputGradient = s + l.controllerInputGradient
      controllerInputGradient.update(repeating: 0, count: controller.inputSize)
      controller.backward(
        parameters: p + layout.controller, input: record + l.controllerInput,
        previous: t == 0 ? nil : UnsafePointer(tape.record(t - 1) + l.controllerRecord),
        record: record + l.controllerRecord, outputGradient: outputInputGradient,
        scratch: s + l.controllerScratch, addingInto: d + layout.controller,
        inputGradient: controllerInputGradient)
      (s + l.readGradientCarry).update(from: controllerInputGradient + inputSize, count: readHeadCount * width)
    }

    // The learned initial state.
    for (k, offset) in layout.initialWeightings.enumerated() {
      Softmax.backward(
        output: s + l.initialWeightings[k], outputGradient: s + l.weightingGradients[k], count: rows,
        addingInto: d + offset)
    }
    for (k, offset) in layout.initialReads.enumerated() {
      let read = s + l.initialReads + k * width
      let readGradient = s + l.readGradientCarry + k * width
      for j in 0..<width { d[offset + j] += (1 - read[j] * read[j]) * readGradient[j] }
    }
    if let offset = layout.initialMemory {
      for i in 0..<memorySize { d[offset + i] += memoryGradient[i] }
    }
  }
}
