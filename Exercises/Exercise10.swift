// Exercise 10 — sharpening, backward (paper §3.3.2)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 10     grade it
//   swift run ntm exercises hint 10      a hint (ask again for the next)
//   swift run ntm exercises reset 10     put this file back as it was
// Returning nil means "not done yet".
//
//     z_i = γ · log(w̃_i + ε),   w = softmax(z),   ε = 1e-12
//     ∂L/∂w̃_i = γ · (∂L/∂z_i) / (w̃_i + ε)
//     ∂L/∂γ   = Σ_i (∂L/∂z_i) · log(w̃_i + ε)
//
// The forward's input w̃ (`weighting`) and output w (`output`) are given, with
// G = ∂L/∂w. Return ∂L/∂w̃ (N numbers) and ∂L/∂γ. ∂L/∂z is a softmax backward (exercise 3).

import Foundation

enum Exercise10 {
  static let epsilon = 1e-12

  static func sharpenBackward(
    _ weighting: [Double], sharpening: Double, output: [Double], outputGradient: [Double]
  ) -> (weighting: [Double], sharpening: Double)? {
    // TODO: your code here
    return nil
  }
}
