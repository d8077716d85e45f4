import NTM

/// The commands that change a setting: memory, row, key, β, g, s, γ, w_prev, e, a. Each
/// checks its words completely before it changes anything, and restarts `step`. Given no
/// value, each shows the current one and changes nothing (`row <i>` shows row i).
extension Interpreter {
  typealias Words = ArraySlice<Substring>
  typealias Input = PlaygroundInput

  func setMemory(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    let usage = "memory builtin | memory random <N> <W> [<seed>] | memory zeros <N> <W>"
    switch words.first?.lowercased() {
    case nil:
      return ((["M: \(state.rows) × \(state.width)"] + canvas.memory(state.memory)).joined(separator: "\n"), state)
    case "builtin":
      try requireCount(words, 1, usage: "memory builtin")
      let sentence = canvas.wrap("M = the built-in 8 × 4 memory; every setting is back to the tour's.")
      return ((sentence + canvas.memory(PlaygroundState.builtInMemory)).joined(separator: "\n"), .builtIn)
    case "random", "zeros":
      let random = words.first!.lowercased() == "random"
      let example = random ? "memory random 16 6 42" : "memory zeros 8 4"
      guard words.count == 3 || (random && words.count == 4) else {
        throw Input.Rejection(
          message: "expected N and W\(random ? " and an optional seed" : ""), got \(words.count - 1). Try '\(example)'.")
      }
      let rows = try Input.integer(words[words.startIndex + 1], in: 1...Input.maximumRows, name: "N (rows)", example: example)
      let width = try Input.integer(words[words.startIndex + 2], in: 1...Input.maximumWidth, name: "W (columns)", example: example)
      let seed = words.count == 4 ? try Input.integer(words[words.startIndex + 3], in: 0...Int.max, name: "the seed", example: example) : 1
      let memory =
        random
        ? PlaygroundState.randomMemory(rows: rows, width: width, seed: UInt64(seed))
        : Matrix(rows: rows, columns: width)
      let next = PlaygroundState.fresh(memory: memory)
      let what = random ? "random entries in [−1, 1], seed \(seed)" : "all zeros"
      let shift = rows >= 3 ? "s = shift by +1" : "s = no shift (N < 3)"
      let sentence = canvas.wrap(
        "M = \(rows) × \(width), \(what); k = \(next.parameters.key.contains { $0 != 1 } ? "row 0" : "all ones"), w_prev uniform, \(shift)."
      )
      return ((sentence + canvas.memory(memory)).joined(separator: "\n"), next)
    default:
      throw Input.Rejection(message: "memory needs 'builtin', 'random' or 'zeros'. Try '\(usage)'.")
    }
  }

  func setRow(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    let example = "row 0 " + Array(repeating: "0.5", count: min(state.width, 8)).joined(separator: " ")
    guard let first = words.first else {
      throw Input.Rejection(message: "row needs an index and W = \(state.width) numbers. Try '\(example)'.")
    }
    let index = try Input.integer(first, in: 0...(state.rows - 1), name: "the row index i", example: example)
    if words.count == 1 { return (canvas.vector("M(\(index))", state.memory.row(index)), state) }
    let values = try Input.vector(
      words.dropFirst(), count: state.width, in: -Input.maximumMagnitude...Input.maximumMagnitude, name: "row \(index)", example: example)
    var next = state.restartingSteps()
    next.memory.setRow(index, to: values)
    return (canvas.vector("M(\(index))", values), next)
  }

  func setKey(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    let example = "key " + Array(repeating: "0.5", count: min(state.width, 8)).joined(separator: " ")
    if words.isEmpty { return (canvas.vector("k", state.parameters.key), state) }
    var next = state.restartingSteps()
    if words.first?.lowercased() == "row" {
      try requireCount(words, 2, usage: "key row <i>")
      let index = try Input.integer(words[words.startIndex + 1], in: 0...(state.rows - 1), name: "the row index i", example: "key row 2")
      next.parameters.key = state.memory.row(index)
    } else {
      next.parameters.key = try Input.vector(
        words, count: state.width, in: -Input.maximumMagnitude...Input.maximumMagnitude, name: "the key k", example: example)
    }
    return (canvas.vector("k", next.parameters.key), next)
  }

  /// Rejects anything but one word where one number belongs (no word at all asks for the
  /// current value, and is handled before this).
  func requireOneNumber(_ words: Words, name: String, range: String, example: String) throws {
    guard words.count == 1 else {
      throw Input.Rejection(message: "\(name) needs one number from \(range), got \(words.count) values. Try '\(example)'.")
    }
  }

  /// `beta`, `gate` and `sharpen`: shows the setting alone, or sets it to one number in
  /// `range` (spelled `rangeText` in messages) and starts the steps again at content.
  func setNumber(
    _ setting: WritableKeyPath<AddressingParameters, Double>, symbol: String, in range: ClosedRange<Double>, rangeText: String,
    example: String, _ words: Words, _ state: PlaygroundState
  ) throws -> (String, PlaygroundState) {
    if words.isEmpty { return ("\(symbol) = \(Input.format(state.parameters[keyPath: setting]))", state) }
    try requireOneNumber(words, name: symbol, range: rangeText, example: example)
    var next = state.restartingSteps()
    next.parameters[keyPath: setting] = try Input.number(words.first!, in: range, name: symbol, example: example)
    return ("\(symbol) = \(Input.format(next.parameters[keyPath: setting]))", next)
  }

  func setShift(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    if words.isEmpty { return (shiftDescription(state.parameters.shiftWeighting), state) }
    let largest = (state.rows - 1) / 2
    var next = state.restartingSteps()
    var note = ""
    if words.count == 1 {
      // One word is an offset: `shift +1`, `shift -1`, `shift 1`, `shift 0`.
      let word = words.first!
      guard let offset = Input.offset(word) ?? Int(word) else {
        throw Input.Rejection(
          message: "one value is a shift offset such as +1 or -1, got '\(Input.echo(word))'; weights need 2R + 1 numbers. Try 'shift +1'.")
      }
      guard abs(offset) <= largest else {
        let fits =
          largest > 0
          ? "use an offset from −\(largest) to +\(largest)"
          : "only offset 0 fits a memory of \(state.rows) row\(state.rows == 1 ? "" : "s")"
        throw Input.Rejection(
          message: "a shift of \(offset) needs 2|offset| + 1 ≤ N = \(state.rows); \(fits). Try 'shift \(largest > 0 ? "+1" : "0")'.")
      }
      let range = max(min(1, largest), abs(offset), state.shiftRange)
      next.parameters.shiftWeighting = PlaygroundState.oneHot(offset + range, count: 2 * range + 1)
    } else {
      guard words.count % 2 == 1 else {
        throw Input.Rejection(
          message: "s needs an odd number of weights (2R + 1, for shifts −R…R), got \(words.count). Try 'shift 0.1 0.2 0.7' or 'shift +1'.")
      }
      guard words.count <= state.rows else {
        throw Input.Rejection(
          message: "s has \(words.count) weights but needs 2R + 1 ≤ N = \(state.rows). Try 'shift 0.1 0.2 0.7' or 'shift +1'.")
      }
      let (weights, changed) = try Input.weighting(words, name: "s", example: "shift 0.1 0.2 0.7")
      next.parameters.shiftWeighting = weights
      if changed { note = " (normalised to sum to 1)" }
    }
    return (shiftDescription(next.parameters.shiftWeighting) + note, next)
  }

  /// `s over shifts −R…+R = [ … ]`.
  func shiftDescription(_ shift: [Double]) -> String {
    let range = shift.count / 2
    return canvas.vector("s over shifts −\(range)…+\(range)", shift)
  }

  func setPrevious(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    let example = "previous row 0"
    if words.isEmpty { return (canvas.vector("w_prev", state.previousWeighting), state) }
    var next = state.restartingSteps()
    var note = ""
    switch words.first?.lowercased() {
    case "row":
      try requireCount(words, 2, usage: "previous row <i>")
      let index = try Input.integer(words[words.startIndex + 1], in: 0...(state.rows - 1), name: "the row index i", example: example)
      next.previousWeighting = PlaygroundState.oneHot(index, count: state.rows)
    case "uniform":
      try requireCount(words, 1, usage: "previous uniform")
      next.previousWeighting = Array(repeating: 1 / Double(state.rows), count: state.rows)
    case "last":
      try requireCount(words, 1, usage: "previous last")
      next.previousWeighting = state.trace.weighting
    default:
      guard words.count == state.rows else {
        throw Input.Rejection(
          message: "w_prev needs N = \(state.rows) weights, got \(words.count). Try '\(example)' or 'previous uniform'.")
      }
      let (weights, changed) = try Input.weighting(words, name: "w_prev", example: example)
      next.previousWeighting = weights
      if changed { note = " (normalised to sum to 1)" }
    }
    return (canvas.vector("w_prev", next.previousWeighting) + note, next)
  }

  func setErase(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    if words.isEmpty { return (canvas.vector("e", state.erase), state) }
    var next = state.restartingSteps()
    next.erase = try Input.vector(
      words, count: state.width, in: 0...1, name: "the erase vector e",
      example: "erase " + Array(repeating: "1", count: min(state.width, 8)).joined(separator: " "))
    return (canvas.vector("e", next.erase), next)
  }

  func setAdd(_ words: Words, _ state: PlaygroundState) throws -> (String, PlaygroundState) {
    if words.isEmpty { return (canvas.vector("a", state.add), state) }
    var next = state.restartingSteps()
    next.add = try Input.vector(
      words, count: state.width, in: -Input.maximumMagnitude...Input.maximumMagnitude, name: "the add vector a",
      example: "add " + Array(repeating: "0.5", count: min(state.width, 8)).joined(separator: " "))
    return (canvas.vector("a", next.add), next)
  }
}
