/// A value made of named fields of `Double`s (vectors, matrices, scalars), so that a generic
/// tool can take it apart into numbers and put it back together: what lets
/// `GradientChecker.check(_:at:)` perturb every input of any `Stage` element by element and
/// name the worst element by its field and position (`memory[2, 1]`, `sharpening`).
public protocol ScalarFields {
  /// The fields in a fixed order: each with its name, its shape (`[]` for a scalar, `[n]` for
  /// a vector, `[rows, columns]` for a matrix) and its values, row after row.
  var fields: [GradientChecker.Input] { get }

  /// The same value with every field's values replaced, in the order and lengths of `fields`.
  /// - Precondition: one array per field, each of that field's length.
  func replacingFields(_ values: [[Double]]) -> Self
}

extension ScalarFields {
  /// Every field's values, one after another.
  public var flattened: [Double] { fields.flatMap(\.values) }

  /// The same value with its fields filled, in order, from one flat array.
  /// - Precondition: `values.count` is the number of scalars in `fields`.
  public func replacingFlattened(_ values: [Double]) -> Self {
    let counts = fields.map(\.values.count)
    requireLength(values.count, counts.reduce(0, +), "Flat values of \(counts.count) fields")
    var start = 0
    var parts: [[Double]] = []
    for count in counts {
      parts.append(Array(values[start..<(start + count)]))
      start += count
    }
    return replacingFields(parts)
  }
}

/// Checks that `values` has one array per field, each of its field's length.
func requireFields(_ values: [[Double]], like fields: [GradientChecker.Input]) {
  requireLength(values.count, fields.count, "Fields")
  for (value, field) in zip(values, fields) { requireLength(value.count, field.values.count, "Field \(field.name)") }
}

extension Array: ScalarFields where Element == Double {
  /// One vector field, `x`.
  public var fields: [GradientChecker.Input] { [GradientChecker.Input("x", self)] }

  public func replacingFields(_ values: [[Double]]) -> [Double] {
    requireFields(values, like: fields)
    return values[0]
  }
}

extension Matrix: ScalarFields {
  /// One matrix field, `M`.
  public var fields: [GradientChecker.Input] { [GradientChecker.Input("M", self)] }

  public func replacingFields(_ values: [[Double]]) -> Matrix {
    requireFields(values, like: fields)
    return Matrix(rows: rows, columns: columns, scalars: values[0])
  }
}
