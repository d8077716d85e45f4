import Foundation

/// An LSTM controller (paper §4; Hochreiter & Schmidhuber 1997, in the form of Graves 2013),
/// one or more stacked layers. Layer `l` at step `t`, with input `x` (the controller input for
/// the first layer, the layer below's `h_t` otherwise):
/// ```
/// [i; f; ĉ; o] = W [x ; h_{t−1}] + b
/// i = σ(i),  f = σ(f),  ĉ = tanh(ĉ),  o = σ(o)
/// c_t = f ⊙ c_{t−1} + i ⊙ ĉ
/// h_t = o ⊙ tanh(c_t)
/// ```
/// The controller's output is the top layer's `h_t`; every layer starts from `h_0 = c_0 = 0`.
///
/// Parameters, layer by layer: the weights `W` (`4H × (fan-in + H)`, rows in gate order
/// input, forget, candidate, output), then the bias `b` (`4H`). A step's record holds, per
/// layer, the concatenated input `[x ; h_{t−1}]`, the four activated gates, `c_t`,
/// `tanh(c_t)` and `h_t`.
public struct LSTMController: Controller, Equatable, Hashable, Codable {
  public let inputSize: Int
  /// Units per stacked layer.
  public let sizes: [Int]

  /// The forget gate's initial bias: 1, so the cell remembers by default at the start of
  /// training (Gers et al. 2000; Jozefowicz et al. 2015).
  public static let initialForgetBias = 1.0

  /// - Precondition: `inputSize ≥ 1`; `sizes` not empty, all ≥ 1.
  public init(inputSize: Int, sizes: [Int]) {
    require(inputSize >= 1, "A controller needs an input of length ≥ 1, got \(inputSize)")
    require(!sizes.isEmpty && sizes.allSatisfy { $0 >= 1 }, "LSTM layer sizes must be one or more positive numbers, got \(sizes)")
    self.inputSize = inputSize
    self.sizes = sizes
  }

  public var outputSize: Int { sizes[sizes.count - 1] }
  func fanIn(_ layer: Int) -> Int { layer == 0 ? inputSize : sizes[layer - 1] }
  /// `fan-in + H`: the length of `[x ; h_{t−1}]`.
  func concatenated(_ layer: Int) -> Int { fanIn(layer) + sizes[layer] }

  /// Where layer `l`'s weights start; its bias follows them.
  func parameterOffset(_ layer: Int) -> Int {
    (0..<layer).reduce(0) { $0 + 4 * sizes[$1] * (concatenated($1) + 1) }
  }
  public var parameterCount: Int { parameterOffset(sizes.count) }

  public var parameterBlocks: [ParameterBlock] {
    sizes.indices.flatMap { l -> [ParameterBlock] in
      let start = parameterOffset(l)
      let weights = 4 * sizes[l] * concatenated(l)
      return [
        ParameterBlock(name: "lstm\(l).weights", shape: [4 * sizes[l], concatenated(l)], range: start..<(start + weights)),
        ParameterBlock(name: "lstm\(l).bias", shape: [4 * sizes[l]], range: (start + weights)..<(start + weights + 4 * sizes[l])),
      ]
    }
  }

  // MARK: Record: per layer [x ; h_{t−1}], gates (i, f, ĉ, o), c_t, tanh(c_t), h_t

  func layerRecordSize(_ layer: Int) -> Int { concatenated(layer) + 7 * sizes[layer] }
  func recordOffset(_ layer: Int) -> Int { (0..<layer).reduce(0) { $0 + layerRecordSize($1) } }
  func gatesOffset(_ layer: Int) -> Int { recordOffset(layer) + concatenated(layer) }
  func cellOffset(_ layer: Int) -> Int { gatesOffset(layer) + 4 * sizes[layer] }
  func cellTanhOffset(_ layer: Int) -> Int { cellOffset(layer) + sizes[layer] }
  func hiddenOffset(_ layer: Int) -> Int { cellTanhOffset(layer) + sizes[layer] }

  public var recordSize: Int { recordOffset(sizes.count) }
  public var outputOffset: Int { hiddenOffset(sizes.count - 1) }

  // MARK: Backward scratch: per layer ∂h and ∂c carried to the step before, ∂[x ; h_{t−1}];
  // then one ∂gates buffer shared by the layers.

  func scratchOffset(_ layer: Int) -> Int { (0..<layer).reduce(0) { $0 + 2 * sizes[$1] + concatenated($1) } }
  public var scratchSize: Int { scratchOffset(sizes.count) + 4 * (sizes.max() ?? 0) }

  /// Glorot-uniform weights; zero biases except the forget gate's.
  func initialise(_ parameters: UnsafeMutablePointer<Double>, using generator: inout some RandomNumberGenerator) {
    for l in sizes.indices {
      let h = sizes[l]
      let start = parameters + parameterOffset(l)
      Glorot.fill(start, count: 4 * h * concatenated(l), fanIn: concatenated(l), fanOut: h, using: &generator)
      let bias = start + 4 * h * concatenated(l)
      bias.update(repeating: 0, count: 4 * h)
      (bias + h).update(repeating: Self.initialForgetBias, count: h)
    }
  }

  func forward(
    parameters: UnsafePointer<Double>, input: UnsafePointer<Double>,
    previous: UnsafePointer<Double>?, record: UnsafeMutablePointer<Double>
  ) {
    for l in sizes.indices {
      let h = sizes[l]
      let fan = fanIn(l)
      let concat = record + recordOffset(l)
      concat.update(from: l == 0 ? input : UnsafePointer(record + hiddenOffset(l - 1)), count: fan)
      if let previous {
        (concat + fan).update(from: previous + hiddenOffset(l), count: h)
      } else {
        (concat + fan).update(repeating: 0, count: h)
      }
      let weights = parameters + parameterOffset(l)
      let gates = record + gatesOffset(l)
      Linear.forward(
        weights: weights, bias: weights + 4 * h * concatenated(l), input: concat,
        inputs: concatenated(l), outputs: 4 * h, into: gates)
      let cell = record + cellOffset(l)
      let cellTanh = record + cellTanhOffset(l)
      let hidden = record + hiddenOffset(l)
      for j in 0..<h {
        let i = Activation.sigmoid(gates[j])
        let f = Activation.sigmoid(gates[h + j])
        let candidate = tanh(gates[2 * h + j])
        let o = Activation.sigmoid(gates[3 * h + j])
        gates[j] = i
        gates[h + j] = f
        gates[2 * h + j] = candidate
        gates[3 * h + j] = o
        let previousCell = previous.map { $0[cellOffset(l) + j] } ?? 0
        cell[j] = f * previousCell + i * candidate
        cellTanh[j] = tanh(cell[j])
        hidden[j] = o * cellTanh[j]
      }
    }
  }

  func beginBackward(scratch: UnsafeMutablePointer<Double>) {
    scratch.update(repeating: 0, count: scratchSize)
  }

  /// From the top layer down, with `∂h = ∂h_t(from above) + ∂h carried from step t + 1` and
  /// `∂c` likewise:
  /// ```
  /// ∂o = ∂h ⊙ tanh(c_t)              ∂c += ∂h ⊙ o ⊙ (1 − tanh²(c_t))
  /// ∂i = ∂c ⊙ ĉ     ∂ĉ = ∂c ⊙ i      ∂f = ∂c ⊙ c_{t−1}      ∂c_{t−1} = ∂c ⊙ f
  /// ```
  /// then through the gate activations and the linear layer, whose input gradient splits
  /// into `∂x` (to the layer below) and `∂h_{t−1}` (carried to step t − 1).
  func backward(
    parameters: UnsafePointer<Double>, input: UnsafePointer<Double>,
    previous: UnsafePointer<Double>?, record: UnsafePointer<Double>,
    outputGradient: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>,
    addingInto parameterGradient: UnsafeMutablePointer<Double>,
    inputGradient: UnsafeMutablePointer<Double>
  ) {
    let gatesGradient = scratch + scratchOffset(sizes.count)
    for l in sizes.indices.reversed() {
      let h = sizes[l]
      let fan = fanIn(l)
      let hiddenCarry = scratch + scratchOffset(l)
      let cellCarry = hiddenCarry + h
      let concatGradient = cellCarry + h
      let fromAbove = l == sizes.count - 1 ? outputGradient : UnsafePointer(scratch + scratchOffset(l + 1) + 2 * sizes[l + 1])
      let gates = record + gatesOffset(l)
      let cellTanh = record + cellTanhOffset(l)
      for j in 0..<h {
        let (i, f, candidate, o) = (gates[j], gates[h + j], gates[2 * h + j], gates[3 * h + j])
        let hiddenGradient = fromAbove[j] + hiddenCarry[j]
        let cellGradient = cellCarry[j] + hiddenGradient * o * (1 - cellTanh[j] * cellTanh[j])
        let previousCell = previous.map { $0[cellOffset(l) + j] } ?? 0
        gatesGradient[j] = cellGradient * candidate * i * (1 - i)
        gatesGradient[h + j] = cellGradient * previousCell * f * (1 - f)
        gatesGradient[2 * h + j] = cellGradient * i * (1 - candidate * candidate)
        gatesGradient[3 * h + j] = hiddenGradient * cellTanh[j] * o * (1 - o)
        cellCarry[j] = cellGradient * f
      }
      concatGradient.update(repeating: 0, count: concatenated(l))
      let offset = parameterOffset(l)
      Linear.backward(
        weights: parameters + offset, input: record + recordOffset(l), outputGradient: gatesGradient,
        inputs: concatenated(l), outputs: 4 * h, addingInto: concatGradient,
        weightsGradient: parameterGradient + offset,
        biasGradient: parameterGradient + offset + 4 * h * concatenated(l))
      hiddenCarry.update(from: concatGradient + fan, count: h)
      if l == 0 {
        for j in 0..<fan { inputGradient[j] += concatGradient[j] }
      }
    }
  }
}

extension LSTMController: ControllerKernel {
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
