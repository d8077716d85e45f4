import Testing

@testable import NTM

/// The reference machine (arrays, one stage after another) against the tape machine
/// (kernels): the same logits, loss and gradient of every parameter, to 1e-10.
struct ReferenceMachineTests {
  /// How far the two forms may differ, relative to the larger of 1 and the number: both sum
  /// the same terms, in orders that differ only in rounding.
  static let tolerance = 1e-10

  /// 2 read heads and 1 write head (or `writeHeads`), N = 8, W = 4, 3 inputs and outputs,
  /// 6 controller units: small enough that every case runs in milliseconds.
  static func configuration(
    _ controller: MachineConfiguration.ControllerKind, memory: MachineConfiguration.MemoryInitialisation,
    writeHeads: Int = 1
  ) -> MachineConfiguration {
    MachineConfiguration(
      inputSize: 3, outputSize: 3, controller: controller, controllerSizes: [6], memoryRows: 8, memoryWidth: 4,
      readHeads: 2, writeHeads: writeHeads, shiftRange: 1, memoryInitialisation: memory)
  }

  /// A machine at a generic point (initial parameters plus noise), a 7-step input, random
  /// bit targets and a mask that leaves out some steps.
  static func problem(_ configuration: MachineConfiguration, seed: UInt64)
    -> (machine: NeuralTuringMachine, inputs: Matrix, targets: Matrix, mask: [Double])
  {
    let steps = 7
    var generator = SplitMix64(seed: seed)
    var machine = NeuralTuringMachine(configuration: configuration, using: &generator)
    machine.parameters = zip(machine.parameters, generator.normals(machine.parameters.count, standardDeviation: 0.3)).map(+)
    let inputs = Matrix(rows: steps, columns: configuration.inputSize, scalars: generator.normals(steps * configuration.inputSize))
    let targets = Matrix(
      rows: steps, columns: configuration.outputSize,
      scalars: (0..<(steps * configuration.outputSize)).map { _ in generator.nextUnit() < 0.5 ? 0 : 1 })
    let mask = (0..<steps).map { $0 < 2 ? 0.0 : 1.0 }
    return (machine, inputs, targets, mask)
  }

  /// The tape machine's logits, loss and gradient for the same problem.
  static func tape(_ machine: NeuralTuringMachine, inputs: Matrix, targets: Matrix, mask: [Double])
    -> (logits: Matrix, loss: Double, gradient: [Double])
  {
    var machine = machine
    let logits = machine.forward(inputs)
    var gradient = [Double](repeating: 0, count: machine.parameters.count)
    machine.backward(
      logitGradient: SigmoidCrossEntropy.backward(logits: logits, targets: targets, mask: mask), addingInto: &gradient)
    return (logits, SigmoidCrossEntropy.forward(logits: logits, targets: targets, mask: mask), gradient)
  }

  /// The largest `|a − b| / max(1, |a|, |b|)` and where it is.
  static func worst(_ a: [Double], _ b: [Double]) -> (error: Double, index: Int) {
    var worst = (error: 0.0, index: 0)
    for i in a.indices {
      let error = abs(a[i] - b[i]) / max(1, abs(a[i]), abs(b[i]))
      if !(error <= worst.error) { worst = (error, i) }
    }
    return worst
  }

  static let cases: [(MachineConfiguration, UInt64)] = [
    (configuration(.feedForward, memory: .constant), 1), (configuration(.feedForward, memory: .learned), 2),
    (configuration(.feedForward, memory: .learned), 3), (configuration(.lstm, memory: .constant), 4),
    (configuration(.lstm, memory: .learned), 5), (configuration(.lstm, memory: .learned), 6),
    (configuration(.feedForward, memory: .random), 7), (configuration(.lstm, memory: .learned, writeHeads: 2), 8),
  ]

  @Test(arguments: cases)
  func theReferenceMachineEqualsTheTapeMachine(configuration: MachineConfiguration, seed: UInt64) {
    let (machine, inputs, targets, mask) = Self.problem(configuration, seed: seed)
    let reference = machine.reference(inputs: inputs, targets: targets, mask: mask)
    let tape = Self.tape(machine, inputs: inputs, targets: targets, mask: mask)
    let label = "\(configuration.controller), \(configuration.memoryInitialisation) memory, seed \(seed)"

    #expect(reference.logits.rows == inputs.rows && reference.gradient.count == machine.parameters.count)
    let logits = Self.worst(reference.logits.scalars, tape.logits.scalars)
    #expect(logits.error <= Self.tolerance, "\(label): logit \(logits.index)")
    #expect(abs(reference.loss - tape.loss) <= Self.tolerance * max(1, abs(tape.loss)), "\(label): loss")
    let gradient = Self.worst(reference.gradient, tape.gradient)
    let name = ParameterBlock.name(of: gradient.index, in: machine.parameterBlocks)
    #expect(
      gradient.error <= Self.tolerance,
      "\(label): \(name): reference \(reference.gradient[gradient.index]), tape \(tape.gradient[gradient.index])")
    // Every block receives a gradient, so the comparison covers the whole layout.
    for block in machine.parameterBlocks {
      #expect(reference.gradient[block.range].contains { $0 != 0 }, "\(label): \(block.name) has no gradient")
    }
  }

  /// The comparison can fail: a tape machine that drops one term of backpropagation through
  /// time (the weighting's path to the next step) no longer matches the reference.
  @Test func aDroppedTermInTheTapeMachineBreaksTheMatch() {
    var (machine, inputs, targets, mask) = Self.problem(Self.configuration(.feedForward, memory: .learned), seed: 2)
    let reference = machine.reference(inputs: inputs, targets: targets, mask: mask)
    machine.fault = .dropWeightingThroughTime
    let tape = Self.tape(machine, inputs: inputs, targets: targets, mask: mask)
    #expect(Self.worst(reference.gradient, tape.gradient).error > 1e-6)
  }

  /// The reference leaves the machine as it was: a random initial memory is drawn from a copy
  /// of the generator, the one the next tape forward draws.
  @Test func theReferenceDrawsTheRandomMemoryTheNextForwardDraws() {
    var (machine, inputs, _, _) = Self.problem(Self.configuration(.lstm, memory: .random), seed: 9)
    let generator = machine.memoryGenerator
    let (_, cache) = machine.referenceForward(inputs)
    #expect(machine.memoryGenerator == generator)
    _ = machine.forward(inputs)
    #expect(cache.initialMemory == machine.trace.initialMemory)
    #expect(cache.steps.count == inputs.rows)
  }
}
