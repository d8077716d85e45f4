import TerminalCharts
import Testing

@testable import ntm

struct GradcheckCommandTests {
  @Test func theDefaultCheckPrintsEveryOperationAndPasses() {
    let result = CommandLineToolTests.run(["gradcheck"])
    #expect(result.code == 0)
    #expect(result.error.isEmpty)
    for operation in ["sigmoid", "tanh", "softplus", "softmax", "linear", "cosine similarity", "content addressing",
                      "interpolation", "shift", "sharpening", "read", "write"] {
      #expect(result.output.contains("\n\(operation) "), "\(operation) missing")
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

/// The table fits the terminal: at 80 columns the wide table, at 60 the narrow one.
@Suite struct GradcheckWidthTests {
  @Test(arguments: [(60, Self.golden60), (80, Self.golden80)])
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

      input            analytic      numeric    error  result
      ────────────  ───────────  ───────────  ───────  ──────
    sigmoid
      x[4]           8.6016e-03   8.6016e-03  4.4e-13  pass
    tanh
      x[7]           7.1547e-05   7.1547e-05  1.3e-11  pass
    softplus
      x[1]           5.2232e-01   5.2232e-01  3.0e-13  pass
    relu
      x[3]          -2.2521e-01  -2.2521e-01  2.5e-13  pass
    softmax
      z[3]          -8.4914e-05  -8.4914e-05  3.7e-10  pass
    linear
      W[3, 1]       -3.2257e-01  -3.2257e-01  1.1e-12  pass
      b[5]          -3.0081e-01  -3.0081e-01  2.5e-13  pass
      x[2]           1.0685e+00   1.0685e+00  9.8e-13  pass
    cosine similarity
      key[3]        -5.3823e-01  -5.3823e-01  2.4e-12  pass
      memory[4, 3]  -5.6143e-02  -5.6143e-02  2.8e-12  pass
    content addressing
      key[3]         1.3921e-02   1.3921e-02  1.9e-11  pass
      memory[0, 0]  -4.0980e-04  -4.0980e-04  5.6e-11  pass
      β             -2.1389e-01  -2.1389e-01  5.4e-13  pass
    interpolation
      w_c[7]         2.7214e-01   2.7214e-01  4.9e-13  pass
      w_prev[5]      2.4112e-01   2.4112e-01  7.3e-13  pass
      g             -1.2417e-01  -1.2417e-01  2.2e-13  pass
    shift
      w_g[6]        -4.1155e-01  -4.1155e-01  8.2e-13  pass
      s[1]          -3.9193e-01  -3.9193e-01  1.3e-13  pass
    sharpening
      w̃[5]          -2.1131e-01  -2.1131e-01  1.7e-12  pass
      γ              3.3058e-02   3.3058e-02  5.9e-13  pass
    all four stages
      memory[4, 0]  -6.7638e-04  -6.7638e-04  8.9e-10  pass
      w_prev[4]     -1.8633e-02  -1.8633e-02  6.9e-11  pass
      key[3]        -9.5498e-03  -9.5498e-03  4.6e-11  pass
      β             -2.1040e-01  -2.1040e-01  2.4e-13  pass
      g             -6.2543e-01  -6.2543e-01  5.3e-13  pass
      s[2]          -3.5962e-01  -3.5962e-01  1.1e-12  pass
      γ             -9.8696e-02  -9.8696e-02  2.1e-13  pass
    read
      memory[5, 0]   1.2063e-02   1.2063e-02  1.5e-12  pass
      w[5]           3.0876e-01   3.0876e-01  1.2e-12  pass
    write
      memory[0, 3]   3.2953e-01   3.2953e-01  3.7e-13  pass
      w[5]          -2.5361e-01  -2.5361e-01  1.1e-11  pass
      e[2]           1.5837e-01   1.5837e-01  2.4e-12  pass
      a[3]          -2.0930e-02  -2.0930e-02  2.9e-12  pass

    All 14 operations pass (every relative error ≤ 1.00e-07).
    """

  static let golden80 = """
    Gradient check at N = 8, W = 4, R = 1, seed 1: worst element of each input

    operation           worst element     analytic      numeric  rel. error  result
    ──────────────────  ─────────────  ───────────  ───────────  ──────────  ──────
    sigmoid             x[4]            8.6016e-03   8.6016e-03     4.4e-13  pass
    tanh                x[7]            7.1547e-05   7.1547e-05     1.3e-11  pass
    softplus            x[1]            5.2232e-01   5.2232e-01     3.0e-13  pass
    relu                x[3]           -2.2521e-01  -2.2521e-01     2.5e-13  pass
    softmax             z[3]           -8.4914e-05  -8.4914e-05     3.7e-10  pass
    linear              W[3, 1]        -3.2257e-01  -3.2257e-01     1.1e-12  pass
                        b[5]           -3.0081e-01  -3.0081e-01     2.5e-13  pass
                        x[2]            1.0685e+00   1.0685e+00     9.8e-13  pass
    cosine similarity   key[3]         -5.3823e-01  -5.3823e-01     2.4e-12  pass
                        memory[4, 3]   -5.6143e-02  -5.6143e-02     2.8e-12  pass
    content addressing  key[3]          1.3921e-02   1.3921e-02     1.9e-11  pass
                        memory[0, 0]   -4.0980e-04  -4.0980e-04     5.6e-11  pass
                        β              -2.1389e-01  -2.1389e-01     5.4e-13  pass
    interpolation       w_c[7]          2.7214e-01   2.7214e-01     4.9e-13  pass
                        w_prev[5]       2.4112e-01   2.4112e-01     7.3e-13  pass
                        g              -1.2417e-01  -1.2417e-01     2.2e-13  pass
    shift               w_g[6]         -4.1155e-01  -4.1155e-01     8.2e-13  pass
                        s[1]           -3.9193e-01  -3.9193e-01     1.3e-13  pass
    sharpening          w̃[5]           -2.1131e-01  -2.1131e-01     1.7e-12  pass
                        γ               3.3058e-02   3.3058e-02     5.9e-13  pass
    all four stages     memory[4, 0]   -6.7638e-04  -6.7638e-04     8.9e-10  pass
                        w_prev[4]      -1.8633e-02  -1.8633e-02     6.9e-11  pass
                        key[3]         -9.5498e-03  -9.5498e-03     4.6e-11  pass
                        β              -2.1040e-01  -2.1040e-01     2.4e-13  pass
                        g              -6.2543e-01  -6.2543e-01     5.3e-13  pass
                        s[2]           -3.5962e-01  -3.5962e-01     1.1e-12  pass
                        γ              -9.8696e-02  -9.8696e-02     2.1e-13  pass
    read                memory[5, 0]    1.2063e-02   1.2063e-02     1.5e-12  pass
                        w[5]            3.0876e-01   3.0876e-01     1.2e-12  pass
    write               memory[0, 3]    3.2953e-01   3.2953e-01     3.7e-13  pass
                        w[5]           -2.5361e-01  -2.5361e-01     1.1e-11  pass
                        e[2]            1.5837e-01   1.5837e-01     2.4e-12  pass
                        a[3]           -2.0930e-02  -2.0930e-02     2.9e-12  pass

    All 14 operations pass (every relative error ≤ 1.00e-07).
    """
}
