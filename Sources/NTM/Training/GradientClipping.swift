/// Gradient clipping: keeps one bad sequence from throwing the parameters far away.
///
/// Two kinds, applied in this order when both are set:
/// - **by value** (Graves et al. 2014, §4.6: "all gradient components are clipped
///   elementwise to the range (−10, 10)"): `g_i ← min(max(g_i, −c), c)`;
/// - **by global norm** (Pascanu, Mikolov & Bengio 2013): when `‖g‖₂ > c`, `g ← g · c / ‖g‖₂`,
///   which keeps the gradient's direction.
public struct GradientClipping: Codable, Equatable, Sendable {
  /// The paper's element-wise bound.
  public static let defaultValueBound = 10.0
  /// No bound on the global norm unless one is asked for: the paper clips by value only.
  public static let defaultNormBound: Double? = nil

  /// `c` for clipping by value, or nil for none.
  public var valueBound: Double?
  /// `c` for clipping by global norm, or nil for none.
  public var normBound: Double?

  public init(valueBound: Double? = defaultValueBound, normBound: Double? = defaultNormBound) {
    self.valueBound = valueBound
    self.normBound = normBound
  }

  /// No clipping at all.
  public static let none = GradientClipping(valueBound: nil, normBound: nil)

  /// Clips `gradient` in place.
  /// - Returns: the global norm `‖g‖₂` before clipping (useful to report).
  @discardableResult
  public func apply(to gradient: inout [Double]) -> Double {
    let norm = Self.norm(gradient)
    if let bound = valueBound { Self.clipByValue(&gradient, bound: bound) }
    if let bound = normBound { Self.clipByNorm(&gradient, bound: bound) }
    return norm
  }

  /// `g_i ← min(max(g_i, −bound), bound)`.
  /// - Precondition: `bound ≥ 0`.
  public static func clipByValue(_ gradient: inout [Double], bound: Double) {
    require(bound >= 0, "Clip bound \(bound) must not be negative")
    for i in gradient.indices { gradient[i] = min(max(gradient[i], -bound), bound) }
  }

  /// `g ← g · bound / ‖g‖₂` when `‖g‖₂ > bound`.
  /// - Precondition: `bound ≥ 0`.
  public static func clipByNorm(_ gradient: inout [Double], bound: Double) {
    require(bound >= 0, "Clip bound \(bound) must not be negative")
    let size = norm(gradient)
    guard size > bound, size.isFinite else { return }
    let scale = bound / size
    for i in gradient.indices { gradient[i] *= scale }
  }

  /// `‖g‖₂`, scaled so the squares cannot overflow for any finite entries.
  public static func norm(_ values: [Double]) -> Double {
    let largest = values.reduce(0) { max($0, abs($1)) }
    guard largest > 0, largest.isFinite else { return largest }
    var sum = 0.0
    for value in values {
      let scaled = value / largest
      sum += scaled * scaled
    }
    return largest * sum.squareRoot()
  }
}
