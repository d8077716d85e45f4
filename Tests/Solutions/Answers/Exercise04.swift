// Solution to exercise 4 — cosine similarity, backward
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 4     grade it
//   swift run ntm exercises hint 4      a hint (ask again for the next)
//   swift run ntm exercises reset 4     put this file back as it was
// Returning nil means "not done yet".
//
//     K_i = d_i / D_i,   d_i = k·M_i,   a = ‖k‖,   b_i = ‖M_i‖,   D_i = a b_i + ε
//     ∂K_i/∂k   = M_i / D_i − (d_i b_i / D_i²) · k / a      (last term 0 when a = 0)
//     ∂K_i/∂M_i = k / D_i − (d_i a / D_i²) · M_i / b_i      (last term 0 when b_i = 0)
//
// Given G_i = ∂L/∂K_i for every row, return ∂L/∂k = Σ_i G_i ∂K_i/∂k (W numbers) and
// ∂L/∂M (one row of W numbers per memory row: G_i ∂K_i/∂M_i).

import Foundation

enum Exercise04 {
  static let epsilon = 1e-8

  static func cosineSimilarityBackward(key: [Double], memory: [[Double]], outputGradient: [Double])
    -> (key: [Double], memory: [[Double]])?
  {
    let a = Exercise01.norm(key)
    var dKey = [Double](repeating: 0, count: key.count)
    var dMemory = memory.map { [Double](repeating: 0, count: $0.count) }
    for (i, row) in memory.enumerated() {
      let (d, b) = (Exercise01.dot(key, row), Exercise01.norm(row))
      let denominator = a * b + epsilon
      for j in key.indices {
        let g = outputGradient[i]
        dKey[j] += g * (row[j] / denominator - (a > 0 ? d * b / (denominator * denominator) * key[j] / a : 0))
        dMemory[i][j] = g * (key[j] / denominator - (b > 0 ? d * a / (denominator * denominator) * row[j] / b : 0))
      }
    }
    return (dKey, dMemory)
  }
}
