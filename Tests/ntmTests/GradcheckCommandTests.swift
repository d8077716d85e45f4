import TerminalCharts
import Testing

@testable import ntm

struct GradcheckCommandTests {
  @Test func theDefaultCheckPrintsEveryOperationAndPasses() {
    let result = CommandLineToolTests.run(["gradcheck"])
    #expect(result.code == 0)
    #expect(result.error.isEmpty)
    for operation in [
      "sigmoid", "tanh", "softplus", "softmax", "linear", "cosine similarity", "content addressing",
      "interpolation", "shift", "sharpening", "read", "write",
    ] {
      // On a line of its own (the narrow table) or first on its first input's row (the wide one).
      let named = result.output.split(separator: "\n").contains { $0 == operation || $0.hasPrefix(operation + " ") }
      #expect(named, "\(operation) missing")
    }
    #expect(result.output.contains("All 14 operations pass"))
    #expect(!result.output.contains("FAIL"))
  }

  @Test func anImpossibleToleranceFailsWithExit1() {
    let result = CommandLineToolTests.run(["gradcheck", "--tolerance", "0"])
    #expect(result.code == 1)
    #expect(result.error.hasPrefix("error: "))
    #expect(result.output.contains("FAIL"))
  }

  @Test func asciiTerminalsGetOnlyASCII() {
    let result = CommandLineToolTests.run(["gradcheck"], environment: ["LANG": "C"])
    #expect(result.code == 0)
    #expect(result.output.unicodeScalars.allSatisfy { $0.isASCII })
  }

  @Test(arguments: [
    (["--rows", "0"], "--rows must be a whole number from 1 to 256, got '0'"),
    (["--rows", "abc"], "--rows must be a whole number from 1 to 256, got 'abc'"),
    (["--rows", "2", "--shift-range", "1"], "--shift-range 1 needs 2R + 1 ≤ N = 2"),
    (["--seed"], "--seed needs a value"),
    (["--sede", "3"], "unknown option --sede for 'gradcheck'. Did you mean --seed?"),
    (["extra"], "gradcheck takes no argument 'extra'"),
    (["--tolerance", "nan"], "--tolerance must be a number from 0.0 to 1.0, got 'nan'"),
  ])
  func badArgumentsGetOneLineAndExit64(arguments: [String], message: String) {
    let result = CommandLineToolTests.run(["gradcheck"] + arguments)
    #expect(result.code == 64)
    #expect(result.output.isEmpty)
    #expect(result.error.hasPrefix("error: " + message), "\(result.error)")
    #expect(result.error.filter { $0 == "\n" }.count == 1)
  }
}

/// The table fits the terminal: at 90 columns the wide table (86 at the default sizes), at 60
/// the narrow one, where a name too long for its column sits on a line of its own.
@Suite struct GradcheckWidthTests {
  @Test(arguments: [(60, Self.golden60), (90, Self.golden90)])
  func theTableFitsTheTerminal(columns: Int, golden: String) {
    let result = CommandLineToolTests.run(["gradcheck"], environment: ["LANG": "en_US.UTF-8", "COLUMNS": String(columns)])
    #expect(result.code == 0)
    #expect(result.output == golden + "\n")
    #expect(result.output.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= columns })
  }

  /// Failing rows fit too, and the narrow table's FAIL is read once, below it.
  @Test func failuresFitSixtyColumns() {
    let result = CommandLineToolTests.run(
      ["gradcheck", "--rows", "12", "--width", "10", "--tolerance", "0"], environment: ["LANG": "en_US.UTF-8", "COLUMNS": "60"])
    #expect(result.code == 1)
    #expect(result.output.split(separator: "\n").allSatisfy { TextWidth.of(String($0)) <= 60 }, "\(result.output)")
    #expect(result.output.contains("FAIL") && result.output.contains("A failing error reads, by CS231n"))
  }

  static let golden60 = """
    Gradient check at N = 8, W = 4, R = 1, seed 1: worst element
      of each input

      input             analytic      numeric    error  result
      ─────────────  ───────────  ───────────  ───────  ──────
    sigmoid
      x[4]            8.6016e-03   8.6016e-03  4.4e-13  pass
    tanh
      x[7]            7.1547e-05   7.1547e-05  1.3e-11  pass
    softplus
      x[1]            5.2232e-01   5.2232e-01  3.0e-13  pass
    relu
      x[3]           -2.2521e-01  -2.2521e-01  2.5e-13  pass
    softmax
      scores[3]      -8.4914e-05  -8.4914e-05  3.6e-10  pass
    linear
      weights[7, 1]   1.0836e+00   1.0836e+00  4.8e-13  pass
      bias[1]        -1.7432e+00  -1.7432e+00  2.1e-13  pass
      input[3]       -1.6917e-01  -1.6917e-01  1.5e-12  pass
    cosine similarity
      key[3]         -5.3823e-01  -5.3823e-01  2.5e-12  pass
      memory[4, 3]   -5.6143e-02  -5.6143e-02  2.8e-12  pass
    content addressing
      key[3]          1.3921e-02   1.3921e-02  1.9e-11  pass
      memory[0, 0]   -4.0980e-04  -4.0980e-04  1.8e-10  pass
      keyStrength    -2.1389e-01  -2.1389e-01  1.8e-13  pass
    interpolation
      content[2]      4.6401e-01   4.6401e-01  2.4e-13  pass
      previous[2]     2.0801e-01   2.0801e-01  4.3e-13  pass
      gate           -1.2417e-01  -1.2417e-01  3.7e-13  pass
    shift
      weighting[6]   -4.1155e-01  -4.1155e-01  8.2e-13  pass
      shiftWeighting[1]
                     -3.9193e-01  -3.9193e-01  1.3e-13  pass
    sharpening
      weighting[5]   -2.1131e-01  -2.1131e-01  1.9e-12  pass
      sharpening      3.3058e-02   3.3058e-02  5.1e-13  pass
    all four stages
      memory[4, 1]    2.2693e-04   2.2693e-04  2.4e-09  pass
      previousWeighting[4]
                     -1.8633e-02  -1.8633e-02  6.4e-11  pass
      key[3]         -9.5498e-03  -9.5498e-03  4.7e-11  pass
      keyStrength    -2.1040e-01  -2.1040e-01  1.4e-13  pass
      gate           -6.2543e-01  -6.2543e-01  8.9e-14  pass
      shiftWeighting[2]
                     -3.5962e-01  -3.5962e-01  1.9e-12  pass
      sharpening     -9.8696e-02  -9.8696e-02  5.6e-13  pass
    read
      memory[5, 0]    1.2063e-02   1.2063e-02  1.5e-12  pass
      weighting[5]    3.0876e-01   3.0876e-01  1.2e-12  pass
    write
      memory[0, 3]    3.2953e-01   3.2953e-01  3.7e-13  pass
      weighting[5]   -2.5361e-01  -2.5361e-01  1.1e-11  pass
      erase[2]        1.5837e-01   1.5837e-01  2.4e-12  pass
      add[3]         -2.0930e-02  -2.0930e-02  2.9e-12  pass

    All 14 operations pass (every relative error ≤ 1.00e-07).
    """

  static let golden90 = """
    Gradient check at N = 8, W = 4, R = 1, seed 1: worst element of each input

    operation           worst element            analytic      numeric  rel. error  result
    ──────────────────  ────────────────────  ───────────  ───────────  ──────────  ──────
    sigmoid             x[4]                   8.6016e-03   8.6016e-03     4.4e-13  pass
    tanh                x[7]                   7.1547e-05   7.1547e-05     1.3e-11  pass
    softplus            x[1]                   5.2232e-01   5.2232e-01     3.0e-13  pass
    relu                x[3]                  -2.2521e-01  -2.2521e-01     2.5e-13  pass
    softmax             scores[3]             -8.4914e-05  -8.4914e-05     3.6e-10  pass
    linear              weights[7, 1]          1.0836e+00   1.0836e+00     4.8e-13  pass
                        bias[1]               -1.7432e+00  -1.7432e+00     2.1e-13  pass
                        input[3]              -1.6917e-01  -1.6917e-01     1.5e-12  pass
    cosine similarity   key[3]                -5.3823e-01  -5.3823e-01     2.5e-12  pass
                        memory[4, 3]          -5.6143e-02  -5.6143e-02     2.8e-12  pass
    content addressing  key[3]                 1.3921e-02   1.3921e-02     1.9e-11  pass
                        memory[0, 0]          -4.0980e-04  -4.0980e-04     1.8e-10  pass
                        keyStrength           -2.1389e-01  -2.1389e-01     1.8e-13  pass
    interpolation       content[2]             4.6401e-01   4.6401e-01     2.4e-13  pass
                        previous[2]            2.0801e-01   2.0801e-01     4.3e-13  pass
                        gate                  -1.2417e-01  -1.2417e-01     3.7e-13  pass
    shift               weighting[6]          -4.1155e-01  -4.1155e-01     8.2e-13  pass
                        shiftWeighting[1]     -3.9193e-01  -3.9193e-01     1.3e-13  pass
    sharpening          weighting[5]          -2.1131e-01  -2.1131e-01     1.9e-12  pass
                        sharpening             3.3058e-02   3.3058e-02     5.1e-13  pass
    all four stages     memory[4, 1]           2.2693e-04   2.2693e-04     2.4e-09  pass
                        previousWeighting[4]  -1.8633e-02  -1.8633e-02     6.4e-11  pass
                        key[3]                -9.5498e-03  -9.5498e-03     4.7e-11  pass
                        keyStrength           -2.1040e-01  -2.1040e-01     1.4e-13  pass
                        gate                  -6.2543e-01  -6.2543e-01     8.9e-14  pass
                        shiftWeighting[2]     -3.5962e-01  -3.5962e-01     1.9e-12  pass
                        sharpening            -9.8696e-02  -9.8696e-02     5.6e-13  pass
    read                memory[5, 0]           1.2063e-02   1.2063e-02     1.5e-12  pass
                        weighting[5]           3.0876e-01   3.0876e-01     1.2e-12  pass
    write               memory[0, 3]           3.2953e-01   3.2953e-01     3.7e-13  pass
                        weighting[5]          -2.5361e-01  -2.5361e-01     1.1e-11  pass
                        erase[2]               1.5837e-01   1.5837e-01     2.4e-12  pass
                        add[3]                -2.0930e-02  -2.0930e-02     2.9e-12  pass

    All 14 operations pass (every relative error ≤ 1.00e-07).
    """
}
