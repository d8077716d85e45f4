/// Circular shift by a shift weighting (paper §3.3.2, eq. 8): location-based addressing.
///
/// ```
/// w̃(i) = Σ_{Δ = −R…R} w_g((i − Δ) mod N) · s(Δ)
/// ```
/// `s` has `2R + 1` entries, for the shifts `−R, …, 0, …, +R` in that order. A one-hot focus
/// at row `i` with `s(+1) = 1` moves to row `i + 1` (row `N − 1` wraps round to row 0).
/// - Precondition: `2R + 1 ≤ N`, so no two shifts land on the same row.
public enum Shift: Stage {
  /// The interpolated weighting `w_g` (N entries) and the shift weighting `s` (2R + 1).
  public struct Input: Equatable, Sendable {
    public var weighting: [Double]
    public var shiftWeighting: [Double]

    public init(weighting: [Double], shiftWeighting: [Double]) {
      self.weighting = weighting
      self.shiftWeighting = shiftWeighting
    }
  }

  /// The forward's input: the backward pass needs both.
  public struct Cache: Equatable, Sendable {
    public var input: Input
  }

  /// The range `R` of a shift weighting with `count = 2R + 1` entries.
  /// - Precondition: `count` is odd.
  public static func range(ofShiftCount count: Int) -> Int {
    require(count > 0 && count % 2 == 1, "A shift weighting needs 2R + 1 entries (an odd count), got \(count)")
    return count / 2
  }

  /// `(i − Δ) mod N`, in `0..<N` for negative `i − Δ` too (Swift's `%` keeps the sign).
  static func mod(_ i: Int, _ n: Int) -> Int { (i % n + n) % n }

  /// `w̃(i) = Σ_Δ w_g((i − Δ) mod N) s(Δ)`.
  /// - Precondition: `shiftWeighting.count` is `2R + 1` with `2R + 1 ≤ weighting.count`.
  public static func forward(_ input: Input) -> (output: [Double], cache: Cache) {
    let (w, s) = (input.weighting, input.shiftWeighting)
    let (n, r) = (w.count, checkShapes(w, s))
    var output = [Double](repeating: 0, count: n)
    for i in 0..<n {
      for delta in -r...r { output[i] += w[mod(i - delta, n)] * s[delta + r] }
    }
    return (output, Cache(input: input))
  }

  /// Each term `w_g((i − Δ) mod N) s(Δ)` sends `G_i s(Δ)` to `∂w_g((i − Δ) mod N)` and
  /// `G_i w_g((i − Δ) mod N)` to `∂s(Δ)`.
  public static func backward(_ outputGradient: [Double], _ cache: Cache) -> Input {
    let (w, s) = (cache.input.weighting, cache.input.shiftWeighting)
    let (n, r) = (w.count, checkShapes(w, s))
    requireLength(outputGradient.count, n, "Shift output gradient")
    var gradient = Input(
      weighting: [Double](repeating: 0, count: n), shiftWeighting: [Double](repeating: 0, count: s.count))
    for i in 0..<n {
      for delta in -r...r {
        gradient.weighting[mod(i - delta, n)] += outputGradient[i] * s[delta + r]
        gradient.shiftWeighting[delta + r] += outputGradient[i] * w[mod(i - delta, n)]
      }
    }
    return gradient
  }

  /// The range `R`, after checking that the shapes fit.
  static func checkShapes(_ weighting: [Double], _ shiftWeighting: [Double]) -> Int {
    requireNonEmpty(weighting.count, "Weighting")
    let range = range(ofShiftCount: shiftWeighting.count)
    require(
      2 * range + 1 <= weighting.count,
      "Shift weighting of \(shiftWeighting.count) entries (R = \(range)) needs 2R + 1 ≤ N, but the weighting has N = \(weighting.count)"
    )
    return range
  }
}
