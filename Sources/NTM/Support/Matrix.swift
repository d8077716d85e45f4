/// A dense, row-major matrix of `Double`s: the memory `M` (N rows × W columns), a layer's
/// weights, a sequence of vectors over time.
///
/// `Matrix` is a plain value: build it from arrays, read it back as arrays. Row `i` occupies
/// `scalars[i * columns ..< (i + 1) * columns]`.
public struct Matrix: Equatable, Hashable, Sendable, CustomStringConvertible {
  /// Number of rows (for the memory: N, the number of locations).
  public let rows: Int
  /// Number of columns (for the memory: W, the width of each location).
  public let columns: Int
  /// The entries, row after row.
  public var scalars: [Double]

  /// A matrix whose every entry is `value`.
  /// - Precondition: `rows ≥ 0`, `columns ≥ 0`.
  public init(rows: Int, columns: Int, repeating value: Double = 0) {
    require(rows >= 0 && columns >= 0, "Matrix shape \(rows) × \(columns) has a negative side")
    self.rows = rows
    self.columns = columns
    self.scalars = Array(repeating: value, count: rows * columns)
  }

  /// A matrix from its entries, row after row.
  /// - Precondition: `scalars.count == rows * columns`.
  public init(rows: Int, columns: Int, scalars: [Double]) {
    require(rows >= 0 && columns >= 0, "Matrix shape \(rows) × \(columns) has a negative side")
    require(
      scalars.count == rows * columns,
      "Matrix shape \(rows) × \(columns) needs \(rows * columns) scalars, got \(scalars.count)")
    self.rows = rows
    self.columns = columns
    self.scalars = scalars
  }

  /// A matrix from a list of rows of equal length.
  /// - Precondition: every row has the same length.
  public init(_ rowArrays: [[Double]]) {
    let columns = rowArrays.first?.count ?? 0
    for (index, row) in rowArrays.enumerated() {
      require(
        row.count == columns,
        "Matrix rows must have equal lengths: row 0 has \(columns), row \(index) has \(row.count)")
    }
    self.init(rows: rowArrays.count, columns: columns, scalars: rowArrays.flatMap { $0 })
  }

  /// The entry at row `row`, column `column`.
  public subscript(row: Int, column: Int) -> Double {
    get { scalars[row * columns + column] }
    set { scalars[row * columns + column] = newValue }
  }

  /// Row `index` as an array.
  public func row(_ index: Int) -> [Double] {
    Array(scalars[index * columns..<(index + 1) * columns])
  }

  /// Replaces row `index`.
  /// - Precondition: `values.count == columns`.
  public mutating func setRow(_ index: Int, to values: [Double]) {
    require(values.count == columns, "Row of length \(values.count) does not fit a matrix of \(columns) columns")
    scalars.replaceSubrange(index * columns..<(index + 1) * columns, with: values)
  }

  /// The rows as arrays.
  public var rowArrays: [[Double]] { (0..<rows).map(row) }

  /// `rows × columns`, for messages.
  public var shapeDescription: String { "\(rows) × \(columns)" }

  public var description: String { "Matrix(\(shapeDescription): \(rowArrays))" }
}
