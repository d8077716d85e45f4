// Solution to exercise 13 — writing, backward (paper §3.2)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 13     grade it
//   swift run ntm exercises hint 13      a hint (ask again for the next)
//   swift run ntm exercises reset 13     put this file back as it was
// Returning nil means "not done yet".
//
//     M'_ij = M_ij (1 − w(i) e_j) + w(i) a_j,   G = ∂L/∂M'
//     ∂L/∂M_ij = G_ij (1 − w(i) e_j)
//     ∂L/∂w(i) = Σ_j G_ij (a_j − M_ij e_j)
//     ∂L/∂e_j  = −Σ_i G_ij M_ij w(i)
//     ∂L/∂a_j  = Σ_i G_ij w(i)
//
// `memory` is the memory *before* the write. Return the gradients of the memory, the
// weighting, the erase vector and the add vector.

import Foundation

enum Exercise13 {
  static func writeBackward(
    memory: [[Double]], weighting: [Double], erase: [Double], add: [Double], outputGradient: [[Double]]
  ) -> (memory: [[Double]], weighting: [Double], erase: [Double], add: [Double])? {
    var dMemory = memory
    var dWeighting = [Double](repeating: 0, count: weighting.count)
    var dErase = [Double](repeating: 0, count: erase.count)
    var dAdd = [Double](repeating: 0, count: add.count)
    for i in memory.indices {
      for j in memory[i].indices {
        let g = outputGradient[i][j]
        dMemory[i][j] = g * (1 - weighting[i] * erase[j])
        dWeighting[i] += g * (add[j] - memory[i][j] * erase[j])
        dErase[j] -= g * memory[i][j] * weighting[i]
        dAdd[j] += g * weighting[i]
      }
    }
    return (dMemory, dWeighting, dErase, dAdd)
  }
}
