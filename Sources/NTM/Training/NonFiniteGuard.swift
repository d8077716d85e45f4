/// Training stops at the first NaN or infinity, or the first loss or parameter past its
/// divergence bound (`NonFiniteGuard.lossPerBitBound`, `NonFiniteGuard.parameterBound`), and
/// says where it appeared: which step, which
/// tensor, which element and — when the model names its parameters — which parameter.
public struct NonFiniteError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The update (counting from 1) during which the value appeared.
  public var step: Int
  /// What held it: "loss", "logits", "gradient", "parameters".
  public var tensor: String
  /// The flat index of the first non-finite element (nil for a scalar).
  public var index: Int?
  /// The parameter at that index, e.g. `controller.weights[3, 17]`, when known.
  public var parameterName: String?
  /// The value found (NaN or ±∞, or a finite value beyond `bound`).
  public var value: Double
  /// The divergence bound the value went past; nil when the value is NaN or infinite.
  public var bound: Double?

  public init(step: Int, tensor: String, index: Int?, parameterName: String?, value: Double, bound: Double? = nil) {
    self.step = step
    self.tensor = tensor
    self.index = index
    self.parameterName = parameterName
    self.value = value
    self.bound = bound
  }

  public var description: String {
    var text =
      if let bound { "diverging \(tensor) (\(value), beyond ±\(bound)) at step \(step)" } else {
        "non-finite \(tensor) (\(value)) at step \(step)"
      }
    if let index { text += ", element \(index)" }
    if let parameterName { text += " (\(parameterName))" }
    return text
  }
}

/// A model that can name each entry of its flat parameter vector, so messages point at a
/// weight rather than at an index.
public protocol ParameterNaming {
  /// The name of `parameters[index]`, e.g. `readHead0.key.weights[2, 5]`.
  func parameterName(at index: Int) -> String
}

/// A model that draws random numbers of its own while it runs (a machine whose initial memory
/// is random for every sequence): its generator is part of a run's state, and checkpoints save
/// it so that a resumed run draws the same numbers.
public protocol RandomisedModel {
  var modelGenerator: SplitMix64 { get set }
}

/// The checks the trainer runs after each computation.
///
/// A run that diverges does not always reach NaN at once: its loss can climb 1e6 → 1e20 for
/// thousands of steps, every number finite, training on nothing. So values beyond a bound no
/// healthy run comes near count as divergence too, and stop the run like a NaN.
public enum NonFiniteGuard {
  /// The largest mean loss per answer bit (nats) a run may report before it counts as
  /// diverged. An untrained model scores ln 2 ≈ 0.69 per bit and a confidently wrong one a few
  /// dozen; a thousand takes logits of a thousand, which only runaway weights produce. The
  /// bound is per bit, not per sequence, because the flags allow sequences of a few bits and
  /// of hundreds of millions.
  public static let lossPerBitBound = 1e3

  /// The largest parameter magnitude before a run counts as diverged. Parameters start within
  /// about ±1, and RMSProp and Adam move each by about the learning rate per update
  /// (≲ 1e-3 at the rates that train), so a million updates leave a healthy run within ±1e3;
  /// far past that, logits grow until the loss overflows and a checkpoint would hold numbers
  /// that evaluate to NaN.
  public static let parameterBound = 1e6

  /// Throws when `loss`, the loss of one sequence with `answerBits` scored bits, is beyond
  /// `lossPerBitBound` per bit. A sequence without scored bits is never diverged.
  public static func checkDivergence(loss: Double, answerBits: Double, step: Int) throws(NonFiniteError) {
    guard answerBits > 0, loss / answerBits > lossPerBitBound else { return }
    throw NonFiniteError(
      step: step, tensor: "loss per answer bit", index: nil, parameterName: nil, value: loss / answerBits, bound: lossPerBitBound)
  }

  /// Throws for the first element of `values` beyond `±bound`, naming it with `naming` if given.
  public static func checkDivergence(
    _ values: [Double], bound: Double, step: Int, tensor: String, naming: ParameterNaming? = nil
  ) throws(NonFiniteError) {
    guard let index = values.firstIndex(where: { abs($0) > bound }) else { return }
    throw NonFiniteError(
      step: step, tensor: tensor, index: index, parameterName: naming?.parameterName(at: index), value: values[index], bound: bound)
  }

  /// Throws when `value` is NaN or infinite.
  public static func check(_ value: Double, step: Int, tensor: String) throws(NonFiniteError) {
    if !value.isFinite { throw NonFiniteError(step: step, tensor: tensor, index: nil, parameterName: nil, value: value) }
  }

  /// Throws for the first non-finite element of `values`, naming it with `naming` if given.
  public static func check(
    _ values: [Double], step: Int, tensor: String, naming: ParameterNaming? = nil
  ) throws(NonFiniteError) {
    // `x · 0` is 0 for every finite `x` and NaN otherwise, so this sum is 0 exactly when all
    // values are finite: one branch-free pass in the common case, a scan only on failure.
    var sum = 0.0
    for value in values { sum += value * 0 }
    guard !sum.isFinite else { return }
    if let index = values.firstIndex(where: { !$0.isFinite }) {
      throw NonFiniteError(
        step: step, tensor: tensor, index: index, parameterName: naming?.parameterName(at: index),
        value: values[index])
    }
  }
}
