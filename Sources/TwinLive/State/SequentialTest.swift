/// A two-sided CUSUM (Page 1954) on standardised residuals `z = (observed − predicted)/σ`
/// of the twin's predictive distribution: it accumulates evidence of a persistent shift
/// of at least `2·reference` σ and alarms when either side passes `threshold`.
///
/// With z ~ N(0, 1) (the observations follow the model) the mean run to a false alarm of
/// one side is about `(e^{2k(h+1.166)} − 2k(h+1.166) − 1)/(2k²)` observations (Siegmund's
/// approximation): k = 0.5, h = 10 gives ≈ 1.4 × 10⁵, about 0.6 alarms a day per side at
/// 1 Hz before the drift rule's 3 dB gate (`LinkDriftDetector.minimumShift`) drops the
/// small ones; `DriftFalseAlarmTests` measures 3 in 12 simulated days under the twin's
/// own model. A shift of δσ is flagged after about `(h + 1.166)/(δ − k)` observations:
/// 6 dB on a still link with 0.7 dB noise, 2; on a walking wearer's link (σ 1.3 dB), 3.
/// h = 12 needed a fourth walking window, and a step in the last walking windows
/// before a posture episode went unflagged (the episode's first window is predicted
/// with the posture's σ, and the episode then predicts itself).
public struct SequentialTest: Sendable, Hashable {
    public var reference: Double
    public var threshold: Double
    public private(set) var upper = 0.0
    public private(set) var lower = 0.0
    /// Observations since the statistic that alarmed was last at zero: the change point's
    /// estimated age when it alarms.
    public private(set) var upperRun = 0
    public private(set) var lowerRun = 0

    public init(reference: Double = 0.5, threshold: Double = 10) {
        self.reference = reference
        self.threshold = threshold
    }

    public enum Alarm: Sendable, Hashable {
        case above(run: Int)
        case below(run: Int)
    }

    /// Adds one residual; returns the alarm (and restarts) when a side passes the threshold.
    public mutating func add(_ z: Double) -> Alarm? {
        guard z.isFinite else { return nil }
        let clipped = Swift.max(-50, Swift.min(50, z))
        upper = Swift.max(0, upper + clipped - reference)
        lower = Swift.max(0, lower - clipped - reference)
        upperRun = upper > 0 ? upperRun + 1 : 0
        lowerRun = lower > 0 ? lowerRun + 1 : 0
        if upper > threshold {
            let run = upperRun
            reset()
            return .above(run: run)
        }
        if lower > threshold {
            let run = lowerRun
            reset()
            return .below(run: run)
        }
        return nil
    }

    public mutating func reset() {
        upper = 0
        lower = 0
        upperRun = 0
        lowerRun = 0
    }

    /// The larger side as a share of the threshold (0…1), for gauges.
    public var evidence: Double { Swift.max(upper, lower) / threshold }
}
