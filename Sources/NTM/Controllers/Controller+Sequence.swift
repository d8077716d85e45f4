/// A controller run over a whole sequence on arrays: for tests, gradient checks and anyone
/// who wants to drive a controller by hand. The machine uses the kernels instead.
public struct ControllerRun: Equatable, Sendable {
  /// Every step's record, one after another (T × `recordSize`).
  public var records: [Double]
  /// `h_t` per step (T × `outputSize`).
  public var outputs: Matrix
}

/// The array forms of `Controller`, written once over the kernels; each controller's public
/// methods call these.
extension ControllerKernel {
  /// Fresh initial parameters as an array.
  func freshParameters(using generator: inout some RandomNumberGenerator) -> [Double] {
    var parameters = [Double](repeating: 0, count: parameterCount)
    parameters.withUnsafeMutableBufferPointer { initialise($0.baseAddress!, using: &generator) }
    return parameters
  }

  /// Runs every row of `inputs` (T × `inputSize`) from the zero state.
  func run(parameters: [Double], inputs: Matrix) -> ControllerRun {
    requireLength(parameters.count, parameterCount, "Controller parameters")
    requireLength(inputs.columns, inputSize, "Controller input row")
    let steps = inputs.rows
    var records = [Double](repeating: 0, count: steps * recordSize)
    var outputs = Matrix(rows: steps, columns: outputSize)
    parameters.withUnsafeBufferPointer { p in
      inputs.scalars.withUnsafeBufferPointer { x in
        records.withUnsafeMutableBufferPointer { r in
          for t in 0..<steps {
            let record = r.baseAddress! + t * recordSize
            forward(
              parameters: p.baseAddress!, input: x.baseAddress! + t * inputSize,
              previous: t == 0 ? nil : UnsafePointer(record - recordSize), record: record)
          }
        }
      }
    }
    for t in 0..<steps {
      let start = t * recordSize + outputOffset
      outputs.setRow(t, to: Array(records[start..<(start + outputSize)]))
    }
    return ControllerRun(records: records, outputs: outputs)
  }

  /// Backpropagation through time: the gradients of the parameters and of every input row,
  /// given `∂L/∂h_t` for every step (T × `outputSize`).
  func backpropagate(parameters: [Double], inputs: Matrix, run: ControllerRun, outputGradient: Matrix)
    -> (parameters: [Double], inputs: Matrix)
  {
    let steps = inputs.rows
    requireLength(run.records.count, steps * recordSize, "Controller records")
    require(
      outputGradient.rows == steps && outputGradient.columns == outputSize,
      "Output gradient \(outputGradient.shapeDescription) does not match \(steps) steps × \(outputSize) outputs")
    var parameterGradient = [Double](repeating: 0, count: parameterCount)
    var inputGradient = Matrix(rows: steps, columns: inputSize)
    var scratch = [Double](repeating: 0, count: scratchSize)
    parameters.withUnsafeBufferPointer { p in
      inputs.scalars.withUnsafeBufferPointer { x in
        run.records.withUnsafeBufferPointer { r in
          outputGradient.scalars.withUnsafeBufferPointer { g in
            scratch.withUnsafeMutableBufferPointer { s in
              parameterGradient.withUnsafeMutableBufferPointer { dp in
                inputGradient.scalars.withUnsafeMutableBufferPointer { dx in
                  beginBackward(scratch: s.baseAddress!)
                  for t in (0..<steps).reversed() {
                    let record = r.baseAddress! + t * recordSize
                    backward(
                      parameters: p.baseAddress!, input: x.baseAddress! + t * inputSize,
                      previous: t == 0 ? nil : record - recordSize, record: record,
                      outputGradient: g.baseAddress! + t * outputSize, scratch: s.baseAddress!,
                      addingInto: dp.baseAddress!, inputGradient: dx.baseAddress! + t * inputSize)
                  }
                }
              }
            }
          }
        }
      }
    }
    return (parameterGradient, inputGradient)
  }
}
