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
    let p = slots(p)
    let gradient = slots(d)
    let hiddenSize = controller.outputSize
    let memorySize = rows * width
    // Nothing flows back from beyond the last step.
    let memoryGradient = tape.memoryGradient
    memoryGradient.update(repeating: 0, count: memorySize)
    for k in heads.indices { tape.weightingGradient(k).update(repeating: 0, count: rows) }
    tape.readGradientCarry.update(repeating: 0, count: readHeadCount * width)
    network.beginBackward(scratch: tape.controllerScratch)

    for t in stride(from: tape.steps - 1, through: 0, by: -1) {
      let memory = UnsafePointer(tape.memory(before: t))

      // Output layer: ∂[h_t ; r_t], where ∂r_t also holds what step t + 1's controller sent.
      let outputInputGradient = tape.outputInputGradient
      outputInputGradient.update(repeating: 0, count: hiddenSize)
      (outputInputGradient + hiddenSize).update(from: tape.readGradientCarry, count: readHeadCount * width)
      Linear.backward(
        weights: p.outputWeights, input: tape.outputInput(t),
        outputGradient: logitGradient + t * outputSize, inputs: outputLayerInputs, outputs: outputSize,
        addingInto: outputInputGradient, weightsGradient: gradient.outputWeights,
        biasGradient: gradient.outputBias)

      // Writes, last first: ∂M before each write from ∂M after it, in place.
      for k in heads.indices { tape.emittedGradient(k).update(repeating: 0, count: heads[k].emittedCount) }
      for j in stride(from: heads.count - readHeadCount - 1, through: 0, by: -1) {
        let k = readHeadCount + j
        heads[k].backwardWrite(
          memory: tape.memory(beforeWrite: j, step: t), record: tape.headRecord(k, step: t),
          outputGradient: memoryGradient, into: memoryGradient,
          weightingGradient: tape.weightingGradient(k), emittedGradient: tape.emittedGradient(k))
      }
      // Now `memoryGradient` is (the start of) ∂M_{t−1}. Reads from M_{t−1}:
      for k in 0..<readHeadCount {
        heads[k].backwardRead(
          memory: memory, record: tape.headRecord(k, step: t), readGradient: outputInputGradient + hiddenSize + k * width,
          addingInto: memoryGradient, weightingGradient: tape.weightingGradient(k))
      }
      // Addressing, activations and each head's linear layer.
      let hidden = UnsafePointer(tape.controllerRecord(t) + controller.outputOffset)
      for (k, head) in heads.enumerated() {
        let previousWeightingGradient = tape.previousWeightingGradient(k)
        previousWeightingGradient.update(repeating: 0, count: rows)
        head.backward(
          parameters: p.head(k), controllerOutput: hidden, memory: memory,
          rowNorms: tape.rowNorms(t), previousWeighting: previousWeighting(k, before: t),
          record: tape.headRecord(k, step: t),
          weightingGradient: tape.weightingGradient(k), emittedGradient: tape.emittedGradient(k),
          scratch: tape.headScratch, addingInto: gradient.head(k),
          controllerOutputGradient: outputInputGradient, memoryGradient: memoryGradient,
          previousWeightingGradient: previousWeightingGradient)
        // ∂w_{t−1} is the next (earlier) step's ∂w_t.
        if fault == .dropWeightingThroughTime { previousWeightingGradient.update(repeating: 0, count: rows) }
        tape.weightingGradient(k).update(from: previousWeightingGradient, count: rows)
      }

      // Controller: ∂[x_t ; r_{t−1}]; keep ∂r_{t−1} for step t − 1.
      let controllerInputGradient = tape.controllerInputGradient
      controllerInputGradient.update(repeating: 0, count: controller.inputSize)
      network.backward(
        parameters: p.controller, input: tape.controllerInput(t),
        previous: t == 0 ? nil : UnsafePointer(tape.controllerRecord(t - 1)),
        record: tape.controllerRecord(t), outputGradient: outputInputGradient,
        scratch: tape.controllerScratch, addingInto: gradient.controller,
        inputGradient: controllerInputGradient)
      tape.readGradientCarry.update(from: controllerInputGradient + inputSize, count: readHeadCount * width)
    }

    // The learned initial state.
    for k in heads.indices {
      Softmax.backward(
        output: tape.initialWeighting(k), outputGradient: tape.weightingGradient(k), count: rows,
        addingInto: gradient.initialWeighting(k))
    }
    for k in 0..<readHeadCount {
      let read = tape.initialRead(k, width: width)
      let readGradient = tape.readGradientCarry + k * width
      let bias = gradient.initialRead(k)
      for j in 0..<width { bias[j] += (1 - read[j] * read[j]) * readGradient[j] }
    }
    if let initialMemory = gradient.initialMemory {
      for i in 0..<memorySize { initialMemory[i] += memoryGradient[i] }
    }
  }
}
