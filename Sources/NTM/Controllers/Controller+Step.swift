/// The one-step array forms of `Controller`, written once over the kernels; each controller's
/// public methods call these. Each call checks shapes and allocates its results; the machine
/// runs the kernels on its tape instead.
extension ControllerKernel {
  /// One step forward from the previous step's record (`nil` at the first step).
  /// - Precondition: `parameters.count == parameterCount`, `input.count == inputSize`, and
  ///   `previous` (when given) has `recordSize` numbers.
  func runStep(parameters: [Double], input: [Double], previous: [Double]?) -> [Double] {
    checkStepShapes(parameters: parameters, input: input, previous: previous)
    var record = [Double](repeating: 0, count: recordSize)
    withOptionalPointer(previous) { previous in
      record.withUnsafeMutableBufferPointer { r in
        forward(parameters: parameters, input: input, previous: previous, record: r.baseAddress!)
      }
    }
    return record
  }

  /// The carry before the last step, as `beginBackward` leaves it.
  func freshBackwardCarry() -> [Double] {
    var carry = [Double](repeating: 0, count: scratchSize)
    carry.withUnsafeMutableBufferPointer { if let base = $0.baseAddress { beginBackward(scratch: base) } }
    return carry
  }

  /// One step backward, the steps visited last to first with the same `carry`.
  /// - Precondition: the forward shapes, `record.count == recordSize`,
  ///   `outputGradient.count == outputSize`, `carry.count == scratchSize`.
  func backpropagateStep(
    parameters: [Double], input: [Double], previous: [Double]?, record: [Double],
    outputGradient: [Double], carry: inout [Double]
  ) -> (parameters: [Double], input: [Double]) {
    checkStepShapes(parameters: parameters, input: input, previous: previous)
    requireLength(record.count, recordSize, "Controller record")
    requireLength(outputGradient.count, outputSize, "Gradient of the controller output")
    requireLength(carry.count, scratchSize, "Controller backward carry")
    var parameterGradient = [Double](repeating: 0, count: parameterCount)
    var inputGradient = [Double](repeating: 0, count: inputSize)
    withOptionalPointer(previous) { previous in
      carry.withUnsafeMutableBufferPointer { s in
        backward(
          parameters: parameters, input: input, previous: previous, record: record,
          outputGradient: outputGradient, scratch: s.baseAddress!, addingInto: &parameterGradient,
          inputGradient: &inputGradient)
      }
    }
    return (parameterGradient, inputGradient)
  }

  func checkStepShapes(parameters: [Double], input: [Double], previous: [Double]?) {
    requireLength(parameters.count, parameterCount, "Controller parameters")
    requireLength(input.count, inputSize, "Controller input")
    if let previous { requireLength(previous.count, recordSize, "Previous controller record") }
  }
}

extension Controller {
  /// `h_t`, the slice of a step's record the heads and the output layer read.
  /// - Precondition: `record.count == recordSize`.
  public func output(of record: [Double]) -> [Double] {
    requireLength(record.count, recordSize, "Controller record")
    return Array(record[outputOffset..<(outputOffset + outputSize)])
  }
}

/// Calls `body` with a pointer to `array`'s numbers, or with `nil` when there is no array.
private func withOptionalPointer(_ array: [Double]?, _ body: (UnsafePointer<Double>?) -> Void) {
  guard let array else { return body(nil) }
  array.withUnsafeBufferPointer { body($0.baseAddress) }
}
