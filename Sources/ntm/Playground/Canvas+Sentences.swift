import NTM

/// The sentences under the pictures, derived from the numbers they describe: which rows hold
/// the weight, whether a weighting is uniform or split by a tie, whether a read is close to
/// one row or a blend. Nothing here is canned for the built-in state.
extension Canvas {
  /// Weights that print alike to this many decimals are treated as equal: a tie, or a
  /// uniform weighting. Finer than the printed digits (`decimals`), so two rows named as
  /// tied also print the same number.
  static let tieTolerance = 1e-9
  /// A weight this large on one row makes a read "close to" that row: the other rows then
  /// contribute at most a tenth of the blend.
  static let focusedWeight = 0.9
  /// Rows with at least this weight are named in a sentence; smaller weights are "the rest".
  static let notableWeight = 0.05
  /// At most this many rows (or tied groups) are named, so a sentence stays one line or two.
  static let namedRows = 3

  /// The rows whose value equals the largest, in order (one row unless there is a tie).
  static func tops(_ values: [Double]) -> [Int] {
    guard let largest = values.max() else { return [] }
    return values.indices.filter { largest - values[$0] <= tieTolerance }
  }

  /// `row 2`, `rows 0 and 3`, `rows 0, 3 and 5`.
  static func rowList(_ rows: [Int]) -> String {
    let names = rows.map(String.init)
    guard names.count > 1 else { return "row " + (names.first ?? "") }
    return "rows " + names.dropLast().joined(separator: ", ") + " and " + names.last!
  }

  /// `text` with its first letter upper-case, to start a sentence.
  static func capitalised(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst()
  }

  /// Whether every weight equals every other.
  static func isUniform(_ weighting: [Double]) -> Bool {
    guard let first = weighting.first else { return false }
    return weighting.count > 1 && weighting.allSatisfy { abs($0 - first) <= tieTolerance }
  }

  /// The rows a sentence names: those with at least `notableWeight`, largest first, tied rows
  /// grouped, at most `namedRows` groups.
  static func notableGroups(_ weighting: [Double]) -> [(weight: Double, rows: [Int])] {
    let order = weighting.indices.filter { weighting[$0] >= notableWeight }
      .sorted { weighting[$0] > weighting[$1] || (weighting[$0] == weighting[$1] && $0 < $1) }
    var groups: [(weight: Double, rows: [Int])] = []
    for index in order {
      if let last = groups.last, abs(last.weight - weighting[index]) <= tieTolerance {
        groups[groups.count - 1].rows.append(index)
      } else if groups.count < namedRows {
        groups.append((weighting[index], [index]))
      } else {
        break
      }
    }
    return groups
  }

  /// Where a weighting puts its weight: `is uniform: 0.125 on each of the 8 rows`,
  /// `puts 0.979 on row 2 and 0.021 on the rest`, `puts 0.500 on each of rows 0 and 3`.
  static func placement(_ weighting: [Double]) -> String {
    if isUniform(weighting) {
      return "is uniform: \(number(weighting[0])) on each of the \(weighting.count) rows"
    }
    let groups = notableGroups(weighting)
    guard !groups.isEmpty else {
      return "is spread thin: no row gets \(number(notableWeight)) or more"
    }
    let parts = groups.map { group in
      group.rows.count == 1
        ? "\(number(group.weight)) on \(rowList(group.rows))"
        : "\(number(group.weight)) on each of \(rowList(group.rows))"
    }
    let named = groups.reduce(0) { $0 + $1.weight * Double($1.rows.count) }
    let rest = weighting.reduce(0, +) - named
    let tail = number(rest) == number(0) ? [] : ["\(number(rest)) on the rest"]
    let all = parts + tail
    let listed = all.count > 1 ? all.dropLast().joined(separator: ", ") + " and " + all.last! : all[0]
    return "puts " + listed
  }

  /// What a read with `weighting` is: the mean of the rows, close to one row, or a blend,
  /// and the rows worth showing beside it.
  static func readSentence(_ weighting: [Double]) -> (sentence: String, rows: [Int]) {
    if isUniform(weighting) {
      return ("w \(placement(weighting)), so r is the mean of the rows.", [])
    }
    let top = tops(weighting)
    if top.count == 1, weighting[top[0]] >= focusedWeight {
      return ("w puts \(number(weighting[top[0]])) on row \(top[0]), so r is close to M(\(top[0])).", top)
    }
    let rows = notableGroups(weighting).flatMap(\.rows)
    let blend = rows.count == 1 ? "a blend led by that row" : "a blend of those rows that need not look like any of them"
    return ("w \(placement(weighting)), so r is \(blend).", rows)
  }
}
