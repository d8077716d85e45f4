import Testing

@testable import NTM

/// The whole machine: backpropagation through time checked numerically for every parameter
/// (including the learned initial state), determinism, finiteness on adversarial inputs,
/// buffer reuse and value semantics.
struct NeuralTuringMachineTests {
  /// The small whole-machine check: 2 read heads and 1 write head, N = 8, W = 4,
  /// 3 inputs and outputs, 8 controller units; the memory learned so `M_0` is checked too.
  static func small(
    _ controller: MachineConfiguration.ControllerKind, sizes: [Int] = [8], readHeads: Int = 2, writeHeads: Int = 1,
    memory: MachineConfiguration.MemoryInitialisation = .learned
  ) -> MachineConfiguration {
    MachineConfiguration(
      inputSize: 3, outputSize: 3, controller: controller, controllerSizes: sizes, memoryRows: 8, memoryWidth: 4,
      readHeads: readHeads, writeHeads: writeHeads, shiftRange: 1, memoryInitialisation: memory)
  }

  /// Checks every parameter block of `machine` over the sequence `inputs`.
  static func check(_ machine: NeuralTuringMachine, inputs: Matrix, using generator: inout SplitMix64) -> GradientChecker.Report {
    let blocks = machine.parameterBlocks
    return GradientChecker().check(
      operation: "machine", inputs: blocks.map { .init($0.name, shape: $0.shape, values: Array(machine.parameters[$0.range])) },
      using: &generator,
      evaluate: { values in
        var copy = machine
        copy.parameters = values.flatMap { $0 }
        return copy.forward(inputs).scalars
      },
      gradient: { values, projection in
        var copy = machine
        copy.parameters = values.flatMap { $0 }
        let logits = copy.forward(inputs)
        var gradient = [Double](repeating: 0, count: copy.parameters.count)
        copy.backward(logitGradient: Matrix(rows: logits.rows, columns: logits.columns, scalars: projection), addingInto: &gradient)
        return blocks.map { Array(gradient[$0.range]) }
      })
  }

  /// A machine at a generic point: initial parameters plus noise, so no bias sits at a
  /// round value and the write changes the memory noticeably.
  static func machine(_ configuration: MachineConfiguration, seed: UInt64) -> (NeuralTuringMachine, Matrix, SplitMix64) {
    var generator = SplitMix64(seed: seed)
    var machine = NeuralTuringMachine(configuration: configuration, using: &generator)
    machine.parameters = zip(machine.parameters, generator.normals(machine.parameters.count, standardDeviation: 0.3)).map(+)
    let inputs = Matrix(rows: 6, columns: configuration.inputSize, scalars: generator.normals(6 * configuration.inputSize))
    return (machine, inputs, generator)
  }

  static func describe(_ report: GradientChecker.Report) -> String {
    let w = report.worst!
    return "\(w.worstElement): analytic \(w.analytic), numeric \(w.numeric), relative error \(w.relativeError)"
  }

  @Test(arguments: [
    small(.feedForward), small(.lstm), small(.lstm, sizes: [6, 5]), small(.feedForward, memory: .constant),
    small(.feedForward, readHeads: 1, writeHeads: 2),
  ])
  func everyParameterPassesTheGradientCheckThroughSixSteps(configuration: MachineConfiguration) {
    var (machine, inputs, generator) = Self.machine(configuration, seed: 7)
    let report = Self.check(machine, inputs: inputs, using: &generator)
    #expect(report.inputs.map(\.name) == machine.parameterBlocks.map(\.name))
    #expect(report.worstRelativeError <= 1e-6, "\(configuration.controller): \(Self.describe(report))")
  }

  @Test func theGradientCheckCatchesADroppedTerm() {
    var (machine, inputs, generator) = Self.machine(Self.small(.feedForward), seed: 7)
    machine.fault = .dropWeightingThroughTime
    let report = Self.check(machine, inputs: inputs, using: &generator)
    #expect(report.worstRelativeError > GradientChecker.wrongTolerance, "\(Self.describe(report))")
  }

  @Test func parameterBlocksTileTheParameters() {
    var generator = SplitMix64(seed: 1)
    let machine = NeuralTuringMachine(configuration: Self.small(.lstm), using: &generator)
    let blocks = machine.parameterBlocks
    #expect(blocks.first!.range.lowerBound == 0 && blocks.last!.range.upperBound == machine.parameters.count)
    #expect(zip(blocks, blocks.dropFirst()).allSatisfy { $0.range.upperBound == $1.range.lowerBound })
    #expect(Set(blocks.map(\.name)).count == blocks.count)
    #expect(blocks.map(\.name).contains("write0.initialWeighting") && blocks.map(\.name).contains("read1.initialRead"))
    #expect(NeuralTuringMachine.parameterCount(for: Self.small(.lstm)) == machine.parameters.count)
  }

  @Test func theSameSeedGivesBitwiseIdenticalLogitsAndGradients() {
    func run() -> ([Double], [Double]) {
      var generator = SplitMix64(seed: 42)
      var machine = NeuralTuringMachine(configuration: Self.small(.lstm, memory: .random), using: &generator)
      let inputs = Matrix(rows: 9, columns: 3, scalars: generator.normals(27))
      let logits = machine.forward(inputs)
      var gradient = [Double](repeating: 0, count: machine.parameters.count)
      machine.backward(logitGradient: logits, addingInto: &gradient)
      return (logits.scalars, gradient)
    }
    let (a, b) = (run(), run())
    #expect(a.0.map(\.bitPattern) == b.0.map(\.bitPattern))
    #expect(a.1.map(\.bitPattern) == b.1.map(\.bitPattern))
  }

  static let adversarial: [(String, MachineConfiguration, Double)] = [
    ("zero inputs", small(.feedForward), 0),
    ("inputs +100", small(.feedForward), 100),
    ("inputs −100", small(.lstm), -100),
    (
      "relu, inputs +100",
      MachineConfiguration(inputSize: 3, outputSize: 3, controllerSizes: [5], controllerActivation: .relu, memoryRows: 8, memoryWidth: 4),
      100
    ),
    (
      "N = 1, R = 0", MachineConfiguration(inputSize: 3, outputSize: 3, controllerSizes: [4], memoryRows: 1, memoryWidth: 2, shiftRange: 0),
      100
    ),
    (
      "N = 1, R = 0, LSTM",
      MachineConfiguration(
        inputSize: 3, outputSize: 3, controller: .lstm, controllerSizes: [4], memoryRows: 1, memoryWidth: 2, shiftRange: 0), 0
    ),
    ("read heads only", small(.feedForward, readHeads: 1, writeHeads: 0), 1),
    ("write heads only", small(.feedForward, readHeads: 0, writeHeads: 1), 1),
  ]

  @Test(arguments: 0..<adversarial.count)
  func adversarialInputsGiveFiniteLogitsAndGradients(index: Int) {
    let (name, configuration, value) = Self.adversarial[index]
    var generator = SplitMix64(seed: 3)
    var machine = NeuralTuringMachine(configuration: configuration, using: &generator)
    let inputs = Matrix(rows: 12, columns: 3, scalars: (0..<36).map { $0 % 2 == 0 ? value : -value / 2 })
    let logits = machine.forward(inputs)
    var gradient = [Double](repeating: 0, count: machine.parameters.count)
    machine.backward(logitGradient: Matrix(rows: 12, columns: 3, repeating: 1), addingInto: &gradient)
    #expect(Check.allFinite(logits.scalars), "\(name): logits")
    #expect(Check.allFinite(gradient), "\(name): gradient")
    let trace = machine.trace
    for w in trace.readWeightings + trace.writeWeightings {
      #expect(w.rowArrays.allSatisfy { Check.isWeighting($0, tolerance: 1e-9) }, "\(name): weighting")
    }
  }

  @Test func buffersAreReusedAcrossLengthsWithoutChangingResults() {
    var generator = SplitMix64(seed: 5)
    var machine = NeuralTuringMachine(configuration: Self.small(.lstm), using: &generator)
    let long = Matrix(rows: 10, columns: 3, scalars: generator.normals(30))
    let short = Matrix(rows: 4, columns: 3, scalars: generator.normals(12))
    var fresh = machine
    let expected = fresh.forward(short)
    _ = machine.forward(long)
    #expect(machine.forward(short) == expected)
    var a = [Double](repeating: 0, count: machine.parameters.count)
    var b = a
    machine.backward(logitGradient: expected, addingInto: &a)
    fresh.backward(logitGradient: expected, addingInto: &b)
    #expect(a == b)
  }

  @Test func aCopyKeepsItsOwnSequence() {
    var generator = SplitMix64(seed: 6)
    var original = NeuralTuringMachine(configuration: Self.small(.feedForward), using: &generator)
    let first = Matrix(rows: 5, columns: 3, scalars: generator.normals(15))
    let logits = original.forward(first)
    var copy = original
    _ = copy.forward(Matrix(rows: 7, columns: 3, scalars: generator.normals(21)))
    var gradient = [Double](repeating: 0, count: original.parameters.count)
    original.backward(logitGradient: logits, addingInto: &gradient)
    var reference = NeuralTuringMachine(configuration: Self.small(.feedForward), parameters: original.parameters)
    _ = reference.forward(first)
    var expected = [Double](repeating: 0, count: gradient.count)
    reference.backward(logitGradient: logits, addingInto: &expected)
    #expect(gradient == expected)
  }

  @Test func traceHasOneRowPerStepAndTheMemoryItWrote() {
    var generator = SplitMix64(seed: 8)
    var machine = NeuralTuringMachine(configuration: Self.small(.feedForward), using: &generator)
    _ = machine.forward(Matrix(rows: 5, columns: 3, scalars: generator.normals(15)))
    let trace = machine.trace
    #expect(trace.readWeightings.count == 2 && trace.writeWeightings.count == 1 && trace.readVectors.count == 2)
    #expect(trace.readWeightings.allSatisfy { $0.rows == 5 && $0.columns == 8 })
    #expect(trace.readVectors.allSatisfy { $0.rows == 5 && $0.columns == 4 })
    #expect(trace.finalMemory.rows == 8 && trace.finalMemory.columns == 4)
    #expect(trace.readHeadParameters.allSatisfy { $0.count == 5 } && trace.writeHeadParameters[0].count == 5)
    // Replaying the recorded writes on M_0 gives the final memory.
    var memory = trace.initialMemory
    for t in 0..<5 {
      let p = trace.writeHeadParameters[0][t]
      memory = Write.forward(.init(memory: memory, weighting: trace.writeWeightings[0].row(t), erase: p.erase, add: p.add)).output
    }
    #expect(Check.close(memory.scalars, trace.finalMemory.scalars))
  }
}
