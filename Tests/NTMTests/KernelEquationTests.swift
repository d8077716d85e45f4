import Foundation
import Testing

@testable import NTM

/// The core kernels are written for speed (four-accumulator sums, row pointers, rotations as
/// two runs, norms and logarithms computed once and passed in). These tests hold them to the
/// paper's equations written the plain way, one index at a time with `mod` for the wrap,
/// over shapes that leave every loop remainder (widths not a multiple of 4) and wrap around.
/// The gradient checks cover the backward passes; this covers the forwards and the sums.
/// The pointer forms of `Linear` (what the machine and the LSTM baseline call) are checked
/// to agree exactly with the matrix forms.
struct KernelEquationTests {
  static let shapes: [(rows: Int, width: Int, range: Int)] = [
    (1, 1, 0), (3, 5, 1), (8, 4, 1), (7, 9, 3), (128, 20, 1), (5, 2, 2), (6, 7, 2),
  ]

  static func close(_ a: [Double], _ b: [Double], _ what: String) {
    let scale = max(1, b.map(abs).max() ?? 0)
    #expect(Check.close(a, b, tolerance: 1e-12 * scale), "\(what)")
  }

  @Test(arguments: 0..<10)
  func dotAgreesWithTheOneAccumulatorSum(count: Int) {
    var generator = SplitMix64(seed: UInt64(count + 1))
    let (x, y, z) = (generator.normals(count), generator.normals(count), generator.normals(count))
    let plain = (0..<count).reduce(0.0) { $0 + x[$1] * y[$1] }
    let plainTriple = (0..<count).reduce(0.0) { $0 + x[$1] * y[$1] * z[$1] }
    Self.close([dot(x, y, count: count), dot(x, y, z, count: count)], [plain, plainTriple], "dot of \(count)")
  }

  @Test(arguments: 0..<shapes.count)
  func kernelsAgreeWithTheEquations(index: Int) {
    let (n, w, r) = Self.shapes[index]
    var generator = SplitMix64(seed: UInt64(index + 1))
    let memory = Matrix(rows: n, columns: w, scalars: generator.normals(n * w))
    func row(_ i: Int) -> [Double] { Array(memory.scalars[(i * w)..<((i + 1) * w)]) }
    func plainDot(_ u: [Double], _ v: [Double]) -> Double { zip(u, v).reduce(0) { $0 + $1.0 * $1.1 } }
    let key = generator.normals(w)
    let weighting = Softmax.forward(generator.normals(n))
    let shift = Softmax.forward(generator.normals(2 * r + 1))
    let erase = generator.normals(w).map(Activation.sigmoid.callAsFunction)
    let add = generator.normals(w).map(Activation.tanh.callAsFunction)

    // K(u, v) = u·v / (‖u‖‖v‖ + ε), from the row norms computed once.
    let keyNorm = plainDot(key, key).squareRoot()
    let norms: [Double] = (0..<n).map { plainDot(row($0), row($0)).squareRoot() }
    let cosine: [Double] = (0..<n).map { plainDot(key, row($0)) / (keyNorm * norms[$0] + CosineSimilarity.epsilon) }
    Self.close(CosineSimilarity.forward(key: key, memory: memory), cosine, "cosine similarity")
    Self.close(CosineSimilarity.rowNorms(memory), norms, "row norms")

    // w̃(i) = Σ_Δ w((i − Δ) mod N) s(Δ).
    func wrap(_ i: Int) -> Int { (i % n + n) % n }
    let shifted: [Double] = (0..<n).map { i in (-r...r).reduce(0.0) { $0 + weighting[wrap(i - $1)] * shift[$1 + r] } }
    Self.close(Shift.forward(weighting, shiftWeighting: shift), shifted, "shift")

    // w(i) = (w̃(i) + ε)^γ / Σ_j (w̃(j) + ε)^γ.
    let powers: [Double] = weighting.map { pow($0 + Sharpening.epsilon, 2.5) }
    let total = powers.reduce(0, +)
    Self.close(Sharpening.forward(weighting, sharpening: 2.5), powers.map { $0 / total }, "sharpening")

    // r = Σ_i w(i) M(i);  M'(i) = M(i) ⊙ (1 − w(i) e) + w(i) a.
    let read: [Double] = (0..<w).map { j in (0..<n).reduce(0.0) { $0 + weighting[$1] * memory[$1, j] } }
    Self.close(Read.forward(memory: memory, weighting: weighting), read, "read")
    func written(_ i: Int, _ j: Int) -> Double {
      let kept = memory[i, j] * (1 - weighting[i] * erase[j])
      return kept + weighting[i] * add[j]
    }
    let writtenMemory: [Double] = (0..<n).flatMap { i in (0..<w).map { j in written(i, j) } }
    Self.close(Write.forward(memory: memory, weighting: weighting, erase: erase, add: add).scalars, writtenMemory, "write")

    // y = W x + b, in the matrix form and the pointer form.
    let bias = generator.normals(n)
    let linear: [Double] = (0..<n).map { bias[$0] + plainDot(row($0), key) }
    Self.close(Linear.forward(weights: memory, bias: bias, input: key), linear, "linear")
    var forwarded = [Double](repeating: 0, count: n)
    Linear.forward(weights: memory.scalars, bias: bias, input: key, inputs: w, outputs: n, into: &forwarded)
    #expect(forwarded == Linear.forward(weights: memory, bias: bias, input: key))
    let gradient = generator.normals(n)
    let core = Linear.backward(weights: memory, input: key, outputGradient: gradient)
    var (dx, dW, db) = ([Double](repeating: 0, count: w), [Double](repeating: 0, count: n * w), [Double](repeating: 0, count: n))
    Linear.backward(
      weights: memory.scalars, input: key, outputGradient: gradient, inputs: w, outputs: n, addingInto: &dx,
      weightsGradient: &dW, biasGradient: &db)
    #expect(dx == core.input && dW == core.weights.scalars && db == core.bias)
  }
}
