/// The reference machine, backward: backpropagation through time on arrays, the steps of
/// `referenceForward` visited last to first and each stage's `backward` in the reverse of its
/// forward order, reading the cache its `forward` kept. What flows from step `t` to the step
/// before:
/// ```
/// ∂M_{t−1}  ← the writes (last first), the reads and the content addressing at step t
/// ∂w_{t−1}  ← each head's interpolation at step t
/// ∂r_{t−1}  ← the controller's input at step t
/// (LSTM) ∂h_{t−1}, ∂c_{t−1} ← the controller at step t, in its carry
/// ```
/// The tape machine's `backward(logitGradient:addingInto:)` computes the same gradient with
/// kernels; this is the form to read next to the paper.
extension NeuralTuringMachine {
  /// The reference backward: `∂L/∂parameters`, laid out like `parameters` (so it compares
  /// element by element with what `backward(logitGradient:addingInto:)` adds), given
  /// `∂L/∂logits` (T × `outputSize`) of the forward that returned `cache`.
  /// - Precondition: `logitGradient` has one row per cached step and `outputSize` columns.
  public func referenceBackward(_ cache: ReferenceCache, logitGradient: Matrix) -> [Double] {
    require(
      logitGradient.rows == cache.steps.count && logitGradient.columns == outputSize,
      "Logit gradient \(logitGradient.shapeDescription) does not match the forward pass: \(cache.steps.count) steps × \(outputSize) outputs"
    )
    let hiddenSize = controller.outputSize
    var gradient = [Double](repeating: 0, count: parameters.count)
    // Nothing flows back from beyond the last step.
    var memoryGradient = Matrix(rows: rows, columns: width)
    var weightingGradients = heads.map { _ in [Double](repeating: 0, count: rows) }
    var readGradients = (0..<readHeadCount).map { _ in [Double](repeating: 0, count: width) }
    var controllerCarry = controller.initialBackwardCarry()

    for t in cache.steps.indices.reversed() {
      let step = cache.steps[t]
      // y_t = W_y [h_t ; r_t] + b_y: ∂r_t adds to what step t + 1's controller sent back.
      let output = Linear.backward(logitGradient.row(t), step.outputLayer)
      add(output.weights.scalars, into: &gradient, at: layout.outputWeights)
      add(output.bias, into: &gradient, at: layout.outputBias)
      var hiddenGradient = Array(output.input[0..<hiddenSize])
      for k in 0..<readHeadCount {
        add(Array(output.input[(hiddenSize + k * width)..<(hiddenSize + (k + 1) * width)]), into: &readGradients[k], at: 0)
      }

      // The writes, last first: ∂M before each write from ∂M after it, and ∂w_t, ∂e, ∂a.
      var eraseGradients = heads.map { _ in [Double]() }
      var addGradients = heads.map { _ in [Double]() }
      for k in (readHeadCount..<heads.count).reversed() {
        let write = Write.backward(memoryGradient, step.writes[k - readHeadCount])
        memoryGradient = write.memory
        add(write.weighting, into: &weightingGradients[k], at: 0)
        (eraseGradients[k], addGradients[k]) = (write.erase, write.add)
      }
      // The reads from M_{t−1}.
      for k in 0..<readHeadCount {
        let read = Read.backward(readGradients[k], step.reads[k])
        add(read.memory.scalars, into: &memoryGradient.scalars, at: 0)
        add(read.weighting, into: &weightingGradients[k], at: 0)
      }
      // Every head: the four addressing stages, the activations, z = W_head h_t + b_head.
      for (k, head) in heads.enumerated() {
        let addressing = Addressing.backward(weightingGradients[k], step.heads[k].addressing)
        add(addressing.memory.scalars, into: &memoryGradient.scalars, at: 0)
        weightingGradients[k] = addressing.previousWeighting
        let rawGradient = HeadActivations.backward(
          layout: head.layout, raw: step.heads[k].raw,
          gradient: HeadParameters(addressing: addressing.parameters, erase: eraseGradients[k], add: addGradients[k]))
        let layer = Linear.backward(rawGradient, step.heads[k].layer)
        add(layer.weights.scalars, into: &gradient, at: layout.heads[k])
        add(layer.bias, into: &gradient, at: layout.heads[k] + head.biasOffset)
        add(layer.input, into: &hiddenGradient, at: 0)
      }
      // h_t = controller([x_t ; r_{t−1}]): its input gradient holds ∂r_{t−1}.
      let controllerGradient = controller.backward(
        parameters: controllerParameters, input: step.controllerInput,
        previous: t == 0 ? nil : cache.steps[t - 1].controllerRecord, record: step.controllerRecord,
        outputGradient: hiddenGradient, carry: &controllerCarry)
      add(controllerGradient.parameters, into: &gradient, at: layout.controller)
      readGradients = (0..<readHeadCount).map { k in
        Array(controllerGradient.input[(inputSize + k * width)..<(inputSize + (k + 1) * width)])
      }
    }

    // The learned initial state: w_0 = softmax(bias), r_0 = tanh(bias), a learned M_0.
    for (k, offset) in layout.initialWeightings.enumerated() {
      add(Softmax.backward(weightingGradients[k], cache.initialWeightings[k]).scores, into: &gradient, at: offset)
    }
    for (k, offset) in layout.initialReads.enumerated() {
      add(Tanh.backward(readGradients[k], cache.initialReads[k]).x, into: &gradient, at: offset)
    }
    if let offset = layout.initialMemory { add(memoryGradient.scalars, into: &gradient, at: offset) }
    return gradient
  }

  /// The reference machine end to end: the logits of `inputs`, the sigmoid cross-entropy
  /// loss against `targets` over the steps `mask` selects, and its gradient for every
  /// parameter (laid out like `parameters`).
  /// - Precondition: `inputs.columns == inputSize`; `targets` is T × `outputSize`;
  ///   `mask.count == T`.
  public func reference(inputs: Matrix, targets: Matrix, mask: [Double]) -> (logits: Matrix, loss: Double, gradient: [Double]) {
    let (logits, cache) = referenceForward(inputs)
    let loss = SigmoidCrossEntropy.forward(logits: logits, targets: targets, mask: mask)
    let logitGradient = SigmoidCrossEntropy.backward(logits: logits, targets: targets, mask: mask)
    return (logits, loss, referenceBackward(cache, logitGradient: logitGradient))
  }
}

/// `total[offset + i] += values[i]` for every `i`: gradients add up where paths meet.
private func add(_ values: [Double], into total: inout [Double], at offset: Int) {
  for i in values.indices { total[offset + i] += values[i] }
}
