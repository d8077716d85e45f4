/// Whether a head reads from memory or writes to it (paper §3.1–3.2).
public enum HeadKind: String, Sendable, Codable, CaseIterable {
  case read
  case write
}

/// Where each head parameter sits in the vector a head emits.
///
/// A head turns the controller output `h` into one vector by a linear layer (paper §3.3:
/// "the outputs of the heads") and cuts it into its parameters:
/// ```
/// [ k (W) | β | g | s (2R + 1) | γ | e (W) | a (W) ]
/// ```
/// A read head stops after `γ`; a write head adds the erase vector `e` and the add vector `a`.
public struct HeadLayout: Sendable, Equatable, Hashable, Codable {
  public let kind: HeadKind
  /// W, the width of a memory location (and of the key, erase and add vectors).
  public let width: Int
  /// R: the shift weighting covers shifts `−R…R`.
  public let shiftRange: Int

  /// - Precondition: `width ≥ 1`, `shiftRange ≥ 0`.
  public init(kind: HeadKind, width: Int, shiftRange: Int) {
    require(width >= 1, "A head needs a memory width W ≥ 1, got \(width)")
    require(shiftRange >= 0, "A head needs a shift range R ≥ 0, got \(shiftRange)")
    self.kind = kind
    self.width = width
    self.shiftRange = shiftRange
  }

  /// The key `k`.
  public var key: Range<Int> { 0..<width }
  /// The key strength `β`.
  public var keyStrength: Int { width }
  /// The interpolation gate `g`.
  public var gate: Int { width + 1 }
  /// The shift weighting `s`, shifts `−R…R` in that order.
  public var shiftWeighting: Range<Int> { (width + 2)..<(width + 2 + shiftCount) }
  /// The sharpening exponent `γ`.
  public var sharpening: Int { width + 2 + shiftCount }
  /// The erase vector `e` (empty for a read head).
  public var erase: Range<Int> { kind == .write ? (sharpening + 1)..<(sharpening + 1 + width) : (sharpening + 1)..<(sharpening + 1) }
  /// The add vector `a` (empty for a read head).
  public var add: Range<Int> { kind == .write ? erase.upperBound..<(erase.upperBound + width) : erase }
  /// `2R + 1`, the number of shifts.
  public var shiftCount: Int { 2 * shiftRange + 1 }
  /// How many numbers the head emits: `W + 2R + 4` to read, `3W + 2R + 4` to write.
  public var count: Int { sharpening + 1 + (kind == .write ? 2 * width : 0) }
}
