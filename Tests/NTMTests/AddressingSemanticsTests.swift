import NTM
import Testing

/// Hand-worked cases: each stage does what the paper says it does.
struct AddressingSemanticsTests {
  @Test(arguments: [1, 2, 5, 16])
  func aOneHotFocusShiftedByPlusOneMovesToTheNextRowAndWraps(rows: Int) {
    let range = rows >= 3 ? 1 : 0
    var shift = [Double](repeating: 0, count: 2 * range + 1)
    shift[2 * range] = 1  // s(+R) with R = 1: s(+1) = 1; with R = 0 the only shift is 0.
    for row in 0..<rows {
      let moved = Shift.forward(.init(weighting: Check.oneHot(row, count: rows), shiftWeighting: shift)).output
      let expected = (row + range) % rows
      #expect(moved == Check.oneHot(expected, count: rows), "row \(row) of \(rows)")
    }
  }

  @Test func shiftByMinusOneMovesBackAndWrapsFromRowZero() {
    let moved = Shift.forward(.init(weighting: Check.oneHot(0, count: 5), shiftWeighting: [1, 0, 0])).output
    #expect(moved == Check.oneHot(4, count: 5))
  }

  @Test func shiftByTwoWithRangeTwo() {
    let moved = Shift.forward(.init(weighting: Check.oneHot(4, count: 6), shiftWeighting: [0, 0, 0, 0, 1])).output
    #expect(moved == Check.oneHot(0, count: 6))
  }

  @Test func aSplitShiftBlursTheFocus() {
    let moved = Shift.forward(.init(weighting: Check.oneHot(2, count: 5), shiftWeighting: [0.25, 0.5, 0.25])).output
    #expect(Check.close(moved, [0, 0.25, 0.5, 0.25, 0]))
  }

  @Test func gateZeroKeepsThePreviousWeightingAndGateOneTakesTheContent() {
    let content = [0.7, 0.2, 0.1]
    let previous = [0.1, 0.1, 0.8]
    #expect(Interpolation.forward(.init(content: content, previous: previous, gate: 0)).output == previous)
    #expect(Interpolation.forward(.init(content: content, previous: previous, gate: 1)).output == content)
    #expect(Check.close(Interpolation.forward(.init(content: content, previous: previous, gate: 0.5)).output, [0.4, 0.15, 0.45]))
  }

  @Test(arguments: [[0.7, 0.2, 0.1], [0.25, 0.25, 0.5], [1, 0, 0], [0.2, 0.2, 0.2, 0.2, 0.2]])
  func sharpeningByOneLeavesAWeightingUnchanged(weighting: [Double]) {
    #expect(Check.close(Sharpening.forward(.init(weighting: weighting, sharpening: 1)).output, weighting, tolerance: 1e-11))
  }

  @Test func sharpeningByTwoSquaresAndRenormalises() {
    let sharpened = Sharpening.forward(.init(weighting: [0.6, 0.3, 0.1], sharpening: 2)).output
    #expect(Check.close(sharpened, [0.36, 0.09, 0.01].map { $0 / 0.46 }, tolerance: 1e-11))
  }

  @Test func eraseOneWithAOneHotWeightingReplacesThatRowByAdd() {
    let memory = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    let add = [0.5, -0.5, 0.25]
    let written = Write.forward(.init(memory: memory, weighting: Check.oneHot(1, count: 3), erase: [1, 1, 1], add: add)).output
    #expect(written.rowArrays == [[1, 2, 3], add, [7, 8, 9]])
  }

  @Test func eraseZeroAddsOnTopOfTheRow() {
    let memory = Matrix([[1, 2], [3, 4]])
    let written = Write.forward(.init(memory: memory, weighting: [0.5, 0.5], erase: [0, 0], add: [2, -2])).output
    #expect(written.rowArrays == [[2, 1], [4, 3]])
  }

  @Test func readingWithAOneHotWeightingReturnsThatRow() {
    let memory = Matrix([[1, 2], [3, 4], [5, 6]])
    #expect(Read.forward(.init(memory: memory, weighting: Check.oneHot(2, count: 3))).output == [5, 6])
    #expect(Check.close(Read.forward(.init(memory: memory, weighting: [0.5, 0.5, 0])).output, [2, 3]))
  }

  @Test(arguments: 0..<4)
  func aKeyEqualToOneRowWithLargeStrengthFocusesOnThatRow(row: Int) {
    let memory = Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0]])
    let weighting = ContentAddressing.forward(.init(key: memory.row(row), memory: memory, keyStrength: 100)).output
    #expect(weighting[row] > 1 - 1e-12)
    #expect(weighting.indices.max { weighting[$0] < weighting[$1] } == row)
  }

  @Test func cosineSimilarityOfParallelOrthogonalAndOppositeVectors() {
    let memory = Matrix([[2, 0], [0, 3], [-1, 0], [0, 0]])
    let similarity = CosineSimilarity.forward(.init(key: [1, 0], memory: memory)).output
    #expect(Check.close(similarity, [1, 0, -1, 0], tolerance: 1e-8))
  }

  @Test func keyStrengthZeroGivesTheUniformWeighting() {
    let memory = Matrix([[1, 2], [3, 4], [5, 6], [7, 8]])
    let weighting = ContentAddressing.forward(.init(key: [1, 0], memory: memory, keyStrength: 0)).output
    #expect(Check.close(weighting, [0.25, 0.25, 0.25, 0.25]))
  }

  @Test func theFourStagesAgreeWithTheStagesRunOneByOne() {
    let memory = Matrix([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0], [0, 1, 1]])
    let parameters = AddressingParameters(
      key: [0.9, 0.1, 0], keyStrength: 5, gate: 0.7, shiftWeighting: [0.1, 0.2, 0.7], sharpening: 2)
    let previous = [0.1, 0.2, 0.3, 0.2, 0.2]
    let trace = Addressing.forward(.init(memory: memory, previousWeighting: previous, parameters: parameters)).cache.trace
    let content = ContentAddressing.forward(.init(key: parameters.key, memory: memory, keyStrength: 5)).output
    let gated = Interpolation.forward(.init(content: content, previous: previous, gate: 0.7)).output
    let shifted = Shift.forward(.init(weighting: gated, shiftWeighting: [0.1, 0.2, 0.7])).output
    #expect(trace.content == content)
    #expect(trace.interpolated == gated)
    #expect(trace.shifted == shifted)
    #expect(trace.weighting == Sharpening.forward(.init(weighting: shifted, sharpening: 2)).output)
    for stage in [trace.content, trace.interpolated, trace.shifted, trace.weighting] {
      #expect(Check.isWeighting(stage))
    }
  }
}
