/// The paper's baseline (Graves et al. 2014, §4): a network of stacked LSTM layers with a
/// linear output layer, and no external memory.
///
/// At every step `t`:
/// ```
/// h_t = LSTM_L(… LSTM_1(x_t) …)           stacked layers, each from h_0 = c_0 = 0
/// y_t = W_y h_t + b_y                     logits; the outputs are σ(y_t)
/// ```
/// The layers are `LSTMController`'s (its kernels and their hand-written backward pass), so
/// the baseline and the NTM's LSTM controller share one implementation. It is trained with the
/// same loss, metric, optimiser and trainer as the machine, through `SequenceModel`.
///
/// Parameters, flat: the LSTM layers (as `LSTMController` lays them out), then `W_y`
/// (`outputSize × H_top`), then `b_y`.
///
/// - Note: Original paper: Table 3 lists three layers of 128–512 units. The sizes here are the
///   caller's (`LSTMNetworkConfiguration`); the command line defaults to smaller layers so a
///   baseline trains in minutes on a CPU.
public struct LSTMNetwork: SequenceModel, Sendable {
  /// The sizes this network was built from.
  public let configuration: LSTMNetworkConfiguration
  /// Every trainable parameter, laid out as `parameterBlocks` describes.
  public var parameters: [Double]
  /// The stacked layers.
  public let layers: LSTMController

  /// Every step's LSTM record, one after another, kept for the backward pass.
  private var records: [Double] = []
  /// The inputs of the last forward pass.
  private var lastInputs = Matrix(rows: 0, columns: 0)

  /// A network with fresh parameters: Glorot-uniform weights, zero biases except the forget
  /// gates' (`LSTMController.initialise`).
  /// - Precondition: `configuration.problems` is empty.
  public init(configuration: LSTMNetworkConfiguration, using generator: inout some RandomNumberGenerator) {
    self.init(configuration: configuration, parameters: nil)
    var fresh = parameters
    let (layers, top, output) = (self.layers, self.topSize, configuration.outputSize)
    let outputOffset = self.outputWeightsOffset
    fresh.withUnsafeMutableBufferPointer { p in
      layers.initialise(p.baseAddress!, using: &generator)
      Glorot.fill(p.baseAddress! + outputOffset, count: output * top, fanIn: top, fanOut: output, using: &generator)
    }
    parameters = fresh
  }

  /// A network with the given parameters (as saved from another network of this shape).
  /// - Precondition: `configuration.problems` is empty and the count matches.
  public init(configuration: LSTMNetworkConfiguration, parameters: [Double]) {
    self.init(configuration: configuration, parameters: Optional(parameters))
  }

  private init(configuration: LSTMNetworkConfiguration, parameters: [Double]?) {
    require(
      configuration.problems.isEmpty, "Invalid LSTM network: \(configuration.problems.joined(separator: "; "))")
    self.configuration = configuration
    layers = LSTMController(inputSize: configuration.inputSize, sizes: configuration.layerSizes)
    let count = Self.parameterCount(for: configuration)
    if let parameters {
      requireLength(parameters.count, count, "Parameters of this LSTM network")
      self.parameters = parameters
    } else {
      self.parameters = [Double](repeating: 0, count: count)
    }
  }

  /// How many parameters a network of `configuration` has.
  public static func parameterCount(for configuration: LSTMNetworkConfiguration) -> Int {
    let layers = LSTMController(inputSize: configuration.inputSize, sizes: configuration.layerSizes)
    return layers.parameterCount + configuration.outputSize * (layers.outputSize + 1)
  }

  public var inputSize: Int { configuration.inputSize }
  public var outputSize: Int { configuration.outputSize }
  /// `H_top`, the width of the top layer.
  var topSize: Int { layers.outputSize }
  var outputWeightsOffset: Int { layers.parameterCount }
  var outputBiasOffset: Int { outputWeightsOffset + outputSize * topSize }

  /// Named slices of `parameters`, in order, covering all of it.
  public var parameterBlocks: [ParameterBlock] {
    layers.parameterBlocks + [
      ParameterBlock(name: "output.weights", shape: [outputSize, topSize], range: outputWeightsOffset..<outputBiasOffset),
      ParameterBlock(name: "output.bias", shape: [outputSize], range: outputBiasOffset..<(outputBiasOffset + outputSize)),
    ]
  }

  /// Runs `inputs` (T × `inputSize`) from the zero state; returns the logits (T × `outputSize`).
  /// - Precondition: `inputs.columns == inputSize`.
  public mutating func forward(_ inputs: Matrix) -> Matrix {
    require(
      inputs.columns == inputSize,
      "Input sequence \(inputs.shapeDescription) does not match an LSTM network with \(inputSize) inputs per step")
    let steps = inputs.rows
    let size = layers.recordSize
    if records.count < steps * size { records = [Double](repeating: 0, count: steps * size) }
    lastInputs = inputs
    var logits = Matrix(rows: steps, columns: outputSize)
    let (layers, top, outputs) = (self.layers, topSize, outputSize)
    let (weightsOffset, biasOffset, hiddenOffset) = (outputWeightsOffset, outputBiasOffset, layers.outputOffset)
    parameters.withUnsafeBufferPointer { p in
      inputs.scalars.withUnsafeBufferPointer { x in
        records.withUnsafeMutableBufferPointer { r in
          logits.scalars.withUnsafeMutableBufferPointer { y in
            for t in 0..<steps {
              let record = r.baseAddress! + t * size
              layers.forward(
                parameters: p.baseAddress!, input: x.baseAddress! + t * inputs.columns,
                previous: t == 0 ? nil : UnsafePointer(record - size), record: record)
              Linear.forward(
                weights: p.baseAddress! + weightsOffset, bias: p.baseAddress! + biasOffset,
                input: record + hiddenOffset, inputs: top, outputs: outputs, into: y.baseAddress! + t * outputs)
            }
          }
        }
      }
    }
    return logits
  }

  /// Backpropagation through time for the last `forward`: from the last step to the first,
  /// `∂h_t = W_yᵀ ∂y_t`, then through the stacked layers (which carry `∂h`, `∂c` back a step).
  /// - Precondition: `logitGradient` is T × `outputSize` for the last forward's T, and
  ///   `gradient` has `parameters.count` entries.
  public mutating func backward(logitGradient: Matrix, addingInto gradient: inout [Double]) {
    let steps = lastInputs.rows
    require(
      logitGradient.rows == steps && logitGradient.columns == outputSize,
      "Logit gradient \(logitGradient.shapeDescription) does not match \(steps) steps × \(outputSize) outputs")
    requireLength(gradient.count, parameters.count, "Gradient of the LSTM network")
    let size = layers.recordSize
    let (layers, top, outputs, inputs) = (self.layers, topSize, outputSize, inputSize)
    let (weightsOffset, biasOffset, hiddenOffset) = (outputWeightsOffset, outputBiasOffset, layers.outputOffset)
    var scratch = [Double](repeating: 0, count: layers.scratchSize + top + inputs)
    parameters.withUnsafeBufferPointer { p in
      lastInputs.scalars.withUnsafeBufferPointer { x in
        records.withUnsafeBufferPointer { r in
          logitGradient.scalars.withUnsafeBufferPointer { g in
            gradient.withUnsafeMutableBufferPointer { dp in
              scratch.withUnsafeMutableBufferPointer { s in
                let carried = s.baseAddress!
                let hiddenGradient = carried + layers.scratchSize
                let inputGradient = hiddenGradient + top
                layers.beginBackward(scratch: carried)
                for t in (0..<steps).reversed() {
                  let record = r.baseAddress! + t * size
                  hiddenGradient.update(repeating: 0, count: top)
                  Linear.backward(
                    weights: p.baseAddress! + weightsOffset, input: record + hiddenOffset,
                    outputGradient: g.baseAddress! + t * outputs, inputs: top, outputs: outputs,
                    addingInto: hiddenGradient, weightsGradient: dp.baseAddress! + weightsOffset,
                    biasGradient: dp.baseAddress! + biasOffset)
                  inputGradient.update(repeating: 0, count: inputs)
                  layers.backward(
                    parameters: p.baseAddress!, input: x.baseAddress! + t * inputs,
                    previous: t == 0 ? nil : record - size, record: record, outputGradient: hiddenGradient,
                    scratch: carried, addingInto: dp.baseAddress!, inputGradient: inputGradient)
                }
              }
            }
          }
        }
      }
    }
  }
}

extension LSTMNetwork: ParameterNaming {
  /// The block holding `index` and the element's position in it, e.g. `lstm1.weights[3, 17]`.
  public func parameterName(at index: Int) -> String {
    ParameterBlock.name(of: index, in: parameterBlocks)
  }
}
