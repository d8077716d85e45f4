// Exercise 1 — cosine similarity, forward (paper §3.3.1)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 1     grade it
//   swift run ntm exercises hint 1      a hint (ask again for the next)
//   swift run ntm exercises reset 1     put this file back as it was
// Returning nil means "not done yet".
//
//     K(u, v) = u·v / (‖u‖ ‖v‖ + ε),  ε = 1e-8
//
// Return K(key, M_i) for every row M_i of the memory: one number per row. The ε keeps a
// zero row (a memory that starts empty) from dividing by zero: K is then 0, not NaN.

import Foundation

enum Exercise01 {
  static let epsilon = 1e-8

  static func cosineSimilarity(key: [Double], memory: [[Double]]) -> [Double]? {
    // TODO: your code here
    return nil
  }
}
