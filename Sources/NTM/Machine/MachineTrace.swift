/// What the machine did over its last sequence, for `ntm show`, `ntm eval` and the
/// playground: every head's weighting over time, the read vectors, the heads' parameters and
/// the memory before and after.
public struct MachineTrace: Equatable, Sendable {
  /// Per read head, `w_t` over time: T × N (row t is step t).
  public var readWeightings: [Matrix]
  /// Per write head, `w_t` over time: T × N.
  public var writeWeightings: [Matrix]
  /// Per read head, `r_t` over time: T × W.
  public var readVectors: [Matrix]
  /// The memory after the last step, `M_T`: N × W.
  public var finalMemory: Matrix
  /// The memory before the first step, `M_0`: N × W.
  public var initialMemory: Matrix
  /// Per read head, its parameters (k, β, g, s, γ) at every step.
  public var readHeadParameters: [[HeadParameters]]
  /// Per write head, its parameters (k, β, g, s, γ, e, a) at every step.
  public var writeHeadParameters: [[HeadParameters]]
  /// The controller output `h_t` over time: T × (controller output size).
  public var controllerOutputs: Matrix
}

extension NeuralTuringMachine {
  /// The trace of the last `forward` (empty matrices, with 0 rows, before any).
  public var trace: MachineTrace {
    let steps = tape.steps
    func overTime(_ count: Int, _ offset: (Int) -> UnsafePointer<Double>) -> Matrix {
      var matrix = Matrix(rows: steps, columns: count)
      for t in 0..<steps { matrix.setRow(t, to: Array(UnsafeBufferPointer(start: offset(t), count: count))) }
      return matrix
    }
    func weightings(_ k: Int) -> Matrix {
      overTime(rows) { UnsafePointer(tape.headRecord(k, step: $0) + heads[k].weightingOffset) }
    }
    func headParameters(_ k: Int) -> [HeadParameters] {
      (0..<steps).map { t in
        let emitted = tape.headRecord(k, step: t) + heads[k].emittedOffset
        return HeadParameters(emitted: Array(UnsafeBufferPointer(start: emitted, count: heads[k].emittedCount)), layout: heads[k].layout)
      }
    }
    func memory(_ block: UnsafePointer<Double>) -> Matrix {
      Matrix(rows: rows, columns: width, scalars: Array(UnsafeBufferPointer(start: block, count: rows * width)))
    }
    let readHeads = 0..<readHeadCount
    let writeHeads = readHeadCount..<heads.count
    return MachineTrace(
      readWeightings: readHeads.map(weightings),
      writeWeightings: writeHeads.map(weightings),
      readVectors: readHeads.map { k in
        overTime(width) { UnsafePointer(tape.headRecord(k, step: $0) + heads[k].readOffset) }
      },
      finalMemory: memory(tape.memory(before: steps)),
      initialMemory: memory(tape.memory(0)),
      readHeadParameters: readHeads.map(headParameters),
      writeHeadParameters: writeHeads.map(headParameters),
      controllerOutputs: overTime(controller.outputSize) {
        UnsafePointer(tape.controllerRecord($0) + controller.outputOffset)
      })
  }
}
