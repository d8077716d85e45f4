// Exercise 8 — shift, backward (paper §3.3.2)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 8     grade it
//   swift run ntm exercises hint 8      a hint (ask again for the next)
//   swift run ntm exercises reset 8     put this file back as it was
// Returning nil means "not done yet".
//
//     w̃(i) = Σ_Δ w_g((i − Δ) mod N) · s(Δ)
//     ∂L/∂w_g(j) = Σ_Δ G((j + Δ) mod N) · s(Δ)
//     ∂L/∂s(Δ)   = Σ_i G(i) · w_g((i − Δ) mod N)
//
// Given G = ∂L/∂w̃, return the gradients of the weighting w_g (N numbers) and of the shift
// weighting s (2R + 1 numbers, in the order −R…R).

import Foundation

enum Exercise08 {
  static func shiftBackward(_ weighting: [Double], shiftWeighting: [Double], outputGradient: [Double])
    -> (weighting: [Double], shiftWeighting: [Double])?
  {
    // TODO: your code here
    return nil
  }
}
