// Solution to exercise 9 — sharpening, forward (paper §3.3.2)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 9     grade it
//   swift run ntm exercises hint 9      a hint (ask again for the next)
//   swift run ntm exercises reset 9     put this file back as it was
// Returning nil means "not done yet".
//
//     w(i) = (w̃(i) + ε)^γ / Σ_j (w̃(j) + ε)^γ  =  softmax_i(γ · log(w̃(i) + ε)),   ε = 1e-12
//
// The paper writes w̃(i)^γ / Σ_j w̃(j)^γ. With γ = 500 every power underflows to 0 and that
// form divides 0 by 0; the log-domain form on the right never does. The check tries both a
// weight of exactly 0 and γ = 500.

import Foundation

enum Exercise09 {
  static let epsilon = 1e-12

  static func sharpen(_ weighting: [Double], sharpening: Double) -> [Double]? {
    Exercise02.softmax(weighting.map { sharpening * log($0 + epsilon) })
  }
}
