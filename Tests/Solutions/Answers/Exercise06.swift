// Solution to exercise 6 — interpolation, backward (paper §3.3.2)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 6     grade it
//   swift run ntm exercises hint 6      a hint (ask again for the next)
//   swift run ntm exercises reset 6     put this file back as it was
// Returning nil means "not done yet".
//
//     w_g = g · w_c + (1 − g) · w_prev
//
// Given G = ∂L/∂w_g, return ∂L/∂w_c, ∂L/∂w_prev (N numbers each) and ∂L/∂g (one number).
// The gate is used once per row, so its gradient is a sum over the rows.

import Foundation

enum Exercise06 {
  static func interpolationBackward(
    content: [Double], previous: [Double], gate: Double, outputGradient: [Double]
  ) -> (content: [Double], previous: [Double], gate: Double)? {
    let dGate = zip(outputGradient, zip(content, previous)).reduce(0) { $0 + $1.0 * ($1.1.0 - $1.1.1) }
    return (outputGradient.map { gate * $0 }, outputGradient.map { (1 - gate) * $0 }, dGate)
  }
}
