/// Gradient checks of every core operation at a random point: the table `ntm gradcheck`
/// prints and the sweep the tests run over shapes and seeds.
public enum OperationChecks {
  /// The sizes of one check: memory `rows × width` (N × W) and shift range `R`.
  public struct Shape: Sendable, Equatable, CustomStringConvertible {
    public var rows: Int
    public var width: Int
    public var shiftRange: Int

    /// - Precondition: `rows ≥ 1`, `width ≥ 1`, `shiftRange ≥ 0`, `2R + 1 ≤ rows`.
    public init(rows: Int, width: Int, shiftRange: Int) {
      require(rows >= 1 && width >= 1 && shiftRange >= 0, "Shape N = \(rows), W = \(width), R = \(shiftRange) must have N, W ≥ 1 and R ≥ 0")
      require(2 * shiftRange + 1 <= rows, "Shift range R = \(shiftRange) needs 2R + 1 ≤ N = \(rows)")
      self.rows = rows
      self.width = width
      self.shiftRange = shiftRange
    }

    public var description: String { "N=\(rows) W=\(width) R=\(shiftRange)" }
  }

  /// The names of the checked operations, in the order `all` returns them.
  public static let names = [
    "sigmoid", "tanh", "softplus", "relu", "softmax", "linear", "cosine similarity",
    "content addressing", "interpolation", "shift", "sharpening", "all four stages",
    "read", "write",
  ]

  /// A random point for the addressing stages: memory, key, previous weighting and head
  /// parameters drawn as a trained head would emit them.
  struct Point {
    static let awayFromZero = 0.1

    var memory: Matrix
    var previous: [Double]
    var parameters: AddressingParameters
    var erase: [Double]
    var add: [Double]

    init(shape: Shape, using generator: inout some RandomNumberGenerator) {
      // Entries at least `awayFromZero` from 0: with W = 1 the cosine is a sign function
      // (smoothed only on the scale of its ε), so a smooth point keeps clear of 0.
      let entries = generator.normals(shape.rows * shape.width).map { ($0 < 0 ? -1 : 1) * (abs($0) + Self.awayFromZero) }
      memory = Matrix(rows: shape.rows, columns: shape.width, scalars: entries)
      previous = Softmax.forward(generator.normals(shape.rows, standardDeviation: 0.5))
      parameters = AddressingParameters(
        key: generator.normals(shape.width).map(Activation.tanh.callAsFunction),
        keyStrength: 0.5 + 4.5 * generator.nextUnit(),
        gate: 0.1 + 0.8 * generator.nextUnit(),
        shiftWeighting: Softmax.forward(generator.normals(2 * shape.shiftRange + 1)),
        sharpening: 1 + 3 * generator.nextUnit())
      erase = generator.normals(shape.width).map(Activation.sigmoid.callAsFunction)
      add = generator.normals(shape.width).map(Activation.tanh.callAsFunction)
    }
  }

  /// Checks every operation at one random point of `shape`.
  public static func all(
    shape: Shape, checker: GradientChecker = GradientChecker(),
    using generator: inout some RandomNumberGenerator
  ) -> [GradientChecker.Report] {
    let point = Point(shape: shape, using: &generator)
    let (n, w) = (shape.rows, shape.width)
    var reports: [GradientChecker.Report] = []

    for activation in [Activation.sigmoid, .tanh, .softplus, .relu] {
      reports.append(
        checker.check(
          operation: activation.rawValue, inputs: [.init("x", generator.normals(n, standardDeviation: 2))],
          using: &generator, evaluate: { activation.forward($0[0]) },
          gradient: { x, g in [activation.backward(input: x[0], output: activation.forward(x[0]), outputGradient: g)] }))
    }
    reports.append(
      checker.check(
        operation: "softmax", inputs: [.init("z", generator.normals(n, standardDeviation: 2))],
        using: &generator, evaluate: { Softmax.forward($0[0]) },
        gradient: { z, g in [Softmax.backward(output: Softmax.forward(z[0]), outputGradient: g)] }))
    let weights = Matrix(rows: n, columns: w, scalars: generator.normals(n * w))
    reports.append(
      checker.check(
        operation: "linear",
        inputs: [.init("W", weights), .init("b", generator.normals(n)), .init("x", generator.normals(w))],
        using: &generator,
        evaluate: { Linear.forward(weights: Matrix(rows: n, columns: w, scalars: $0[0]), bias: $0[1], input: $0[2]) },
        gradient: { v, g in
          let d = Linear.backward(weights: Matrix(rows: n, columns: w, scalars: v[0]), input: v[2], outputGradient: g)
          return [d.weights.scalars, d.bias, d.input]
        }))
    reports.append(
      checker.check(
        operation: "cosine similarity",
        inputs: [.init("key", point.parameters.key), .init("memory", point.memory)], using: &generator,
        evaluate: { CosineSimilarity.forward(key: $0[0], memory: Matrix(rows: n, columns: w, scalars: $0[1])) },
        gradient: { v, g in
          let d = CosineSimilarity.backward(key: v[0], memory: Matrix(rows: n, columns: w, scalars: v[1]), outputGradient: g)
          return [d.key, d.memory.scalars]
        }))
    reports.append(
      checker.check(
        operation: "content addressing",
        inputs: [
          .init("key", point.parameters.key), .init("memory", point.memory),
          .init("β", scalar: point.parameters.keyStrength),
        ], using: &generator,
        evaluate: {
          ContentAddressing.forward(key: $0[0], memory: Matrix(rows: n, columns: w, scalars: $0[1]), keyStrength: $0[2][0]).weighting
        },
        gradient: { v, g in
          let memory = Matrix(rows: n, columns: w, scalars: v[1])
          let saved = ContentAddressing.forward(key: v[0], memory: memory, keyStrength: v[2][0])
          let d = ContentAddressing.backward(key: v[0], memory: memory, keyStrength: v[2][0], saved: saved, outputGradient: g)
          return [d.key, d.memory.scalars, [d.keyStrength]]
        }))
    let content = ContentAddressing.forward(key: point.parameters.key, memory: point.memory, keyStrength: point.parameters.keyStrength).weighting
    reports.append(
      checker.check(
        operation: "interpolation",
        inputs: [.init("w_c", content), .init("w_prev", point.previous), .init("g", scalar: point.parameters.gate)],
        using: &generator, evaluate: { Interpolation.forward(content: $0[0], previous: $0[1], gate: $0[2][0]) },
        gradient: { v, g in
          let d = Interpolation.backward(content: v[0], previous: v[1], gate: v[2][0], outputGradient: g)
          return [d.contentWeighting, d.previousWeighting, [d.gate]]
        }))
    reports.append(
      checker.check(
        operation: "shift", inputs: [.init("w_g", point.previous), .init("s", point.parameters.shiftWeighting)],
        using: &generator, evaluate: { Shift.forward($0[0], shiftWeighting: $0[1]) },
        gradient: { v, g in
          let d = Shift.backward(v[0], shiftWeighting: v[1], outputGradient: g)
          return [d.weighting, d.shiftWeighting]
        }))
    reports.append(
      checker.check(
        operation: "sharpening", inputs: [.init("w̃", point.previous), .init("γ", scalar: point.parameters.sharpening)],
        using: &generator, evaluate: { Sharpening.forward($0[0], sharpening: $0[1][0]) },
        gradient: { v, g in
          let output = Sharpening.forward(v[0], sharpening: v[1][0])
          let d = Sharpening.backward(v[0], sharpening: v[1][0], output: output, outputGradient: g)
          return [d.weighting, [d.sharpening]]
        }))
    reports.append(checkAddressing(point: point, shape: shape, checker: checker, using: &generator))
    reports.append(
      checker.check(
        operation: "read", inputs: [.init("memory", point.memory), .init("w", point.previous)],
        using: &generator, evaluate: { Read.forward(memory: Matrix(rows: n, columns: w, scalars: $0[0]), weighting: $0[1]) },
        gradient: { v, g in
          let d = Read.backward(memory: Matrix(rows: n, columns: w, scalars: v[0]), weighting: v[1], outputGradient: g)
          return [d.memory.scalars, d.weighting]
        }))
    reports.append(
      checker.check(
        operation: "write",
        inputs: [
          .init("memory", point.memory), .init("w", point.previous), .init("e", point.erase),
          .init("a", point.add),
        ], using: &generator,
        evaluate: {
          Write.forward(memory: Matrix(rows: n, columns: w, scalars: $0[0]), weighting: $0[1], erase: $0[2], add: $0[3]).scalars
        },
        gradient: { v, g in
          let d = Write.backward(
            memory: Matrix(rows: n, columns: w, scalars: v[0]), weighting: v[1], erase: v[2], add: v[3],
            outputGradient: Matrix(rows: n, columns: w, scalars: g))
          return [d.memory.scalars, d.weighting, d.erase, d.add]
        }))
    return reports
  }

  static func checkAddressing(
    point: Point, shape: Shape, checker: GradientChecker, using generator: inout some RandomNumberGenerator
  ) -> GradientChecker.Report {
    let (n, w) = (shape.rows, shape.width)
    func unpack(_ v: [[Double]]) -> (Matrix, [Double], AddressingParameters) {
      (
        Matrix(rows: n, columns: w, scalars: v[0]), v[1],
        AddressingParameters(key: v[2], keyStrength: v[3][0], gate: v[4][0], shiftWeighting: v[5], sharpening: v[6][0])
      )
    }
    let p = point.parameters
    return checker.check(
      operation: "all four stages",
      inputs: [
        .init("memory", point.memory), .init("w_prev", point.previous), .init("key", p.key),
        .init("β", scalar: p.keyStrength), .init("g", scalar: p.gate), .init("s", p.shiftWeighting),
        .init("γ", scalar: p.sharpening),
      ], using: &generator,
      evaluate: {
        let (memory, previous, parameters) = unpack($0)
        return Addressing.forward(memory: memory, previousWeighting: previous, parameters: parameters).weighting
      },
      gradient: { v, g in
        let (memory, previous, parameters) = unpack(v)
        let trace = Addressing.forward(memory: memory, previousWeighting: previous, parameters: parameters)
        let d = Addressing.backward(memory: memory, previousWeighting: previous, parameters: parameters, trace: trace, outputGradient: g)
        return [
          d.memory.scalars, d.previousWeighting, d.parameters.key, [d.parameters.keyStrength], [d.parameters.gate],
          d.parameters.shiftWeighting, [d.parameters.sharpening],
        ]
      })
  }
}
