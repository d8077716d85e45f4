// Solution to exercise 5 — content addressing, backward (paper §3.3.1)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 5     grade it
//   swift run ntm exercises hint 5      a hint (ask again for the next)
//   swift run ntm exercises reset 5     put this file back as it was
// Returning nil means "not done yet".
//
//     K_i = K(k, M_i),   z_i = β K_i,   w_c = softmax(z)
//     ∂L/∂β = Σ_i (∂L/∂z_i) K_i,   ∂L/∂K_i = β ∂L/∂z_i,   then back through K
//
// The forward pass saved `similarity` (K) and `weighting` (w_c). Given G = ∂L/∂w_c, return
// the gradients of the key, the memory and the key strength β. Your answers to exercises 3
// and 4 are the two halves of this one: you may call Exercise03.softmaxBackward and
// Exercise04.cosineSimilarityBackward.

import Foundation

enum Exercise05 {
  static func contentAddressingBackward(
    key: [Double], memory: [[Double]], keyStrength: Double,
    similarity: [Double], weighting: [Double], outputGradient: [Double]
  ) -> (key: [Double], memory: [[Double]], keyStrength: Double)? {
    guard let dz = Exercise03.softmaxBackward(output: weighting, outputGradient: outputGradient),
      let cosine = Exercise04.cosineSimilarityBackward(key: key, memory: memory, outputGradient: dz.map { keyStrength * $0 })
    else { return nil }
    return (cosine.key, cosine.memory, zip(dz, similarity).reduce(0) { $0 + $1.0 * $1.1 })
  }
}
