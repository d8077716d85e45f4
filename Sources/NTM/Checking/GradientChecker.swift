/// The numeric gradient checker: compares a hand-written backward pass with finite
/// differences of its forward pass, element by element, and names the worst element.
///
/// The tests, `ntm gradcheck` and the classroom exercises all use this one checker.
///
/// For an operation `f` with inputs `x₁ … x_k` it draws a fixed random vector `v` (one entry
/// per output) and checks the gradient of the scalar `L(x) = v · f(x)`: the analytic one is the
/// backward pass given `∂L/∂f = v`; the numeric one differentiates `L` numerically,
/// one input element at a time. Each element's **relative error** is CS231n's
/// ```
/// |a − n| / max(|a|, |n|)
/// ```
/// and CS231n's reading applies: at most 1e-7 is good; above 1e-4 a smooth function's
/// gradient is wrong (kinks such as `relu` at 0 can land in between).
///
/// - Note: Numeric differences. The centred difference `D(h) = (f(x+h) − f(x−h)) / 2h` has an
///   error of order `h²`. The checker combines two of them, `(4 D(h/2) − D(h)) / 3`
///   (one Richardson step), which cancels the `h²` term: a step of 1e-3 then leaves an error
///   near 1e-13 instead of 1e-7. It differences each output before weighting by `v`, so an
///   output the element does not touch contributes exactly 0 rather than rounding noise.
/// - Note: Resolution. Rounding limits any difference quotient in `Double`: an output of size
///   `|f|` is known to about `ε_mach |f|`, so the numeric derivative is known to about
///   `noise = c · ε_mach · Σ_k |v_k f_k| / h` (over the outputs the element moves; `c` =
///   `noiseFactor`). An element smaller than `noise / 1e-7` (a gradient that happens to pass
///   near 0, or one that is 0 up to the cosine's `ε`) cannot be resolved to 1e-7 of *itself*,
///   so its denominator is floored at that size: it passes when `|a − n|` is within the
///   noise, and fails when the mismatch is larger than rounding could explain. Both below
///   `negligible` (1e-10), an element passes outright.
public struct GradientChecker: Sendable {
  /// One input of the checked operation: a name (as reported), a shape (for positions) and
  /// the values at which to check.
  public struct Input: Sendable {
    public var name: String
    public var shape: [Int]
    public var values: [Double]

    /// - Precondition: the shape's product is `values.count`.
    public init(_ name: String, shape: [Int], values: [Double]) {
      require(
        shape.reduce(1, *) == values.count,
        "Input \(name): shape \(shape) holds \(shape.reduce(1, *)) values, got \(values.count)")
      self.name = name
      self.shape = shape
      self.values = values
    }

    /// A vector input.
    public init(_ name: String, _ values: [Double]) { self.init(name, shape: [values.count], values: values) }
    /// A scalar input.
    public init(_ name: String, scalar: Double) { self.init(name, shape: [], values: [scalar]) }
    /// A matrix input.
    public init(_ name: String, _ matrix: Matrix) {
      self.init(name, shape: [matrix.rows, matrix.columns], values: matrix.scalars)
    }
  }

  /// CS231n's reading of a relative error.
  public enum Verdict: String, Sendable, Comparable {
    /// ≤ 1e-7.
    case good
    /// ≤ 1e-4: fine only where the function has a kink.
    case doubtful
    /// > 1e-4: wrong for a smooth function.
    case wrong

    public init(relativeError: Double) {
      if relativeError <= GradientChecker.goodTolerance {
        self = .good
      } else if relativeError <= GradientChecker.wrongTolerance {
        self = .doubtful
      } else {
        self = .wrong  // NaN lands here too.
      }
    }

    public static func < (a: Verdict, b: Verdict) -> Bool {
      let order: [Verdict] = [.good, .doubtful, .wrong]
      return order.firstIndex(of: a)! < order.firstIndex(of: b)!
    }
  }

  /// The comparison for one input: its worst element.
  public struct InputResult: Sendable {
    public var name: String
    public var shape: [Int]
    /// Flat index of the worst element.
    public var worstIndex: Int
    /// The worst element's position in `shape` (empty for a scalar).
    public var worstPosition: [Int]
    public var analytic: Double
    public var numeric: Double
    public var relativeError: Double
    /// How many elements were compared.
    public var count: Int

    /// `name[i, j]`, or `name` for a scalar.
    public var worstElement: String {
      worstPosition.isEmpty ? name : "\(name)[\(worstPosition.map(String.init).joined(separator: ", "))]"
    }
  }

  /// The whole comparison for one operation.
  public struct Report: Sendable {
    public var operation: String
    public var inputs: [InputResult]

    /// The input with the largest relative error.
    public var worst: InputResult? {
      inputs.first { $0.relativeError.isNaN } ?? inputs.max { $0.relativeError < $1.relativeError }
    }

    /// The largest relative error over every element of every input (NaN if any was NaN).
    public var worstRelativeError: Double {
      worst?.relativeError ?? 0
    }

    /// Whether every element's relative error is at most `tolerance`.
    public func passes(tolerance: Double = GradientChecker.goodTolerance) -> Bool {
      worstRelativeError <= tolerance
    }
  }

  /// CS231n: a relative error at most this is good.
  public static let goodTolerance = 1e-7
  /// CS231n: above this, a smooth function's gradient is wrong.
  public static let wrongTolerance = 1e-4
  /// Both gradients below this in size: the element passes.
  public static let negligible = 1e-10
  /// The constant `c` in the rounding-noise estimate `c · ε_mach · Σ_k |v_k f_k| / h`: a few
  /// roundings per output in the forward pass, amplified by the stages after them
  /// (sharpening multiplies relative errors by γ) and by the Richardson step.
  public static let noiseFactor = 32.0

  /// The difference step for an element `x` of an input whose root mean square is `rms` is
  /// `step · max(|x|, rms, stepFloor)`: in proportion to the input's own scale, so that
  /// `β = 50`, a memory entry near 1 and a weight near 1/N are each stepped by about a
  /// thousandth of their size, and no step is so small that rounding swamps it.
  public var step: Double
  /// See `step`.
  public var stepFloor: Double

  public init(step: Double = 1e-3, stepFloor: Double = 1e-2) {
    self.step = step
    self.stepFloor = stepFloor
  }

  /// The relative error of one element, on a denominator floored at `floor`.
  public static func relativeError(analytic a: Double, numeric n: Double, floor: Double = negligible) -> Double {
    let scale = max(abs(a), abs(n), floor)
    if abs(a) < negligible && abs(n) < negligible { return 0 }
    return abs(a - n) / scale
  }

  /// Checks `gradient` against numeric differences of `evaluate`.
  /// - Parameters:
  ///   - operation: the name reported.
  ///   - inputs: the point at which to check, one entry per input.
  ///   - generator: draws the projection `v`.
  ///   - evaluate: the forward pass: input values (in `inputs` order) → output values.
  ///   - gradient: the backward pass: input values and `∂L/∂output` → one gradient per input,
  ///     each of its input's length.
  /// - Precondition: `gradient` returns one array per input, of that input's length.
  public func check(
    operation: String, inputs: [Input], using generator: inout some RandomNumberGenerator,
    evaluate: ([[Double]]) -> [Double], gradient: ([[Double]], [Double]) -> [[Double]]
  ) -> Report {
    var point = inputs.map(\.values)
    let output = evaluate(point)
    let projection = generator.normals(output.count)
    let analytic = gradient(point, projection)
    require(analytic.count == inputs.count, "\(operation): backward returned \(analytic.count) gradients for \(inputs.count) inputs")

    var results: [InputResult] = []
    for (index, input) in inputs.enumerated() {
      require(
        analytic[index].count == input.values.count,
        "\(operation): gradient of \(input.name) has \(analytic[index].count) entries, the input \(input.values.count)")
      let squares = input.values.reduce(0) { $0 + $1 * $1 }
      let rms = input.values.isEmpty ? 0 : (squares / Double(input.values.count)).squareRoot()
      var numeric = [Double](repeating: 0, count: input.values.count)
      var floors = [Double](repeating: Self.negligible, count: input.values.count)
      for element in 0..<input.values.count {
        let x = input.values[element]
        let h = step * max(abs(x), rms, stepFloor)
        point[index][element] = x + h
        let plus = evaluate(point)
        point[index][element] = x + h / 2
        let halfPlus = evaluate(point)
        point[index][element] = x - h / 2
        let halfMinus = evaluate(point)
        point[index][element] = x - h
        let minus = evaluate(point)
        point[index][element] = x
        var derivative = 0.0
        var touched = 0.0
        for k in 0..<output.count where plus[k] != minus[k] || halfPlus[k] != halfMinus[k] {
          let wide = (plus[k] - minus[k]) / (2 * h)
          let narrow = (halfPlus[k] - halfMinus[k]) / h
          derivative += projection[k] * (4 * narrow - wide) / 3
          touched += abs(projection[k] * output[k])
        }
        numeric[element] = derivative
        let noise = Self.noiseFactor * Double.ulpOfOne * touched / h
        floors[element] = max(Self.negligible, noise / Self.goodTolerance)
      }
      var worstElement = 0
      var worstError = 0.0
      for element in 0..<input.values.count {
        let error = Self.relativeError(
          analytic: analytic[index][element], numeric: numeric[element], floor: floors[element])
        if error.isNaN || error > worstError {
          worstElement = element
          worstError = error
          if error.isNaN { break }
        }
      }
      let worst = InputResult(
        name: input.name, shape: input.shape, worstIndex: worstElement,
        worstPosition: Self.position(of: worstElement, in: input.shape),
        analytic: input.values.isEmpty ? 0 : analytic[index][worstElement],
        numeric: input.values.isEmpty ? 0 : numeric[worstElement], relativeError: worstError,
        count: input.values.count)
      results.append(worst)
    }
    return Report(operation: operation, inputs: results)
  }

  /// The multi-index of flat `index` in a row-major `shape`.
  static func position(of index: Int, in shape: [Int]) -> [Int] {
    var remainder = index
    var position = [Int](repeating: 0, count: shape.count)
    for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] > 0 {
      position[axis] = remainder % shape[axis]
      remainder /= shape[axis]
    }
    return position
  }
}
