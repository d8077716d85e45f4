import NTM

/// Everything the tour, the REPL and `ntm address` address and draw: a memory, the head's
/// addressing parameters, the previous weighting, the write vectors, and how far `step` has
/// gone through the four stages.
///
/// A plain value: the REPL's interpreter takes one and returns the next, so a rejected line
/// can simply hand back the state it was given.
struct PlaygroundState: Equatable, Sendable {
  /// The memory `M`, N × W.
  var memory: Matrix
  /// The key `k`, strength β, gate g, shift weighting s and sharpening γ.
  var parameters: AddressingParameters
  /// `w_prev`, the weighting the interpolation falls back on.
  var previousWeighting: [Double]
  /// The erase vector `e` (each entry in [0, 1]).
  var erase: [Double]
  /// The add vector `a`.
  var add: [Double]
  /// How many of the four stages `step` has shown (0 = none yet, 4 = all).
  var stagesShown: Int = 0
  /// The target `t` of the loss `L = −Σ_i t(i) log w(i)` on the final weighting, if one is
  /// set (N entries, ≥ 0, summing to 1).
  var target: [Double]? = nil

  /// The four stages, in the order `step` walks them.
  enum Stage: Int, CaseIterable, Sendable {
    case content = 1
    case interpolation, shift, sharpening

    /// The stage's name on screen.
    var name: String {
      switch self {
      case .content: "content addressing"
      case .interpolation: "interpolation"
      case .shift: "shift"
      case .sharpening: "sharpening"
      }
    }
  }

  /// N, the number of memory rows.
  var rows: Int { memory.rows }
  /// W, the width of a row.
  var width: Int { memory.columns }
  /// R, the shift range: s covers −R…R.
  var shiftRange: Int { parameters.shiftWeighting.count / 2 }

  /// All four stages of the library's `Addressing.forward` on this state.
  var trace: Addressing.Trace {
    Addressing.forward(.init(memory: memory, previousWeighting: previousWeighting, parameters: parameters)).cache.trace
  }

  /// A copy whose `step` starts again at content addressing: any change to an input makes
  /// the stages already drawn out of date.
  func restartingSteps() -> PlaygroundState {
    var copy = self
    copy.stagesShown = 0
    return copy
  }
}

extension PlaygroundState {
  /// The built-in 8 × 4 memory. Rows 0–3 hold a single 1 each; rows 4–7 hold two
  /// neighbouring 1s (wrapping round), so every row is easy to recognise and several rows
  /// are partly alike — content addressing then has something to choose between.
  static let builtInMemory = Matrix([
    [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1],
    [1, 1, 0, 0], [0, 1, 1, 0], [0, 0, 1, 1], [1, 0, 0, 1],
  ])

  /// The key of the built-in state: close to row 2 `[0, 0, 1, 0]`, a little like rows 5 and 6.
  static let builtInKey = [0.1, 0.2, 0.9, 0.1]

  /// The row the built-in previous weighting focuses on.
  static let builtInPreviousRow = 6

  /// The state the tour walks through and `reset` returns to: the built-in memory, a key
  /// near row 2, β = 20, g = 0.8, previous focus on row 6, a shift mostly by +1, γ = 3,
  /// erase everything and add `[1, 0, 1, 0]`.
  static let builtIn = PlaygroundState(
    memory: builtInMemory,
    parameters: AddressingParameters(
      key: builtInKey, keyStrength: 20, gate: 0.8, shiftWeighting: [0.1, 0.2, 0.7], sharpening: 3),
    previousWeighting: oneHot(builtInPreviousRow, count: builtInMemory.rows),
    erase: [1, 1, 1, 1], add: [1, 0, 1, 0])

  /// A state for a fresh memory of `rows × width`: the key is the first row (or all ones when
  /// that row is zero), previous weighting uniform, the widest shift `(0, 0, 1)` that fits,
  /// everything else as in the built-in state.
  static func fresh(memory: Matrix) -> PlaygroundState {
    var state = builtIn
    state.memory = memory
    let first = memory.row(0)
    state.parameters.key = first.contains { $0 != 0 } ? first : Array(repeating: 1, count: memory.columns)
    state.previousWeighting = Array(repeating: 1 / Double(memory.rows), count: memory.rows)
    state.parameters.shiftWeighting = memory.rows >= 3 ? [0, 0, 1] : [1]
    state.erase = Array(repeating: 1, count: memory.columns)
    state.add = Array(repeating: 0.5, count: memory.columns)
    state.stagesShown = 0
    state.target = nil
    return state
  }

  /// A memory of `rows × width` entries drawn uniformly from [−1, 1] and rounded to two
  /// decimals, so what `show memory` prints is exactly what is stored and can be typed back.
  static func randomMemory(rows: Int, width: Int, seed: UInt64) -> Matrix {
    var generator = SplitMix64(seed: seed)
    let entries = generator.uniforms(rows * width, in: -1...1).map { ($0 * 100).rounded() / 100 }
    return Matrix(rows: rows, columns: width, scalars: entries)
  }

  /// The weighting with all its weight on `index`.
  static func oneHot(_ index: Int, count: Int) -> [Double] {
    (0..<count).map { $0 == index ? 1 : 0 }
  }

  /// Whether every number held is finite: what the REPL promises after every line.
  var isFinite: Bool {
    memory.scalars.allSatisfy(\.isFinite) && parameters.key.allSatisfy(\.isFinite)
      && parameters.keyStrength.isFinite && parameters.gate.isFinite
      && parameters.shiftWeighting.allSatisfy(\.isFinite) && parameters.sharpening.isFinite
      && previousWeighting.allSatisfy(\.isFinite) && erase.allSatisfy(\.isFinite) && add.allSatisfy(\.isFinite)
      && (target ?? []).allSatisfy(\.isFinite)
  }
}
