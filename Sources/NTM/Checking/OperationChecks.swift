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
      previous = Softmax.forward(.init(scores: generator.normals(shape.rows, standardDeviation: 0.5))).output
      parameters = AddressingParameters(
        key: generator.normals(shape.width).map(Activation.tanh.callAsFunction),
        keyStrength: 0.5 + 4.5 * generator.nextUnit(),
        gate: 0.1 + 0.8 * generator.nextUnit(),
        shiftWeighting: Softmax.forward(.init(scores: generator.normals(2 * shape.shiftRange + 1))).output,
        sharpening: 1 + 3 * generator.nextUnit())
      erase = generator.normals(shape.width).map(Activation.sigmoid.callAsFunction)
      add = generator.normals(shape.width).map(Activation.tanh.callAsFunction)
    }
  }

  /// Checks every operation at one random point of `shape`: each stage's reference backward
  /// pass through the generic `GradientChecker.check(_:at:)`.
  public static func all(
    shape: Shape, checker: GradientChecker = GradientChecker(),
    using generator: inout some RandomNumberGenerator
  ) -> [GradientChecker.Report] {
    let point = Point(shape: shape, using: &generator)
    let (n, w) = (shape.rows, shape.width)
    let p = point.parameters
    var reports: [GradientChecker.Report] = []
    func activation<S: ActivationStage>(_ stage: S.Type) {
      let x = generator.normals(n, standardDeviation: 2)
      reports.append(checker.check(stage, at: .init(x: x), operation: S.activation.rawValue, using: &generator))
    }
    activation(Sigmoid.self)
    activation(Tanh.self)
    activation(Softplus.self)
    activation(ReLU.self)
    let scores = generator.normals(n, standardDeviation: 2)
    reports.append(checker.check(Softmax.self, at: .init(scores: scores), operation: "softmax", using: &generator))
    let weights = Matrix(rows: n, columns: w, scalars: generator.normals(n * w))
    let bias = generator.normals(n)
    let linear = Linear.Input(weights: weights, bias: bias, input: generator.normals(w))
    reports.append(checker.check(Linear.self, at: linear, operation: "linear", using: &generator))
    reports.append(
      checker.check(
        CosineSimilarity.self, at: .init(key: p.key, memory: point.memory), operation: "cosine similarity",
        using: &generator))
    let content = ContentAddressing.Input(key: p.key, memory: point.memory, keyStrength: p.keyStrength)
    reports.append(checker.check(ContentAddressing.self, at: content, operation: "content addressing", using: &generator))
    let interpolation = Interpolation.Input(
      content: ContentAddressing.forward(content).output, previous: point.previous, gate: p.gate)
    reports.append(checker.check(Interpolation.self, at: interpolation, operation: "interpolation", using: &generator))
    let shift = Shift.Input(weighting: point.previous, shiftWeighting: p.shiftWeighting)
    reports.append(checker.check(Shift.self, at: shift, operation: "shift", using: &generator))
    let sharpening = Sharpening.Input(weighting: point.previous, sharpening: p.sharpening)
    reports.append(checker.check(Sharpening.self, at: sharpening, operation: "sharpening", using: &generator))
    let addressing = Addressing.Input(memory: point.memory, previousWeighting: point.previous, parameters: p)
    reports.append(checker.check(Addressing.self, at: addressing, operation: "all four stages", using: &generator))
    let read = Read.Input(memory: point.memory, weighting: point.previous)
    reports.append(checker.check(Read.self, at: read, operation: "read", using: &generator))
    let write = Write.Input(memory: point.memory, weighting: point.previous, erase: point.erase, add: point.add)
    reports.append(checker.check(Write.self, at: write, operation: "write", using: &generator))
    return reports
  }
}
