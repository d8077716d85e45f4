/// Circular shift by a shift weighting (paper §3.3.2, eq. 8): location-based addressing.
///
/// ```
/// w̃(i) = Σ_{Δ = −R…R} w_g((i − Δ) mod N) · s(Δ)
/// ```
/// `s` has `2R + 1` entries, for the shifts `−R, …, 0, …, +R` in that order. A one-hot focus
/// at row `i` with `s(+1) = 1` moves to row `i + 1` (row `N − 1` wraps round to row 0).
/// - Precondition: `2R + 1 ≤ N`, so no two shifts land on the same row.
public enum Shift {
  /// The gradients of the inputs.
  public struct Gradients: Equatable, Sendable {
    public var weighting: [Double]
    public var shiftWeighting: [Double]
  }

  /// The range `R` of a shift weighting with `count = 2R + 1` entries.
  /// - Precondition: `count` is odd.
  public static func range(ofShiftCount count: Int) -> Int {
    require(count > 0 && count % 2 == 1, "A shift weighting needs 2R + 1 entries (an odd count), got \(count)")
    return count / 2
  }

  /// `y[i] += a · x[(i − shift) mod n]` for every `i < n`, where `|shift| < n`: adds `a x`
  /// rotated down by `shift` rows.
  ///
  /// A rotation is two contiguous runs, so it needs no `mod` per element (an integer
  /// division, slow and in the way of vectorising): with `s = shift mod n`, `y[s..<n]` takes
  /// `x[0..<(n − s)]` and `y[0..<s]` takes the `s` entries that wrap round, `x[(n − s)..<n]`.
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
  public static func forward(
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
  public static func backward(
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

  static func checkShapes(_ weighting: [Double], _ shiftWeighting: [Double]) -> Int {
    requireNonEmpty(weighting.count, "Weighting")
    let range = range(ofShiftCount: shiftWeighting.count)
    require(
      2 * range + 1 <= weighting.count,
      "Shift weighting of \(shiftWeighting.count) entries (R = \(range)) needs 2R + 1 ≤ N, but the weighting has N = \(weighting.count)"
    )
    return range
  }

  /// The weighting shifted by `shiftWeighting`.
  /// - Precondition: `shiftWeighting.count` is `2R + 1` with `2R + 1 ≤ weighting.count`.
  public static func forward(_ weighting: [Double], shiftWeighting: [Double]) -> [Double] {
    let range = checkShapes(weighting, shiftWeighting)
    var output = [Double](repeating: 0, count: weighting.count)
    forward(weighting, count: weighting.count, shiftWeighting: shiftWeighting, range: range, into: &output)
    return output
  }

  /// The gradients of the weighting and the shift weighting.
  public static func backward(_ weighting: [Double], shiftWeighting: [Double], outputGradient: [Double])
    -> Gradients
  {
    let range = checkShapes(weighting, shiftWeighting)
    requireLength(outputGradient.count, weighting.count, "Shift output gradient")
    var gradients = Gradients(
      weighting: [Double](repeating: 0, count: weighting.count),
      shiftWeighting: [Double](repeating: 0, count: shiftWeighting.count))
    backward(
      weighting, count: weighting.count, shiftWeighting: shiftWeighting, range: range,
      outputGradient: outputGradient, addingInto: &gradients.weighting,
      shiftGradient: &gradients.shiftWeighting)
    return gradients
  }
}
