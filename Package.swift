// swift-tools-version:6.0
import Foundation
import PackageDescription

let package = Package(
  name: "NTM",
  products: [
    .library(name: "NTM", targets: ["NTM"]),
    .library(name: "TerminalCharts", targets: ["TerminalCharts"]),
    .executable(name: "ntm", targets: ["ntm"]),
  ],
  targets: [
    // The maths: addressing, memory, heads, controllers, training. Never prints.
    .target(name: "NTM"),
    // Terminal rendering: bars, sparklines, heatmaps, tables. Never does maths.
    .target(name: "TerminalCharts"),
    // The command-line tool: wires the two together.
    .executableTarget(name: "ntm", dependencies: ["NTM", "TerminalCharts"]),
    .testTarget(name: "NTMTests", dependencies: ["NTM"]),
    .testTarget(name: "TerminalChartsTests", dependencies: ["TerminalCharts"]),
    .testTarget(name: "ntmTests", dependencies: ["ntm", "NTM", "TerminalCharts"]),
  ]
)

// The exercises' reference solutions (Answers/, as a learner would hand them in) and the tests
// that grade them. A copy handed out to learners leaves the folder out, and builds without it.
if FileManager.default.fileExists(atPath: Context.packageDirectory + "/Tests/Solutions") {
  package.targets.append(
    .testTarget(name: "SolutionsTests", dependencies: ["ntm", "NTM"], path: "Tests/Solutions", exclude: ["Answers"]))
}
