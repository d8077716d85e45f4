// Exercise 14 — one step of BPTT through a read head (backpropagation through time; paper §3, §4)
//
// Write your code where it says TODO, then run:
//   swift run ntm exercises check 14     grade it
//   swift run ntm exercises hint 14      a hint (ask again for the next)
//   swift run ntm exercises reset 14     put this file back as it was
// Returning nil means "not done yet".
//
// Forward, at step t (saved for you in `forward`):
//     w_c = softmax(β K(k, M))           content       (forward.similarity, forward.content)
//     w_g = g w_c + (1 − g) w_prev       interpolation (forward.interpolated)
//     w̃   = w_g ⊛ s                      shift         (forward.shifted)
//     w_t = softmax(γ log(w̃ + ε))        sharpening    (forward.weighting)
//     r_t = Σ_i w_t(i) M_i               read
//
// Backward: the loss reaches this step twice. ∂L/∂r_t comes from the controller and the
// output; ∂L/∂w_t comes from step t + 1, whose interpolation used w_t as its w_prev. Add
// them where they meet, go back through the four stages last to first, and add the two
// paths into M (the read and the content addressing both use it).
//
// Return a ReadHeadGradients: ∂L/∂M (N rows of W), ∂L/∂w_prev — which step t − 1 will
// receive as its own ∂L/∂w — and ∂L/∂k, ∂L/∂β, ∂L/∂g, ∂L/∂s, ∂L/∂γ.
//     ReadHeadGradients(memory:previousWeighting:key:keyStrength:gate:shiftWeighting:sharpening:)
// Your functions from exercises 3–11 are the stages: call them.
//
// The three types come with the check (they are not in this folder):
//     ReadHeadParameters: key, keyStrength (β), gate (g), shiftWeighting (s), sharpening (γ)
//     ReadHeadForward:    similarity, content, interpolated, shifted, weighting, readVector
//     ReadHeadGradients:  as above; every field is a var

import Foundation

enum Exercise14 {
  static func readHeadStepBackward(
    memory: [[Double]], previousWeighting: [Double], head: ReadHeadParameters,
    forward: ReadHeadForward, readGradient: [Double], weightingGradient: [Double]
  ) -> ReadHeadGradients? {
    // TODO: your code here
    return nil
  }
}
