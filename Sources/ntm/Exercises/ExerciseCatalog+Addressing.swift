import NTM

extension ExerciseCatalog {
  /// Exercises 1–10: cosine similarity, softmax, content addressing, interpolation, shift and
  /// sharpening (paper §3.3).
  static let addressing: [Exercise] =
    [
      Exercise(
        number: 1, title: "cosine similarity, forward", equation: "K(u, v) = u·v / (‖u‖ ‖v‖ + ε),  ε = 1e-8",
        hints: [
          "For each row M_i: the dot product k·M_i, divided by ‖k‖ ‖M_i‖ + ε. A norm is (x·x).squareRoot().",
          "Compute ‖k‖ once, outside the loop over rows: it is the same for every row.",
          "Row 3 of the check's memory is all zeros: k·M_3 = 0 and the denominator is ε, so K = 0 — as long as ε is added after multiplying the norms.",
        ],
        check: { f, grader in
          var inputs = Inputs(seed: 101)
          inputs.memory.setRow(3, to: [Double](repeating: 0, count: width))
          guard let got = f.cosineSimilarity(inputs.key, inputs.rowArrays) else { return false }
          try grader.values(
            "K", got, CosineSimilarity.forward(.init(key: inputs.key, memory: inputs.memory)).output,
            what: library("CosineSimilarity.forward"))
          let zeroKey = [Double](repeating: 0, count: width)
          try grader.values(
            "K (zero key)", f.cosineSimilarity(zeroKey, inputs.rowArrays) ?? [],
            CosineSimilarity.forward(.init(key: zeroKey, memory: inputs.memory)).output, what: "0 for every row")
          return true
        }),
      Exercise(
        number: 2, title: "softmax, forward", equation: "softmax(z)_i = exp(z_i − max z) / Σ_j exp(z_j − max z)",
        hints: [
          "Find the largest score m = scores.max()!, then e_i = exp(z_i − m), then divide each e_i by their sum.",
          "exp(1000) is infinite in Double, and inf / inf is NaN: that is why you subtract the maximum. After it, the largest e_i is exactly 1, so the sum is at least 1.",
        ],
        check: { f, grader in
          var inputs = Inputs(seed: 102)
          let scores = inputs.gradient(rows).map { 2 * $0 }
          guard let got = f.softmax(scores) else { return false }
          try grader.values("p", got, Softmax.forward(.init(scores: scores)).output, what: library("Softmax.forward"))
          let large: [Double] = [1000, 999.5, -1000, 1000, 0]
          try grader.values(
            "p (scores near 1000)", f.softmax(large) ?? [], Softmax.forward(.init(scores: large)).output, what: library("Softmax.forward"))
          return true
        }),
      Exercise(
        number: 3, title: "softmax, backward", equation: "∂L/∂z_i = p_i (G_i − Σ_j p_j G_j)",
        hints: [
          "First the one number Σ_j p_j G_j (a dot product), then one subtraction and one product per entry.",
          "Why: ∂p_j/∂z_i = p_j (δ_ij − p_i), so Σ_j G_j ∂p_j/∂z_i = p_i G_i − p_i Σ_j p_j G_j.",
        ],
        check: { f, grader in
          var inputs = Inputs(seed: 103)
          let scores = inputs.gradient(rows)
          let output = Softmax.forward(.init(scores: scores)).output
          let gradient = inputs.gradient(rows)
          guard let got = f.softmaxBackward(output, gradient) else { return false }
          try grader.values("dz", got, Softmax.backward(gradient, Softmax.Cache(output: output)).scores, what: library("Softmax.backward"))
          try grader.gradientCheck(
            "softmax", inputs: [.init("z", scores)], seed: 1103, evaluate: { Softmax.forward(.init(scores: $0[0])).output },
            gradient: { z, g in [f.softmaxBackward(Softmax.forward(.init(scores: z[0])).output, g)] })
          return true
        }),
      Exercise(
        number: 4, title: "cosine similarity, backward",
        equation: """
          D_i = ‖k‖ ‖M_i‖ + ε,  d_i = k·M_i,  a = ‖k‖,  b_i = ‖M_i‖
          ∂K_i/∂k   = M_i / D_i − (d_i b_i / D_i²) · k / a
          ∂K_i/∂M_i = k / D_i − (d_i a / D_i²) · M_i / b_i
          """,
        hints: [
          "Compute a = ‖k‖ once. For each row: d = k·M_i, b = ‖M_i‖, D = a b + ε; then add G_i times each formula into dk and into row i of dM.",
          "dk is a sum over the rows (the key is used by every row); row i of dM gets only row i's term.",
          "The check has a zero row: b = 0 there, and the term with M_i / b must be left out (its limit is 0), or you divide by zero.",
        ],
        check: { f, grader in
          var inputs = Inputs(seed: 104)
          let gradient = inputs.gradient(rows)
          guard let got = f.cosineSimilarityBackward(inputs.key, inputs.rowArrays, gradient) else { return false }
          let expected = CosineSimilarity.backward(gradient, CosineSimilarity.forward(.init(key: inputs.key, memory: inputs.memory)).cache)
          try grader.values("dk", got.key, expected.key, what: library("CosineSimilarity.backward"))
          try grader.rows("dM", got.memory, expected.memory, what: library("CosineSimilarity.backward"))
          try grader.gradientCheck(
            "cosine similarity", inputs: [.init("k", inputs.key), .init("M", inputs.memory)], seed: 1104,
            evaluate: { CosineSimilarity.forward(.init(key: $0[0], memory: matrix($0[1], columns: width))).output },
            gradient: { v, g in
              let answer = f.cosineSimilarityBackward(v[0], rows(v[1], columns: width), g)
              return [answer?.key, answer?.memory.flatMap { $0 }]
            })
          var zeroRow = inputs.memory
          zeroRow.setRow(2, to: [Double](repeating: 0, count: width))
          let zeroExpected = CosineSimilarity.backward(gradient, CosineSimilarity.forward(.init(key: inputs.key, memory: zeroRow)).cache)
          try grader.rows(
            "dM (row 2 zero)", f.cosineSimilarityBackward(inputs.key, zeroRow.rowArrays, gradient)?.memory ?? [], zeroExpected.memory,
            what: library("CosineSimilarity.backward"))
          return true
        }),
      Exercise(
        number: 5, title: "content addressing, backward",
        equation: """
          w_c = softmax(z),  z_i = β K(k, M_i)
          ∂L/∂β = Σ_i (∂L/∂z_i) K_i,   ∂L/∂K_i = β ∂L/∂z_i
          """,
        hints: [
          "Three steps: ∂L/∂z = softmax backward of G (exercise 3); ∂L/∂β = Σ_i ∂L/∂z_i · K_i; ∂L/∂K = β · ∂L/∂z.",
          "Then ∂L/∂K goes through the cosine similarity's backward (exercise 4), which gives dk and dM.",
        ],
        uses: [.init(number: 3, what: "softmax backward"), .init(number: 4, what: "cosine similarity backward")],
        check: { f, grader in
          var inputs = Inputs(seed: 105)
          let gradient = inputs.gradient(rows)
          let saved = ContentAddressing.forward(.init(key: inputs.key, memory: inputs.memory, keyStrength: inputs.keyStrength)).cache
          guard
            let got = f.contentAddressingBackward(
              inputs.key, inputs.rowArrays, inputs.keyStrength, saved.similarity, saved.weighting, gradient)
          else { return false }
          let expected = ContentAddressing.backward(gradient, saved)
          let what = library("ContentAddressing.backward")
          try grader.values("dk", got.key, expected.key, what: what)
          try grader.rows("dM", got.memory, expected.memory, what: what)
          try grader.values("dβ", [got.keyStrength], [expected.keyStrength], shape: [], what: what)
          try grader.gradientCheck(
            "content addressing", inputs: [.init("k", inputs.key), .init("M", inputs.memory), .init("β", scalar: inputs.keyStrength)],
            seed: 1105,
            evaluate: { ContentAddressing.forward(.init(key: $0[0], memory: matrix($0[1], columns: width), keyStrength: $0[2][0])).output },
            gradient: { v, g in
              let memory = matrix(v[1], columns: width)
              let saved = ContentAddressing.forward(.init(key: v[0], memory: memory, keyStrength: v[2][0])).cache
              let answer = f.contentAddressingBackward(v[0], memory.rowArrays, v[2][0], saved.similarity, saved.weighting, g)
              return [answer?.key, answer?.memory.flatMap { $0 }, answer.map { [$0.keyStrength] }]
            })
          return true
        }),
      Exercise(
        number: 6, title: "interpolation, backward", equation: "w_g = g · w_c + (1 − g) · w_prev",
        hints: [
          "Each output entry is linear in w_c(i), w_prev(i) and g: ∂w_g(i)/∂w_c(i) = g, ∂w_g(i)/∂w_prev(i) = 1 − g, ∂w_g(i)/∂g = w_c(i) − w_prev(i).",
          "dg = Σ_i G_i (w_c(i) − w_prev(i)): one gate, used by every row, so its gradient sums over the rows.",
        ],
        check: { f, grader in
          var inputs = Inputs(seed: 106)
          let gradient = inputs.gradient(rows)
          guard let got = f.interpolationBackward(inputs.weighting, inputs.previous, inputs.gate, gradient) else { return false }
          let expected = Interpolation.backward(
            gradient, Interpolation.forward(.init(content: inputs.weighting, previous: inputs.previous, gate: inputs.gate)).cache)
          let what = library("Interpolation.backward")
          try grader.values("dw_c", got.content, expected.content, what: what)
          try grader.values("dw_prev", got.previous, expected.previous, what: what)
          try grader.values("dg", [got.gate], [expected.gate], shape: [], what: what)
          try grader.gradientCheck(
            "interpolation", inputs: [.init("w_c", inputs.weighting), .init("w_prev", inputs.previous), .init("g", scalar: inputs.gate)],
            seed: 1106, evaluate: { Interpolation.forward(.init(content: $0[0], previous: $0[1], gate: $0[2][0])).output },
            gradient: { v, g in
              let answer = f.interpolationBackward(v[0], v[1], v[2][0], g)
              return [answer?.content, answer?.previous, answer.map { [$0.gate] }]
            })
          return true
        }),
    ] + shiftAndSharpening
}
