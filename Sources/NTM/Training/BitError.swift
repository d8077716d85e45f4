/// The error metric of Graves et al. (2014, Fig. 3, "cost per sequence (bits)"): the number of
/// output bits that are wrong once each output is rounded, summed over the masked steps.
///
/// ```
/// errors = Σ_t [m_t ≠ 0] Σ_k [round(σ(z_tk)) ≠ t_tk]
/// ```
/// `σ(z) ≥ 0.5` exactly when `z ≥ 0`, so the rounding compares the logit's sign and needs no
/// `exp`. A target counts as 1 when it is at least one half.
public enum BitError {
  /// The number of wrong bits over the steps where `mask` is not 0.
  /// - Precondition: the shapes agree.
  public static func count(logits: Matrix, targets: Matrix, mask: [Double]) -> Int {
    SigmoidCrossEntropy.requireShapes(logits: logits, targets: targets, mask: mask)
    var wrong = 0
    for t in 0..<logits.rows where mask[t] != 0 { wrong += count(logits: logits, targets: targets, step: t) }
    return wrong
  }

  /// The number of wrong bits at step `t` alone, masked or not.
  /// - Precondition: the shapes agree and `t` is one of their rows.
  public static func count(logits: Matrix, targets: Matrix, step t: Int) -> Int {
    var wrong = 0
    for k in 0..<logits.columns {
      let index = t * logits.columns + k
      let predicted = logits.scalars[index] >= 0
      let expected = targets.scalars[index] >= 0.5
      if predicted != expected { wrong += 1 }
    }
    return wrong
  }
}
