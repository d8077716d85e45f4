/// The REPL's commands as a person sees them: names, other spellings, usage and help, and
/// what each does. `help`, Tab completion, "did you mean" and the interpreter all read this
/// one list, so a command cannot be listed without a handler or handled without being listed.
struct ReplCommandInfo: Sendable {
  /// What a command does with the words after its name, in a state: the text to show and the
  /// next state, or a `PlaygroundInput.Rejection`.
  typealias Handler = @Sendable (Interpreter, Interpreter.Words, PlaygroundState) throws -> (String, PlaygroundState)

  /// The word that selects the command.
  var name: String
  /// Other words that select it (`β` for `beta`, `:q` for `quit`).
  var aliases: [String] = []
  /// How to call it, one line.
  var usage: String
  /// What it does, one line.
  var summary: String
  /// More paragraphs for `help <command>`: details and an example, each wrapped to the line.
  var details: [String] = []
  /// Runs the command.
  var run: Handler
}

enum ReplCommandList {
  /// Every command, in the order `help` lists them.
  static let all: [ReplCommandInfo] = [
    .init(
      name: "memory", usage: "memory builtin | random <N> <W> [<seed>] | zeros <N> <W>",
      summary: "replace M: builtin, random <N> <W> [<seed>], zeros <N> <W>",
      details: [
        "'builtin' is the tour's 8 × 4 memory. 'random' draws entries in [−1, 1] (rounded to two decimals) from the seed (default 1). A new memory also resets the key to row 0, w_prev to uniform and s to a shift by +1. 'memory' alone shows M.",
        "Example: memory random 16 6 42",
      ], run: { try $0.setMemory($1, $2) }),
    .init(
      name: "row", usage: "row <i> <x₁ … x_W>", summary: "set one memory row: row <i> <x₁ … x_W>",
      details: ["Entries are finite numbers with |x| ≤ 1e6. 'row <i>' alone shows row i.", "Example: row 3 0 1 0 1"],
      run: { try $0.setRow($1, $2) }),
    .init(
      name: "key", aliases: ["k"], usage: "key <x₁ … x_W> | key row <i>", summary: "set the key k: key <x₁ … x_W>, or key row <i>",
      details: ["'key row <i>' copies memory row i. 'key' alone shows k.", "Example: key 0.1 0.2 0.9 0.1"], run: { try $0.setKey($1, $2) }),
    .init(
      name: "beta", aliases: ["β", "strength"], usage: "beta <β>", summary: "set the key strength β (0 to 1e6)",
      details: ["β = 0 gives the uniform weighting; a large β focuses on the most similar row. 'beta' alone shows β.", "Example: beta 20"],
      run: {
        try $0.setNumber(
          \.keyStrength, symbol: "β", in: 0...PlaygroundInput.maximumKeyStrength, rangeText: "0 to 1e6", example: "beta 20", $1, $2)
      }),
    .init(
      name: "gate", aliases: ["g"], usage: "gate <g>", summary: "set the interpolation gate g (0 to 1)",
      details: ["g = 1 uses the content weighting, g = 0 keeps the previous one. 'gate' alone shows g.", "Example: gate 0.5"],
      run: { try $0.setNumber(\.gate, symbol: "g", in: 0...1, rangeText: "0 to 1", example: "gate 0.5", $1, $2) }),
    .init(
      name: "shift", aliases: ["s"], usage: "shift <offset> | shift <s(−R) … s(+R)>",
      summary: "set s by offset ('shift +1') or as weights ('shift 0.1 0.2 0.7')",
      details: [
        "An offset such as +1 puts all weight on that shift. Weights are listed for the shifts −R…R in order, are ≥ 0, and are normalised to sum to 1; 2R + 1 ≤ N. 'shift' alone shows s.",
        "Examples: 'shift +1', 'shift 0.1 0.2 0.7'.",
      ], run: { try $0.setShift($1, $2) }),
    .init(
      name: "sharpen", aliases: ["gamma", "γ"], usage: "sharpen <γ>", summary: "set the sharpening γ (1 to 1e6)",
      details: ["γ = 1 leaves the shifted weighting as it is; a larger γ refocuses it. 'sharpen' alone shows γ.", "Example: sharpen 3"],
      run: {
        try $0.setNumber(
          \.sharpening, symbol: "γ", in: 1...PlaygroundInput.maximumSharpening, rangeText: "1 to 1e6", example: "sharpen 3", $1, $2)
      }),
    .init(
      name: "previous", aliases: ["prev"], usage: "previous row <i> | uniform | last | <w₀ … w_{N−1}>",
      summary: "set w_prev: row <i>, uniform, last, or N weights",
      details: [
        "'row <i>' focuses on row i; 'last' takes the final weighting w of the current settings. Weights are ≥ 0 and are normalised to sum to 1. 'previous' alone shows w_prev.",
        "Example: previous row 6",
      ], run: { try $0.setPrevious($1, $2) }),
    .init(
      name: "erase", usage: "erase <e₁ … e_W>", summary: "set the erase vector e (entries 0 to 1)",
      details: ["'erase' alone shows e.", "Example: erase 1 1 1 1"], run: { try $0.setErase($1, $2) }),
    .init(
      name: "add", usage: "add <a₁ … a_W>", summary: "set the add vector a",
      details: ["'add' alone shows a.", "Example: add 1 0 1 0"], run: { try $0.setAdd($1, $2) }),
    .init(
      name: "step", usage: "step", summary: "run and draw the next addressing stage",
      details: [
        "Content, interpolation, shift, sharpening, in turn. After sharpening, the next step makes w the previous weighting (a new time step) and starts again at content. Changing any setting starts again at content."
      ], run: { try $0.step($1, $2) }),
    .init(
      name: "address", usage: "address", summary: "run and draw all four stages",
      details: ["Stays within the time step: a 'step', 'read' or 'write' after it uses the weighting it drew."],
      run: { try $0.address($1, $2) }),
    .init(name: "read", usage: "read", summary: "read with the final weighting: r = Σ_i w(i) M(i)", run: { try $0.read($1, $2) }),
    .init(
      name: "write", usage: "write | write <e₁ … e_W> <a₁ … a_W>",
      summary: "erase then add at the final weighting (optionally give e and a)",
      details: ["With 2W numbers, the first W are e and the last W are a.", "Example: write 1 1 1 1 0 1 0 1"], run: { try $0.write($1, $2) }
    ),
    .init(
      name: "show", usage: "show memory | weights | params | target",
      summary: "show memory, weights, params, or target",
      run: { try $0.show($1, $2) }),
    .init(
      name: "target", usage: "target row <i> | target <t₀ … t_{N−1}> | target off",
      summary: "set a target for w: the loss L = −Σ t(i) log w(i)",
      details: [
        "'row <i>' puts all of t on row i; N weights are normalised to sum to 1. 'target' alone, or 'show target', shows t, w and L.",
        "Example: target row 5",
      ], run: { try $0.setTarget($1, $2) }),
    .init(
      name: "backward", usage: "backward", summary: "walk ∂L back through the four stages",
      details: [
        "Sharpening, shift, interpolation, content, cosine similarity: the gradient reaching each stage's output as signed bars, and ∂L/∂γ, ∂L/∂s, ∂L/∂g, ∂L/∂β, ∂L/∂k beside their centred differences. Needs a target."
      ], run: { try $0.backward($1, $2) }),
    .init(
      name: "descend", usage: "descend [<steps>] [<rate>]", summary: "gradient descent on k, β, g, s, γ (default 50 steps, rate 1)",
      details: [
        "Steps the pre-activations (k = tanh(u), β = softplus(b), g = σ(x), s = softmax(z), γ = 1 + softplus(c)) and keeps the settings it reaches. Needs a target.",
        "Example: descend 50 1",
      ], run: { try $0.descend($1, $2) }),
    .init(
      name: "reset", usage: "reset", summary: "go back to the built-in memory and settings",
      run: { interpreter, words, _ in
        try interpreter.expectNoArguments(words, usage: "reset")
        return ("Back to the built-in 8 × 4 memory and the tour's settings.", .builtIn)
      }),
    .init(
      name: "help", aliases: ["?"], usage: "help [<command>]", summary: "list the commands, or explain one", run: { (try $0.help($1), $2) }),
    .init(
      name: "quit", aliases: ["exit", ":q"], usage: "quit", summary: "leave (Ctrl-D too)",
      run: { interpreter, words, state in
        try interpreter.expectNoArguments(words, usage: "quit")
        return ("bye", state)
      }),
  ]

  /// The command selected by `word` (a name or an alias, any case).
  static func command(named word: String) -> ReplCommandInfo? {
    let lowered = word.lowercased()
    return all.first { $0.name == lowered || $0.aliases.contains(lowered) }
  }

  /// Every word that selects a command, for Tab completion and suggestions.
  static var words: [String] { all.flatMap { [$0.name] + $0.aliases } }
}
