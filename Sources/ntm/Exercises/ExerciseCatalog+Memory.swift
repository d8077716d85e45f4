import NTM

extension ExerciseCatalog {
  /// Exercises 11–14: reading, writing (paper §3.1–3.2), and one step of backpropagation
  /// through time through a read head.
  static let memory: [Exercise] = [
    Exercise(
      number: 11, title: "reading, backward",
      equation: """
        r = Σ_i w(i) M_i
        ∂L/∂M_ij = w(i) G_j,   ∂L/∂w(i) = G · M_i
        """,
      hints: [
        "r_j = Σ_i w(i) M_ij. Differentiate one term: ∂r_j/∂M_ij = w(i) and ∂r_j/∂w(i) = M_ij.",
        "dM is an outer product of w and G; dw(i) is the dot product of G with row i.",
      ],
      check: { f, grader in
        var inputs = Inputs(seed: 111)
        let gradient = inputs.gradient(width)
        guard let got = f.readBackward(inputs.rowArrays, inputs.weighting, gradient) else { return false }
        let expected = Read.backward(gradient, Read.forward(.init(memory: inputs.memory, weighting: inputs.weighting)).cache)
        let what = library("Read.backward")
        try grader.rows("dM", got.memory, expected.memory, what: what)
        try grader.values("dw", got.weighting, expected.weighting, what: what)
        try grader.gradientCheck(
          "read", inputs: [.init("M", inputs.memory), .init("w", inputs.weighting)], seed: 1111,
          evaluate: { Read.forward(.init(memory: matrix($0[0], columns: width), weighting: $0[1])).output },
          gradient: { v, g in
            let answer = f.readBackward(rows(v[0], columns: width), v[1], g)
            return [answer?.memory.flatMap { $0 }, answer?.weighting]
          })
        return true
      }),
    Exercise(
      number: 12, title: "writing, forward", equation: "M̃_i = M_i ⊙ (1 − w(i) e),   M'_i = M̃_i + w(i) a",
      hints: [
        "One line per element: M'_ij = M_ij · (1 − w(i) · e_j) + w(i) · a_j.",
        "Start from a copy of memory and overwrite each entry, or build the rows with map over the row indices.",
      ],
      check: { f, grader in
        let inputs = Inputs(seed: 112)
        guard let got = f.write(inputs.rowArrays, inputs.weighting, inputs.erase, inputs.add) else { return false }
        let what = library("Write.forward")
        try grader.rows(
          "M'", got, Write.forward(.init(memory: inputs.memory, weighting: inputs.weighting, erase: inputs.erase, add: inputs.add)).output,
          what: what)
        let focus = [0, 0, 1.0, 0, 0]
        let ones = [Double](repeating: 1, count: width)
        var replaced = inputs.memory
        replaced.setRow(2, to: inputs.add)
        try grader.rows(
          "M' (w on row 2, e = 1)", f.write(inputs.rowArrays, focus, ones, inputs.add) ?? [], replaced, what: "row 2 replaced by a")
        return true
      }),
    Exercise(
      number: 13, title: "writing, backward",
      equation: """
        ∂L/∂M_ij = G_ij (1 − w(i) e_j)
        ∂L/∂w(i) = Σ_j G_ij (a_j − M_ij e_j)
        ∂L/∂e_j  = −Σ_i G_ij M_ij w(i)
        ∂L/∂a_j  = Σ_i G_ij w(i)
        """,
      hints: [
        "One double loop over i and j visits every G_ij once: add its share into dM[i][j], dw[i], de[j] and da[j].",
        "Use the memory before the write (the argument), not after it: the erase multiplies the old M_ij.",
      ],
      check: { f, grader in
        var inputs = Inputs(seed: 113)
        let gradient = matrix(inputs.gradient(rows * width), columns: width)
        guard let got = f.writeBackward(inputs.rowArrays, inputs.weighting, inputs.erase, inputs.add, gradient.rowArrays) else {
          return false
        }
        let expected = Write.backward(
          gradient, Write.forward(.init(memory: inputs.memory, weighting: inputs.weighting, erase: inputs.erase, add: inputs.add)).cache)
        let what = library("Write.backward")
        try grader.rows("dM", got.memory, expected.memory, what: what)
        try grader.values("dw", got.weighting, expected.weighting, what: what)
        try grader.values("de", got.erase, expected.erase, what: what)
        try grader.values("da", got.add, expected.add, what: what)
        try grader.gradientCheck(
          "write", inputs: [.init("M", inputs.memory), .init("w", inputs.weighting), .init("e", inputs.erase), .init("a", inputs.add)],
          seed: 1113,
          evaluate: {
            Write.forward(.init(memory: matrix($0[0], columns: width), weighting: $0[1], erase: $0[2], add: $0[3])).output.scalars
          },
          gradient: { v, g in
            let answer = f.writeBackward(rows(v[0], columns: width), v[1], v[2], v[3], rows(g, columns: width))
            return [answer?.memory.flatMap { $0 }, answer?.weighting, answer?.erase, answer?.add]
          })
        return true
      }),
    readHeadStep,
  ]

  /// Exercise 14: one step of backpropagation through time through a read head.
  static let readHeadStep = Exercise(
    number: 14, title: "one step of BPTT through a read head",
    equation: """
      ∂L/∂w_t = (∂L/∂w_t from step t + 1) + (the read's ∂L/∂w)
      ∂L/∂M   = (the read's ∂L/∂M) + (the content addressing's ∂L/∂M)
      """,
    hints: [
      "First the read: exercise 11 with ∂L/∂r_t gives dM (part one) and dw. Add weightingGradient to dw: that is the whole ∂L/∂w_t.",
      "Then back through the stages, last to first: sharpening (10), shift (8), interpolation (6), content addressing (5). Each stage's input gradient is the next one's output gradient.",
      "The interpolation gives ∂L/∂w_prev; the content addressing gives dk, dβ and dM (part two). Return dM = part one + part two.",
    ],
    uses: [
      .init(number: 5, what: "content addressing backward"), .init(number: 6, what: "interpolation backward"),
      .init(number: 8, what: "shift backward"), .init(number: 10, what: "sharpening backward"),
      .init(number: 11, what: "reading backward"),
    ],
    check: { f, grader in
      var inputs = Inputs(seed: 114)
      let head = ReadHeadParameters(
        key: inputs.key, keyStrength: inputs.keyStrength, gate: inputs.gate,
        shiftWeighting: inputs.shiftWeighting, sharpening: inputs.sharpening)
      let readGradient = inputs.gradient(width)
      let weightingGradient = inputs.gradient(rows)
      let (forward, _) = readHeadForward(memory: inputs.memory, previous: inputs.previous, head: head)
      guard let got = f.readHeadStepBackward(inputs.rowArrays, inputs.previous, head, forward, readGradient, weightingGradient)
      else { return false }
      let expected = readHeadStepReference(
        memory: inputs.memory, previous: inputs.previous, head: head, readGradient: readGradient,
        weightingGradient: weightingGradient)
      let what = "the library's Read and Addressing backward passes"
      try grader.rows("dM", got.memory, matrix(expected[0], columns: width), what: what)
      try grader.values("dw_prev", got.previousWeighting, expected[1], what: what)
      try grader.values("dk", got.key, expected[2], what: what)
      try grader.values("dβ", [got.keyStrength], expected[3], shape: [], what: what)
      try grader.values("dg", [got.gate], expected[4], shape: [], what: what)
      try grader.values("ds", got.shiftWeighting, expected[5], what: what)
      try grader.values("dγ", [got.sharpening], expected[6], shape: [], what: what)
      try grader.gradientCheck(
        "read head step",
        inputs: [
          .init("M", inputs.memory), .init("w_prev", inputs.previous), .init("k", head.key),
          .init("β", scalar: head.keyStrength), .init("g", scalar: head.gate), .init("s", head.shiftWeighting),
          .init("γ", scalar: head.sharpening),
        ], seed: 1114,
        evaluate: { v in
          let (forward, _) = readHeadForward(memory: matrix(v[0], columns: width), previous: v[1], head: headParameters(from: v))
          return forward.readVector + forward.weighting
        },
        gradient: { v, g in
          let memory = matrix(v[0], columns: width)
          let (forward, _) = readHeadForward(memory: memory, previous: v[1], head: headParameters(from: v))
          let answer = f.readHeadStepBackward(
            memory.rowArrays, v[1], headParameters(from: v), forward, Array(g[..<width]), Array(g[width...]))
          return [
            answer?.memory.flatMap { $0 }, answer?.previousWeighting, answer?.key, answer.map { [$0.keyStrength] },
            answer.map { [$0.gate] }, answer?.shiftWeighting, answer.map { [$0.sharpening] },
          ]
        })
      return true
    })

  /// The head parameters in a gradient-check point `[M, w_prev, k, β, g, s, γ]`.
  static func headParameters(from v: [[Double]]) -> ReadHeadParameters {
    ReadHeadParameters(key: v[2], keyStrength: v[3][0], gate: v[4][0], shiftWeighting: v[5], sharpening: v[6][0])
  }

  /// The read head's forward step, with the library.
  static func readHeadForward(memory: Matrix, previous: [Double], head: ReadHeadParameters)
    -> (ReadHeadForward, AddressingParameters)
  {
    let parameters = AddressingParameters(
      key: head.key, keyStrength: head.keyStrength, gate: head.gate, shiftWeighting: head.shiftWeighting,
      sharpening: head.sharpening)
    let trace = Addressing.forward(.init(memory: memory, previousWeighting: previous, parameters: parameters)).cache.trace
    let read = Read.forward(.init(memory: memory, weighting: trace.weighting)).output
    return (
      ReadHeadForward(
        similarity: trace.similarity, content: trace.content, interpolated: trace.interpolated,
        shifted: trace.shifted, weighting: trace.weighting, readVector: read),
      parameters
    )
  }

  /// The reference gradients `[dM, dw_prev, dk, dβ, dg, ds, dγ]`, with the library.
  static func readHeadStepReference(
    memory: Matrix, previous: [Double], head: ReadHeadParameters, readGradient: [Double], weightingGradient: [Double]
  ) -> [[Double]] {
    let (forward, parameters) = readHeadForward(memory: memory, previous: previous, head: head)
    let read = Read.backward(readGradient, Read.forward(.init(memory: memory, weighting: forward.weighting)).cache)
    let total = zip(read.weighting, weightingGradient).map { $0 + $1 }
    let (_, cache) = Addressing.forward(.init(memory: memory, previousWeighting: previous, parameters: parameters))
    let addressing = Addressing.backward(total, cache)
    let p = addressing.parameters
    return [
      zip(read.memory.scalars, addressing.memory.scalars).map { $0 + $1 }, addressing.previousWeighting, p.key,
      [p.keyStrength], [p.gate], p.shiftWeighting, [p.sharpening],
    ]
  }
}
