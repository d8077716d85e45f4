/// How numbers cross to the learner's program and back, one line each way: fields separated
/// by `|`, a field's rows by `/`, a row's numbers by spaces, each number as Swift spells a
/// `Double` (which reads back exactly, `nan` and `inf` included).
enum LearnerWire {
  /// Fields of rows of numbers: a vector is one row, a scalar one row of one number.
  typealias Fields = [[[Double]]]

  static func spell(_ fields: Fields) -> String {
    fields.map { rows in rows.map { row in row.map { "\($0)" }.joined(separator: " ") }.joined(separator: "/") }
      .joined(separator: "|")
  }

  static func parse(_ text: Substring) -> Fields {
    text.split(separator: "|", omittingEmptySubsequences: false).map { field in
      field.split(separator: "/", omittingEmptySubsequences: false).map { row in
        row.split(separator: " ").map { Double(String($0)) ?? .nan }
      }
    }
  }

  /// Field `index` as a vector (its first row).
  static func vector(_ fields: Fields, _ index: Int) -> [Double] {
    index < fields.count ? (fields[index].first ?? []) : []
  }

  /// Field `index` as rows; an empty field is no rows.
  static func rows(_ fields: Fields, _ index: Int) -> [[Double]] {
    guard index < fields.count else { return [] }
    return fields[index] == [[]] ? [] : fields[index]
  }

  /// Field `index` as one number (NaN when it is missing, so the grader reports it).
  static func scalar(_ fields: Fields, _ index: Int) -> Double {
    vector(fields, index).first ?? .nan
  }
}

extension ExerciseFunctions {
  /// The learner's functions, called in `process`, their compiled program.
  static func calling(_ process: LearnerProcess) -> ExerciseFunctions {
    typealias W = LearnerWire
    return ExerciseFunctions(
      cosineSimilarity: { process.call("cosineSimilarity", [[$0], $1]).map { W.vector($0, 0) } },
      softmax: { process.call("softmax", [[$0]]).map { W.vector($0, 0) } },
      softmaxBackward: { process.call("softmaxBackward", [[$0], [$1]]).map { W.vector($0, 0) } },
      cosineSimilarityBackward: {
        process.call("cosineSimilarityBackward", [[$0], $1, [$2]]).map { (W.vector($0, 0), W.rows($0, 1)) }
      },
      contentAddressingBackward: {
        process.call("contentAddressingBackward", [[$0], $1, [[$2]], [$3], [$4], [$5]])
          .map { (W.vector($0, 0), W.rows($0, 1), W.scalar($0, 2)) }
      },
      interpolationBackward: {
        process.call("interpolationBackward", [[$0], [$1], [[$2]], [$3]])
          .map { (W.vector($0, 0), W.vector($0, 1), W.scalar($0, 2)) }
      },
      shift: { process.call("shift", [[$0], [$1]]).map { W.vector($0, 0) } },
      shiftBackward: {
        process.call("shiftBackward", [[$0], [$1], [$2]]).map { (W.vector($0, 0), W.vector($0, 1)) }
      },
      sharpen: { process.call("sharpen", [[$0], [[$1]]]).map { W.vector($0, 0) } },
      sharpenBackward: {
        process.call("sharpenBackward", [[$0], [[$1]], [$2], [$3]]).map { (W.vector($0, 0), W.scalar($0, 1)) }
      },
      readBackward: { process.call("readBackward", [$0, [$1], [$2]]).map { (W.rows($0, 0), W.vector($0, 1)) } },
      write: { process.call("write", [$0, [$1], [$2], [$3]]).map { W.rows($0, 0) } },
      writeBackward: {
        process.call("writeBackward", [$0, [$1], [$2], [$3], $4])
          .map { (W.rows($0, 0), W.vector($0, 1), W.vector($0, 2), W.vector($0, 3)) }
      },
      readHeadStepBackward: { memory, previous, head, forward, readGradient, weightingGradient in
        let fields: W.Fields = [
          memory, [previous], [head.key], [[head.keyStrength]], [[head.gate]], [head.shiftWeighting],
          [[head.sharpening]], [forward.similarity], [forward.content], [forward.interpolated], [forward.shifted],
          [forward.weighting], [forward.readVector], [readGradient], [weightingGradient],
        ]
        return process.call("readHeadStepBackward", fields).map {
          ReadHeadGradients(
            memory: W.rows($0, 0), previousWeighting: W.vector($0, 1), key: W.vector($0, 2),
            keyStrength: W.scalar($0, 3), gate: W.scalar($0, 4), shiftWeighting: W.vector($0, 5),
            sharpening: W.scalar($0, 6))
        }
      })
  }
}
