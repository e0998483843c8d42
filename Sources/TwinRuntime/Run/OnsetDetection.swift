import TwinConfig
import TwinEngine
import TwinUnits
import TwinVocabulary

/// One attack onset of a `security-detect` goal over the replications of a scenario:
/// how often the detector caught it within the goal's `within`, late, or not at all,
/// the slowest detection, the signals that raised the alarms, and how often the
/// detector looks. It is what a reader needs to see why the goal is not met — which
/// onsets were missed, and whether the detector's delay or the attack's strength is to
/// blame — without the replication outcomes (`BottleneckFinder.detection`).
public struct OnsetDetection: Sendable, Hashable {
    /// The event's index in the scenario, its kind and target, and its start.
    public var eventIndex: Int
    public var kind: ScenarioEventKind
    public var target: String
    public var at: Time
    /// Replications in which it started before the horizon, and of them: detected
    /// within `within` (at all, without one), detected after it, never detected.
    public var started: Int
    public var inTime: Int
    public var late: Int
    public var missed: Int
    /// The longest delay from the start to the first alarm among the detections.
    public var slowest: Time?
    /// The signals of the detections (`AttackDetection.Signal` raw values), sorted.
    public var signals: [String]
    /// How often the detector decides (the monitor tick): a constant jammer starting
    /// inside a tick shows at the first or second tick after its start.
    public var detectorTick: Time

    public init(eventIndex: Int, kind: ScenarioEventKind, target: String, at: Time, started: Int, inTime: Int, late: Int,
                missed: Int, slowest: Time?, signals: [String], detectorTick: Time) {
        self.eventIndex = eventIndex
        self.kind = kind
        self.target = target
        self.at = at
        self.started = started
        self.inTime = inTime
        self.late = late
        self.missed = missed
        self.slowest = slowest
        self.signals = signals
        self.detectorTick = detectorTick
    }

    /// Per onset of the goal's attacks, in event order, from one scenario's outcomes.
    /// `runHorizon` is the run's, which set the detector's tick: a replication stopped
    /// where its goals settled (`GoalSettling`) reports its stop as its horizon.
    static func summarise(_ outcomes: [ReplicationOutcome], measurer: GoalMeasurer,
                          sampleInterval: Time, runHorizon: Time) -> [OnsetDetection] {
        let deadline = measurer.goal.within.map { SimTime($0) }
        var onsets: [Int: OnsetDetection] = [:]
        let tick = MonitorClock(sampleInterval: sampleInterval, horizon: SimTime(runHorizon), maximumSamples: 4096).tick
        for outcome in outcomes {
            for attack in measurer.goalAttacks(outcome) {
                var onset = onsets[attack.eventIndex] ?? OnsetDetection(
                    eventIndex: attack.eventIndex, kind: attack.kind, target: attack.target, at: attack.startedAt.time,
                    started: 0, inTime: 0, late: 0, missed: 0, slowest: nil, signals: [], detectorTick: tick.time)
                onset.started += 1
                if let delay = attack.detectionDelay {
                    if deadline.map({ delay <= $0 }) ?? true { onset.inTime += 1 } else { onset.late += 1 }
                    if delay.time.si > (onset.slowest?.si ?? -1) { onset.slowest = delay.time }
                    if let signal = attack.signal?.rawValue, !onset.signals.contains(signal) {
                        onset.signals = (onset.signals + [signal]).sorted()
                    }
                } else {
                    onset.missed += 1
                }
                onsets[attack.eventIndex] = onset
            }
        }
        return onsets.keys.sorted().compactMap { onsets[$0] }
    }
}
