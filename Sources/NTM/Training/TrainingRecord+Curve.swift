/// The learning curve of a run (`TrainingRecord.evaluations`), kept to a bounded size so a
/// run of millions of sequences saves a checkpoint no larger than one of thousands.
extension TrainingRecord {
  /// The most points the curve keeps.
  public static let curveLimit = 500

  /// Adds an evaluation to the curve, keeping it evenly spaced and at most `curveLimit` points.
  ///
  /// While the curve is short every evaluation is kept. When a point would make it longer
  /// than `curveLimit`, every other point is dropped (the first is kept), which doubles the
  /// spacing; from then on a point is kept only when it lies a whole spacing (the gap between
  /// the last two kept points, less half an evaluation interval for batches that overshoot)
  /// past the last kept one. So a curve of `n` evaluations keeps about one in every
  /// `2^⌈log₂(n / curveLimit)⌉`, evenly, from the start of the run to its end.
  /// - Parameters:
  ///   - point: the evaluation, after the curve's last point.
  ///   - interval: sequences between evaluations (`--eval-every`).
  /// - Returns: whether the point was kept.
  @discardableResult
  public mutating func addToCurve(_ point: Point, interval: Int) -> Bool {
    if let last = evaluations.last {
      guard point.sequences > last.sequences else { return false }
      if evaluations.count >= 2 {
        let spacing = last.sequences - evaluations[evaluations.count - 2].sequences
        if 2 * (point.sequences - last.sequences) < 2 * spacing - interval { return false }
      }
    }
    evaluations.append(point)
    if evaluations.count > Self.curveLimit {
      evaluations = evaluations.enumerated().filter { $0.offset.isMultiple(of: 2) }.map(\.element)
    }
    return true
  }
}
