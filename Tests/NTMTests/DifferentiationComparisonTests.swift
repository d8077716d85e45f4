#if canImport(_Differentiation)
  import _Differentiation
  import Foundation
  import NTM
  import Testing

  /// A second engine: the toolchain's automatic differentiation of a plain transcription of
  /// each formula, compared with the hand-written backward passes.
  struct DifferentiationComparisonTests {
    static let tolerance = 1e-12

    @differentiable(reverse)
    static func softmaxLoss(_ scores: [Double], projection: [Double]) -> Double {
      // The maximum only guards `exp`; it does not change the value, so it carries no gradient.
      let largest = withoutDerivative(at: scores.max() ?? 0)
      var exps: [Double] = []
      var sum = 0.0
      for i in withoutDerivative(at: scores.indices) {
        let e = exp(scores[i] - largest)
        exps.append(e)
        sum += e
      }
      var loss = 0.0
      for i in withoutDerivative(at: scores.indices) { loss += projection[i] * exps[i] / sum }
      return loss
    }

    @differentiable(reverse)
    static func contentLoss(key: [Double], memory: [Double], keyStrength: Double, width: Int, projection: [Double]) -> Double {
      let rows = withoutDerivative(at: memory.count / width)
      var keySquares = 0.0
      for j in 0..<width { keySquares += key[j] * key[j] }
      let keyNorm = sqrt(keySquares)
      var scores: [Double] = []
      for i in 0..<rows {
        var product = 0.0
        var rowSquares = 0.0
        for j in 0..<width {
          product += key[j] * memory[i * width + j]
          rowSquares += memory[i * width + j] * memory[i * width + j]
        }
        scores.append(keyStrength * product / (keyNorm * sqrt(rowSquares) + CosineSimilarity.epsilon))
      }
      return softmaxLoss(scores, projection: projection)
    }

    @differentiable(reverse)
    static func sharpeningLoss(weighting: [Double], sharpening: Double, projection: [Double]) -> Double {
      var scores: [Double] = []
      for i in withoutDerivative(at: weighting.indices) {
        scores.append(sharpening * log(weighting[i] + Sharpening.epsilon))
      }
      return softmaxLoss(scores, projection: projection)
    }

    static func maxDifference(_ a: [Double], _ b: [Double]) -> Double {
      zip(a, b).map { abs($0 - $1) / max(1, abs($0)) }.max() ?? 0
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func contentAddressingBackwardMatchesAutomaticDifferentiation(seed: UInt64) {
      var generator = SplitMix64(seed: seed)
      let (rows, width) = (7, 4)
      let memory = Matrix(rows: rows, columns: width, scalars: generator.normals(rows * width))
      let key = generator.normals(width)
      let keyStrength = 0.5 + 4 * generator.nextUnit()
      let projection = generator.normals(rows)

      let (_, cache) = ContentAddressing.forward(.init(key: key, memory: memory, keyStrength: keyStrength))
      let ours = ContentAddressing.backward(projection, cache)
      let (dKey, dMemory, dStrength) = gradient(at: key, memory.scalars, keyStrength) { k, m, b in
        Self.contentLoss(key: k, memory: m, keyStrength: b, width: width, projection: projection)
      }
      #expect(Self.maxDifference(ours.key, dKey.base) < Self.tolerance)
      #expect(Self.maxDifference(ours.memory.scalars, dMemory.base) < Self.tolerance)
      #expect(abs(ours.keyStrength - dStrength) < Self.tolerance)
    }

    @Test(arguments: [UInt64(1), 2, 3])
    func sharpeningBackwardMatchesAutomaticDifferentiation(seed: UInt64) {
      var generator = SplitMix64(seed: seed)
      let weighting = Softmax.forward(.init(scores: generator.normals(9))).output
      let sharpening = 1 + 5 * generator.nextUnit()
      let projection = generator.normals(9)

      let ours = Sharpening.backward(projection, Sharpening.forward(.init(weighting: weighting, sharpening: sharpening)).cache)
      let (dWeighting, dSharpening) = gradient(at: weighting, sharpening) { w, g in
        Self.sharpeningLoss(weighting: w, sharpening: g, projection: projection)
      }
      #expect(Self.maxDifference(ours.weighting, dWeighting.base) < Self.tolerance)
      #expect(abs(ours.sharpening - dSharpening) < Self.tolerance)
    }
  }
#endif
