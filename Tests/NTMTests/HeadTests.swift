import NTM
import Testing

/// Heads on their own: the emitted layout, the activations' ranges, and a gradient check of
/// every input (parameters, controller output, memory, previous weighting).
struct HeadTests {
  @Test func layoutCutsTheEmittedVectorInOrder() {
    let read = HeadLayout(kind: .read, width: 4, shiftRange: 1)
    #expect(read.count == 4 + 1 + 1 + 3 + 1)
    #expect(read.erase.isEmpty && read.add.isEmpty)
    let write = HeadLayout(kind: .write, width: 4, shiftRange: 2)
    #expect(write.shiftWeighting == 6..<11)
    #expect(write.sharpening == 11)
    #expect(write.erase == 12..<16 && write.add == 16..<20)
    #expect(write.count == 3 * 4 + 2 * 2 + 4)
  }

  @Test(arguments: [-1e3, -30.0, -1, 0, 1, 30, 1e3])
  func activationsStayInTheirRanges(value: Double) {
    let layout = HeadLayout(kind: .write, width: 3, shiftRange: 1)
    let p = HeadActivations.forward(layout: layout, raw: [Double](repeating: value, count: layout.count))
    #expect(p.addressing.key.allSatisfy { $0 >= -1 && $0 <= 1 })
    #expect(p.addressing.keyStrength >= 0 && p.addressing.keyStrength <= HeadActivations.rawClip + 1)
    #expect(p.addressing.gate >= 0 && p.addressing.gate <= 1)
    #expect(Check.isWeighting(p.addressing.shiftWeighting))
    #expect(p.addressing.sharpening >= 1)
    #expect(p.erase.allSatisfy { $0 >= 0 && $0 <= 1 } && p.add.allSatisfy { $0 >= -1 && $0 <= 1 })
  }

  @Test func activationsGradientCheck() {
    var generator = SplitMix64(seed: 3)
    let layout = HeadLayout(kind: .write, width: 3, shiftRange: 1)
    let raw = generator.normals(layout.count, standardDeviation: 1.5)
    let report = GradientChecker().check(
      operation: "head activations", inputs: [.init("z", raw)], using: &generator,
      evaluate: { HeadActivations.forward(layout: layout, raw: $0[0]).emitted(layout: layout) },
      gradient: { v, g in
        [HeadActivations.backward(layout: layout, raw: v[0], gradient: HeadParameters(emitted: g, layout: layout))]
      })
    #expect(report.worstRelativeError <= GradientChecker.goodTolerance, "\(report.worst!.worstElement)")
  }

  struct Shape: Sendable, CustomStringConvertible {
    var kind: HeadKind
    var rows: Int
    var width: Int
    var shiftRange: Int
    var controllerSize: Int
    var description: String { "\(kind) N=\(rows) W=\(width) R=\(shiftRange) H=\(controllerSize)" }
  }

  static let shapes: [Shape] = [
    Shape(kind: .read, rows: 8, width: 4, shiftRange: 1, controllerSize: 6),
    Shape(kind: .write, rows: 8, width: 4, shiftRange: 1, controllerSize: 6),
    Shape(kind: .read, rows: 5, width: 3, shiftRange: 2, controllerSize: 4),
    Shape(kind: .write, rows: 5, width: 3, shiftRange: 2, controllerSize: 4),
    Shape(kind: .write, rows: 1, width: 2, shiftRange: 0, controllerSize: 3),
  ]

  @Test(arguments: shapes, [UInt64(1), 2, 3])
  func everyInputPassesTheGradientCheck(shape: Shape, seed: UInt64) {
    var generator = SplitMix64(seed: seed)
    let head = Head(
      kind: shape.kind, rows: shape.rows, width: shape.width, shiftRange: shape.shiftRange,
      controllerSize: shape.controllerSize)
    // Perturb the initial parameters so no bias sits at its initial round value.
    let parameters = zip(head.initialParameters(using: &generator), generator.normals(head.parameterCount, standardDeviation: 0.3)).map(+)
    let controllerOutput = generator.normals(shape.controllerSize).map(Activation.tanh.callAsFunction)
    let memory = Matrix(
      rows: shape.rows, columns: shape.width,
      scalars: generator.normals(shape.rows * shape.width).map { ($0 < 0 ? -1 : 1) * (abs($0) + 0.1) })
    let previous = Softmax.forward(.init(scores: generator.normals(shape.rows))).output
    let (n, w) = (shape.rows, shape.width)

    let report = GradientChecker().check(
      operation: "\(shape.kind) head",
      inputs: [
        .init("parameters", parameters), .init("h", controllerOutput), .init("memory", memory),
        .init("w_prev", previous),
      ], using: &generator,
      evaluate: { v in
        let step = head.forward(
          parameters: v[0], controllerOutput: v[1], memory: Matrix(rows: n, columns: w, scalars: v[2]),
          previousWeighting: v[3])
        return step.weighting + (shape.kind == .read ? step.readVector : step.memory.scalars)
      },
      gradient: { v, g in
        let memory = Matrix(rows: n, columns: w, scalars: v[2])
        let step = head.forward(parameters: v[0], controllerOutput: v[1], memory: memory, previousWeighting: v[3])
        let d = head.backward(
          parameters: v[0], controllerOutput: v[1], memory: memory, previousWeighting: v[3], step: step,
          outputGradient: Array(g[n...]), weightingGradient: Array(g[..<n]))
        return [d.parameters, d.controllerOutput, d.memory.scalars, d.previousWeighting]
      })
    let worst = report.worst!
    #expect(
      report.worstRelativeError <= GradientChecker.goodTolerance,
      "\(shape), seed \(seed): \(worst.worstElement) analytic \(worst.analytic) numeric \(worst.numeric)")
  }

  @Test func readHeadReadsWhereItAddresses() {
    var generator = SplitMix64(seed: 9)
    let head = Head(kind: .read, rows: 6, width: 3, shiftRange: 1, controllerSize: 2)
    let memory = Matrix(rows: 6, columns: 3, scalars: generator.normals(18))
    let step = head.forward(
      parameters: head.initialParameters(using: &generator), controllerOutput: [0.3, -0.2], memory: memory,
      previousWeighting: Softmax.forward(.init(scores: generator.normals(6))).output)
    #expect(Check.isWeighting(step.weighting))
    #expect(Check.close(step.readVector, Read.forward(.init(memory: memory, weighting: step.weighting)).output))
    #expect(step.memory == memory)
  }
}
