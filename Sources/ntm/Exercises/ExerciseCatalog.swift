import NTM

/// The exercises, in order: the addressing stages forward and backward, then reading,
/// writing, and one step of backpropagation through time through a read head.
enum ExerciseCatalog {
  static let all: [Exercise] = addressing + memory

  /// The exercise numbered `number`, if there is one.
  static func exercise(_ number: Int) -> Exercise? {
    all.first { $0.number == number }
  }

  /// The sizes every check uses unless it says otherwise: N = 5 rows of W = 3, shifts −1…+1.
  static let rows = 5
  static let width = 3

  /// Fixed random inputs for one exercise, drawn as a trained head would emit them.
  struct Inputs {
    var memory: Matrix
    var key: [Double]
    var keyStrength: Double
    var gate: Double
    var shiftWeighting: [Double]
    var sharpening: Double
    var weighting: [Double]
    var previous: [Double]
    var erase: [Double]
    var add: [Double]
    var generator: SplitMix64

    /// Entries at least this far from 0, so the checks stay at smooth points.
    static let awayFromZero = 0.1

    init(seed: UInt64, rows: Int = ExerciseCatalog.rows, width: Int = ExerciseCatalog.width, shiftRange: Int = 1) {
      generator = SplitMix64(seed: seed)
      let entries = generator.normals(rows * width).map { ($0 < 0 ? -1 : 1) * (abs($0) + Self.awayFromZero) }
      memory = Matrix(rows: rows, columns: width, scalars: entries)
      key = generator.normals(width).map(Activation.tanh.callAsFunction)
      keyStrength = 0.5 + 4.5 * generator.nextUnit()
      gate = 0.1 + 0.8 * generator.nextUnit()
      shiftWeighting = Softmax.forward(.init(scores: generator.normals(2 * shiftRange + 1))).output
      sharpening = 1 + 3 * generator.nextUnit()
      weighting = Softmax.forward(.init(scores: generator.normals(rows, standardDeviation: 0.5))).output
      previous = Softmax.forward(.init(scores: generator.normals(rows, standardDeviation: 0.5))).output
      erase = generator.normals(width).map(Activation.sigmoid.callAsFunction)
      add = generator.normals(width).map(Activation.tanh.callAsFunction)
    }

    /// A fixed random gradient of `count` outputs.
    mutating func gradient(_ count: Int) -> [Double] { generator.normals(count) }

    var rowArrays: [[Double]] { memory.rowArrays }
  }

  /// `values` as an `N × W` memory.
  static func matrix(_ values: [Double], columns: Int) -> Matrix {
    Matrix(rows: values.count / columns, columns: columns, scalars: values)
  }

  /// `values` as rows of `columns` numbers.
  static func rows(_ values: [Double], columns: Int) -> [[Double]] {
    matrix(values, columns: columns).rowArrays
  }

  /// The library's function, named for messages.
  static func library(_ name: String) -> String { "the library's \(name)" }
}
