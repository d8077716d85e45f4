/// Everything that fixes an NTM's shape: sizes, controller, heads, memory. Saved in every
/// checkpoint, so a checkpoint rebuilds its machine.
///
/// The defaults are the paper's copy setting (reference configuration): a feed-forward
/// controller of 100 units, memory 128 × 20, one read and one write head, shifts −1…1.
public struct MachineConfiguration: Codable, Equatable, Hashable, Sendable {
  /// The controller network.
  public enum ControllerKind: String, Codable, Sendable, CaseIterable {
    case feedForward
    case lstm
  }

  /// How `M_0`, the memory before the first step, is set.
  public enum MemoryInitialisation: String, Codable, Sendable, CaseIterable {
    /// Every entry `constantMemoryValue` (the default).
    case constant
    /// A learned `N × W` parameter.
    case learned
    /// Fresh small random values for every sequence (drawn from the machine's generator).
    case random
  }

  /// The constant `M_0` entry: small, so the first cosine similarities are defined but the
  /// memory is effectively blank.
  public static let constantMemoryValue = 1e-6

  public var inputSize: Int
  public var outputSize: Int
  public var controller: ControllerKind
  /// Hidden sizes: one entry per feed-forward layer, or per stacked LSTM layer.
  public var controllerSizes: [Int]
  /// The feed-forward controller's activation (`.tanh` or `.relu`).
  public var controllerActivation: Activation
  /// N, the number of memory locations.
  public var memoryRows: Int
  /// W, the width of a location.
  public var memoryWidth: Int
  public var readHeads: Int
  public var writeHeads: Int
  /// R: each head's shift weighting covers shifts −R…R.
  public var shiftRange: Int
  public var memoryInitialisation: MemoryInitialisation

  public init(
    inputSize: Int, outputSize: Int, controller: ControllerKind = .feedForward,
    controllerSizes: [Int] = [100], controllerActivation: Activation = .tanh,
    memoryRows: Int = 128, memoryWidth: Int = 20, readHeads: Int = 1, writeHeads: Int = 1,
    shiftRange: Int = 1, memoryInitialisation: MemoryInitialisation = .constant
  ) {
    self.inputSize = inputSize
    self.outputSize = outputSize
    self.controller = controller
    self.controllerSizes = controllerSizes
    self.controllerActivation = controllerActivation
    self.memoryRows = memoryRows
    self.memoryWidth = memoryWidth
    self.readHeads = readHeads
    self.writeHeads = writeHeads
    self.shiftRange = shiftRange
    self.memoryInitialisation = memoryInitialisation
  }

  /// Problems with this configuration, one sentence each (empty when it is valid). Every
  /// count is checked against its range in `Limits` before any arithmetic, so no value can
  /// overflow a product or a sum.
  public var problems: [String] {
    var problems: [String] = []
    if !Limits.size.contains(inputSize) { problems.append("input size must be from 1 to \(Limits.size.upperBound), got \(inputSize)") }
    if !Limits.size.contains(outputSize) { problems.append("output size must be from 1 to \(Limits.size.upperBound), got \(outputSize)") }
    if !Limits.layerCount.contains(controllerSizes.count) || !controllerSizes.allSatisfy(Limits.size.contains) {
      problems.append(
        "controller sizes must be \(Limits.layerCount.lowerBound) to \(Limits.layerCount.upperBound) numbers from 1 to \(Limits.size.upperBound), got \(Self.list(controllerSizes))"
      )
    }
    if controller == .feedForward && controllerActivation != .tanh && controllerActivation != .relu {
      problems.append("a feed-forward controller uses tanh or relu, got \(controllerActivation.rawValue)")
    }
    if !Limits.size.contains(memoryRows) { problems.append("memory rows N must be from 1 to \(Limits.size.upperBound), got \(memoryRows)") }
    if !Limits.size.contains(memoryWidth) {
      problems.append("memory width W must be from 1 to \(Limits.size.upperBound), got \(memoryWidth)")
    }
    if !Limits.heads.contains(readHeads) || !Limits.heads.contains(writeHeads) {
      problems.append("head counts must be from 0 to \(Limits.heads.upperBound), got \(readHeads) read and \(writeHeads) write")
    } else if readHeads + writeHeads < 1 {
      problems.append("the machine needs at least one head")
    }
    if !Limits.shiftRange.contains(shiftRange) || (Limits.size.contains(memoryRows) && 2 * shiftRange + 1 > memoryRows) {
      problems.append("shift range R = \(shiftRange) needs R ≥ 0 and 2R + 1 ≤ N = \(memoryRows)")
    }
    return problems
  }

  /// `[1, 2, 3]`, or the first few and a count for a list too long to read in one line.
  static func list(_ values: [Int]) -> String {
    let shown = 8
    guard values.count > shown else { return "\(values)" }
    return "[" + values.prefix(shown).map(String.init).joined(separator: ", ") + ", … (\(values.count) in all)]"
  }
}
