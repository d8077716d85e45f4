// Solution to exercise 12 — writing, forward (paper §3.2)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 12     grade it
//   swift run ntm exercises hint 12      a hint (ask again for the next)
//   swift run ntm exercises reset 12     put this file back as it was
// Returning nil means "not done yet".
//
//     M̃_i = M_i ⊙ (1 − w(i) e)        erase
//     M'_i = M̃_i + w(i) a              add
//
// ⊙ multiplies element by element. Return the memory after the write: N rows of W numbers.
// Where w(i) = 1 and e = 1 the row becomes a; where w(i) = 0 it is untouched.

import Foundation

enum Exercise12 {
  static func write(memory: [[Double]], weighting: [Double], erase: [Double], add: [Double]) -> [[Double]]? {
    memory.indices.map { i in
      memory[i].indices.map { j in memory[i][j] * (1 - weighting[i] * erase[j]) + weighting[i] * add[j] }
    }
  }
}
