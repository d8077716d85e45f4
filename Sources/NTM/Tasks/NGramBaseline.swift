import Foundation

/// The Bayes-optimal predictor for the dynamic N-grams task (Graves et al. 2014, §4.4), the
/// baseline a trained machine is measured against.
///
/// When every table entry has the prior Beta(½, ½), the posterior predictive probability that
/// the next bit is 1, given that its context `c` has so far been followed by `N1` ones and `N0`
/// zeros in this sequence, is
/// ```
/// P(1 | N1, N0) = (N1 + ½) / (N1 + N0 + 1)
/// ```
/// (the Krichevsky–Trofimov estimator). No predictor can do better on average, since the table
/// is unknown and this is the exact posterior mean of `θ_c`.
///
/// **Cost, in the trainer's units.** The cost of a sequence is the negative log-likelihood of
/// its scored bits,
/// ```
/// cost = −Σ_t m_t log p_t(x_{t+1})      p_t(1) = P(1 | N1, N0),  p_t(0) = 1 − p_t(1)
/// ```
/// in nats (natural logarithm), which is exactly what `SigmoidCrossEntropy.forward` gives for
/// the logits `log(p_t / (1 − p_t))` that `logits(for:)` returns; divided by `ln 2` it is in
/// bits, the paper's "cost per sequence (bits)". `Cost` carries both.
///
/// - Note: The counts include only bits drawn from the table (positions `t ≥ n`) that have
///   already been read, never the bit being predicted. Steps the task does not score (no full
///   context yet) are predicted as ½ and left out of the cost by the mask.
public enum NGramBaseline {
  /// The pseudo-count added to each of `N1` and `N0`: the Beta(½, ½) prior's shape.
  public static let pseudoCount = NGramTask.betaShape

  /// A cost per sequence, in nats (the trainer's loss) and in bits (the paper's figures).
  public struct Cost: Equatable, Sendable {
    /// `−Σ log p`, natural logarithm: the units of `SigmoidCrossEntropy`.
    public var nats: Double
    /// `−Σ log₂ p`: the units of the paper's N-gram figures.
    public var bits: Double { NGramBaseline.bits(fromNats: nats) }

    public init(nats: Double) { self.nats = nats }
  }

  /// Nats to bits: `x / ln 2`.
  public static func bits(fromNats nats: Double) -> Double { nats / M_LN2 }
  /// Bits to nats: `x · ln 2`.
  public static func nats(fromBits bits: Double) -> Double { bits * M_LN2 }

  /// The sequence `x_0 … x_{L−1}` an N-grams example reads: its inputs, then its last target.
  /// - Precondition: one input and one output channel, at least one step, bits 0 or 1.
  public static func sequence(of example: Example) -> [Int] {
    require(
      example.inputs.columns == 1 && example.targets.columns == 1 && example.steps >= 1,
      "N-grams example needs one input channel, one output channel and a step; got inputs "
        + "\(example.inputs.shapeDescription) and targets \(example.targets.shapeDescription)")
    let values = example.inputs.scalars + [example.targets.scalars[example.steps - 1]]
    require(values.allSatisfy { $0 == 0 || $0 == 1 }, "N-grams example must hold only bits 0 and 1")
    return values.map { Int($0) }
  }

  /// `p_t(1)` for every step `t` of `example`: the estimator's probability that the target (the
  /// next bit) is 1; ½ where the context is not yet complete.
  /// - Precondition: `1 ≤ contextLength ≤ NGramTask.maximumContextLength`.
  public static func predictions(
    for example: Example, contextLength n: Int = NGramTask.defaultContextLength
  ) -> [Double] {
    require(
      (1...NGramTask.maximumContextLength).contains(n),
      "N-grams context must be 1…\(NGramTask.maximumContextLength) bits, got \(n)")
    let sequence = sequence(of: example)
    var ones = [Double](repeating: 0, count: 1 << n)
    var zeros = [Double](repeating: 0, count: 1 << n)
    var predictions = [Double](repeating: 0.5, count: example.steps)
    for t in 0..<example.steps where t + 1 >= n {
      let context = NGramTask.context(before: t + 1, in: sequence, contextLength: n)
      predictions[t] = (ones[context] + pseudoCount) / (ones[context] + zeros[context] + 2 * pseudoCount)
      // Count the bit only after predicting it, so a prediction never sees its own answer.
      if sequence[t + 1] == 1 { ones[context] += 1 } else { zeros[context] += 1 }
    }
    return predictions
  }

  /// The predictions as a T × 1 matrix of logits `log(p / (1 − p))`, so the trainer's loss and
  /// bit error can score the baseline exactly as they score a model.
  public static func logits(for example: Example, contextLength n: Int = NGramTask.defaultContextLength) -> Matrix {
    let p = predictions(for: example, contextLength: n)
    return Matrix(rows: p.count, columns: 1, scalars: p.map { log($0) - log1p(-$0) })
  }

  /// The estimator's cost on `example`, over the steps its mask scores.
  public static func cost(of example: Example, contextLength n: Int = NGramTask.defaultContextLength) -> Cost {
    cost(predictions: predictions(for: example, contextLength: n), for: example)
  }

  /// The cost `−Σ_t m_t log p_t(x_{t+1})` of any predictions `p_t(1)` (for instance the true
  /// table's, to measure how far the estimator is from knowing the distribution).
  /// - Precondition: one prediction per step, each in `[0, 1]`.
  public static func cost(predictions: [Double], for example: Example) -> Cost {
    require(
      predictions.count == example.steps,
      "N-grams cost needs one prediction per step: \(predictions.count) for \(example.steps) steps")
    require(predictions.allSatisfy { (0...1).contains($0) }, "N-grams predictions must lie in [0, 1]")
    var nats = 0.0
    for t in 0..<example.steps where example.mask[t] != 0 {
      let p = predictions[t]
      let likelihood = example.targets[t, 0] >= 0.5 ? p : 1 - p
      nats -= example.mask[t] * log(likelihood)
    }
    return Cost(nats: nats)
  }
}
