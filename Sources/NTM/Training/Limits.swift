/// The ranges every integer setting may take, wherever it comes from: `ntm train`'s flags check
/// them when a run starts, and checkpoint validation checks the same ranges when a file is
/// loaded, so a hand-edited or damaged file can never ask for more than a command line could.
///
/// The ranges are generous on purpose: they keep every product of sizes far from `Int.max`
/// (so no size arithmetic can overflow once a value is inside its range) and leave what
/// actually fits in this computer to the memory estimate (`MemoryEstimate`), which is checked
/// before anything is allocated.
public enum Limits {
  /// A layer's width, the number of memory rows N, or the width W of a row. 100,000 is a
  /// thousand times the paper's controllers; with at most `layerCount` layers every parameter
  /// count stays below 10^13, far inside `Int`.
  public static let size = 1...100_000
  /// How many layers a controller or the LSTM baseline stacks. The paper uses 1 to 3; 16 keeps
  /// the sum over layers bounded.
  public static let layerCount = 1...16
  /// Read or write heads of one kind. The paper uses 1 to 8 (priority sort: 5 and 5).
  public static let heads = 0...64
  /// R, the largest shift. `2R + 1 ≤ N` bounds it too; half the largest N.
  public static let shiftRange = 0...50_000
  /// B, sequences per update.
  public static let batchSize = 1...10_000
  /// Threads sharing a batch (`--threads`): one, up to more than any computer here has cores.
  public static let threads = 1...256
  /// A task length in the task's own unit (training ranges and `ntm eval --lengths`).
  public static let length = 1...10_000
  /// Bits per vector of a task. 64 keeps `2^(bits · v)`-style counts of distinct items finite
  /// in `Double` and the input a few hundred channels at most.
  public static let bits = 1...64
  /// Repeat copy's repeat counts.
  public static let repeats = 1...1_000
  /// Associative recall's vectors per item.
  public static let vectorsPerItem = 1...64
  /// Priority sort's output count.
  public static let outputs = 1...10_000
  /// Sequences a run trains on, and the intervals (saves, reports, evaluations) counted in
  /// sequences.
  public static let sequences = 1...1_000_000_000
  /// Fresh sequences one evaluation draws.
  public static let evaluationSequences = 1...1_000_000
  /// The seed of a run. `Int.max` and not `UInt64.max` so the seed is a whole number every
  /// command's integer parsing accepts.
  public static let seed = UInt64(0)...UInt64(Int.max)
  /// Updates or sequences a checkpoint may have counted: a run stops at the first update that
  /// reaches `sequences.upperBound`, so it can pass it by at most one batch.
  public static let counter = 0...(sequences.upperBound + batchSize.upperBound)

  /// A model's parameter count. Twice the paper's largest model (the 3 × 512 LSTM baseline
  /// of repeat copy, 5.3 million), so every model the paper trains fits; it also bounds a
  /// checkpoint file (`CheckpointFile.maximumBytes`), so whatever `ntm train` accepts it can
  /// save and read back.
  public static let parameterCount = 1...10_000_000

  /// Whether `low…high` is a range (`low ≤ high`) with both ends inside `bounds`.
  public static func isRange(_ low: Int, _ high: Int, inside bounds: ClosedRange<Int>) -> Bool {
    bounds.contains(low) && bounds.contains(high) && low <= high
  }

  /// `1…10000`: a range as the messages print it.
  public static func text(_ bounds: ClosedRange<Int>) -> String { "\(bounds.lowerBound)…\(bounds.upperBound)" }
}
