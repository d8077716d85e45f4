/// One differentiable operation of the machine, in the shape CS231n teaches: the forward pass
/// returns its output and a cache, and the backward pass turns the output's gradient and that
/// cache into the gradient of every input.
///
/// ```
/// (y, cache) = forward(x)
/// ∂L/∂x      = backward(∂L/∂y, cache)
/// ```
/// The gradient comes back *shaped like the input*: the same type, the same field names. The
/// gradient of `Shift.Input(weighting:shiftWeighting:)` is a `Shift.Input` whose `.weighting`
/// is `∂L/∂w_g` and whose `.shiftWeighting` is `∂L/∂s`. So stages chain by field name, and one
/// generic checker (`GradientChecker.check(_:at:)`) checks them all.
///
/// Every stage's `forward` and `backward` are the plain loops of the equation in its doc
/// comment. The machine runs allocation-free kernels of the same equations instead (in the
/// `Stage+Kernel.swift` file beside each stage), and the tests hold each kernel to its
/// reference.
public protocol Stage {
  /// The stage's inputs and parameters, by role name.
  associatedtype Input
  /// What the forward pass produces.
  associatedtype Output
  /// What the backward pass needs from the forward pass. Public and inspectable: the
  /// playground draws it.
  associatedtype Cache

  /// The output, and what the backward pass will need.
  static func forward(_ input: Input) -> (output: Output, cache: Cache)

  /// The gradient of every input, shaped like the input: same type, same field names.
  static func backward(_ outputGradient: Output, _ cache: Cache) -> Input
}
