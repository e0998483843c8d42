import TwinModels
import TwinUnits
import TwinVocabulary

/// One link's drift test: the predictive distribution (`LinkLevelTracker`), the CUSUM on
/// its standardised residuals (`SequentialTest`) and the smallest change worth a drift
/// alarm. A change the CUSUM finds but smaller than `minimumShift` (3 dB: a link budget
/// cares about whole dB, a gateway's RSSI is good to about ±1 dB) is absorbed by
/// re-learning the level without an alarm. Used by the live loop and by the test that
/// measures its false alarms, so both run the same rule.
public struct LinkDriftDetector: Sendable, Hashable {
    public static let minimumShift = 3.0
    /// The CUSUM's share of its threshold above which a window is not learned from.
    static let learningEvidence = 0.7

    public var tracker: LinkLevelTracker
    public var test = SequentialTest()
    /// The static level each tested window's prediction implied (its mean plus the
    /// posture's mean loss), the latest `runMemory` of them: an alarm measures its shift
    /// against the one of the window its CUSUM run began at, made before any window of
    /// the change was learned.
    private(set) var impliedLevels: [Double] = []
    static let runMemory = 64

    public init(tracker: LinkLevelTracker) { self.tracker = tracker }

    /// The same detector after an action moves the model's level
    /// (`LinkLevelTracker.rebased`): the implied levels of a CUSUM run in progress move
    /// with it, so a run across the action compares like with like.
    public func rebased(modelLevel newLevel: PowerLevel, posture current: Posture?) -> LinkDriftDetector {
        var result = self
        let shift = newLevel.dBm - tracker.modelLevel
        result.tracker = tracker.rebased(modelLevel: newLevel, posture: current)
        result.impliedLevels = impliedLevels.map { $0 + shift }
        return result
    }

    public struct Drift: Sendable, Hashable {
        /// Change of the static level (dB) the alarm's restart learned, against the level
        /// implied by the prediction its CUSUM run began with.
        public var shift: Double
        public var predicted: Double
        public var predictedSigma: Double
        public var z: Double
        public var windows: Int
    }

    /// What one window did: its prediction (nil for a window that mixed two postures)
    /// and the drift it revealed, if any.
    public mutating func observe(level: Double, posture: Posture, levels: Int,
                                 interval: Time) -> (predicted: (mean: Double, sigma: Double)?, drift: Drift?) {
        if tracker.isMixedWindow(posture: posture) {
            tracker.enterEpisode(posture)
            return (nil, nil)
        }
        let predicted = tracker.predict(posture: posture, levels: levels, interval: interval)
        let z = (level - predicted.mean) / Swift.max(predicted.sigma, 1e-3)
        impliedLevels.append(predicted.mean + tracker.loss(posture).mean)
        if impliedLevels.count > Self.runMemory { impliedLevels.removeFirst(impliedLevels.count - Self.runMemory) }
        guard let alarm = test.add(z) else {
            // A window the CUSUM already leans against is not learned: an episode of few
            // windows learned the first windows of a 6 dB step and absorbed it (its σ is
            // now the fast fade's, ≈ 1.4 dB, not the old 0.7 dB noise floor).
            tracker.observe(level: level, posture: posture, levels: levels, interval: interval,
                            learn: tracker.isDynamic(posture) || test.evidence < Self.learningEvidence)
            return (predicted, nil)
        }
        // The shift is measured against the static level the prediction implied when
        // the CUSUM run began, not against the pooled level nor the latest prediction:
        // inside a posture episode the prediction is the episode's own level (its posture
        // draw may sit dB from the pool: a 6 dB step measured against the pool read
        // −2.4 dB), and the windows of the run were learned before the alarm, so the
        // latest prediction has already moved part of the way towards the change.
        let before = impliedLevels[Swift.max(0, impliedLevels.count - alarm.run)]
        impliedLevels.removeAll()
        tracker.restart(from: level, posture: posture)
        let shift = tracker.staticLevel.mean - before
        guard abs(shift) >= Self.minimumShift else { return (predicted, nil) }
        return (predicted, Drift(shift: shift, predicted: predicted.mean, predictedSigma: predicted.sigma, z: z,
                                 windows: alarm.run))
    }
}
