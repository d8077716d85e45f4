import NTM

extension ExerciseCatalog {
  /// Exercises 7–10: the circular shift and sharpening (paper §3.3.2).
  static let shiftAndSharpening: [Exercise] = [
    Exercise(
      number: 7, title: "shift, forward", equation: "w̃(i) = Σ_{Δ = −R…R} w_g((i − Δ) mod N) · s(Δ)",
      hints: [
        "R = (s.count − 1) / 2. For each row i and each k in 0..<s.count, the shift is Δ = k − R and the source row is (i − Δ) mod N.",
        "Swift's % keeps the sign of the left side: write ((x % n) + n) % n to wrap a negative x into 0..<n.",
        "Test yourself: w_g one-hot on row 4 of 5 and s = [0, 0, 1] (all weight on Δ = +1) must give one-hot on row 0.",
      ],
      check: { f, grader in
        let inputs = Inputs(seed: 107)
        guard let got = f.shift(inputs.weighting, inputs.shiftWeighting) else { return false }
        let what = library("Shift.forward")
        try grader.values(
          "w̃", got, Shift.forward(.init(weighting: inputs.weighting, shiftWeighting: inputs.shiftWeighting)).output, what: what)
        let lastRow = [0, 0, 0, 0, 1.0]
        try grader.values("w̃ (row 4 shifted by +1)", f.shift(lastRow, [0, 0, 1]) ?? [], [1, 0, 0, 0, 0], what: "a focus on row 0")
        let wide = Inputs(seed: 207, shiftRange: 2)
        try grader.values(
          "w̃ (R = 2)", f.shift(wide.weighting, wide.shiftWeighting) ?? [],
          Shift.forward(.init(weighting: wide.weighting, shiftWeighting: wide.shiftWeighting)).output, what: what)
        return true
      }),
    Exercise(
      number: 8, title: "shift, backward",
      equation: """
        ∂L/∂w_g(j) = Σ_Δ G((j + Δ) mod N) s(Δ)
        ∂L/∂s(Δ)   = Σ_i G(i) w_g((i − Δ) mod N)
        """,
      hints: [
        "Loop exactly as the forward does — over rows i and shifts Δ, with source = (i − Δ) mod N — and send G(i) back along each product w_g(source) · s(Δ).",
        "So inside the loop: dw_g[source] += G(i) · s(Δ) and ds[Δ + R] += G(i) · w_g(source). No new index arithmetic needed.",
      ],
      check: { f, grader in
        for (seed, range) in [(108 as UInt64, 1), (208, 2)] {
          var inputs = Inputs(seed: seed, shiftRange: range)
          let gradient = inputs.gradient(rows)
          guard let got = f.shiftBackward(inputs.weighting, inputs.shiftWeighting, gradient) else { return false }
          let expected = Shift.backward(
            gradient, Shift.forward(.init(weighting: inputs.weighting, shiftWeighting: inputs.shiftWeighting)).cache)
          let what = library("Shift.backward") + ", R = \(range)"
          try grader.values("dw_g", got.weighting, expected.weighting, what: what)
          try grader.values("ds", got.shiftWeighting, expected.shiftWeighting, what: what)
        }
        let inputs = Inputs(seed: 108)
        try grader.gradientCheck(
          "shift", inputs: [.init("w_g", inputs.weighting), .init("s", inputs.shiftWeighting)], seed: 1108,
          evaluate: { Shift.forward(.init(weighting: $0[0], shiftWeighting: $0[1])).output },
          gradient: { v, g in
            let answer = f.shiftBackward(v[0], v[1], g)
            return [answer?.weighting, answer?.shiftWeighting]
          })
        return true
      }),
    Exercise(
      number: 9, title: "sharpening, forward", equation: "w(i) = softmax_i(γ · log(w̃(i) + ε)),  ε = 1e-12",
      hints: [
        "Scores z_i = γ · log(w̃_i + ε), then a softmax of the scores — your exercise 2 is exactly that softmax.",
        "Why not pow(w̃_i, γ) / Σ pow(w̃_j, γ)? 0.2^500 underflows to 0 in Double, so every term is 0 and the ratio is 0/0 = NaN. The log-domain softmax subtracts the largest score first and never divides by less than 1.",
      ],
      uses: [.init(number: 2, what: "softmax")],
      check: { f, grader in
        let inputs = Inputs(seed: 109)
        guard let got = f.sharpen(inputs.weighting, inputs.sharpening) else { return false }
        let what = library("Sharpening.forward")
        try grader.values(
          "w", got, Sharpening.forward(.init(weighting: inputs.weighting, sharpening: inputs.sharpening)).output, what: what)
        let zeros = [0, 0.7, 0.3, 0, 0]
        try grader.values(
          "w (w̃ with zeros, γ = 3)", f.sharpen(zeros, 3) ?? [], Sharpening.forward(.init(weighting: zeros, sharpening: 3)).output,
          what: what)
        let uniform = [Double](repeating: 0.2, count: rows)
        try grader.values(
          "w (uniform w̃, γ = 500)", f.sharpen(uniform, 500) ?? [], Sharpening.forward(.init(weighting: uniform, sharpening: 500)).output,
          what: what)
        return true
      }),
    Exercise(
      number: 10, title: "sharpening, backward",
      equation: """
        z_i = γ log(w̃_i + ε),  w = softmax(z)
        ∂L/∂w̃_i = γ (∂L/∂z_i) / (w̃_i + ε),   ∂L/∂γ = Σ_i (∂L/∂z_i) log(w̃_i + ε)
        """,
      hints: [
        "∂L/∂z is the softmax backward (exercise 3) of G, using the forward's output w.",
        "z_i = γ · log(w̃_i + ε): so ∂z_i/∂w̃_i = γ / (w̃_i + ε) and ∂z_i/∂γ = log(w̃_i + ε). γ is shared by every entry, so dγ is a sum.",
      ],
      uses: [.init(number: 3, what: "softmax backward")],
      check: { f, grader in
        var inputs = Inputs(seed: 110)
        let output = Sharpening.forward(.init(weighting: inputs.weighting, sharpening: inputs.sharpening)).output
        let gradient = inputs.gradient(rows)
        guard let got = f.sharpenBackward(inputs.weighting, inputs.sharpening, output, gradient) else { return false }
        let expected = Sharpening.backward(
          gradient, Sharpening.forward(.init(weighting: inputs.weighting, sharpening: inputs.sharpening)).cache)
        let what = library("Sharpening.backward")
        try grader.values("dw̃", got.weighting, expected.weighting, what: what)
        try grader.values("dγ", [got.sharpening], [expected.sharpening], shape: [], what: what)
        try grader.gradientCheck(
          "sharpening", inputs: [.init("w̃", inputs.weighting), .init("γ", scalar: inputs.sharpening)], seed: 1110,
          evaluate: { Sharpening.forward(.init(weighting: $0[0], sharpening: $0[1][0])).output },
          gradient: { v, g in
            let answer = f.sharpenBackward(v[0], v[1][0], Sharpening.forward(.init(weighting: v[0], sharpening: v[1][0])).output, g)
            return [answer?.weighting, answer.map { [$0.sharpening] }]
          })
        return true
      }),
  ]
}
