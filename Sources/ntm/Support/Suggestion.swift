/// "Did you mean …?": the closest known word to a mistyped one.
enum Suggestion {
  /// The candidate nearest to `word` by edit distance, if it is near enough to be a typo, or
  /// one that `word` begins. Near enough is at most 2 edits (a third of the word's length for
  /// longer words), never every character (`??` is not a typo of `k`), and keeping most
  /// letters: more than half of the longer word's letters must appear in both. Two edits
  /// alone would make `set` a typo of `key`; `kye` keeps all three of `key`'s letters, `set`
  /// one.
  static func closest(to word: String, among candidates: [String]) -> String? {
    // A very long word cannot be a typo of a short command, and its edit distance is slow.
    guard word.count <= maximumTypoLength else { return nil }
    let lowered = word.lowercased()
    if let prefixed = candidates.first(where: { $0.hasPrefix(lowered) && !lowered.isEmpty }) { return prefixed }
    let limit = max(2, lowered.count / 3)
    let scored = candidates.map { ($0, editDistance(lowered, $0)) }.filter {
      $0.1 <= limit && $0.1 < max(lowered.count, $0.0.count)
        && 2 * lettersInCommon(lowered, $0.0) > max(lowered.count, $0.0.count)
    }
    return scored.min { $0.1 < $1.1 }?.0
  }

  /// Words longer than this are never taken for typos.
  static let maximumTypoLength = 40

  /// How many letters two words share, each letter counted as often as it is in both.
  static func lettersInCommon(_ a: String, _ b: String) -> Int {
    var counts: [Character: Int] = [:]
    for letter in a { counts[letter, default: 0] += 1 }
    var shared = 0
    for letter in b where counts[letter, default: 0] > 0 {
      counts[letter]! -= 1
      shared += 1
    }
    return shared
  }

  /// Levenshtein distance: insertions, deletions and substitutions, each costing 1.
  static func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = previous
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[b.count]
  }
}
