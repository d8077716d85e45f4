import NTM
import Testing

@testable import ntm

/// The backward walk's analytic gradients agree with their centred differences, and the
/// loss stays finite where the sharpened weighting underflows.
@Suite struct BackwardWalkTests {
  /// Every smooth parameter of the built-in state, against every one-hot target and a random
  /// memory with a spread target.
  static var cases: [(PlaygroundState, [Double])] {
    var random = PlaygroundState.fresh(memory: PlaygroundState.randomMemory(rows: 6, width: 3, seed: 5))
    random.parameters.shiftWeighting = [0.2, 0.5, 0.3]
    random.parameters.sharpening = 2.5
    random.parameters.keyStrength = 4
    random.parameters.gate = 0.6
    return (0..<8).map { (PlaygroundState.builtIn, PlaygroundState.oneHot($0, count: 8)) }
      + [(random, [0.1, 0.4, 0, 0.3, 0, 0.2])]
  }

  @Test(arguments: 0..<9)
  func analyticAgreesWithNumericAtSmoothPoints(index: Int) {
    let (state, target) = Self.cases[index]
    let walk = BackwardWalk(state, target: target)
    let checks = [walk.sharpening, walk.gate, walk.keyStrength] + walk.shift + walk.key + [walk.memory]
    for check in checks where !check.oneSided {
      #expect(check.relativeError <= GradientChecker.goodTolerance, "\(check.name): \(check.analytic) vs \(check.numeric)")
    }
    #expect(walk.loss.isFinite && walk.loss > 0)
  }

  /// ∂L/∂M is the cosine's memory gradient for the gradient arriving at K, and the entry
  /// checked is the largest in size.
  @Test(arguments: 0..<9)
  func theMemoryGradientIsTheLargestEntryChecked(index: Int) {
    let (state, target) = Self.cases[index]
    let walk = BackwardWalk(state, target: target)
    let (_, cache) = Addressing.forward(
      .init(memory: state.memory, previousWeighting: state.previousWeighting, parameters: state.parameters))
    #expect(walk.atMemory == CosineSimilarity.backward(walk.atSimilarity, cache.content.cosine).memory)
    let largest = walk.atMemory.scalars.map(abs).max()!
    #expect(abs(walk.atMemory[walk.memoryRow, walk.memoryColumn]) == largest)
    #expect(walk.memory.analytic == walk.atMemory[walk.memoryRow, walk.memoryColumn])
    #expect(largest > 0)
  }

  /// A walk that checks at most a few entries of a long key checks the first ones and the
  /// steepest, each exactly as the full walk does, and the REPL says the rest were not checked.
  @Test func aLongKeyChecksTheFirstEntriesAndTheSteepest() {
    var state = PlaygroundState.fresh(memory: PlaygroundState.randomMemory(rows: 12, width: 40, seed: 3))
    state.parameters.key = state.memory.row(7).map { $0 * 0.5 }
    let target = PlaygroundState.oneHot(4, count: 12)
    let full = BackwardWalk(state, target: target)
    let limited = BackwardWalk(state, target: target, keyChecks: 8)
    let steepest = full.key.indices.max { abs(full.key[$0].analytic) < abs(full.key[$1].analytic) }!
    #expect(limited.key.count == 8)
    #expect(limited.keyIndices.contains(steepest))
    #expect(limited.keyIndices == limited.keyIndices.sorted())
    for (position, j) in limited.keyIndices.enumerated() { #expect(limited.key[position] == full.key[j]) }
    #expect(full.keyIndices == Array(0..<40))
    let interpreter = Interpreter(canvas: Canvas(style: .unicode, width: 80))
    var replState = PlaygroundState.builtIn
    for line in ["memory random 64 256 3", "target row 5"] { replState = interpreter.respond(to: line, in: replState).state }
    let text = interpreter.respond(to: "backward", in: replState).reply.text
    #expect(text.contains("192 more entries of k, neither drawn nor checked"))
  }

  @Test func aShiftWeightAtZeroIsCheckedOneSided() {
    var state = PlaygroundState.builtIn
    state.parameters.shiftWeighting = [0, 0, 1]
    let walk = BackwardWalk(state, target: PlaygroundState.oneHot(5, count: 8))
    #expect(walk.shift.map(\.oneSided) == [true, true, false])
    #expect(walk.shift.allSatisfy { $0.numeric.isFinite })
  }

  @Test func theLossStaysFiniteWhenTheWeightingUnderflows() {
    var state = PlaygroundState.builtIn
    state.parameters.sharpening = 1e6
    let (loss, gradient) = BackwardWalk.gradient(state, target: PlaygroundState.oneHot(5, count: 8))
    #expect(loss.isFinite && loss > 100)
    #expect(gradient.key.allSatisfy(\.isFinite) && gradient.sharpening.isFinite)
  }

  @Test func descentPreActivationsGiveBackTheSettings() {
    let p = PlaygroundState.builtIn.parameters
    let back = Descent(p).parameters
    #expect(zip(back.key, p.key).allSatisfy { abs($0 - $1) < 1e-12 })
    #expect(abs(back.keyStrength - p.keyStrength) < 1e-9 && abs(back.gate - p.gate) < 1e-12)
    #expect(abs(back.sharpening - p.sharpening) < 1e-12)
    #expect(zip(back.shiftWeighting, p.shiftWeighting).allSatisfy { abs($0 - $1) < 1e-12 })
  }
}
