/// Named slots of the machine's flat buffers, so the step loops say what they touch
/// (`tape.headRecord(k, step: t)`, `gradient.head(k)`) instead of adding offsets by hand.
///
/// Two kinds of offset meet in the machine and must not be mixed up:
/// - `MachineParameterLayout` places each block in the parameter vector, and so in its
///   gradient, which has the same layout: read it through `ParameterSlots`;
/// - `MachineTape.Layout` places each value in a step's record and in the tape's state
///   block: read it through the `MachineTape` accessors below.

/// The parameter vector, or its gradient, seen through `MachineParameterLayout`.
struct ParameterSlots<Pointer: Strideable> where Pointer.Stride == Int {
  /// The first parameter (or its gradient).
  let base: Pointer
  let layout: MachineParameterLayout

  /// The controller's parameters.
  var controller: Pointer { base.advanced(by: layout.controller) }
  /// Head `k`'s `W_head` followed by `b_head`.
  func head(_ k: Int) -> Pointer { base.advanced(by: layout.heads[k]) }
  /// `W_y`, outputs × `[h_t ; r_t]`.
  var outputWeights: Pointer { base.advanced(by: layout.outputWeights) }
  /// `b_y`.
  var outputBias: Pointer { base.advanced(by: layout.outputBias) }
  /// The bias of head `k`'s initial weighting, `w_0 = softmax(bias)`.
  func initialWeighting(_ k: Int) -> Pointer { base.advanced(by: layout.initialWeightings[k]) }
  /// The bias of read head `k`'s initial read vector, `r_0 = tanh(bias)`.
  func initialRead(_ k: Int) -> Pointer { base.advanced(by: layout.initialReads[k]) }
  /// The learned `M_0`, or `nil` when the initial memory is not learned.
  var initialMemory: Pointer? { layout.initialMemory.map { base.advanced(by: $0) } }
}

extension NeuralTuringMachine {
  /// `base`, the start of the parameters or of their gradient, with its blocks named.
  @inline(__always)
  func slots<Pointer>(_ base: Pointer) -> ParameterSlots<Pointer> { ParameterSlots(base: base, layout: layout) }
}

extension MachineTape {
  // MARK: Step t's record

  /// `[x_t ; r_{t−1}]`, the controller's input at step `t`.
  @inline(__always) func controllerInput(_ t: Int) -> UnsafeMutablePointer<Double> { record(t) + layout.controllerInput }
  /// The controller's record of step `t`.
  @inline(__always) func controllerRecord(_ t: Int) -> UnsafeMutablePointer<Double> { record(t) + layout.controllerRecord }
  /// `‖M_{t−1}(i)‖` per row, shared by the heads at step `t`.
  @inline(__always) func rowNorms(_ t: Int) -> UnsafeMutablePointer<Double> { record(t) + layout.rowNorms }
  /// Head `k`'s record of step `t` (offsets inside it are the `Head`'s).
  @inline(__always) func headRecord(_ k: Int, step t: Int) -> UnsafeMutablePointer<Double> { record(t) + layout.heads[k] }
  /// `[h_t ; r_t]`, the output layer's input at step `t`.
  @inline(__always) func outputInput(_ t: Int) -> UnsafeMutablePointer<Double> { record(t) + layout.outputInput }

  /// The memory write head `j` (counted among the write heads) writes on at step `t`: `M_{t−1}`
  /// for the first, then what the one before left; block `j + 1` holds its result.
  @inline(__always) func memory(beforeWrite j: Int, step t: Int) -> UnsafeMutablePointer<Double> {
    memory(t * layout.writeHeads + j)
  }

  // MARK: The state block

  /// `w_0` of head `k`.
  @inline(__always) func initialWeighting(_ k: Int) -> UnsafeMutablePointer<Double> { state + layout.initialWeightings[k] }
  /// `r_0` of read head `k`.
  @inline(__always) func initialRead(_ k: Int, width: Int) -> UnsafeMutablePointer<Double> {
    state + layout.initialReads + k * width
  }
  /// `∂L/∂(k, β, g, s, γ, e, a)` of head `k` at the step being visited.
  @inline(__always) func emittedGradient(_ k: Int) -> UnsafeMutablePointer<Double> { state + layout.emittedGradients[k] }
  /// `∂L/∂w_t` of head `k`: what the step after sent back, then what this step adds.
  @inline(__always) func weightingGradient(_ k: Int) -> UnsafeMutablePointer<Double> { state + layout.weightingGradients[k] }
  /// `∂L/∂w_{t−1}` of head `k`, as this step's interpolation computes it.
  @inline(__always) func previousWeightingGradient(_ k: Int) -> UnsafeMutablePointer<Double> {
    state + layout.previousWeightingGradients[k]
  }
  /// Scratch for one head's backward step.
  var headScratch: UnsafeMutablePointer<Double> { state + layout.headScratch }
  /// `∂L/∂M`: after the step's writes on entry to a step, `∂L/∂M_{t−1}` when it is done.
  var memoryGradient: UnsafeMutablePointer<Double> { state + layout.memoryGradient }
  /// `∂L/∂[h_t ; r_t]`.
  var outputInputGradient: UnsafeMutablePointer<Double> { state + layout.outputInputGradient }
  /// `∂L/∂[x_t ; r_{t−1}]`.
  var controllerInputGradient: UnsafeMutablePointer<Double> { state + layout.controllerInputGradient }
  /// `∂L/∂r_t` of every read head, as the controller at step `t + 1` sent it back.
  var readGradientCarry: UnsafeMutablePointer<Double> { state + layout.readGradientCarry }
  /// What the controller's backward pass carries from step to step.
  var controllerScratch: UnsafeMutablePointer<Double> { state + layout.controllerScratch }
}
