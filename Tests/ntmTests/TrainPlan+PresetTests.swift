import NTM
import Testing

@testable import ntm

/// `ntm train <task> --preset paper`: the paper's settings (Tables 1–3) as defaults that flags
/// still override, and a clear line where the paper has none.
@Suite struct TrainPlanPresetTests {
  @Test func prioritySortGetsThePapersSortingMachine() throws {
    let plan = try TrainPlan.parse(["priority-sort", "--preset", "paper"])
    let c = plan.configuration
    #expect(c.controller == .feedForward && c.controllerSizes == [512])
    #expect(c.readHeads == 5 && c.writeHeads == 3 && c.memoryRows == 128 && c.memoryWidth == 20)
    #expect(plan.optimiser == .rmsprop && plan.learningRate == 3e-5)
  }

  @Test func associativeRecallGetsTheOneHeadLSTMController() throws {
    let plan = try TrainPlan.parse(["associative-recall", "--preset", "paper"])
    #expect(plan.configuration.controller == .lstm && plan.configuration.controllerSizes == [100])
    #expect(plan.configuration.readHeads == 1 && plan.learningRate == 1e-4)
  }

  @Test func flagsGivenAsWellWin() throws {
    let plan = try TrainPlan.parse(
      ["priority-sort", "--preset", "paper", "--read-heads", "2", "--controller-size", "64", "--learning-rate", "0.001"])
    #expect(plan.configuration.readHeads == 2 && plan.configuration.writeHeads == 3)
    #expect(plan.configuration.controllerSizes == [64] && plan.learningRate == 0.001)
    // The paper's rates are RMSProp's: Adam keeps its own default.
    #expect(
      try TrainPlan.parse(["copy", "--preset", "paper", "--optimiser", "adam"]).learningRate == Optimiser.Kind.adam.defaultLearningRate)
  }

  @Test func theBaselineGetsTable3() throws {
    let plan = try TrainPlan.parse(["repeat-copy", "--model", "lstm", "--preset", "paper"])
    #expect(plan.model.baselineConfiguration?.layerSizes == [512, 512, 512])
    #expect(plan.learningRate == 3e-5)
    let sized = try TrainPlan.parse(["ngrams", "--model", "lstm", "--preset", "paper", "--layer-sizes", "32"])
    #expect(sized.model.baselineConfiguration?.layerSizes == [32] && sized.learningRate == 1e-4)
  }

  @Test func withoutThePresetNothingChanges() throws {
    let plain = try TrainPlan.parse(["priority-sort"])
    #expect(plain.configuration.controllerSizes == [100] && plain.configuration.readHeads == 1)
    #expect(plain.learningRate == Optimiser.Kind.rmsprop.defaultLearningRate)
  }

  @Test(arguments: [
    (["dyck", "--preset", "paper"], "error: the paper has no settings for dyck"),
    (["copy", "--preset", "papr"], "error: --preset must be paper, got 'papr'."),
  ])
  func badPresetsAreOneLineAndExit64(arguments: [String], prefix: String) {
    let result = TrainCommandTests.run(["train"] + arguments)
    #expect(result.code == 64)
    #expect(result.error.hasPrefix(prefix) && result.error.filter { $0 == "\n" }.count == 1, "\(result.error)")
  }

  @Test func paperRatesReadAsThePaperWritesThem() {
    #expect(PaperSettings.rate(1e-4) == "1e-4" && PaperSettings.rate(3e-5) == "3e-5" && PaperSettings.rate(2.5e-3) == "2.5e-3")
  }
}
