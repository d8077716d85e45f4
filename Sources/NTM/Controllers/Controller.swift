/// The controller network (paper §2, §4): at every step it reads the external input and the
/// last read vectors, `[x_t ; r_{t−1}]`, and emits `h_t`, from which the heads and the output
/// layer take their values.
///
/// Like a `Head`, a controller holds only sizes. Its parameters live in the caller's flat
/// parameter vector; each step's values in a caller-owned record of `recordSize` numbers; and
/// what its backward pass carries from one step to the one before (an LSTM's `∂h`, `∂c`) in a
/// scratch buffer of `scratchSize` numbers. So a whole sequence runs without allocating.
public protocol Controller: Sendable {
  /// The length of the input `[x_t ; r_{t−1}]`.
  var inputSize: Int { get }
  /// The length of the output `h_t`.
  var outputSize: Int { get }
  /// How many parameters it has.
  var parameterCount: Int { get }
  /// Named slices of its parameters, offsets relative to its first parameter.
  var parameterBlocks: [ParameterBlock] { get }
  /// Numbers in one step's record.
  var recordSize: Int { get }
  /// Where `h_t` sits inside a step's record.
  var outputOffset: Int { get }
  /// Numbers of scratch its backward pass needs.
  var scratchSize: Int { get }

  /// Fresh initial parameters as an array.
  func initialParameters(using generator: inout some RandomNumberGenerator) -> [Double]

  /// Runs every row of `inputs` (T × `inputSize`) from the zero state.
  func forward(parameters: [Double], inputs: Matrix) -> ControllerRun

  /// Backpropagation through time: the gradients of the parameters and of every input row,
  /// given `∂L/∂h_t` for every step (T × `outputSize`).
  func backward(parameters: [Double], inputs: Matrix, run: ControllerRun, outputGradient: Matrix)
    -> (parameters: [Double], inputs: Matrix)

  /// One step forward from the previous step's record (`nil` at the first step: the zero
  /// state), for a reader who goes step by step because each step's input depends on the
  /// step before, as `[x_t ; r_{t−1}]` does. Returns this step's record; `h_t` is
  /// `output(of:)` it.
  func forward(parameters: [Double], input: [Double], previous: [Double]?) -> [Double]

  /// What the step-by-step backward carries to the step before, before it has visited any
  /// step (`scratchSize` numbers): pass it to the last step's `backward(…carry:)`.
  func initialBackwardCarry() -> [Double]

  /// One step backward; visit the steps last to first, passing the same `carry` along (an
  /// LSTM's `∂h_{t−1}`, `∂c_{t−1}`; unused by a feed-forward controller).
  /// - Returns: `∂L/∂parameters` of this step and `∂L/∂[x_t ; r_{t−1}]`.
  func backward(
    parameters: [Double], input: [Double], previous: [Double]?, record: [Double],
    outputGradient: [Double], carry: inout [Double]
  ) -> (parameters: [Double], input: [Double])
}

/// The kernels a controller runs inside the machine: one step forward and backward on
/// pointers into the machine's tape, allocating nothing. The array forms of `Controller` run
/// these over a sequence.
protocol ControllerKernel: Controller {
  /// Writes initial parameters.
  func initialise(_ parameters: UnsafeMutablePointer<Double>, using generator: inout some RandomNumberGenerator)

  /// Kernel: one step forward.
  /// - Parameters:
  ///   - parameters: this controller's `parameterCount` parameters.
  ///   - input: `inputSize` numbers.
  ///   - previous: the previous step's record, or `nil` at the first step (zero state).
  ///   - record: this step's record, overwritten.
  func forward(
    parameters: UnsafePointer<Double>, input: UnsafePointer<Double>,
    previous: UnsafePointer<Double>?, record: UnsafeMutablePointer<Double>)

  /// Kernel: clears what the backward pass carries between steps, before the last step.
  func beginBackward(scratch: UnsafeMutablePointer<Double>)

  /// Kernel: one step backward; steps must be visited last to first.
  /// - Parameters:
  ///   - parameters: this controller's parameters, as in the forward pass.
  ///   - input: the step's input, as in the forward pass.
  ///   - previous: the previous step's record, or `nil` at the first step.
  ///   - record: this step's record, written by the forward pass.
  ///   - scratch: `scratchSize` numbers carried from step to step; see `beginBackward`.
  ///   - outputGradient: `∂L/∂h_t` from the heads and the output layer at this step.
  ///   - parameterGradient: adds `∂L/∂parameters`.
  ///   - inputGradient: adds `∂L/∂[x_t ; r_{t−1}]`.
  func backward(
    parameters: UnsafePointer<Double>, input: UnsafePointer<Double>,
    previous: UnsafePointer<Double>?, record: UnsafePointer<Double>,
    outputGradient: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>,
    addingInto parameterGradient: UnsafeMutablePointer<Double>,
    inputGradient: UnsafeMutablePointer<Double>)
}

/// A named slice of a flat parameter vector: what `ntm gradcheck`, checkpoints and reports
/// call a tensor.
public struct ParameterBlock: Sendable, Equatable, Hashable, Codable {
  /// For example `controller.layer0.weights`.
  public var name: String
  /// `[rows, columns]` for a matrix, `[count]` for a vector.
  public var shape: [Int]
  /// Where it lies in the flat vector.
  public var range: Range<Int>

  public init(name: String, shape: [Int], range: Range<Int>) {
    require(shape.reduce(1, *) == range.count, "Block \(name): shape \(shape) does not fill \(range.count) numbers")
    self.name = name
    self.shape = shape
    self.range = range
  }

  /// The same block moved by `offset` and with `prefix` before its name.
  public func shifted(by offset: Int, prefix: String = "") -> ParameterBlock {
    ParameterBlock(name: prefix + name, shape: shape, range: (range.lowerBound + offset)..<(range.upperBound + offset))
  }

  /// The name of the flat parameter `index` within `blocks`: its block and position, e.g.
  /// `read0.weights[3, 17]`, or `parameter 12` when no block holds it.
  public static func name(of index: Int, in blocks: [ParameterBlock]) -> String {
    guard let block = blocks.first(where: { $0.range.contains(index) }) else { return "parameter \(index)" }
    var offset = index - block.range.lowerBound
    var position: [Int] = []
    for size in block.shape.reversed() where size > 0 {
      position.insert(offset % size, at: 0)
      offset /= size
    }
    return "\(block.name)[\(position.map(String.init).joined(separator: ", "))]"
  }
}
