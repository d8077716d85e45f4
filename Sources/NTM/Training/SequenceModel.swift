/// What the trainer needs of a model: a flat parameter vector, a forward pass over a whole
/// sequence that returns output logits, and a backward pass (through time) from the logits'
/// gradient to the parameters' gradient.
///
/// The NTM and the LSTM baseline both conform, so one trainer, one loss, one optimiser and
/// one checkpoint format serve both.
public protocol SequenceModel: SequenceModelMetatype {
  /// Inputs per time step.
  var inputSize: Int { get }
  /// Outputs per time step.
  var outputSize: Int { get }
  /// Every trainable parameter (weights, biases, learned initial state), as one flat vector.
  var parameters: [Double] { get set }

  /// Runs the sequence `inputs` (T × inputSize, one row per time step) from the initial
  /// state and returns the output **logits** (T × outputSize): the outputs are their
  /// sigmoids. Keeps what `backward` needs.
  mutating func forward(_ inputs: Matrix) -> Matrix

  /// Backpropagation through time for the sequence of the last `forward`: given
  /// `∂L/∂logits` (T × outputSize), **adds** `∂L/∂parameters` into `gradient`
  /// (`parameters.count` entries).
  mutating func backward(logitGradient: Matrix, addingInto gradient: inout [Double])

  /// Where the random numbers of the next `forward` start — a machine with a random initial
  /// memory draws `M_0` afresh for each sequence — or nil for a model whose forward draws none.
  ///
  /// Data-parallel training runs a batch's sequences on copies of the model, one per thread;
  /// it hands each copy the state its sequence would start from on one thread, so the batch
  /// draws the same numbers on any number of threads.
  var forwardGenerator: SplitMix64? { get set }

  /// Moves `generator` past what one `forward` draws from it, without running anything.
  func skipForward(_ generator: inout SplitMix64)
}

extension SequenceModel {
  /// A model whose forward draws nothing: no generator.
  public var forwardGenerator: SplitMix64? {
    get { nil }
    set {}
  }

  /// A model whose forward draws nothing: the generator stays where it is.
  public func skipForward(_ generator: inout SplitMix64) {}

  /// The state the next `forward` would start its draws from (nil if it draws none), and the
  /// model moved past them, as if that forward had run: what a copy on another thread needs to
  /// run the next sequence as this model would.
  mutating func takeForwardStart() -> SplitMix64? {
    guard var generator = forwardGenerator else { return nil }
    let start = generator
    skipForward(&generator)
    forwardGenerator = generator
    return start
  }
}

#if compiler(>=6.2)
  /// What `SequenceModel` asks of a model's type beyond its requirements: that the type itself
  /// may be used on other threads (`SendableMetatype`), as the batch and evaluation workers do
  /// when they run copies of a model at once. Compilers before 6.2 do not know the protocol and
  /// ask nothing.
  public typealias SequenceModelMetatype = SendableMetatype
#else
  /// What `SequenceModel` asks of a model's type beyond its requirements: nothing, on a
  /// compiler before 6.2 (from 6.2 on, `SendableMetatype`).
  public typealias SequenceModelMetatype = Any
#endif
