import Foundation
import NTM
import Testing

/// The stopping rule: a check below the target ends a run only when two independent rounds of
/// `confirmationSequences` fresh sequences agree; what was measured is kept, and records from
/// before confirmations still load.
@Suite struct StoppingRuleTests {
  static func score(_ bits: Double, _ sequences: Int = StoppingRule.confirmationSequences) -> Evaluation {
    Evaluation(sequences: sequences, bitErrors: bits, loss: bits + 1)
  }

  static let check = score(0.05, 200)

  /// Confirms a check with scripted round scores; returns the confirmation and the rounds asked for.
  static func confirm(_ rounds: [Double], target: Double = 0.1) -> (StoppingRule.Confirmation, [Int]) {
    var asked: [Int] = []
    let confirmation = StoppingRule.confirm(check, below: target, at: 4_000) { round, count in
      #expect(count == StoppingRule.confirmationSequences)
      asked.append(round)
      return score(rounds[round])
    }
    return (confirmation, asked)
  }

  @Test func bothRoundsBelowTheTargetConfirm() {
    let (confirmation, asked) = Self.confirm([0.08, 0.02])
    #expect(asked == [0, 1])
    #expect(confirmation.passed)
    #expect(confirmation.sequences == 4_000 && confirmation.check == Self.check && confirmation.rounds.map(\.bitErrors) == [0.08, 0.02])
  }

  @Test func aSecondRoundAtOrAboveTheTargetDoesNotConfirm() {
    for second in [0.1, 0.3] {
      let (confirmation, asked) = Self.confirm([0.08, second])
      #expect(asked == [0, 1])
      #expect(!confirmation.passed, "second round \(second)")
    }
  }

  /// A model that is not there yet costs one round, not two.
  @Test func aFailedFirstRoundEndsTheConfirmation() {
    let (confirmation, asked) = Self.confirm([0.24, 0.0])
    #expect(asked == [0])
    #expect(!confirmation.passed && confirmation.rounds.count == 1)
  }

  /// A confirmation holds for another target only if every score is below that one too.
  @Test func passesOtherTargetsOnlyBelowEveryScore() {
    let (confirmation, _) = Self.confirm([0.08, 0.02])
    #expect(confirmation.passes(0.09) && !confirmation.passes(0.08) && !confirmation.passes(0.05))
  }

  @Test func theConstantsAskForTwoRoundsOfAThousand() {
    #expect(StoppingRule.confirmationSequences >= 1_000 && StoppingRule.confirmationRounds >= 2)
  }

  @Test func aSavedConfirmationIsValidated() {
    var record = TrainingRecord(target: 0.1, confirmation: Self.confirm([0.08, 0.02]).0, failedConfirmations: 2)
    #expect(record.problems.isEmpty, "\(record.problems)")
    record.confirmation?.rounds[1].bitErrors = .nan
    #expect(record.problems.first?.hasPrefix("record confirmation rounds[1] (1000 sequences, nan bits") == true, "\(record.problems)")
    record.confirmation?.rounds[1].bitErrors = 0
    record.confirmation?.check.sequences = 0
    #expect(record.problems.first?.hasPrefix("record confirmation check (0 sequences") == true, "\(record.problems)")
    record.confirmation?.check.sequences = 200
    record.failedConfirmations = -1
    #expect(record.problems == ["record failedConfirmations -1 is not from 0 to \(Limits.counter.upperBound)"])
  }

  /// A record written before confirmations (and before curves were validated) loads, with
  /// the new fields empty; a new one reads back as it was written.
  @Test func recordsWithAndWithoutConfirmationsDecode() throws {
    let old = #"{"seconds":12.5,"target":0.02,"convergedAt":5000,"evaluations":[{"sequences":1000,"bitErrors":3,"loss":9}]}"#
    let decoded = try JSONDecoder().decode(TrainingRecord.self, from: Data(old.utf8))
    #expect(decoded.confirmation == nil && decoded.failedConfirmations == nil && decoded.convergedAt == 5000)
    #expect(decoded.evaluations == [.init(sequences: 1000, bitErrors: 3, loss: 9)] && decoded.problems.isEmpty)

    let new = TrainingRecord(target: 0.1, convergedAt: 4_000, confirmation: Self.confirm([0.08, 0.02]).0, failedConfirmations: 1)
    #expect(try JSONDecoder().decode(TrainingRecord.self, from: JSONEncoder().encode(new)) == new)
  }
}

/// The learning curve a record keeps: every evaluation while it is short, then thinned so it
/// never passes `curveLimit` points and stays evenly spaced from the start of the run to its end.
@Suite struct TrainingRecordCurveTests {
  static func point(_ sequences: Int) -> TrainingRecord.Point {
    .init(sequences: sequences, bitErrors: Double(sequences % 7), loss: Double(sequences % 5) * M_LN2)
  }

  @Test func costIsTheLossInBits() {
    #expect(abs(TrainingRecord.Point(sequences: 1, bitErrors: 0, loss: 3 * M_LN2).costBits - 3) < 1e-12)
  }

  @Test func aShortCurveKeepsEveryEvaluation() {
    var record = TrainingRecord()
    for k in 1...TrainingRecord.curveLimit {
      let kept = record.addToCurve(Self.point(k * 500), interval: 500)
      #expect(kept)
    }
    #expect(record.evaluations.map(\.sequences) == (1...TrainingRecord.curveLimit).map { $0 * 500 })
  }

  /// 5,000 evaluations every 10 sequences (batches of 3 overshooting the marks, as a run's do):
  /// never more than the limit, the first kept, the gaps even, the last near the end.
  @Test func aLongCurveIsThinnedEvenly() {
    var record = TrainingRecord()
    var largest = 0
    for k in 1...5_000 {
      let sequences = (k * 10 + 2) / 3 * 3
      record.addToCurve(Self.point(sequences), interval: 10)
      largest = max(largest, record.evaluations.count)
    }
    let kept = record.evaluations.map(\.sequences)
    #expect(largest <= TrainingRecord.curveLimit)
    #expect(kept.count > TrainingRecord.curveLimit / 2)
    #expect(kept.first == 12)
    let gaps = zip(kept.dropFirst(), kept).map { $0 - $1 }
    // 2^4 = 16 evaluations of 10 sequences apart, give or take a batch.
    #expect(gaps.allSatisfy { abs($0 - 160) <= 3 }, "\(Set(gaps).sorted())")
    #expect(50_000 - kept.last! < 160)
    #expect(record.problems.isEmpty)
  }

  @Test func aPointNotAfterTheLastIsRefused() {
    var record = TrainingRecord(evaluations: [Self.point(100)])
    let kept = record.addToCurve(Self.point(100), interval: 50)
    #expect(!kept)
    #expect(record.evaluations.count == 1)
  }

  @Test func aSavedCurveMustIncrease() {
    let record = TrainingRecord(evaluations: [Self.point(100), Self.point(200), Self.point(150)])
    #expect(record.problems == ["record evaluations[2] is at 150 sequences, not after evaluations[1] at 200"])
  }
}
