/// One head's step, forward and backward, on pointers into caller-owned buffers.
///
/// Forward: emit and activate the parameters, address `M_{t−1}` in four stages, and (read
/// heads) read. Writing is a separate call, because the machine first lets every head
/// address the same `M_{t−1}` and only then applies the writes in head order.
///
/// The stages are the core's kernels (`Linear`, `ContentAddressing`, `Interpolation`,
/// `Shift`, `Sharpening`, `Read`, `Write`), the same ones the array functions and the
/// gradient checks run.
extension Head {
  /// Kernel: runs the linear layer, the activations and the four addressing stages, and for
  /// a read head the read; fills `record`.
  /// - Parameters:
  ///   - parameters: the head's `parameterCount` parameters.
  ///   - controllerOutput: `h_t`, `controllerSize` numbers.
  ///   - memory: `M_{t−1}`, `rows × width`.
  ///   - rowNorms: `‖M_{t−1}(i)‖` per row (shared by every head addressing `M_{t−1}`).
  ///   - previousWeighting: `w_{t−1}`, `rows` numbers.
  ///   - record: `recordSize` numbers, overwritten.
  @inline(__always)
  func forward(
    parameters: UnsafePointer<Double>, controllerOutput: UnsafePointer<Double>,
    memory: UnsafePointer<Double>, rowNorms: UnsafePointer<Double>,
    previousWeighting: UnsafePointer<Double>, record: UnsafeMutablePointer<Double>
  ) {
    let raw = record + rawOffset
    let emitted = record + emittedOffset
    Linear.forward(
      weights: parameters, bias: parameters + biasOffset, input: controllerOutput,
      inputs: controllerSize, outputs: emittedCount, into: raw)
    HeadActivations.forward(layout: layout, raw: raw, into: emitted)
    ContentAddressing.forward(
      key: emitted + layout.key.lowerBound, memory: memory, rowNorms: rowNorms, rows: rows,
      width: width, keyStrength: emitted[layout.keyStrength], similarity: record + similarityOffset,
      into: record + contentOffset)
    Interpolation.forward(
      content: record + contentOffset, previous: previousWeighting, gate: emitted[layout.gate],
      count: rows, into: record + interpolatedOffset)
    Shift.forward(
      record + interpolatedOffset, count: rows,
      shiftWeighting: emitted + layout.shiftWeighting.lowerBound, range: layout.shiftRange,
      into: record + shiftedOffset)
    Sharpening.forward(
      record + shiftedOffset, count: rows, sharpening: emitted[layout.sharpening],
      logs: record + logShiftedOffset, into: record + weightingOffset)
    if kind == .read {
      Read.forward(
        memory: memory, rows: rows, width: width, weighting: record + weightingOffset,
        into: record + readOffset)
    }
  }

  /// Kernel: a write head's erase-then-add on `memory`, into `output` (which may be `memory`).
  @inline(__always)
  func write(
    memory: UnsafePointer<Double>, record: UnsafePointer<Double>,
    into output: UnsafeMutablePointer<Double>
  ) {
    let emitted = record + emittedOffset
    Write.forward(
      memory: memory, rows: rows, width: width, weighting: record + weightingOffset,
      erase: emitted + layout.erase.lowerBound, add: emitted + layout.add.lowerBound, into: output)
  }

  /// Kernel: backward of `write`. Given `∂L/∂M` after the write, writes `∂L/∂M` before it into
  /// `memoryGradient` (which may be `outputGradient` itself, in place), and adds `∂L/∂w_t` into
  /// `weightingGradient` and `∂L/∂e`, `∂L/∂a` into their slots of `emittedGradient`.
  @inline(__always)
  func backwardWrite(
    memory: UnsafePointer<Double>, record: UnsafePointer<Double>,
    outputGradient: UnsafePointer<Double>, into memoryGradient: UnsafeMutablePointer<Double>,
    weightingGradient: UnsafeMutablePointer<Double>, emittedGradient: UnsafeMutablePointer<Double>
  ) {
    let emitted = record + emittedOffset
    Write.backward(
      memory: memory, rows: rows, width: width, weighting: record + weightingOffset,
      erase: emitted + layout.erase.lowerBound, add: emitted + layout.add.lowerBound,
      outputGradient: outputGradient, into: memoryGradient,
      weightingGradient: weightingGradient,
      eraseGradient: emittedGradient + layout.erase.lowerBound,
      addGradient: emittedGradient + layout.add.lowerBound)
  }

  /// Kernel: backward of the read. Given `∂L/∂r_t`, adds `∂L/∂M_{t−1}` and `∂L/∂w_t`.
  @inline(__always)
  func backwardRead(
    memory: UnsafePointer<Double>, record: UnsafePointer<Double>,
    readGradient: UnsafePointer<Double>, addingInto memoryGradient: UnsafeMutablePointer<Double>,
    weightingGradient: UnsafeMutablePointer<Double>
  ) {
    Read.backward(
      memory: memory, rows: rows, width: width, weighting: record + weightingOffset,
      outputGradient: readGradient, addingInto: memoryGradient, weightingGradient: weightingGradient)
  }

  /// Kernel: backward of `forward` without the read (see `backwardRead`): from `∂L/∂w_t`
  /// through sharpening, shift, interpolation and content addressing, the activations and the
  /// linear layer.
  /// - Parameters:
  ///   - parameters: the head's parameters, as in the forward pass.
  ///   - controllerOutput: `h_t`, as in the forward pass.
  ///   - memory: `M_{t−1}`, the memory the head addressed.
  ///   - rowNorms: `‖M(i)‖` for every row of that memory.
  ///   - previousWeighting: `w_{t−1}`.
  ///   - record: this step's record, written by the forward pass.
  ///   - weightingGradient: `∂L/∂w_t`, everything that reached the final weighting.
  ///   - emittedGradient: on entry `∂L/∂e`, `∂L/∂a` for a write head and 0 elsewhere; the
  ///     addressing parameters' gradients are added to it.
  ///   - scratch: `scratchSize` numbers, overwritten.
  ///   - parameterGradient: adds `∂L/∂W_head`, `∂L/∂b_head`.
  ///   - controllerOutputGradient: adds `∂L/∂h_t`.
  ///   - memoryGradient: adds `∂L/∂M_{t−1}` through the content addressing.
  ///   - previousWeightingGradient: adds `∂L/∂w_{t−1}` through the interpolation.
  @inline(__always)
  func backward(
    parameters: UnsafePointer<Double>, controllerOutput: UnsafePointer<Double>,
    memory: UnsafePointer<Double>, rowNorms: UnsafePointer<Double>,
    previousWeighting: UnsafePointer<Double>,
    record: UnsafePointer<Double>, weightingGradient: UnsafePointer<Double>,
    emittedGradient: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>,
    addingInto parameterGradient: UnsafeMutablePointer<Double>,
    controllerOutputGradient: UnsafeMutablePointer<Double>,
    memoryGradient: UnsafeMutablePointer<Double>,
    previousWeightingGradient: UnsafeMutablePointer<Double>
  ) {
    let emitted = record + emittedOffset
    let shiftedGradient = scratch
    let interpolatedGradient = scratch + rows
    let contentGradient = scratch + 2 * rows
    let contentScratch = scratch + 3 * rows
    let rawGradient = scratch + 4 * rows
    scratch.update(repeating: 0, count: 3 * rows)

    emittedGradient[layout.sharpening] += Sharpening.backward(
      record + shiftedOffset, logs: record + logShiftedOffset, count: rows,
      sharpening: emitted[layout.sharpening], output: record + weightingOffset,
      outputGradient: weightingGradient, addingInto: shiftedGradient)
    Shift.backward(
      record + interpolatedOffset, count: rows,
      shiftWeighting: emitted + layout.shiftWeighting.lowerBound, range: layout.shiftRange,
      outputGradient: shiftedGradient, addingInto: interpolatedGradient,
      shiftGradient: emittedGradient + layout.shiftWeighting.lowerBound)
    emittedGradient[layout.gate] += Interpolation.backward(
      content: record + contentOffset, previous: previousWeighting, gate: emitted[layout.gate],
      count: rows, outputGradient: interpolatedGradient, addingInto: contentGradient,
      previousGradient: previousWeightingGradient)
    emittedGradient[layout.keyStrength] += ContentAddressing.backward(
      key: emitted + layout.key.lowerBound, memory: memory, rowNorms: rowNorms, rows: rows,
      width: width, keyStrength: emitted[layout.keyStrength], similarity: record + similarityOffset,
      weighting: record + contentOffset, outputGradient: contentGradient, scratch: contentScratch,
      addingInto: emittedGradient + layout.key.lowerBound, memoryGradient: memoryGradient)

    HeadActivations.backward(
      layout: layout, raw: record + rawOffset, emitted: emitted, emittedGradient: emittedGradient,
      into: rawGradient)
    Linear.backward(
      weights: parameters, input: controllerOutput, outputGradient: rawGradient,
      inputs: controllerSize, outputs: emittedCount, addingInto: controllerOutputGradient,
      weightsGradient: parameterGradient, biasGradient: parameterGradient + biasOffset)
  }
}
