/// A Neural Turing Machine (Graves, Wayne & Danihelka 2014): a controller network coupled to
/// an `N × W` memory through read and write heads, trained end to end by backpropagation
/// through time.
///
/// One step `t`, in the order this package fixes:
/// ```
/// h_t = controller([x_t ; r_{t−1}])                      all read vectors of the last step
/// w_t^read  = address(M_{t−1}, w_{t−1}^read),  r_t = Σ_i w_t(i) M_{t−1}(i)
/// w_t^write = address(M_{t−1}, w_{t−1}^write)
/// M_t = write_last(… write_first(M_{t−1}) …)            erase then add, in head order
/// y_t = W_y [h_t ; r_t] + b_y                             logits; the outputs are σ(y_t)
/// ```
/// Every head addresses the same `M_{t−1}`; with several write heads the writes are then
/// applied one after another in head order, each to the memory the previous one left.
///
/// Initial state: `w_0 = softmax(bias)` per head and `r_0 = tanh(bias)` per read head, with
/// learned biases; `M_0` constant 1e-6 (default), learned, or drawn afresh for every sequence
/// (see `MachineConfiguration.MemoryInitialisation`).
///
/// - Note: Original paper: Graves et al. (2014), arXiv:1410.5401. Deviations: the ε's in the
///   cosine similarity and the log-domain sharpening (see those stages), the clipped head
///   outputs (`HeadActivations`), and Collier & Beel's (2018) initialisation (constant
///   memory, learned initial weightings and read vectors), which the paper leaves open.
public struct NeuralTuringMachine: SequenceModel, Sendable {
  /// The sizes and choices this machine was built from.
  public let configuration: MachineConfiguration
  /// Every trainable parameter, laid out as `parameterBlocks` describes.
  public var parameters: [Double]
  /// The controller network.
  public var controller: any Controller { network }
  /// The heads: the read heads first, then the write heads (in the order they write).
  public let heads: [Head]
  /// Draws the initial memory of every sequence when `memoryInitialisation == .random`.
  /// Part of the machine's state: save it to resume a run exactly.
  public var memoryGenerator: SplitMix64

  /// The controller, as the kernels that run it.
  let network: any ControllerKernel
  let layout: MachineParameterLayout
  var tape: MachineTape
  /// `nil` always, except in the test that proves the gradient check can fail.
  var fault: BackwardFault?

  /// The standard deviation of a random initial memory's entries.
  public static let randomMemoryStandardDeviation = 0.5

  /// A machine with fresh parameters drawn from `generator`.
  /// - Precondition: `configuration.problems` is empty.
  public init(configuration: MachineConfiguration, using generator: inout some RandomNumberGenerator) {
    self.init(configuration: configuration, parameters: nil, memorySeed: generator.next())
    var fresh = parameters
    fresh.withUnsafeMutableBufferPointer { initialise($0.baseAddress!, using: &generator) }
    parameters = fresh
  }

  /// A machine with the given parameters (as saved from another machine of this
  /// configuration).
  /// - Precondition: `configuration.problems` is empty and `parameters.count` is the
  ///   configuration's parameter count.
  public init(configuration: MachineConfiguration, parameters: [Double], memorySeed: UInt64 = 0) {
    self.init(configuration: configuration, parameters: Optional(parameters), memorySeed: memorySeed)
  }

  private init(configuration c: MachineConfiguration, parameters: [Double]?, memorySeed: UInt64) {
    require(c.problems.isEmpty, "Invalid machine configuration: \(c.problems.joined(separator: "; "))")
    configuration = c
    (network, heads) = Self.parts(for: c)
    layout = MachineParameterLayout(controller: network, heads: heads, readHeads: c.readHeads, configuration: c)
    if let parameters {
      requireLength(parameters.count, layout.count, "Parameters of this machine configuration")
      self.parameters = parameters
    } else {
      self.parameters = [Double](repeating: 0, count: layout.count)
    }
    memoryGenerator = SplitMix64(seed: memorySeed)
    tape = MachineTape(
      layout: .init(controller: network, heads: heads, readHeads: c.readHeads, rows: c.memoryRows, width: c.memoryWidth))
  }

  /// How many parameters a machine of `configuration` has.
  public static func parameterCount(for configuration: MachineConfiguration) -> Int {
    let (controller, heads) = parts(for: configuration)
    return MachineParameterLayout(controller: controller, heads: heads, readHeads: configuration.readHeads, configuration: configuration)
      .count
  }

  /// The controller and heads of a machine of `c`: plain descriptions of shapes, which
  /// allocate nothing, so sizes can be worked out before the machine is built.
  static func parts(for c: MachineConfiguration) -> (controller: any ControllerKernel, heads: [Head]) {
    let controllerInput = c.inputSize + c.readHeads * c.memoryWidth
    let network: any ControllerKernel
    switch c.controller {
    case .feedForward:
      network = FeedForwardController(inputSize: controllerInput, sizes: c.controllerSizes, activation: c.controllerActivation)
    case .lstm:
      network = LSTMController(inputSize: controllerInput, sizes: c.controllerSizes)
    }
    let kinds = [HeadKind](repeating: .read, count: c.readHeads) + [HeadKind](repeating: .write, count: c.writeHeads)
    let heads = kinds.map {
      Head(kind: $0, rows: c.memoryRows, width: c.memoryWidth, shiftRange: c.shiftRange, controllerSize: network.outputSize)
    }
    return (network, heads)
  }

  public var inputSize: Int { configuration.inputSize }
  public var outputSize: Int { configuration.outputSize }
  var readHeadCount: Int { configuration.readHeads }
  var rows: Int { configuration.memoryRows }
  var width: Int { configuration.memoryWidth }
  /// `h_t` and every read vector: the output layer's input.
  var outputLayerInputs: Int { controller.outputSize + readHeadCount * width }

  /// Collier & Beel's initialisation: Glorot-uniform weights and zero biases in the
  /// controller, heads (plus their positive β and γ biases) and output layer; the learned
  /// initial biases (and a learned memory) Glorot-uniform as a layer from a single unit input.
  func initialise(_ p: UnsafeMutablePointer<Double>, using generator: inout some RandomNumberGenerator) {
    let p = slots(p)
    network.initialise(p.controller, using: &generator)
    for (k, head) in heads.enumerated() { head.initialise(p.head(k), using: &generator) }
    Glorot.fill(
      p.outputWeights, count: outputSize * outputLayerInputs, fanIn: outputLayerInputs, fanOut: outputSize,
      using: &generator)
    p.outputBias.update(repeating: 0, count: outputSize)
    for k in heads.indices { Glorot.fill(p.initialWeighting(k), count: rows, fanIn: 1, fanOut: rows, using: &generator) }
    for k in 0..<readHeadCount { Glorot.fill(p.initialRead(k), count: width, fanIn: 1, fanOut: width, using: &generator) }
    if let initialMemory = p.initialMemory {
      Glorot.fill(initialMemory, count: rows * width, fanIn: 1, fanOut: rows * width, using: &generator)
    }
  }

  /// Named slices of `parameters`, in order, covering all of it.
  public var parameterBlocks: [ParameterBlock] {
    var blocks = controller.parameterBlocks.map { $0.shifted(by: layout.controller, prefix: "controller.") }
    for (index, (head, offset)) in zip(heads, layout.heads).enumerated() {
      let name = headName(index)
      blocks.append(
        ParameterBlock(
          name: "\(name).weights", shape: [head.emittedCount, head.controllerSize], range: offset..<(offset + head.biasOffset)))
      blocks.append(
        ParameterBlock(name: "\(name).bias", shape: [head.emittedCount], range: (offset + head.biasOffset)..<(offset + head.parameterCount))
      )
    }
    blocks.append(
      ParameterBlock(name: "output.weights", shape: [outputSize, outputLayerInputs], range: layout.outputWeights..<layout.outputBias))
    blocks.append(ParameterBlock(name: "output.bias", shape: [outputSize], range: layout.outputBias..<(layout.outputBias + outputSize)))
    for (index, offset) in layout.initialWeightings.enumerated() {
      blocks.append(ParameterBlock(name: "\(headName(index)).initialWeighting", shape: [rows], range: offset..<(offset + rows)))
    }
    for (index, offset) in layout.initialReads.enumerated() {
      blocks.append(ParameterBlock(name: "\(headName(index)).initialRead", shape: [width], range: offset..<(offset + width)))
    }
    if let offset = layout.initialMemory {
      blocks.append(ParameterBlock(name: "memory.initial", shape: [rows, width], range: offset..<(offset + rows * width)))
    }
    return blocks
  }

  /// `read0`, `read1`, …, `write0`, …: the name of head `index` in reports.
  public func headName(_ index: Int) -> String {
    index < readHeadCount ? "read\(index)" : "write\(index - readHeadCount)"
  }
}
