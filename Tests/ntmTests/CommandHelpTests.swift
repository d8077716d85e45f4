import NTM
import Testing

@testable import ntm

/// The help of every command with declared options: generated from the declarations, pinned
/// whole, within 80 columns, and still readable at 60.
@Suite struct CommandHelpTests {
  static let commands: [(name: String, help: CommandHelp, golden: String)] = [
    ("train", TrainCommand.helpText, PlaygroundGolden.trainHelp),
    ("eval", EvalCommand.helpText, PlaygroundGolden.evalHelp),
    ("show", ShowCommand.helpText, PlaygroundGolden.showHelp),
    ("address", AddressCommand.helpText, PlaygroundGolden.addressHelp),
    ("bench", BenchCommand.helpText, PlaygroundGolden.benchHelp),
    ("tour", TourCommand.helpText, PlaygroundGolden.tourHelp),
    ("repl", ReplCommand.helpText, PlaygroundGolden.replHelp),
    ("gradcheck", GradcheckCommand.helpText, PlaygroundGolden.gradcheckHelp),
    ("results", ResultsCommand.helpText, PlaygroundGolden.resultsHelp),
    ("exercises", ExercisesCommand.helpText, PlaygroundGolden.exercisesHelp),
  ]

  @Test(arguments: commands.indices)
  func theHelpIsTheGoldenText(_ index: Int) {
    let command = Self.commands[index]
    PlaygroundGolden.check(command.help.text(), command.golden, name: "\(command.name)Help")
    #expect(runNTM([command.name, "--help"]).output == command.help.text() + "\n")
  }

  @Test(arguments: commands.indices)
  func everyLineFitsEightyColumns(_ index: Int) {
    let command = Self.commands[index]
    for line in command.help.text().split(separator: "\n") {
      #expect(line.count <= CommandHelp.width, "\(command.name): \(line)")
    }
  }

  /// At 60 columns the prose and the options fit; only lines written as a table (and the
  /// examples, which must be typed whole) may run past.
  @Test(arguments: commands.indices)
  func proseAndOptionsFitSixtyColumns(_ index: Int) {
    let command = Self.commands[index]
    let kept = Set(
      (command.help.description + command.help.afterUsage).flatMap { block -> [String] in
        if case .lines(let lines) = block { return lines }
        return []
      } + command.help.examples.map { "  " + $0 })
    for line in command.help.text(width: 60).split(separator: "\n").map(String.init) where !kept.contains(line) {
      #expect(line.count <= 60, "\(command.name): \(line)")
    }
  }

  /// The help lists every option the parser accepts, once, and the parser accepts every
  /// option the help lists.
  @Test(arguments: commands.indices)
  func theHelpListsExactlyTheDeclaredOptions(_ index: Int) {
    let command = Self.commands[index]
    let names = command.help.options.map(\.name)
    #expect(Set(names).count == names.count, "\(command.name) declares an option twice")
    let text = command.help.text()
    for option in command.help.options {
      #expect(text.contains("  \(option.spelling)  ") || text.contains("  \(option.spelling)\n"), "\(command.name): --\(option.name)")
    }
  }

  /// What the help says is the default is what a run gets: one declaration holds both.
  @Test func trainDefaultsAreTheLibrarysAndTheHelpSaysThem() throws {
    let plan = try TrainPlan.parse(["copy"])
    let help = TrainCommand.help.unwrapped
    #expect(plan.configuration.memoryRows == TrainPlan.machineDefaults.memoryRows)
    #expect(help.contains("memory locations (1–100000; default \(plan.configuration.memoryRows))"))
    #expect(help.contains("numbers per location (1–100000; default \(plan.configuration.memoryWidth))"))
    #expect(
      help.contains(
        "sequences per update, gradients averaged (1–10000; default \(plan.settings.batchSize) for copy's machine without --preset"))
    let dyck = try TrainPlan.parse(["dyck"])
    #expect(help.contains("without --preset, else \(dyck.settings.batchSize))"))
    #expect(plan.learningRate == TrainPlan.Defaults.batchedRMSPropRate && dyck.learningRate == RMSProp.defaultLearningRate)
    #expect(
      help.contains(
        "step size (default \(CommandOption.plain(RMSProp.defaultLearningRate)) for rmsprop (\(CommandOption.plain(plan.learningRate)) above batch 1)"
      ))
    let paper = try TrainPlan.parse(["copy", "--preset", "paper"])
    #expect(paper.settings.batchSize == 1 && paper.learningRate == 1e-4, "the paper trains one sequence per update at 1e-4")
    #expect(plan.optimiser == .adam && dyck.optimiser == .rmsprop && paper.optimiser == .rmsprop)
    #expect(plan.sequences == TrainPlan.Defaults.copySequences && dyck.sequences == TrainPlan.Defaults.sequences)
    #expect(help.contains("(1–1000000000; default \(plan.sequences) for copy's machine without --preset, else \(dyck.sequences))"))
    #expect(help.contains("(rmsprop or adam; default \(plan.optimiser.rawValue) for copy's machine without --preset, else rmsprop)"))
    // Copy's machine lowers its rate at a count unless told otherwise; nothing else does.
    #expect(plan.annealAt == TrainPlan.Defaults.copyAnnealAt && !plan.annealAtGiven)
    let baseline = try TrainPlan.parse(["copy", "--model", "lstm"])
    #expect(dyck.annealAt == nil && paper.annealAt == nil && baseline.annealAt == nil)
    #expect((try TrainPlan.parse(["copy", "--anneal-at", "0"])).annealAt == nil)
    #expect(help.contains("default \(plan.annealAt ?? 0) for copy's machine without --preset, else 0)"))
    #expect(help.contains("default \(plan.configuration.controllerSizes.map(String.init).joined(separator: ","))"))
  }

  /// A range in the help is the range the parser checks, and its error quotes it.
  @Test func theDeclaredRangeIsCheckedAndQuoted() {
    let result = runNTM(["bench", "--rounds", "101"])
    #expect(result.code == 64)
    #expect(result.error == "error: --rounds must be a whole number from 1 to 100, got '101'. Try 'ntm bench --help'.\n")
    #expect(BenchCommand.help.contains("rounds of each loop (1–100; default 5)"))
  }

  /// A word option refuses any other word, names the allowed ones and suggests the nearest;
  /// an alias stands for its word.
  @Test func aWordOptionNamesItsWords() throws {
    #expect(
      throws: Arguments.UsageError(
        message: "--activation must be tanh or relu, got 'rlu'. Did you mean 'relu'? Try 'ntm train --help'.")
    ) {
      try TrainPlan.parse(["copy", "--activation", "rlu"])
    }
    #expect(try TrainPlan.parse(["copy", "--controller", "ff"]).configuration.controller == .feedForward)
  }

  /// The tasks and models an option is for come from its declaration, and the help says so.
  @Test func taskOnlyOptionsAreDeclaredWithTheirTasks() {
    let context = TrainPlan.tasksUsing.first { $0.option == "context" }
    #expect(context?.tasks == ["ngrams"])
    #expect(TrainCommand.help.contains("--context N           ngrams: "))
    #expect(TrainPlan.machineOnlyOptions.map(\.name).contains("memory-rows"))
    #expect(!TrainPlan.machineOnlyOptions.map(\.name).contains("seed"))
  }

  /// A command whose usage names no word refuses one, in the same words for every command.
  @Test(arguments: ["tour", "repl", "address", "gradcheck", "results"])
  func aCommandWithoutWordsRefusesOne(_ command: String) {
    let result = runNTM([command, "extra"])
    #expect(result.code == 64)
    #expect(result.error == "error: \(command) takes no argument 'extra'; give values with options. Try 'ntm \(command) --help'.\n")
  }
}
