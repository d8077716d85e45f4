import Foundation
import NTM
import Testing

/// A mismatched shape stops the program with a message naming both shapes, never a silent
/// wrong result. Each case runs in a child process (an exit test) and reads its message.
struct ShapePreconditionTests {
  /// What the child process wrote to stderr.
  static func text(_ result: ExitTest.Result?) -> String {
    String(decoding: result?.standardErrorContent ?? [], as: UTF8.self)
  }

  @Test func keyWidthMustMatchTheMemory() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = ContentAddressing.forward(.init(key: [1, 2], memory: Matrix(rows: 4, columns: 3), keyStrength: 1))
    }
    #expect(Self.text(result).contains("Key of length 2 does not match memory 4 × 3"))
  }

  @Test func weightingLengthMustMatchTheMemoryRows() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Read.forward(.init(memory: Matrix(rows: 4, columns: 3), weighting: [1, 0])).output
    }
    #expect(Self.text(result).contains("Weighting of length 2 does not match memory 4 × 3"))
  }

  @Test func shiftRangeMustFitTheMemory() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Shift.forward(.init(weighting: [0.5, 0.5], shiftWeighting: [0.2, 0.6, 0.2])).output
    }
    #expect(Self.text(result).contains("needs 2R + 1 ≤ N, but the weighting has N = 2"))
  }

  @Test func shiftWeightingMustHaveAnOddLength() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Shift.forward(.init(weighting: [0.25, 0.25, 0.25, 0.25], shiftWeighting: [0.5, 0.5])).output
    }
    #expect(Self.text(result).contains("needs 2R + 1 entries (an odd count), got 2"))
  }

  @Test func interpolatedWeightingsMustHaveEqualLengths() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Interpolation.forward(.init(content: [1, 0, 0], previous: [1, 0], gate: 0.5)).output
    }
    #expect(Self.text(result).contains("expected length 3, got 2"))
  }

  @Test func writeVectorsMustHaveTheMemoryWidth() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Write.forward(.init(memory: Matrix(rows: 2, columns: 3), weighting: [1, 0], erase: [1, 1], add: [0, 0, 0])).output
    }
    #expect(Self.text(result).contains("Erase (2) and add (3) vectors must have the memory's width: memory 2 × 3"))
  }

  @Test func linearWeightsMustMatchTheInput() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Linear.forward(.init(weights: Matrix(rows: 2, columns: 3), bias: [0, 0], input: [1, 2])).output
    }
    #expect(Self.text(result).contains("Linear weights 2 × 3 cannot multiply an input of length 2"))
  }

  @Test func matrixScalarsMustFillTheShape() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Matrix(rows: 2, columns: 3, scalars: [1, 2, 3])
    }
    #expect(Self.text(result).contains("Matrix shape 2 × 3 needs 6 scalars, got 3"))
  }

  @Test func sharpeningBackwardNeedsMatchingGradients() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      _ = Sharpening.backward([1], Sharpening.forward(.init(weighting: [0.5, 0.5], sharpening: 2)).cache)
    }
    #expect(Self.text(result).contains("Sharpening output gradient: expected length 2, got 1"))
  }

  @Test func contentBackwardNeedsAGradientPerRowOfTheCachedMemory() async {
    let result = await #expect(processExitsWith: .failure, observing: [\.standardErrorContent]) {
      let (_, cache) = ContentAddressing.forward(.init(key: [1, 0], memory: Matrix(rows: 2, columns: 2), keyStrength: 1))
      _ = ContentAddressing.backward([Double](repeating: 1, count: 6), cache)
    }
    #expect(Self.text(result).contains("Softmax output gradient: expected length 2, got 6"))
  }
}
