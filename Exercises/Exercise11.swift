// Exercise 11 — reading, backward (paper §3.1)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 11     grade it
//   swift run ntm exercises hint 11      a hint (ask again for the next)
//   swift run ntm exercises reset 11     put this file back as it was
// Returning nil means "not done yet".
//
//     r = Σ_i w(i) M_i
//     ∂L/∂M_ij = w(i) · G_j,   ∂L/∂w(i) = G · M_i
//
// Given G = ∂L/∂r (W numbers), return ∂L/∂M (N rows of W) and ∂L/∂w (N numbers).

import Foundation

enum Exercise11 {
  static func readBackward(memory: [[Double]], weighting: [Double], outputGradient: [Double])
    -> (memory: [[Double]], weighting: [Double])?
  {
    // TODO: your code here
    return nil
  }
}
