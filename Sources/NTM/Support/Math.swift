import Foundation

// Thin names for the elementary functions, so library files need only this module.
@inline(__always) func _log(_ x: Double) -> Double { Foundation.log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { Foundation.cos(x) }

/// The sum of `x[i] * y[i]` for `i < count`: the inner loop of every matrix product in the
/// library, so it is written for speed, in three ways that every kernel here follows.
///
/// - **Four accumulators.** A sum `s += x[i] y[i]` with one accumulator waits for each
///   addition to finish before starting the next (the compiler may not reorder
///   floating-point additions). Four independent partial sums keep four additions in
///   flight. The result can differ from a one-accumulator sum in the last bits; it is just
///   as accurate.
/// - **Four lanes at a time.** The four accumulators are the lanes of one `Lanes4`:
///   lane `k` sums the terms with `i ≡ k (mod 4)`, and `load4` reads four consecutive
///   entries into the four lanes, so the processor does the four multiply-adds as vector
///   instructions. The `count % 4` entries left over go to lane 0, one at a time, and
///   `total` adds the lanes as `(s₀ + s₁) + (s₂ + s₃)`.
/// - **Pointers, not index arithmetic.** In `p[row * n + i]` the index is checked for
///   overflow at every step, which stops the compiler from vectorising the loop. Kernels
///   instead keep a pointer to the current row, index it by `i`, and step it to the next
///   row with `row += n` (no multiplication, no check); here `&+` (addition without the
///   overflow check, safe because `i < count`) does the same for the counter.
@inline(__always)
func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Double {
  var s = Lanes4()
  let whole = wholeBlocks(count)
  var i = 0
  while i < whole {
    s += load4(x + i) * load4(y + i)
    i &+= 4
  }
  while i < count {
    s[0] += x[i] * y[i]
    i &+= 1
  }
  return total(s)
}

/// The sum of `x[i] * y[i] * z[i]` for `i < count`, with four accumulators like `dot`.
@inline(__always)
func dot(_ x: UnsafePointer<Double>, _ y: UnsafePointer<Double>, _ z: UnsafePointer<Double>, count: Int) -> Double {
  var s = Lanes4()
  let whole = wholeBlocks(count)
  var i = 0
  while i < whole {
    s += load4(x + i) * load4(y + i) * load4(z + i)
    i &+= 4
  }
  while i < count {
    s[0] += x[i] * y[i] * z[i]
    i &+= 1
  }
  return total(s)
}

/// The dot products of four consecutive rows with `y`: row `r` is the `count` entries from
/// `rows + r · count`, and lane `r` of the result is `dot(row r, y)`, summed exactly as `dot`
/// sums it. One pass over `y` serves the four rows, so each `y[i]` is loaded once instead of
/// four times (a matrix–vector product's "register blocking").
@inline(__always)
func dotFourRows(_ rows: UnsafePointer<Double>, _ y: UnsafePointer<Double>, count: Int) -> Lanes4 {
  let (x0, x1, x2, x3) = (rows, rows + count, rows + 2 * count, rows + 3 * count)
  var (s0, s1, s2, s3) = (Lanes4(), Lanes4(), Lanes4(), Lanes4())
  let whole = wholeBlocks(count)
  var i = 0
  while i < whole {
    let yi = load4(y + i)
    s0 += load4(x0 + i) * yi
    s1 += load4(x1 + i) * yi
    s2 += load4(x2 + i) * yi
    s3 += load4(x3 + i) * yi
    i &+= 4
  }
  while i < count {
    s0[0] += x0[i] * y[i]
    s1[0] += x1[i] * y[i]
    s2[0] += x2[i] * y[i]
    s3[0] += x3[i] * y[i]
    i &+= 1
  }
  return Lanes4(total(s0), total(s1), total(s2), total(s3))
}

/// `y[i] += a * x[i]` for `i < count` (BLAS's "axpy"). Each `y[i]` is its own sum, so the
/// compiler vectorises this loop as written.
@inline(__always)
func addScaled(_ a: Double, _ x: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int) {
  for i in 0..<count { y[i] += a * x[i] }
}

/// `y[i] += a₀ x₀[i] + a₁ x₁[i] + a₂ x₂[i] + a₃ x₃[i]` for four consecutive rows `x_r` (the
/// `count` entries from `rows + r · count`) and the four lanes `a_r` of `a`: four `addScaled`
/// calls in one pass, so each `y[i]` is loaded and stored once instead of four times. The
/// terms are added to `y[i]` one after another, in row order, exactly as the four calls
/// would add them.
@inline(__always)
func addScaledFourRows(
  _ a: Lanes4, _ rows: UnsafePointer<Double>, to y: UnsafeMutablePointer<Double>, count: Int
) {
  let (x0, x1, x2, x3) = (rows, rows + count, rows + 2 * count, rows + 3 * count)
  let (a0, a1, a2, a3) = (Lanes4(repeating: a[0]), Lanes4(repeating: a[1]), Lanes4(repeating: a[2]), Lanes4(repeating: a[3]))
  let whole = wholeBlocks(count)
  var i = 0
  while i < whole {
    var sum = load4(y + i)
    sum += a0 * load4(x0 + i)
    sum += a1 * load4(x1 + i)
    sum += a2 * load4(x2 + i)
    sum += a3 * load4(x3 + i)
    store4(sum, at: y + i)
    i &+= 4
  }
  while i < count {
    y[i] = (((y[i] + a[0] * x0[i]) + a[1] * x1[i]) + a[2] * x2[i]) + a[3] * x3[i]
    i &+= 1
  }
}

/// `count` rounded down to a multiple of 4: how far the four-lane loops go before the
/// one-at-a-time tail.
@inline(__always)
func wholeBlocks(_ count: Int) -> Int { count & ~3 }

/// The four entries from `p`, as the four lanes.
@inline(__always)
func load4(_ p: UnsafePointer<Double>) -> Lanes4 {
  #if DEBUG
    Lanes4(p[0], p[1], p[2], p[3])
  #else
    UnsafeRawPointer(p).loadUnaligned(as: Lanes4.self)
  #endif
}

/// Stores the four lanes of `v` into the four entries from `p`.
@inline(__always)
func store4(_ v: Lanes4, at p: UnsafeMutablePointer<Double>) {
  #if DEBUG
    (p[0], p[1], p[2], p[3]) = (v.l0, v.l1, v.l2, v.l3)
  #else
    UnsafeMutableRawPointer(p).storeBytes(of: v, as: Lanes4.self)
  #endif
}

/// The four accumulators of a `dot` added up, in the order `(s₀ + s₁) + (s₂ + s₃)`.
@inline(__always)
func total(_ s: Lanes4) -> Double { (s[0] + s[1]) + (s[2] + s[3]) }
