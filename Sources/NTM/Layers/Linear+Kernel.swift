/// The kernels the machine, the controllers and the LSTM baseline run for `Linear`, on
/// pointers into flat parameter vectors.
///
/// The trick is blocking by four rows: one pass over `x` serves four outputs, and in the
/// backward pass each entry of `x` and `∂x` is loaded once per four rows.
/// ```
///            x ──────────────┐
///   W_o    ─ · ─▶ y_o        │   forward: four dot products
///   W_o+1  ─ · ─▶ y_o+1      │   share each load of x[i..i+3]
///   W_o+2  ─ · ─▶ y_o+2      │
///   W_o+3  ─ · ─▶ y_o+3    ◀─┘
///
///   ∂x += G_o W_o + G_o+1 W_o+1 + G_o+2 W_o+2 + G_o+3 W_o+3   (in row order, as row by row)
/// ```
extension Linear {
  /// Kernel: `output = W x + b` (overwrites `output`). `weights` is `outputs × inputs`, row-major.
  /// Each output is one `dot` of a weight row with the input (`dot` explains the row pointer
  /// and the four accumulators that every kernel here uses), taken four rows at a time by
  /// `dotFourRows` so that one pass over the input serves four outputs.
  @inline(__always)
  static func forward(
    weights: UnsafePointer<Double>, bias: UnsafePointer<Double>, input: UnsafePointer<Double>,
    inputs: Int, outputs: Int, into output: UnsafeMutablePointer<Double>
  ) {
    var row = weights
    var o = 0
    while o &+ 4 <= outputs {
      store4(load4(bias + o) + dotFourRows(row, input, count: inputs), at: output + o)
      row += 4 * inputs
      o &+= 4
    }
    while o < outputs {
      output[o] = bias[o] + dot(row, input, count: inputs)
      row += inputs
      o &+= 1
    }
  }

  /// Kernel: given `G = ∂L/∂y`, adds `∂L/∂x = Wᵀ G`, `∂L/∂W = G xᵀ` and `∂L/∂b = G` into the
  /// gradient buffers. Row `o` contributes `G_o x` to its weight row's gradient and `G_o W_o`
  /// to `∂x`; a zero `G_o` (common after relu) contributes nothing and is skipped.
  ///
  /// Rows go four at a time (`backwardFourRows`), so each entry of `x` and `∂x` is loaded once
  /// per four rows; a block of four in which some `G_o` is zero goes row by row instead, so
  /// that the zero rows can be skipped.
  @inline(__always)
  static func backward(
    weights: UnsafePointer<Double>, input: UnsafePointer<Double>,
    outputGradient: UnsafePointer<Double>, inputs: Int, outputs: Int,
    addingInto inputGradient: UnsafeMutablePointer<Double>,
    weightsGradient: UnsafeMutablePointer<Double>, biasGradient: UnsafeMutablePointer<Double>
  ) {
    var row = weights
    var rowGradient = weightsGradient
    var o = 0
    while o &+ 4 <= outputs {
      let g = load4(outputGradient + o)
      if g[0] != 0 && g[1] != 0 && g[2] != 0 && g[3] != 0 {
        store4(load4(biasGradient + o) + g, at: biasGradient + o)
        backwardFourRows(
          g, weights: row, input: input, inputs: inputs, addingInto: inputGradient,
          weightsGradient: rowGradient)
      } else {
        for k in 0..<4 where g[k] != 0 {
          biasGradient[o &+ k] += g[k]
          backwardRow(
            g[k], weights: row + k * inputs, input: input, inputs: inputs, addingInto: inputGradient,
            weightsGradient: rowGradient + k * inputs)
        }
      }
      row += 4 * inputs
      rowGradient += 4 * inputs
      o &+= 4
    }
    while o < outputs {
      let g = outputGradient[o]
      if g != 0 {
        biasGradient[o] += g
        backwardRow(
          g, weights: row, input: input, inputs: inputs, addingInto: inputGradient,
          weightsGradient: rowGradient)
      }
      row += inputs
      rowGradient += inputs
      o &+= 1
    }
  }

  /// One row's share of `backward`: `∂W_o += g x` and `∂x += g W_o`, in one pass.
  @inline(__always)
  static func backwardRow(
    _ g: Double, weights row: UnsafePointer<Double>, input: UnsafePointer<Double>, inputs: Int,
    addingInto inputGradient: UnsafeMutablePointer<Double>,
    weightsGradient rowGradient: UnsafeMutablePointer<Double>
  ) {
    let gs = Lanes4(repeating: g)
    let whole = wholeBlocks(inputs)
    var i = 0
    while i < whole {
      store4(load4(rowGradient + i) + gs * load4(input + i), at: rowGradient + i)
      store4(load4(inputGradient + i) + gs * load4(row + i), at: inputGradient + i)
      i &+= 4
    }
    while i < inputs {
      rowGradient[i] += g * input[i]
      inputGradient[i] += g * row[i]
      i &+= 1
    }
  }

  /// Four consecutive rows' share of `backward`, with `G_o` in the lanes of `g`:
  /// `∂W_o += G_o x` for each row, and `∂x += G_0 W_0 + G_1 W_1 + G_2 W_2 + G_3 W_3`, the
  /// terms added one after another in row order, exactly as four `backwardRow` calls would.
  @inline(__always)
  static func backwardFourRows(
    _ g: Lanes4, weights rows: UnsafePointer<Double>, input: UnsafePointer<Double>,
    inputs: Int, addingInto inputGradient: UnsafeMutablePointer<Double>,
    weightsGradient rowGradients: UnsafeMutablePointer<Double>
  ) {
    for k in 0..<4 { addScaled(g[k], input, to: rowGradients + k * inputs, count: inputs) }
    addScaledFourRows(g, rows, to: inputGradient, count: inputs)
  }
}
