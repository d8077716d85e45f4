import NTM

/// The JSON `ntm address --json` prints, written by hand so its keys come in the paper's
/// order — the inputs, then content, interpolation, shift and sharpening, then the read —
/// which `JSONEncoder` does not keep. Every number is written as Swift's shortest
/// round-trip form, so decoding gives back exactly the library's numbers.
extension AddressCommand.Report {
  /// A JSON value whose objects keep their keys in the order given.
  indirect enum Value {
    case number(Double)
    case bool(Bool)
    case numbers([Double])
    case array([Value])
    case object([(key: String, value: Value)])

    /// The value as text, nested objects indented by two spaces a level.
    func text(indent: String = "") -> String {
      switch self {
      case .number(let x): return "\(x)"
      case .bool(let b): return "\(b)"
      case .numbers(let xs): return "[" + xs.map { "\($0)" }.joined(separator: ", ") + "]"
      case .array(let items):
        let inner = indent + "  "
        return "[\n" + items.map { inner + $0.text(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
      case .object(let fields):
        let inner = indent + "  "
        return "{\n" + fields.map { inner + "\"\($0.key)\": " + $0.value.text(indent: inner) }.joined(separator: ",\n")
          + "\n" + indent + "}"
      }
    }
  }

  /// The report in the order the paper computes it.
  var orderedJSON: String {
    let p = parameters
    let value = Value.object([
      ("memory", .array(memory.map(Value.numbers))),
      ("previousWeighting", .numbers(previousWeighting)),
      (
        "parameters",
        .object([
          ("key", .numbers(p.key)), ("keyStrength", .number(p.keyStrength)), ("gate", .number(p.gate)),
          ("shiftWeighting", .numbers(p.shiftWeighting)), ("sharpening", .number(p.sharpening)),
        ])
      ),
      (
        "trace",
        .object([
          ("similarity", .numbers(trace.similarity)), ("content", .numbers(trace.content)),
          ("interpolated", .numbers(trace.interpolated)), ("shifted", .numbers(trace.shifted)),
          ("weighting", .numbers(trace.weighting)),
        ])
      ),
      ("read", .numbers(read)),
    ])
    return value.text()
  }
}
