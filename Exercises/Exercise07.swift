// Exercise 7 — shift, forward (paper §3.3.2)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 7     grade it
//   swift run ntm exercises hint 7      a hint (ask again for the next)
//   swift run ntm exercises reset 7     put this file back as it was
// Returning nil means "not done yet".
//
//     w̃(i) = Σ_{Δ = −R…R} w_g((i − Δ) mod N) · s(Δ)
//
// s has 2R + 1 entries, for the shifts −R, …, 0, …, +R in that order, so s(Δ) is
// shiftWeighting[Δ + R]. The shift is circular: row N − 1 moves round to row 0. A one-hot
// focus on row i with s(+1) = 1 must move to row i + 1. The check uses R = 1 and R = 2.
// Careful: in Swift, (−1) % 5 is −1, not 4.

import Foundation

enum Exercise07 {
  static func shift(_ weighting: [Double], shiftWeighting: [Double]) -> [Double]? {
    // TODO: your code here
    return nil
  }
}
