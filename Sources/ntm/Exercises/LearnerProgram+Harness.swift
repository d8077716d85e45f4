/// The one file `ntm exercises check` adds to the learner's files when it compiles them: the
/// types exercise 14 uses, and a `main` that answers the grader's calls with the learner's
/// functions, one call a line.
///
/// The grader writes `name|field|field…` on the program's standard input; the program answers
/// one line on the descriptor that was its standard output: `nil` (not done yet), or the
/// result's fields in the same spelling, as `LearnerWire` writes and reads them. What the
/// learner's functions print goes to standard error, so it can never be taken for an answer.
extension LearnerProgram {
  /// The harness file's name in the build folder.
  static let harnessFileName = "ExerciseCheck.swift"

  static let harness = #"""
    // Written by `ntm exercises check` to call your functions; it is not yours to edit.
    #if canImport(Glibc)
    import Glibc
    #elseif canImport(Musl)
    import Musl
    #elseif canImport(Darwin)
    import Darwin
    #endif

    /// What a read head emitted at one step (exercise 14).
    struct ReadHeadParameters {
      var key: [Double]
      var keyStrength: Double
      var gate: Double
      var shiftWeighting: [Double]
      var sharpening: Double
    }

    /// What a read head's forward step saved (exercise 14).
    struct ReadHeadForward {
      var similarity: [Double]
      var content: [Double]
      var interpolated: [Double]
      var shifted: [Double]
      var weighting: [Double]
      var readVector: [Double]
    }

    /// The gradients of one read-head step (exercise 14).
    struct ReadHeadGradients {
      var memory: [[Double]]
      var previousWeighting: [Double]
      var key: [Double]
      var keyStrength: Double
      var gate: Double
      var shiftWeighting: [Double]
      var sharpening: Double
    }

    @main
    enum ExerciseCheck {
      typealias Fields = [[[Double]]]

      static func parse(_ text: Substring) -> Fields {
        text.split(separator: "|", omittingEmptySubsequences: false).map { field in
          field.split(separator: "/", omittingEmptySubsequences: false).map { row in
            row.split(separator: " ").map { Double(String($0)) ?? .nan }
          }
        }
      }

      static func spell(_ fields: Fields?) -> String {
        guard let fields else { return "nil" }
        return fields.map { rows in
          rows.map { row in row.map { "\($0)" }.joined(separator: " ") }.joined(separator: "/")
        }.joined(separator: "|")
      }

      static func answer(_ name: Substring, _ f: Fields) -> Fields? {
        func v(_ i: Int) -> [Double] { i < f.count ? (f[i].first ?? []) : [] }
        func m(_ i: Int) -> [[Double]] { i < f.count ? f[i] : [] }
        func x(_ i: Int) -> Double { v(i).first ?? 0 }
        switch name {
        case "cosineSimilarity":
          return Exercise01.cosineSimilarity(key: v(0), memory: m(1)).map { [[$0]] }
        case "softmax":
          return Exercise02.softmax(v(0)).map { [[$0]] }
        case "softmaxBackward":
          return Exercise03.softmaxBackward(output: v(0), outputGradient: v(1)).map { [[$0]] }
        case "cosineSimilarityBackward":
          return Exercise04.cosineSimilarityBackward(key: v(0), memory: m(1), outputGradient: v(2))
            .map { [[$0.key], $0.memory] }
        case "contentAddressingBackward":
          return Exercise05.contentAddressingBackward(
            key: v(0), memory: m(1), keyStrength: x(2), similarity: v(3), weighting: v(4), outputGradient: v(5)
          ).map { [[$0.key], $0.memory, [[$0.keyStrength]]] }
        case "interpolationBackward":
          return Exercise06.interpolationBackward(content: v(0), previous: v(1), gate: x(2), outputGradient: v(3))
            .map { [[$0.content], [$0.previous], [[$0.gate]]] }
        case "shift":
          return Exercise07.shift(v(0), shiftWeighting: v(1)).map { [[$0]] }
        case "shiftBackward":
          return Exercise08.shiftBackward(v(0), shiftWeighting: v(1), outputGradient: v(2))
            .map { [[$0.weighting], [$0.shiftWeighting]] }
        case "sharpen":
          return Exercise09.sharpen(v(0), sharpening: x(1)).map { [[$0]] }
        case "sharpenBackward":
          return Exercise10.sharpenBackward(v(0), sharpening: x(1), output: v(2), outputGradient: v(3))
            .map { [[$0.weighting], [[$0.sharpening]]] }
        case "readBackward":
          return Exercise11.readBackward(memory: m(0), weighting: v(1), outputGradient: v(2))
            .map { [$0.memory, [$0.weighting]] }
        case "write":
          return Exercise12.write(memory: m(0), weighting: v(1), erase: v(2), add: v(3)).map { [$0] }
        case "writeBackward":
          return Exercise13.writeBackward(memory: m(0), weighting: v(1), erase: v(2), add: v(3), outputGradient: m(4))
            .map { [$0.memory, [$0.weighting], [$0.erase], [$0.add]] }
        case "readHeadStepBackward":
          let head = ReadHeadParameters(key: v(2), keyStrength: x(3), gate: x(4), shiftWeighting: v(5), sharpening: x(6))
          let forward = ReadHeadForward(
            similarity: v(7), content: v(8), interpolated: v(9), shifted: v(10), weighting: v(11), readVector: v(12))
          return Exercise14.readHeadStepBackward(
            memory: m(0), previousWeighting: v(1), head: head, forward: forward, readGradient: v(13),
            weightingGradient: v(14)
          ).map {
            [$0.memory, [$0.previousWeighting], [$0.key], [[$0.keyStrength]], [[$0.gate]], [$0.shiftWeighting],
             [[$0.sharpening]]]
          }
        default:
          return nil
        }
      }

      static func main() {
        // Answers go to the grader's channel; the learner's prints go to standard error.
        let replies = dup(1)
        dup2(2, 1)
        while let line = readLine() {
          let name = line.prefix { $0 != "|" }
          let rest = line.dropFirst(name.count + 1)
          let reply = Array((spell(answer(name, parse(rest))) + "\n").utf8)
          var sent = 0
          while sent < reply.count {
            let count = reply[sent...].withUnsafeBytes { write(replies, $0.baseAddress, $0.count) }
            if count <= 0 { exit(1) }
            sent += count
          }
        }
      }
    }

    """#
}
