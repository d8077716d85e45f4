/// The functions a learner writes, one per exercise, as values: the grader calls whatever it
/// is given, so the tests can grade reference solutions and deliberately wrong ones without
/// touching the learner's files. `calling(_:)` is the learner's own code in `Exercises/`,
/// compiled into a program of its own.
///
/// Every function returns nil for "not done yet", which is what each starter file returns.
struct ExerciseFunctions: Sendable {
  typealias Rows = [[Double]]

  var cosineSimilarity: @Sendable (_ key: [Double], _ memory: Rows) -> [Double]?
  var softmax: @Sendable (_ scores: [Double]) -> [Double]?
  var softmaxBackward: @Sendable (_ output: [Double], _ outputGradient: [Double]) -> [Double]?
  var cosineSimilarityBackward:
    @Sendable (_ key: [Double], _ memory: Rows, _ outputGradient: [Double])
      -> (key: [Double], memory: Rows)?
  var contentAddressingBackward:
    @Sendable (
      _ key: [Double], _ memory: Rows, _ keyStrength: Double, _ similarity: [Double],
      _ weighting: [Double], _ outputGradient: [Double]
    ) -> (key: [Double], memory: Rows, keyStrength: Double)?
  var interpolationBackward:
    @Sendable (
      _ content: [Double], _ previous: [Double], _ gate: Double, _ outputGradient: [Double]
    ) -> (content: [Double], previous: [Double], gate: Double)?
  var shift: @Sendable (_ weighting: [Double], _ shiftWeighting: [Double]) -> [Double]?
  var shiftBackward:
    @Sendable (_ weighting: [Double], _ shiftWeighting: [Double], _ outputGradient: [Double])
      -> (weighting: [Double], shiftWeighting: [Double])?
  var sharpen: @Sendable (_ weighting: [Double], _ sharpening: Double) -> [Double]?
  var sharpenBackward:
    @Sendable (
      _ weighting: [Double], _ sharpening: Double, _ output: [Double], _ outputGradient: [Double]
    ) -> (weighting: [Double], sharpening: Double)?
  var readBackward:
    @Sendable (_ memory: Rows, _ weighting: [Double], _ outputGradient: [Double])
      -> (memory: Rows, weighting: [Double])?
  var write: @Sendable (_ memory: Rows, _ weighting: [Double], _ erase: [Double], _ add: [Double]) -> Rows?
  var writeBackward:
    @Sendable (
      _ memory: Rows, _ weighting: [Double], _ erase: [Double], _ add: [Double], _ outputGradient: Rows
    ) -> (memory: Rows, weighting: [Double], erase: [Double], add: [Double])?
  var readHeadStepBackward:
    @Sendable (
      _ memory: Rows, _ previousWeighting: [Double], _ head: ReadHeadParameters, _ forward: ReadHeadForward,
      _ readGradient: [Double], _ weightingGradient: [Double]
    ) -> ReadHeadGradients?
}

/// What a read head emitted at one step (exercise 14): its addressing parameters.
struct ReadHeadParameters: Sendable, Equatable {
  /// The key `k` (W numbers).
  var key: [Double]
  /// The key strength `β`.
  var keyStrength: Double
  /// The interpolation gate `g`.
  var gate: Double
  /// The shift weighting `s` over `−R…R`.
  var shiftWeighting: [Double]
  /// The sharpening `γ`.
  var sharpening: Double
}

/// What a read head's forward step saved (exercise 14): every stage's output.
struct ReadHeadForward: Sendable, Equatable {
  /// `K(k, M_i)` per row.
  var similarity: [Double]
  /// `w_c`.
  var content: [Double]
  /// `w_g`.
  var interpolated: [Double]
  /// `w̃`.
  var shifted: [Double]
  /// `w_t`, the final weighting.
  var weighting: [Double]
  /// `r_t`.
  var readVector: [Double]
}

/// The gradients of one read-head step (exercise 14).
struct ReadHeadGradients: Sendable, Equatable {
  /// `∂L/∂M_{t−1}`: N rows of W.
  var memory: [[Double]]
  /// `∂L/∂w_{t−1}`.
  var previousWeighting: [Double]
  var key: [Double]
  var keyStrength: Double
  var gate: Double
  var shiftWeighting: [Double]
  var sharpening: Double
}
