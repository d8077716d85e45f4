/// The kernels the machine runs for `Shift`: no `mod` per element, but each shift `Δ` as one
/// rotation of the whole weighting, added in two contiguous runs (see `addScaledRotated`).
///
/// `forward` adds `s(Δ) · w_g` rotated down by `Δ` for each `Δ`; `backward` rotates `G` back
/// up by `Δ` for `∂w_g` and takes `∂s(Δ)` as one rotated dot product.
extension Shift {
  /// `y[i] += a · x[(i − shift) mod n]` for every `i < n`, where `|shift| < n`: adds `a x`
  /// rotated down by `shift` rows.
  ///
  /// A rotation is two contiguous runs, so it needs no `mod` per element (an integer
  /// division, slow and in the way of vectorising): with `s = shift mod n`, `y[s..<n]` takes
  /// `x[0..<(n − s)]` and `y[0..<s]` takes the `s` entries that wrap round, `x[(n − s)..<n]`.
  /// ```
  /// n = 6, shift = +2 (s = 2):
  ///
  ///   x:  x0 x1 x2 x3 │ x4 x5
  ///       └─ run 1 ─┘   └run 2┘
  ///            ╲          ╱
  ///             ╲        ╱   run 2 wraps round to the top
  ///   y:  x4 x5 │ x0 x1 x2 x3
  ///       run 2   └─ run 1 ─┘
  /// ```
  /// A negative shift is the same picture with `s = shift + n`.
  @inline(__always)
  static func addScaledRotated(
    _ a: Double, _ x: UnsafePointer<Double>, by shift: Int, to y: UnsafeMutablePointer<Double>, count n: Int
  ) {
    let s = shift >= 0 ? shift : shift + n
    addScaled(a, x, to: y + s, count: n - s)
    addScaled(a, x + (n - s), to: y, count: s)
  }

  /// `Σ_i g[i] · x[(i − shift) mod n]` for `|shift| < n`, in the same two runs.
  @inline(__always)
  static func dotRotated(_ g: UnsafePointer<Double>, _ x: UnsafePointer<Double>, by shift: Int, count n: Int) -> Double {
    let s = shift >= 0 ? shift : shift + n
    return dot(g + s, x, count: n - s) + dot(g, x + (n - s), count: s)
  }

  /// Kernel: `output = w * s` (circular convolution), `count` = N rows, `2R + 1` shifts: for
  /// each shift `Δ`, adds `s(Δ) · w` rotated by `Δ`.
  @inline(__always)
  static func forward(
    _ weighting: UnsafePointer<Double>, count: Int, shiftWeighting: UnsafePointer<Double>,
    range: Int, into output: UnsafeMutablePointer<Double>
  ) {
    output.update(repeating: 0, count: count)
    for k in 0...(2 * range) {
      addScaledRotated(shiftWeighting[k], weighting, by: k - range, to: output, count: count)
    }
  }

  /// Kernel: adds `∂w_g(j) = Σ_Δ G((j + Δ) mod N) s(Δ)` (`G` rotated back by `Δ`) and
  /// `∂s(Δ) = Σ_i G(i) w_g((i − Δ) mod N)`.
  @inline(__always)
  static func backward(
    _ weighting: UnsafePointer<Double>, count: Int, shiftWeighting: UnsafePointer<Double>,
    range: Int, outputGradient: UnsafePointer<Double>,
    addingInto weightingGradient: UnsafeMutablePointer<Double>,
    shiftGradient: UnsafeMutablePointer<Double>
  ) {
    for k in 0...(2 * range) {
      let shift = k - range
      addScaledRotated(shiftWeighting[k], outputGradient, by: -shift, to: weightingGradient, count: count)
      shiftGradient[k] += dotRotated(outputGradient, weighting, by: shift, count: count)
    }
  }
}
