import Foundation

@testable import ntm

/// The reference solutions as values, for grading in this process: the tests of the grader
/// change one function at a time to prove each check names a wrong answer. The same answers,
/// as the files a learner hands in, are in `Tests/Solutions/` (a teacher's copy), and
/// `LearnerProgramTests` compiles those and grades them as `ntm exercises check` does.
enum ExerciseSolutions {
  static let epsilon = 1e-8
  static let sharpeningEpsilon = 1e-12

  static func dot(_ x: [Double], _ y: [Double]) -> Double { zip(x, y).reduce(0) { $0 + $1.0 * $1.1 } }
  static func norm(_ x: [Double]) -> Double { dot(x, x).squareRoot() }
  static func wrap(_ x: Int, _ n: Int) -> Int { ((x % n) + n) % n }

  static func cosineSimilarity(_ key: [Double], _ memory: [[Double]]) -> [Double]? {
    memory.map { dot(key, $0) / (norm(key) * norm($0) + epsilon) }
  }

  static func softmax(_ z: [Double]) -> [Double]? {
    let largest = z.max() ?? 0
    let e = z.map { exp($0 - largest) }
    let sum = e.reduce(0, +)
    return e.map { $0 / sum }
  }

  static func softmaxBackward(_ p: [Double], _ g: [Double]) -> [Double]? {
    let mean = dot(p, g)
    return zip(p, g).map { $0 * ($1 - mean) }
  }

  static func cosineSimilarityBackward(_ key: [Double], _ memory: [[Double]], _ g: [Double])
    -> (key: [Double], memory: [[Double]])?
  {
    let a = norm(key)
    var dKey = [Double](repeating: 0, count: key.count)
    var dMemory = memory.map { [Double](repeating: 0, count: $0.count) }
    for (i, row) in memory.enumerated() {
      let (d, b) = (dot(key, row), norm(row))
      let denominator = a * b + epsilon
      for j in key.indices {
        dKey[j] += g[i] * (row[j] / denominator - (a > 0 ? d * b / (denominator * denominator) * key[j] / a : 0))
        dMemory[i][j] = g[i] * (key[j] / denominator - (b > 0 ? d * a / (denominator * denominator) * row[j] / b : 0))
      }
    }
    return (dKey, dMemory)
  }

  static func contentAddressingBackward(
    _ key: [Double], _ memory: [[Double]], _ beta: Double, _ similarity: [Double], _ weighting: [Double],
    _ g: [Double]
  ) -> (key: [Double], memory: [[Double]], keyStrength: Double)? {
    let dz = softmaxBackward(weighting, g)!
    let (dKey, dMemory) = cosineSimilarityBackward(key, memory, dz.map { beta * $0 })!
    return (dKey, dMemory, dot(dz, similarity))
  }

  static func interpolationBackward(_ content: [Double], _ previous: [Double], _ gate: Double, _ g: [Double])
    -> (content: [Double], previous: [Double], gate: Double)?
  {
    (g.map { gate * $0 }, g.map { (1 - gate) * $0 }, dot(g, zip(content, previous).map { $0 - $1 }))
  }

  static func shift(_ w: [Double], _ s: [Double]) -> [Double]? {
    let (n, r) = (w.count, s.count / 2)
    return (0..<n).map { i in s.indices.reduce(0) { $0 + w[wrap(i - ($1 - r), n)] * s[$1] } }
  }

  static func shiftBackward(_ w: [Double], _ s: [Double], _ g: [Double]) -> (weighting: [Double], shiftWeighting: [Double])? {
    let (n, r) = (w.count, s.count / 2)
    var (dw, ds) = ([Double](repeating: 0, count: n), [Double](repeating: 0, count: s.count))
    for i in 0..<n {
      for k in s.indices {
        let source = wrap(i - (k - r), n)
        dw[source] += g[i] * s[k]
        ds[k] += g[i] * w[source]
      }
    }
    return (dw, ds)
  }

  static func sharpen(_ w: [Double], _ gamma: Double) -> [Double]? {
    softmax(w.map { gamma * log($0 + sharpeningEpsilon) })
  }

  static func sharpenBackward(_ w: [Double], _ gamma: Double, _ output: [Double], _ g: [Double])
    -> (weighting: [Double], sharpening: Double)?
  {
    let dz = softmaxBackward(output, g)!
    return (
      w.indices.map { gamma * dz[$0] / (w[$0] + sharpeningEpsilon) },
      w.indices.reduce(0) { $0 + dz[$1] * log(w[$1] + sharpeningEpsilon) }
    )
  }

  static func readBackward(_ memory: [[Double]], _ w: [Double], _ g: [Double]) -> (memory: [[Double]], weighting: [Double])? {
    (w.map { wi in g.map { wi * $0 } }, memory.map { dot(g, $0) })
  }

  static func write(_ memory: [[Double]], _ w: [Double], _ e: [Double], _ a: [Double]) -> [[Double]]? {
    memory.indices.map { i in memory[i].indices.map { j in memory[i][j] * (1 - w[i] * e[j]) + w[i] * a[j] } }
  }

  static func writeBackward(_ memory: [[Double]], _ w: [Double], _ e: [Double], _ a: [Double], _ g: [[Double]])
    -> (memory: [[Double]], weighting: [Double], erase: [Double], add: [Double])?
  {
    var dMemory = memory
    var (dw, de, da) = (
      [Double](repeating: 0, count: w.count), [Double](repeating: 0, count: e.count), [Double](repeating: 0, count: a.count)
    )
    for i in memory.indices {
      for j in memory[i].indices {
        dMemory[i][j] = g[i][j] * (1 - w[i] * e[j])
        dw[i] += g[i][j] * (a[j] - memory[i][j] * e[j])
        de[j] -= g[i][j] * memory[i][j] * w[i]
        da[j] += g[i][j] * w[i]
      }
    }
    return (dMemory, dw, de, da)
  }

  static func readHeadStepBackward(
    _ memory: [[Double]], _ previous: [Double], _ head: ReadHeadParameters, _ forward: ReadHeadForward,
    _ readGradient: [Double], _ weightingGradient: [Double]
  ) -> ReadHeadGradients? {
    let read = readBackward(memory, forward.weighting, readGradient)!
    let dw = zip(read.weighting, weightingGradient).map { $0 + $1 }
    let sharpening = sharpenBackward(forward.shifted, head.sharpening, forward.weighting, dw)!
    let shifted = shiftBackward(forward.interpolated, head.shiftWeighting, sharpening.weighting)!
    let gate = interpolationBackward(forward.content, previous, head.gate, shifted.weighting)!
    let content = contentAddressingBackward(
      head.key, memory, head.keyStrength, forward.similarity, forward.content, gate.content)!
    return ReadHeadGradients(
      memory: zip(read.memory, content.memory).map { zip($0, $1).map { $0 + $1 } },
      previousWeighting: gate.previous, key: content.key, keyStrength: content.keyStrength, gate: gate.gate,
      shiftWeighting: shifted.shiftWeighting, sharpening: sharpening.sharpening)
  }

  /// Every solution, as the grader takes them.
  static let all = ExerciseFunctions(
    cosineSimilarity: cosineSimilarity, softmax: softmax, softmaxBackward: softmaxBackward,
    cosineSimilarityBackward: cosineSimilarityBackward, contentAddressingBackward: contentAddressingBackward,
    interpolationBackward: interpolationBackward, shift: shift, shiftBackward: shiftBackward, sharpen: sharpen,
    sharpenBackward: sharpenBackward, readBackward: readBackward, write: write, writeBackward: writeBackward,
    readHeadStepBackward: readHeadStepBackward)
}
