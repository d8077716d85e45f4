import NTM
import Testing

/// Inputs a user can type that break naive formulas: every output and gradient stays finite,
/// and every weighting sums to 1 within 1e-12.
struct AdversarialInputTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var name: String
    var memory: Matrix
    var previous: [Double]
    var parameters: AddressingParameters
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    let n = 6
    let w = 3
    let uniform = [Double](repeating: 1.0 / Double(n), count: n)
    let oneHot = (0..<n).map { $0 == 2 ? 1.0 : 0.0 }
    var rowsZero = Matrix([[1, 2, 3], [0, 0, 0], [-1, 0.5, 2], [0, 0, 0], [3, 3, 3], [0.1, 0, 0]])
    rowsZero[0, 0] = 1
    let ordinary = AddressingParameters(key: [0.5, -0.2, 0.9], keyStrength: 3, gate: 0.6, shiftWeighting: [0.1, 0.8, 0.1], sharpening: 2)
    func with(_ change: (inout AddressingParameters) -> Void) -> AddressingParameters {
      var p = ordinary
      change(&p)
      return p
    }
    let allZero = Matrix(rows: n, columns: w)
    return [
      Case(name: "zero memory rows", memory: rowsZero, previous: uniform, parameters: ordinary),
      Case(name: "all-zero memory", memory: allZero, previous: uniform, parameters: ordinary),
      Case(name: "zero key", memory: rowsZero, previous: uniform, parameters: with { $0.key = [0, 0, 0] }),
      Case(name: "zero key, zero memory", memory: allZero, previous: oneHot, parameters: with { $0.key = [0, 0, 0] }),
      Case(name: "β = 0", memory: rowsZero, previous: uniform, parameters: with { $0.keyStrength = 0 }),
      Case(name: "β = 1e4", memory: rowsZero, previous: uniform, parameters: with { $0.keyStrength = 1e4 }),
      Case(name: "γ = 1", memory: rowsZero, previous: uniform, parameters: with { $0.sharpening = 1 }),
      Case(name: "γ = 100", memory: rowsZero, previous: uniform, parameters: with { $0.sharpening = 100 }),
      Case(
        name: "γ = 100, one-hot", memory: rowsZero, previous: oneHot,
        parameters: with {
          $0.sharpening = 100
          $0.gate = 0
        }),
      Case(name: "one-hot previous, g = 0", memory: rowsZero, previous: oneHot, parameters: with { $0.gate = 0 }),
      Case(
        name: "uniform everything", memory: Matrix(rows: n, columns: w, repeating: 1), previous: uniform,
        parameters: with { $0.shiftWeighting = [1.0 / 3, 1.0 / 3, 1.0 / 3] }),
      Case(
        name: "β = 1e4, γ = 100, one-hot shift", memory: rowsZero, previous: oneHot,
        parameters: with {
          $0.keyStrength = 1e4
          $0.sharpening = 100
          $0.shiftWeighting = [0, 0, 1]
        }),
      Case(name: "N = 1", memory: Matrix([[0.5, -1, 2]]), previous: [1], parameters: with { $0.shiftWeighting = [1] }),
      Case(
        name: "N = 1, zero memory", memory: Matrix([[0, 0, 0]]), previous: [1],
        parameters: with {
          $0.shiftWeighting = [1]
          $0.key = [0, 0, 0]
          $0.sharpening = 100
        }),
    ]
  }()

  @Test(arguments: cases)
  func stagesStayFiniteAndNormalised(_ c: Case) {
    let trace = Addressing.forward(.init(memory: c.memory, previousWeighting: c.previous, parameters: c.parameters)).cache.trace
    #expect(Check.allFinite(trace.similarity))
    for stage in [trace.content, trace.interpolated, trace.shifted, trace.weighting] {
      #expect(Check.isWeighting(stage), "\(stage)")
    }
    let read = Read.forward(.init(memory: c.memory, weighting: trace.weighting)).output
    #expect(Check.allFinite(read))
    let written = Write.forward(.init(memory: c.memory, weighting: trace.weighting, erase: [1, 0.5, 0], add: [1, -1, 0.5])).output
    #expect(Check.allFinite(written.scalars))
  }

  @Test(arguments: cases)
  func gradientsStayFinite(_ c: Case) {
    let (weighting, cache) = Addressing.forward(.init(memory: c.memory, previousWeighting: c.previous, parameters: c.parameters))
    let trace = cache.trace
    #expect(trace.weighting == weighting)
    let outputGradient = (0..<c.memory.rows).map { Double($0 % 3) - 1 }
    let d = Addressing.backward(outputGradient, cache)
    #expect(Check.allFinite(d.memory.scalars))
    #expect(Check.allFinite(d.previousWeighting))
    #expect(Check.allFinite(d.parameters.key))
    #expect(Check.allFinite(d.parameters.shiftWeighting))
    #expect(Check.allFinite([d.parameters.keyStrength, d.parameters.gate, d.parameters.sharpening]))
    let write = Write.backward(
      Matrix(rows: c.memory.rows, columns: c.memory.columns, repeating: 1),
      Write.forward(.init(memory: c.memory, weighting: trace.weighting, erase: [1, 0.5, 0], add: [1, -1, 0.5])).cache)
    #expect(Check.allFinite(write.memory.scalars + write.weighting + write.erase + write.add))
    let read = Read.backward([1, 1, 1], Read.forward(.init(memory: c.memory, weighting: trace.weighting)).cache)
    #expect(Check.allFinite(read.memory.scalars + read.weighting))
  }

  @Test(arguments: [-1e308, -800, -40, 0, 40, 800, 1e308])
  func activationsStayFiniteAtExtremes(x: Double) {
    for activation in Activation.allCases {
      let y = activation(x)
      #expect(y.isFinite || activation == .identity || activation == .relu || activation == .softplus && x > 700)
      #expect(activation.derivative(input: x, output: y).isFinite)
    }
    #expect(Check.isWeighting(Softmax.forward(.init(scores: [x, 0, -x].map { $0.isFinite ? $0 : 0 })).output))
  }

  @Test func softmaxOfHugeScoresIsFiniteAndNormalised() {
    #expect(Check.isWeighting(Softmax.forward(.init(scores: [1e300, 1e300, -1e300])).output))
    #expect(Softmax.forward(.init(scores: [1e300, 1e300, -1e300])).output == [0.5, 0.5, 0])
    #expect(Check.isWeighting(Softmax.forward(.init(scores: [-1e300, -1e300])).output))
  }
}
