/// Shape checks shared by every operation. Each failure names both shapes, so a wrong call
/// stops with a message that says what was passed and what was expected.

/// Stops the program with `message` when `condition` is false — in every build.
///
/// The standard library's `precondition` keeps its message only in debug builds: under
/// `-O` (`swift build -c release`, which training uses) it stops with a bare "Illegal
/// instruction". A wrong shape must say what is wrong in the build that trains too, so every
/// check in the library goes through `fatalError`, which always prints its message. The
/// check costs one comparison; the message is built only when it fails.
@inline(__always)
func require(
  _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
  file: StaticString = #file, line: UInt = #line
) {
  if !condition() { fatalError(message(), file: file, line: line) }
}

@inline(__always)
func requireLength(
  _ actual: Int, _ expected: Int, _ what: @autoclosure () -> String,
  file: StaticString = #file, line: UInt = #line
) {
  require(
    actual == expected, "\(what()): expected length \(expected), got \(actual)", file: file,
    line: line)
}

@inline(__always)
func requireNonEmpty(
  _ count: Int, _ what: @autoclosure () -> String, file: StaticString = #file, line: UInt = #line
) {
  require(count > 0, "\(what()) must not be empty", file: file, line: line)
}
