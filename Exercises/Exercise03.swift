// Exercise 3 — softmax, backward
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 3     grade it
//   swift run ntm exercises hint 3      a hint (ask again for the next)
//   swift run ntm exercises reset 3     put this file back as it was
// Returning nil means "not done yet".
//
//     p = softmax(z),   G = ∂L/∂p
//     ∂L/∂z_i = p_i (G_i − Σ_j p_j G_j)
//
// Given the forward's output p and the gradient G of its output, return ∂L/∂z, one number
// per score. You need only p, not z.

import Foundation

enum Exercise03 {
  static func softmaxBackward(output: [Double], outputGradient: [Double]) -> [Double]? {
    // TODO: your code here
    return nil
  }
}
