/// Four doubles side by side: the four accumulators of `dot`, or four consecutive entries of
/// a row, worked on together. Every operation acts lane by lane, in plain IEEE arithmetic, so
/// a kernel written with `Lanes4` sums exactly what its one-entry-at-a-time form sums.
///
/// In a release build `Lanes4` is the standard library's `SIMD4<Double>`, which the compiler
/// turns into vector instructions. In a debug build — what `swift test` and `swift run` make —
/// it is the plain struct below instead: `SIMD4`'s operators are generic, and a debug build
/// runs them unspecialised, about seven times slower than scalar code. Both do the same IEEE
/// operation on each lane, so the two builds compute the same numbers bit for bit
/// (`.ci/release-agrees` trains with both and compares every parameter).
#if DEBUG
  struct Lanes4 {
    var l0, l1, l2, l3: Double

    @inline(__always) init(_ l0: Double, _ l1: Double, _ l2: Double, _ l3: Double) {
      (self.l0, self.l1, self.l2, self.l3) = (l0, l1, l2, l3)
    }

    /// All four lanes 0.
    @inline(__always) init() { self.init(0, 0, 0, 0) }

    /// All four lanes `x`.
    @inline(__always) init(repeating x: Double) { self.init(x, x, x, x) }

    /// Lane `k`, 0 to 3.
    @inline(__always) subscript(_ k: Int) -> Double {
      get {
        switch k {
        case 0: l0
        case 1: l1
        case 2: l2
        default: l3
        }
      }
      set {
        switch k {
        case 0: l0 = newValue
        case 1: l1 = newValue
        case 2: l2 = newValue
        default: l3 = newValue
        }
      }
    }

    @inline(__always) static func + (a: Lanes4, b: Lanes4) -> Lanes4 {
      Lanes4(a.l0 + b.l0, a.l1 + b.l1, a.l2 + b.l2, a.l3 + b.l3)
    }

    @inline(__always) static func - (a: Lanes4, b: Lanes4) -> Lanes4 {
      Lanes4(a.l0 - b.l0, a.l1 - b.l1, a.l2 - b.l2, a.l3 - b.l3)
    }

    @inline(__always) static func * (a: Lanes4, b: Lanes4) -> Lanes4 {
      Lanes4(a.l0 * b.l0, a.l1 * b.l1, a.l2 * b.l2, a.l3 * b.l3)
    }

    @inline(__always) static func / (a: Lanes4, b: Lanes4) -> Lanes4 {
      Lanes4(a.l0 / b.l0, a.l1 / b.l1, a.l2 / b.l2, a.l3 / b.l3)
    }

    @inline(__always) static func + (a: Lanes4, b: Double) -> Lanes4 { a + Lanes4(repeating: b) }
    @inline(__always) static func * (a: Double, b: Lanes4) -> Lanes4 { Lanes4(repeating: a) * b }
    @inline(__always) static func - (a: Double, b: Lanes4) -> Lanes4 { Lanes4(repeating: a) - b }
    @inline(__always) static func += (a: inout Lanes4, b: Lanes4) { a = a + b }
  }
#else
  /// In a release build, the standard library's vector of four doubles.
  typealias Lanes4 = SIMD4<Double>
#endif
