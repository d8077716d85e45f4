import Foundation

/// A checksum saved with every checkpoint, so an edited or damaged file says so instead of
/// loading a silently different model.
///
/// It covers what a flipped digit could change without any other check noticing: every
/// parameter (its exact bits), the counters (`step`, `sequencesSeen`) and the seed, and the
/// model's shape (`configuration`, `baseline`). It leaves out the optimiser's state (a damaged
/// moment only perturbs the next updates, and validation refuses non-finite ones) and what is
/// kept for the record (`record`, `averages`, `commandLine`). It is the 64-bit FNV-1a hash
/// (Fowler, Noll & Vo), written as `fnv1a64:` and 16 hexadecimal digits: not a defence against
/// someone who wants to forge a file, but a change of one bit always changes it.
///
/// A file without a checksum — every file written before it existed — loads as before.
extension Checkpoint {
  /// How `checksum` spells itself, before the digits.
  static let checksumPrefix = "fnv1a64:"

  /// The checksum of the covered fields as they are now.
  public var checksum: String {
    var hash = FNV1a()
    for value in parameters { hash.add(value.bitPattern) }
    for value in [step, sequencesSeen] { hash.add(UInt64(bitPattern: Int64(value))) }
    hash.add(seed)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    for shape in [try? encoder.encode(configuration), try? encoder.encode(baseline)] {
      for byte in shape ?? Data() { hash.add(byte: byte) }
    }
    let digits = String(hash.value, radix: 16)
    return Self.checksumPrefix + String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// The saved checksum differs from the one the loaded fields give.
struct ChecksumMismatch: Error, CustomStringConvertible {
  var description: String { "the parameters do not match their checksum: the file was edited or damaged" }
}

/// The 64-bit Fowler–Noll–Vo hash, FNV-1a: for each byte, `h ← (h ⊕ byte) · 1099511628211`.
struct FNV1a {
  /// The FNV-1a 64-bit offset basis.
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  /// The FNV-1a 64-bit prime.
  static let prime: UInt64 = 0x100_0000_01b3

  private(set) var value = offsetBasis

  mutating func add(byte: UInt8) {
    value = (value ^ UInt64(byte)) &* Self.prime
  }

  /// The eight bytes of `word`, least significant first.
  mutating func add(_ word: UInt64) {
    for shift in stride(from: 0, to: 64, by: 8) { add(byte: UInt8(truncatingIfNeeded: word >> UInt64(shift))) }
  }
}
