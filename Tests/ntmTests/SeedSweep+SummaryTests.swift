import Testing

@testable import ntm

/// The statistics of a seed sweep's table.
@Suite struct SeedSweepSummaryTests {
  /// The middle value, or the mean of the two middle ones.
  @Test func medianOfOddAndEvenCounts() {
    #expect(SeedSweep.Summary.median([3, 1, 2]) == 2)
    #expect(SeedSweep.Summary.median([4, 1, 3, 2]) == 2.5)
    #expect(SeedSweep.Summary.median([]) == nil)
  }
}
