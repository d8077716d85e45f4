import Testing

@testable import NTM

/// The tape machine's named parameter slots point where `parameterBlocks` says each block is.
struct ParameterSlotsTests {
  @Test(arguments: [MachineConfiguration.MemoryInitialisation.learned, .constant])
  func everySlotStartsItsBlock(memory: MachineConfiguration.MemoryInitialisation) {
    var generator = SplitMix64(seed: 1)
    let machine = NeuralTuringMachine(
      configuration: ReferenceMachineTests.configuration(.lstm, memory: memory, writeHeads: 2), using: &generator)
    let slots = machine.slots(0)
    let starts = Dictionary(uniqueKeysWithValues: machine.parameterBlocks.map { ($0.name, $0.range.lowerBound) })
    #expect(slots.controller == starts["controller.lstm0.weights"])
    #expect(slots.outputWeights == starts["output.weights"])
    #expect(slots.outputBias == starts["output.bias"])
    for k in machine.heads.indices {
      let name = machine.headName(k)
      #expect(slots.head(k) == starts["\(name).weights"])
      #expect(slots.initialWeighting(k) == starts["\(name).initialWeighting"])
      if k < machine.configuration.readHeads { #expect(slots.initialRead(k) == starts["\(name).initialRead"]) }
    }
    #expect(slots.initialMemory == starts["memory.initial"])
  }
}
