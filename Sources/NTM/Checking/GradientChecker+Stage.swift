extension GradientChecker {
  /// Checks any stage's backward pass at `input`: every field of the input, element by
  /// element, against numeric differences of the stage's forward pass, with the scalar loss
  /// `L = v · forward(x)` for a fixed random projection `v` drawn from `generator`.
  ///
  /// ```swift
  /// var generator = SplitMix64(seed: 1)
  /// let report = GradientChecker().check(
  ///   Sharpening.self, at: .init(weighting: [0.2, 0.5, 0.3], sharpening: 2), using: &generator)
  /// report.worst?.worstElement   // "weighting[1]", say, or "sharpening"
  /// ```
  /// - Parameters:
  ///   - stage: the stage to check.
  ///   - input: the point at which to check it.
  ///   - operation: the name reported (the stage's type name when omitted).
  ///   - generator: draws the projection `v`.
  public func check<S: Stage>(
    _ stage: S.Type, at input: S.Input, operation: String? = nil,
    using generator: inout some RandomNumberGenerator
  ) -> Report where S.Input: ScalarFields, S.Output: ScalarFields {
    let name = operation ?? String(describing: stage)
    let template = S.forward(input).output
    return check(
      operation: name, inputs: input.fields, using: &generator,
      evaluate: { values in S.forward(input.replacingFields(values)).output.flattened },
      gradient: { values, projection in
        let (_, cache) = S.forward(input.replacingFields(values))
        return S.backward(template.replacingFlattened(projection), cache).fields.map(\.values)
      })
  }
}
