/// Glorot & Bengio (2010) uniform initialisation: weights uniform in `±√(6 / (fan_in + fan_out))`,
/// which keeps the variance of activations and gradients about equal across a layer.
enum Glorot {
  static func limit(fanIn: Int, fanOut: Int) -> Double { (6 / Double(fanIn + fanOut)).squareRoot() }

  static func fill(
    _ weights: UnsafeMutablePointer<Double>, count: Int, fanIn: Int, fanOut: Int,
    using generator: inout some RandomNumberGenerator
  ) {
    let bound = limit(fanIn: fanIn, fanOut: fanOut)
    for i in 0..<count { weights[i] = bound * (2 * generator.nextUnit() - 1) }
  }
}
