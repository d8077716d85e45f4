/// A linear (fully connected) layer: `y = W x + b`, with `W` of shape `outputs × inputs`.
///
/// The controller, every head's parameter emission and the output layer are linear layers
/// followed by an activation.
public enum Linear {
  /// Kernel: `output = W x + b` (overwrites `output`). `weights` is `outputs × inputs`, row-major.
  /// Each output is one `dot` of a weight row with the input (`dot` explains the row pointer
  /// and the four accumulators that every kernel here uses).
  @inline(__always)
  public static func forward(
    weights: UnsafePointer<Double>, bias: UnsafePointer<Double>, input: UnsafePointer<Double>,
    inputs: Int, outputs: Int, into output: UnsafeMutablePointer<Double>
  ) {
    var row = weights
    for o in 0..<outputs {
      output[o] = bias[o] + dot(row, input, count: inputs)
      row += inputs
    }
  }

  /// Kernel: given `G = ∂L/∂y`, adds `∂L/∂x = Wᵀ G`, `∂L/∂W = G xᵀ` and `∂L/∂b = G` into the
  /// gradient buffers. Row `o` contributes `G_o x` to its weight row's gradient and `G_o W_o`
  /// to `∂x`; a zero `G_o` (common after relu) contributes nothing and is skipped.
  @inline(__always)
  public static func backward(
    weights: UnsafePointer<Double>, input: UnsafePointer<Double>,
    outputGradient: UnsafePointer<Double>, inputs: Int, outputs: Int,
    addingInto inputGradient: UnsafeMutablePointer<Double>,
    weightsGradient: UnsafeMutablePointer<Double>, biasGradient: UnsafeMutablePointer<Double>
  ) {
    var row = weights
    var rowGradient = weightsGradient
    for o in 0..<outputs {
      let g = outputGradient[o]
      if g != 0 {
        biasGradient[o] += g
        addScaled(g, input, to: rowGradient, count: inputs)
        addScaled(g, row, to: inputGradient, count: inputs)
      }
      row += inputs
      rowGradient += inputs
    }
  }

  /// `y = W x + b`.
  /// - Precondition: `weights.columns == input.count`, `bias.count == weights.rows`.
  public static func forward(weights: Matrix, bias: [Double], input: [Double]) -> [Double] {
    require(
      weights.columns == input.count,
      "Linear weights \(weights.shapeDescription) cannot multiply an input of length \(input.count)")
    require(
      bias.count == weights.rows,
      "Linear bias of length \(bias.count) does not match weights \(weights.shapeDescription)")
    var output = [Double](repeating: 0, count: weights.rows)
    forward(
      weights: weights.scalars, bias: bias, input: input, inputs: weights.columns,
      outputs: weights.rows, into: &output)
    return output
  }

  /// The gradients of the input, the weights and the bias.
  public static func backward(weights: Matrix, input: [Double], outputGradient: [Double])
    -> (input: [Double], weights: Matrix, bias: [Double])
  {
    require(
      weights.columns == input.count && weights.rows == outputGradient.count,
      "Linear weights \(weights.shapeDescription) do not match input \(input.count) and output gradient \(outputGradient.count)"
    )
    var dx = [Double](repeating: 0, count: input.count)
    var dW = Matrix(rows: weights.rows, columns: weights.columns)
    var db = [Double](repeating: 0, count: weights.rows)
    backward(
      weights: weights.scalars, input: input, outputGradient: outputGradient,
      inputs: weights.columns, outputs: weights.rows, addingInto: &dx,
      weightsGradient: &dW.scalars, biasGradient: &db)
    return (dx, dW, db)
  }
}
