import NTM
import Testing

/// `PaperSettings`: the paper's Tables 1–3, and the configurations built from them.
@Suite struct PaperSettingsTests {
  @Test func prioritySortGetsTable1sEightHeads() throws {
    let task = TrainingTask.prioritySort(PrioritySortTask())
    let c = try #require(MachineConfiguration.paper(for: task))
    #expect(c.controller == .feedForward && c.controllerSizes == [512])
    #expect(c.readHeads == 5 && c.writeHeads == 3)
    #expect(c.memoryRows == PaperSettings.memoryRows && c.memoryWidth == PaperSettings.memoryWidth)
    #expect(c.inputSize == task.inputSize && c.outputSize == task.outputSize && c.problems.isEmpty)
  }

  @Test func associativeRecallGetsTable2sLSTMController() throws {
    let c = try #require(MachineConfiguration.paper(for: .associativeRecall(AssociativeRecallTask())))
    #expect(c.controller == .lstm && c.controllerSizes == [100] && c.readHeads == 1)
  }

  @Test func theBaselineIsTable3() throws {
    let task = TrainingTask.repeatCopy(RepeatCopyTask())
    let shape = try #require(LSTMNetworkConfiguration.paper(for: task))
    #expect(shape.layerSizes == [512, 512, 512] && shape.inputSize == task.inputSize && shape.problems.isEmpty)
    #expect(PaperSettings.settings(for: task)?.baseline?.learningRate == 3e-5)
  }

  /// Every task the library generates has an entry; the paper has no Dyck words.
  @Test func everyTaskIsListedAndDyckHasNoModels() {
    #expect(Set(PaperSettings.tasks.keys) == Set(TrainingTask.names))
    let dyck = TrainingTask.dyck(DyckWordsTask())
    #expect(MachineConfiguration.paper(for: dyck) == nil && LSTMNetworkConfiguration.paper(for: dyck) == nil)
  }
}
