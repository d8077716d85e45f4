import Foundation

/// A feed-forward controller (paper §4: "a feedforward controller"): one or more layers
/// ```
/// h⁰ = [x_t ; r_{t−1}],    hˡ = f(Wˡ hˡ⁻¹ + bˡ),    h_t = h^L
/// ```
/// with `f` = `tanh` or `relu`. It has no state of its own: everything the machine remembers
/// between steps is in the memory and the read vectors.
///
/// Parameters, layer by layer: weights (`sizes[l] × fan-in`, row-major), then bias. A step's
/// record holds every layer's output `hˡ`.
public struct FeedForwardController: Controller, Equatable, Hashable, Codable {
  public let inputSize: Int
  /// Units per layer.
  public let sizes: [Int]
  /// `.tanh` or `.relu`.
  public let activation: Activation

  /// - Precondition: `inputSize ≥ 1`; `sizes` not empty, all ≥ 1; `activation` is tanh or relu.
  public init(inputSize: Int, sizes: [Int], activation: Activation = .tanh) {
    require(inputSize >= 1, "A controller needs an input of length ≥ 1, got \(inputSize)")
    require(!sizes.isEmpty && sizes.allSatisfy { $0 >= 1 }, "Controller layer sizes must be one or more positive numbers, got \(sizes)")
    require(activation == .tanh || activation == .relu, "A feed-forward controller uses tanh or relu, got \(activation)")
    self.inputSize = inputSize
    self.sizes = sizes
    self.activation = activation
  }

  public var outputSize: Int { sizes[sizes.count - 1] }
  func fanIn(_ layer: Int) -> Int { layer == 0 ? inputSize : sizes[layer - 1] }
  /// Where layer `l`'s weights start; its bias follows them.
  func parameterOffset(_ layer: Int) -> Int {
    (0..<layer).reduce(0) { $0 + sizes[$1] * (fanIn($1) + 1) }
  }
  public var parameterCount: Int { parameterOffset(sizes.count) }

  public var parameterBlocks: [ParameterBlock] {
    sizes.indices.flatMap { l -> [ParameterBlock] in
      let start = parameterOffset(l)
      let weights = sizes[l] * fanIn(l)
      return [
        ParameterBlock(name: "layer\(l).weights", shape: [sizes[l], fanIn(l)], range: start..<(start + weights)),
        ParameterBlock(name: "layer\(l).bias", shape: [sizes[l]], range: (start + weights)..<(start + weights + sizes[l])),
      ]
    }
  }

  /// Where layer `l`'s output starts in a step's record.
  func recordOffset(_ layer: Int) -> Int { sizes[..<layer].reduce(0, +) }
  public var recordSize: Int { sizes.reduce(0, +) }
  public var outputOffset: Int { recordOffset(sizes.count - 1) }
  /// Two buffers of the widest layer, `∂hˡ` and `∂zˡ`.
  public var scratchSize: Int { 2 * (sizes.max() ?? 0) }

  /// Glorot-uniform weights, zero biases.
  func initialise(_ parameters: UnsafeMutablePointer<Double>, using generator: inout some RandomNumberGenerator) {
    for l in sizes.indices {
      let start = parameters + parameterOffset(l)
      Glorot.fill(start, count: sizes[l] * fanIn(l), fanIn: fanIn(l), fanOut: sizes[l], using: &generator)
      (start + sizes[l] * fanIn(l)).update(repeating: 0, count: sizes[l])
    }
  }

  func forward(
    parameters: UnsafePointer<Double>, input: UnsafePointer<Double>,
    previous: UnsafePointer<Double>?, record: UnsafeMutablePointer<Double>
  ) {
    for l in sizes.indices {
      let weights = parameters + parameterOffset(l)
      let layerInput = l == 0 ? input : UnsafePointer(record + recordOffset(l - 1))
      let output = record + recordOffset(l)
      Linear.forward(
        weights: weights, bias: weights + sizes[l] * fanIn(l), input: layerInput, inputs: fanIn(l),
        outputs: sizes[l], into: output)
      switch activation {
      case .relu: for i in 0..<sizes[l] where output[i] < 0 { output[i] = 0 }
      default: for i in 0..<sizes[l] { output[i] = tanh(output[i]) }
      }
    }
  }

  func beginBackward(scratch: UnsafeMutablePointer<Double>) {}

  /// `∂zˡ = f'(zˡ) ∂hˡ` from the saved output (`1 − h²` for tanh, `h > 0` for relu), then the
  /// linear layer's backward, from the top layer down.
  func backward(
    parameters: UnsafePointer<Double>, input: UnsafePointer<Double>,
    previous: UnsafePointer<Double>?, record: UnsafePointer<Double>,
    outputGradient: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>,
    addingInto parameterGradient: UnsafeMutablePointer<Double>,
    inputGradient: UnsafeMutablePointer<Double>
  ) {
    let widest = sizes.max() ?? 0
    var outputGradient = outputGradient
    let preActivationGradient = scratch + widest
    for l in sizes.indices.reversed() {
      let output = record + recordOffset(l)
      for i in 0..<sizes[l] {
        let derivative = activation == .relu ? (output[i] > 0 ? 1.0 : 0.0) : 1 - output[i] * output[i]
        preActivationGradient[i] = derivative * outputGradient[i]
      }
      let below: UnsafeMutablePointer<Double>
      if l == 0 {
        below = inputGradient
      } else {
        below = scratch
        below.update(repeating: 0, count: sizes[l - 1])
      }
      let offset = parameterOffset(l)
      Linear.backward(
        weights: parameters + offset, input: l == 0 ? input : record + recordOffset(l - 1),
        outputGradient: preActivationGradient, inputs: fanIn(l), outputs: sizes[l],
        addingInto: below, weightsGradient: parameterGradient + offset,
        biasGradient: parameterGradient + offset + sizes[l] * fanIn(l))
      outputGradient = UnsafePointer(scratch)
    }
  }
}

extension FeedForwardController: ControllerKernel {
  public func initialParameters(using generator: inout some RandomNumberGenerator) -> [Double] {
    freshParameters(using: &generator)
  }

  public func forward(parameters: [Double], inputs: Matrix) -> ControllerRun {
    run(parameters: parameters, inputs: inputs)
  }

  public func backward(parameters: [Double], inputs: Matrix, run: ControllerRun, outputGradient: Matrix)
    -> (parameters: [Double], inputs: Matrix)
  {
    backpropagate(parameters: parameters, inputs: inputs, run: run, outputGradient: outputGradient)
  }

  public func forward(parameters: [Double], input: [Double], previous: [Double]?) -> [Double] {
    runStep(parameters: parameters, input: input, previous: previous)
  }

  public func initialBackwardCarry() -> [Double] { freshBackwardCarry() }

  public func backward(
    parameters: [Double], input: [Double], previous: [Double]?, record: [Double],
    outputGradient: [Double], carry: inout [Double]
  ) -> (parameters: [Double], input: [Double]) {
    backpropagateStep(
      parameters: parameters, input: input, previous: previous, record: record, outputGradient: outputGradient,
      carry: &carry)
  }
}
