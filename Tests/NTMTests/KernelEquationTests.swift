import Foundation
import Testing

@testable import NTM

/// The machine runs each stage's pointer kernel (four-accumulator sums, row pointers,
/// rotations as two runs, norms and logarithms computed once and passed in); the library's
/// `forward` and `backward` are the plain loops of the equations. These tests hold every
/// kernel to its reference, forward and backward, within 1e-12 of the values' scale, over
/// random shapes (N = 1…128, widths that leave every loop remainder, R = 0…2) and seeds.
struct KernelEquationTests {
  /// One random shape: memory `rows × width`, shift range `range`, and the seed of its values.
  struct Shape: Sendable, CustomStringConvertible {
    var rows: Int
    var width: Int
    var range: Int
    var seed: UInt64

    var description: String { "N=\(rows) W=\(width) R=\(range) seed \(seed)" }
  }

  /// The largest memory the shapes reach.
  static let maximumRows = 128
  /// The widest memory the shapes reach (past two blocks of four, with every remainder).
  static let maximumWidth = 23
  /// The largest shift range the shapes reach.
  static let maximumRange = 2

  /// Edge shapes (one row, a shift as wide as the memory allows, the paper's 128 × 20) and
  /// random ones.
  static let shapes: [Shape] = {
    var shapes = [
      Shape(rows: 1, width: 1, range: 0, seed: 1), Shape(rows: 3, width: 5, range: 1, seed: 2),
      Shape(rows: 5, width: 2, range: 2, seed: 3), Shape(rows: 128, width: 20, range: 1, seed: 4),
    ]
    var generator = SplitMix64(seed: 2024)
    for seed in UInt64(5)...20 {
      let rows = 1 + Int(generator.next() % UInt64(maximumRows))
      let width = 1 + Int(generator.next() % UInt64(maximumWidth))
      let range = min((rows - 1) / 2, Int(generator.next() % UInt64(maximumRange + 1)))
      shapes.append(Shape(rows: rows, width: width, range: range, seed: seed))
    }
    return shapes
  }()

  /// Kernel and reference agree within `1e-12` of the reference's largest entry (at least 1).
  static func expectClose(_ kernel: [Double], _ reference: [Double], _ what: String, _ shape: Shape) {
    let scale = max(1, reference.map(abs).max() ?? 0)
    let difference = zip(kernel, reference).map { abs($0 - $1) }.max() ?? 0
    #expect(kernel.count == reference.count, "\(what) at \(shape): lengths differ")
    #expect(difference <= 1e-12 * scale, "\(what) at \(shape): kernel and reference differ by \(difference)")
  }

  static func zeros(_ count: Int) -> [Double] { [Double](repeating: 0, count: count) }

  /// A random point: memory, key, weightings, head values, and gradients.
  struct Point {
    var memory: Matrix
    var key: [Double]
    var keyStrength: Double
    var gate: Double
    var sharpening: Double
    var weighting: [Double]
    var previous: [Double]
    var shiftWeighting: [Double]
    var erase: [Double]
    var add: [Double]
    var generator: SplitMix64

    init(_ shape: Shape) {
      generator = SplitMix64(seed: shape.seed)
      let (n, w) = (shape.rows, shape.width)
      memory = Matrix(rows: n, columns: w, scalars: generator.normals(n * w))
      key = generator.normals(w)
      keyStrength = 5 * generator.nextUnit()
      gate = generator.nextUnit()
      sharpening = 1 + 9 * generator.nextUnit()
      weighting = Softmax.forward(.init(scores: generator.normals(n, standardDeviation: 2))).output
      previous = Softmax.forward(.init(scores: generator.normals(n))).output
      shiftWeighting = Softmax.forward(.init(scores: generator.normals(2 * shape.range + 1))).output
      erase = generator.normals(w).map(Activation.sigmoid.callAsFunction)
      add = generator.normals(w).map(Activation.tanh.callAsFunction)
    }
  }

  @Test(arguments: 0..<10)
  func dotAgreesWithTheOneAccumulatorSum(count: Int) {
    var generator = SplitMix64(seed: UInt64(count + 1))
    let (x, y, z) = (generator.normals(count), generator.normals(count), generator.normals(count))
    let plain = (0..<count).reduce(0.0) { $0 + x[$1] * y[$1] }
    let plainTriple = (0..<count).reduce(0.0) { $0 + x[$1] * y[$1] * z[$1] }
    let shape = Shape(rows: count, width: 0, range: 0, seed: 0)
    Self.expectClose([dot(x, y, count: count), dot(x, y, z, count: count)], [plain, plainTriple], "dot", shape)
  }

  @Test(arguments: shapes)
  func contentKernelsAgreeWithTheReferences(shape: Shape) {
    var p = Point(shape)
    let (n, w) = (shape.rows, shape.width)
    let norms = CosineSimilarity.rowNorms(p.memory)
    let g = p.generator.normals(n)

    let cosine = CosineSimilarity.forward(.init(key: p.key, memory: p.memory))
    var similarity = Self.zeros(n)
    CosineSimilarity.forward(key: p.key, memory: p.memory.scalars, rowNorms: norms, rows: n, width: w, into: &similarity)
    Self.expectClose(similarity, cosine.output, "cosine similarity forward", shape)
    let cosineGradient = CosineSimilarity.backward(g, cosine.cache)
    var (dKey, dMemory) = (Self.zeros(w), Self.zeros(n * w))
    CosineSimilarity.backward(
      key: p.key, memory: p.memory.scalars, rowNorms: norms, similarity: similarity, rows: n, width: w,
      outputGradient: g, addingInto: &dKey, memoryGradient: &dMemory)
    Self.expectClose(dKey, cosineGradient.key, "cosine similarity ∂key", shape)
    Self.expectClose(dMemory, cosineGradient.memory.scalars, "cosine similarity ∂memory", shape)

    let content = ContentAddressing.forward(.init(key: p.key, memory: p.memory, keyStrength: p.keyStrength))
    var weighting = Self.zeros(n)
    ContentAddressing.forward(
      key: p.key, memory: p.memory.scalars, rowNorms: norms, rows: n, width: w, keyStrength: p.keyStrength,
      similarity: &similarity, into: &weighting)
    Self.expectClose(weighting, content.output, "content addressing forward", shape)
    let contentGradient = ContentAddressing.backward(g, content.cache)
    var scratch = Self.zeros(n)
    (dKey, dMemory) = (Self.zeros(w), Self.zeros(n * w))
    let dStrength = ContentAddressing.backward(
      key: p.key, memory: p.memory.scalars, rowNorms: norms, rows: n, width: w, keyStrength: p.keyStrength,
      similarity: similarity, weighting: weighting, outputGradient: g, scratch: &scratch, addingInto: &dKey,
      memoryGradient: &dMemory)
    Self.expectClose(dKey, contentGradient.key, "content addressing ∂key", shape)
    Self.expectClose(dMemory, contentGradient.memory.scalars, "content addressing ∂memory", shape)
    Self.expectClose([dStrength], [contentGradient.keyStrength], "content addressing ∂keyStrength", shape)

    let softmax = Softmax.forward(.init(scores: g))
    var probabilities = Self.zeros(n)
    Softmax.forward(g, count: n, into: &probabilities)
    Self.expectClose(probabilities, softmax.output, "softmax forward", shape)
    let other = p.generator.normals(n)
    var dScores = Self.zeros(n)
    Softmax.backward(output: probabilities, outputGradient: other, count: n, addingInto: &dScores)
    Self.expectClose(dScores, Softmax.backward(other, softmax.cache).scores, "softmax ∂scores", shape)
  }

  @Test(arguments: shapes)
  func locationKernelsAgreeWithTheReferences(shape: Shape) {
    var p = Point(shape)
    let (n, r) = (shape.rows, shape.range)
    let g = p.generator.normals(n)

    let interpolation = Interpolation.forward(.init(content: p.weighting, previous: p.previous, gate: p.gate))
    var gated = Self.zeros(n)
    Interpolation.forward(content: p.weighting, previous: p.previous, gate: p.gate, count: n, into: &gated)
    Self.expectClose(gated, interpolation.output, "interpolation forward", shape)
    let interpolationGradient = Interpolation.backward(g, interpolation.cache)
    var (dContent, dPrevious) = (Self.zeros(n), Self.zeros(n))
    let dGate = Interpolation.backward(
      content: p.weighting, previous: p.previous, gate: p.gate, count: n, outputGradient: g,
      addingInto: &dContent, previousGradient: &dPrevious)
    Self.expectClose(dContent, interpolationGradient.content, "interpolation ∂content", shape)
    Self.expectClose(dPrevious, interpolationGradient.previous, "interpolation ∂previous", shape)
    Self.expectClose([dGate], [interpolationGradient.gate], "interpolation ∂gate", shape)

    let shift = Shift.forward(.init(weighting: p.weighting, shiftWeighting: p.shiftWeighting))
    var shifted = Self.zeros(n)
    Shift.forward(p.weighting, count: n, shiftWeighting: p.shiftWeighting, range: r, into: &shifted)
    Self.expectClose(shifted, shift.output, "shift forward", shape)
    let shiftGradient = Shift.backward(g, shift.cache)
    var (dWeighting, dShift) = (Self.zeros(n), Self.zeros(2 * r + 1))
    Shift.backward(
      p.weighting, count: n, shiftWeighting: p.shiftWeighting, range: r, outputGradient: g,
      addingInto: &dWeighting, shiftGradient: &dShift)
    Self.expectClose(dWeighting, shiftGradient.weighting, "shift ∂weighting", shape)
    Self.expectClose(dShift, shiftGradient.shiftWeighting, "shift ∂shiftWeighting", shape)

    let sharpening = Sharpening.forward(.init(weighting: p.weighting, sharpening: p.sharpening))
    var (logs, sharpened) = (Self.zeros(n), Self.zeros(n))
    Sharpening.forward(p.weighting, count: n, sharpening: p.sharpening, logs: &logs, into: &sharpened)
    Self.expectClose(sharpened, sharpening.output, "sharpening forward", shape)
    let sharpeningGradient = Sharpening.backward(g, sharpening.cache)
    dWeighting = Self.zeros(n)
    let dSharpening = Sharpening.backward(
      p.weighting, logs: logs, count: n, sharpening: p.sharpening, output: sharpened, outputGradient: g,
      addingInto: &dWeighting)
    Self.expectClose(dWeighting, sharpeningGradient.weighting, "sharpening ∂weighting", shape)
    Self.expectClose([dSharpening], [sharpeningGradient.sharpening], "sharpening ∂sharpening", shape)
  }

  @Test(arguments: shapes)
  func memoryAndLinearKernelsAgreeWithTheReferences(shape: Shape) {
    var p = Point(shape)
    let (n, w) = (shape.rows, shape.width)

    let read = Read.forward(.init(memory: p.memory, weighting: p.weighting))
    var vector = Self.zeros(w)
    Read.forward(memory: p.memory.scalars, rows: n, width: w, weighting: p.weighting, into: &vector)
    Self.expectClose(vector, read.output, "read forward", shape)
    let readGradient = p.generator.normals(w)
    let readReference = Read.backward(readGradient, read.cache)
    var (dMemory, dWeighting) = (Self.zeros(n * w), Self.zeros(n))
    Read.backward(
      memory: p.memory.scalars, rows: n, width: w, weighting: p.weighting, outputGradient: readGradient,
      addingInto: &dMemory, weightingGradient: &dWeighting)
    Self.expectClose(dMemory, readReference.memory.scalars, "read ∂memory", shape)
    Self.expectClose(dWeighting, readReference.weighting, "read ∂weighting", shape)

    let write = Write.forward(.init(memory: p.memory, weighting: p.weighting, erase: p.erase, add: p.add))
    var written = Self.zeros(n * w)
    Write.forward(
      memory: p.memory.scalars, rows: n, width: w, weighting: p.weighting, erase: p.erase, add: p.add,
      into: &written)
    Self.expectClose(written, write.output.scalars, "write forward", shape)
    let writeGradient = Matrix(rows: n, columns: w, scalars: p.generator.normals(n * w))
    let writeReference = Write.backward(writeGradient, write.cache)
    var (dErase, dAdd) = (Self.zeros(w), Self.zeros(w))
    dWeighting = Self.zeros(n)
    dMemory = Self.zeros(n * w)
    Write.backward(
      memory: p.memory.scalars, rows: n, width: w, weighting: p.weighting, erase: p.erase, add: p.add,
      outputGradient: writeGradient.scalars, into: &dMemory, weightingGradient: &dWeighting,
      eraseGradient: &dErase, addGradient: &dAdd)
    Self.expectClose(dMemory, writeReference.memory.scalars, "write ∂memory", shape)
    Self.expectClose(dWeighting, writeReference.weighting, "write ∂weighting", shape)
    Self.expectClose(dErase, writeReference.erase, "write ∂erase", shape)
    Self.expectClose(dAdd, writeReference.add, "write ∂add", shape)

    // y = W x + b with W the memory (N outputs of W inputs): every blocking remainder.
    let bias = p.generator.normals(n)
    let linear = Linear.forward(.init(weights: p.memory, bias: bias, input: p.key))
    var y = Self.zeros(n)
    Linear.forward(weights: p.memory.scalars, bias: bias, input: p.key, inputs: w, outputs: n, into: &y)
    Self.expectClose(y, linear.output, "linear forward", shape)
    // Some zero gradients, as after relu: the kernel skips those rows.
    let linearGradient = p.generator.normals(n).enumerated().map { $0.offset % 3 == 1 ? 0 : $0.element }
    let linearReference = Linear.backward(linearGradient, linear.cache)
    var (dx, dW, db) = (Self.zeros(w), Self.zeros(n * w), Self.zeros(n))
    Linear.backward(
      weights: p.memory.scalars, input: p.key, outputGradient: linearGradient, inputs: w, outputs: n,
      addingInto: &dx, weightsGradient: &dW, biasGradient: &db)
    Self.expectClose(dx, linearReference.input, "linear ∂input", shape)
    Self.expectClose(dW, linearReference.weights.scalars, "linear ∂weights", shape)
    Self.expectClose(db, linearReference.bias, "linear ∂bias", shape)
  }
}
