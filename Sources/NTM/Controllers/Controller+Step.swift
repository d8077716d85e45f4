/// One controller step on arrays: what a step-by-step reader (the reference machine, a
/// notebook) calls when each step's input depends on the step before, as `[x_t ; r_{t−1}]`
/// does. Each call checks shapes and allocates its results; the machine runs the kernels.
extension Controller {
  /// One step forward from the previous step's record (`nil` at the first step: the zero
  /// state). Returns this step's record; `h_t` is `output(of:)` it.
  /// - Precondition: `parameters.count == parameterCount`, `input.count == inputSize`, and
  ///   `previous` (when given) has `recordSize` numbers.
  public func forward(parameters: [Double], input: [Double], previous: [Double]?) -> [Double] {
    checkStepShapes(parameters: parameters, input: input, previous: previous)
    var record = [Double](repeating: 0, count: recordSize)
    withOptionalPointer(previous) { previous in
      record.withUnsafeMutableBufferPointer { r in
        forward(parameters: parameters, input: input, previous: previous, record: r.baseAddress!)
      }
    }
    return record
  }

  /// `h_t`, the slice of a step's record the heads and the output layer read.
  /// - Precondition: `record.count == recordSize`.
  public func output(of record: [Double]) -> [Double] {
    requireLength(record.count, recordSize, "Controller record")
    return Array(record[outputOffset..<(outputOffset + outputSize)])
  }

  /// What the backward pass carries to the step before before it has visited any step
  /// (`scratchSize` numbers): pass it to the last step's `backward(…carry:)`.
  public func initialBackwardCarry() -> [Double] {
    var carry = [Double](repeating: 0, count: scratchSize)
    carry.withUnsafeMutableBufferPointer { if let base = $0.baseAddress { beginBackward(scratch: base) } }
    return carry
  }

  /// One step backward; visit the steps last to first, passing the same `carry` along (an
  /// LSTM's `∂h_{t−1}`, `∂c_{t−1}`; unused by a feed-forward controller).
  /// - Returns: `∂L/∂parameters` of this step and `∂L/∂[x_t ; r_{t−1}]`.
  /// - Precondition: the forward shapes, `record.count == recordSize`,
  ///   `outputGradient.count == outputSize`, `carry.count == scratchSize`.
  public func backward(
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

/// Calls `body` with a pointer to `array`'s numbers, or with `nil` when there is no array.
private func withOptionalPointer(_ array: [Double]?, _ body: (UnsafePointer<Double>?) -> Void) {
  guard let array else { return body(nil) }
  array.withUnsafeBufferPointer { body($0.baseAddress) }
}
