/// Every stage's input as named fields, for the generic gradient checker: each field by its
/// role name, so the checker names the worst element as `memory[2, 1]` or `sharpening`.

typealias Field = GradientChecker.Input

extension CosineSimilarity.Input: ScalarFields {
  public var fields: [GradientChecker.Input] { [Field("key", key), Field("memory", memory)] }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(key: values[0], memory: memory.replacingFields([values[1]]))
  }
}

extension ContentAddressing.Input: ScalarFields {
  public var fields: [GradientChecker.Input] {
    [Field("key", key), Field("memory", memory), Field("keyStrength", scalar: keyStrength)]
  }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(key: values[0], memory: memory.replacingFields([values[1]]), keyStrength: values[2][0])
  }
}

extension Interpolation.Input: ScalarFields {
  public var fields: [GradientChecker.Input] {
    [Field("content", content), Field("previous", previous), Field("gate", scalar: gate)]
  }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(content: values[0], previous: values[1], gate: values[2][0])
  }
}

extension Shift.Input: ScalarFields {
  public var fields: [GradientChecker.Input] {
    [Field("weighting", weighting), Field("shiftWeighting", shiftWeighting)]
  }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(weighting: values[0], shiftWeighting: values[1])
  }
}

extension Sharpening.Input: ScalarFields {
  public var fields: [GradientChecker.Input] {
    [Field("weighting", weighting), Field("sharpening", scalar: sharpening)]
  }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(weighting: values[0], sharpening: values[1][0])
  }
}

extension Addressing.Input: ScalarFields {
  public var fields: [GradientChecker.Input] {
    let p = parameters
    return [
      Field("memory", memory), Field("previousWeighting", previousWeighting), Field("key", p.key),
      Field("keyStrength", scalar: p.keyStrength), Field("gate", scalar: p.gate),
      Field("shiftWeighting", p.shiftWeighting), Field("sharpening", scalar: p.sharpening),
    ]
  }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(
      memory: memory.replacingFields([values[0]]), previousWeighting: values[1],
      parameters: AddressingParameters(
        key: values[2], keyStrength: values[3][0], gate: values[4][0], shiftWeighting: values[5],
        sharpening: values[6][0]))
  }
}

extension Read.Input: ScalarFields {
  public var fields: [GradientChecker.Input] { [Field("memory", memory), Field("weighting", weighting)] }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(memory: memory.replacingFields([values[0]]), weighting: values[1])
  }
}

extension Write.Input: ScalarFields {
  public var fields: [GradientChecker.Input] {
    [Field("memory", memory), Field("weighting", weighting), Field("erase", erase), Field("add", add)]
  }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(memory: memory.replacingFields([values[0]]), weighting: values[1], erase: values[2], add: values[3])
  }
}

extension Softmax.Input: ScalarFields {
  public var fields: [GradientChecker.Input] { [Field("scores", scores)] }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(scores: values[0])
  }
}

extension ActivationInput: ScalarFields {
  public var fields: [GradientChecker.Input] { [Field("x", x)] }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(x: values[0])
  }
}

extension Linear.Input: ScalarFields {
  public var fields: [GradientChecker.Input] {
    [Field("weights", weights), Field("bias", bias), Field("input", input)]
  }

  public func replacingFields(_ values: [[Double]]) -> Self {
    requireFields(values, like: fields)
    return Self(weights: weights.replacingFields([values[0]]), bias: values[1], input: values[2])
  }
}
