/// The optimiser a run uses, with its whole state, so a checkpoint saves and restores it
/// exactly. Both kinds update a flat parameter vector in place.
public enum Optimiser: Codable, Equatable, Sendable {
  case rmsprop(RMSProp)
  case adam(Adam)

  /// The kinds, by the names the command line and checkpoints use.
  public enum Kind: String, Codable, Sendable, CaseIterable {
    case rmsprop
    case adam

    /// The kind's default learning rate.
    public var defaultLearningRate: Double {
      switch self {
      case .rmsprop: RMSProp.defaultLearningRate
      case .adam: Adam.defaultLearningRate
      }
    }
  }

  /// A fresh optimiser of `kind` for `parameterCount` parameters, with its default
  /// hyperparameters apart from `learningRate` (its default when nil).
  public init(_ kind: Kind, parameterCount: Int, learningRate: Double? = nil) {
    let rate = learningRate ?? kind.defaultLearningRate
    switch kind {
    case .rmsprop: self = .rmsprop(RMSProp(parameterCount: parameterCount, learningRate: rate))
    case .adam: self = .adam(Adam(parameterCount: parameterCount, learningRate: rate))
    }
  }

  public var kind: Kind {
    switch self {
    case .rmsprop: .rmsprop
    case .adam: .adam
    }
  }

  /// The step size; setting it keeps the rest of the state (a schedule, or a lower rate after
  /// convergence, changes only this).
  public var learningRate: Double {
    get {
      switch self {
      case .rmsprop(let optimiser): optimiser.learningRate
      case .adam(let optimiser): optimiser.learningRate
      }
    }
    set {
      switch self {
      case .rmsprop(var optimiser):
        optimiser.learningRate = newValue
        self = .rmsprop(optimiser)
      case .adam(var optimiser):
        optimiser.learningRate = newValue
        self = .adam(optimiser)
      }
    }
  }

  public var parameterCount: Int {
    switch self {
    case .rmsprop(let optimiser): optimiser.parameterCount
    case .adam(let optimiser): optimiser.parameterCount
    }
  }

  /// Applies one step to `parameters` in place, given their gradient.
  public mutating func update(_ parameters: inout [Double], gradient: [Double]) {
    // Park an empty state in `self` first, so the extracted state is the only reference to
    // its arrays and the update writes them in place instead of copying them.
    switch self {
    case .rmsprop(var optimiser):
      self = .adam(Adam(parameterCount: 0))
      optimiser.update(&parameters, gradient: gradient)
      self = .rmsprop(optimiser)
    case .adam(var optimiser):
      self = .rmsprop(RMSProp(parameterCount: 0))
      optimiser.update(&parameters, gradient: gradient)
      self = .adam(optimiser)
    }
  }

  /// Problems with the hyperparameters and state, one sentence each.
  public var problems: [String] {
    switch self {
    case .rmsprop(let optimiser): optimiser.problems
    case .adam(let optimiser): optimiser.problems
    }
  }
}
