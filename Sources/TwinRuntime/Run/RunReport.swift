import TwinConfig
import TwinEngine
import TwinUnits
import TwinVocabulary

/// What `twinc run` found: for every scenario, every goal it evaluates with the
/// measured value, its 95 % confidence interval over replications and the verdict, and
/// every device's figures. A pure function of (config, overrides): it holds no wall-clock
/// times, so it prints byte-identically for the same twin and seed.
public struct RunReport: Sendable, Hashable {
    public var twin: String
    public var title: String
    public var settings: RunSettings
    public var warmupShortened: Bool
    public var scenarios: [ScenarioReport]
    /// One line per goal of the twin, in config order: its verdict over all scenarios.
    public var summary: [GoalSummary]
    /// How a sequential run (`--replications auto`) stopped; nil for a fixed count.
    public var stopping: StoppingRecord?

    public init(twin: String, title: String, settings: RunSettings, warmupShortened: Bool,
                scenarios: [ScenarioReport], summary: [GoalSummary]) {
        self.twin = twin
        self.title = title
        self.settings = settings
        self.warmupShortened = warmupShortened
        self.scenarios = scenarios
        self.summary = summary
    }

    /// What stops the report from answering the intent: each goal no scenario could
    /// evaluate, with the reason (printed at the top of the output, not as a quiet
    /// "not evaluated" in a table).
    public var errors: [String] {
        summary.filter { $0.verdict == .notEvaluated }.map { goal in
            "goal `\(goal.goalID)` was evaluated in no scenario: \(goal.notEvaluatedReason ?? "no value")"
        }
    }

    /// Simulation events handled over the whole run.
    public var eventsHandled: Int { scenarios.reduce(0) { $0 + $1.eventsHandled } }
}

public struct ScenarioReport: Sendable, Hashable {
    public var id: String
    public var kind: ScenarioKind
    public var description: String
    public var goals: [GoalResult]
    public var devices: [DeviceFigures]
    public var eventsHandled: Int
    /// Replications simulated (scenarios differ after a sequential run).
    public var replications: Int
    /// Scenario events timed at or after the horizon, which therefore never happened
    /// (a `--horizon` shorter than the one the twin was compiled for).
    public var eventsAfterHorizon: Int
    /// Where the scenario's replications stopped because its goals had settled
    /// (`GoalSettling`); nil when they ran to the horizon.
    public var simulatedUntil: Time?

    public init(id: String, kind: ScenarioKind, description: String, goals: [GoalResult], devices: [DeviceFigures],
                eventsHandled: Int, replications: Int = 0, eventsAfterHorizon: Int = 0, simulatedUntil: Time? = nil) {
        self.replications = replications
        self.simulatedUntil = simulatedUntil
        self.id = id
        self.kind = kind
        self.description = description
        self.goals = goals
        self.devices = devices
        self.eventsHandled = eventsHandled
        self.eventsAfterHorizon = eventsAfterHorizon
    }
}

/// Whether a goal's target holds, and how sure the run is of it.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    /// The whole 95 % interval lies on the meeting side of the bound.
    case met
    /// The whole 95 % interval lies on the failing side of the bound.
    case notMet = "not-met"
    /// The interval contains the bound (or there is none yet): the run cannot tell at
    /// 95 % which side the true value is on; more replications would.
    case inconclusive
    /// Nothing to judge: no target, no packets, no matching fault or attack in the
    /// scenario, or a KPI this runtime does not know. `GoalResult.note` says which.
    case notEvaluated = "not-evaluated"

    public var text: String {
        switch self {
        case .met: "met"
        case .notMet: "NOT MET"
        case .inconclusive: "inconclusive"
        case .notEvaluated: "not evaluated"
        }
    }

    /// Met or not met: the interval decided it.
    public var isConclusive: Bool { self == .met || self == .notMet }
}

/// How an estimate's 95 % interval was obtained (the results JSON names it, so a reader
/// knows what the interval assumes).
public enum IntervalMethod: String, Sendable, Hashable, CaseIterable {
    /// Mean of one value per replication ± t(0.975; R−1)·s/√R (Law, *Simulation Modeling
    /// and Analysis*, §9.4.1).
    case studentT = "student-t"
    /// A ratio pooled over every packet (attack, event) of every replication, replications
    /// as independent clusters, never narrower than the pooled Wilson interval
    /// (`ClusteredIntervals.ratio`).
    case pooledRatio = "pooled-ratio"
    /// A percentile of every packet (or every device–fault recovery) of every replication
    /// pooled, its interval from the pooled CDF's clustered interval (Woodruff 1952;
    /// `ClusteredIntervals.quantile`).
    case pooledQuantile = "pooled-quantile"
    /// A value the configuration determines (no randomness): the interval is the value.
    case exact
    /// No interval could be formed (a single replication for a per-replication value).
    case none
}

/// A point estimate over replications with its two-sided 95 % interval, in the
/// canonical unit of `dimension`. The interval never leaves what the KPI can take
/// (`KPIRange`): ratios stay in [0, 1], times and energies at or above 0.
public struct Estimate: Sendable, Hashable {
    /// The estimate: a mean over replications, a pooled ratio or a pooled percentile
    /// (`method` says which).
    public var point: Double
    /// The interval's ends; nil when there is no interval (`method` `.none`), and `upper`
    /// alone nil when the sample cannot bound the value from above (a high percentile
    /// beyond the largest value observed).
    public var lower: Double?
    public var upper: Double?
    /// Replications that produced a value.
    public var replications: Int
    public var dimension: Dimension
    public var method: IntervalMethod
    /// Values pooled over the replications (`pooled-quantile`, `pooled-ratio`): what a
    /// percentile's interval had to work with (`StoppingRecord.OpenGoal.requirement`).
    public var pooledValues: Int?

    public init(point: Double, lower: Double?, upper: Double?, replications: Int, dimension: Dimension,
                method: IntervalMethod, range: ClosedRange<Double>? = nil) {
        let range = range ?? KPIRange.of(dimension)
        self.point = point
        self.lower = lower.map { Swift.min(Swift.max($0, range.lowerBound), range.upperBound) }
        self.upper = upper.map { Swift.min(Swift.max($0, range.lowerBound), range.upperBound) }
        self.replications = replications
        self.dimension = dimension
        self.method = method
    }

    /// The mean of one value per replication (nil entries skipped) with its Student-t
    /// interval, cut to `range`; nil when no replication has a value.
    public init?(_ samples: [Double?], dimension: Dimension, range: ClosedRange<Double>? = nil) {
        guard let interval = ConfidenceInterval(replications: samples.compactMap { $0 }) else { return nil }
        self.init(point: interval.mean, lower: interval.lower, upper: interval.upper,
                  replications: interval.replications, dimension: dimension,
                  method: interval.halfWidth == nil ? .none : .studentT, range: range)
    }

    /// Half the interval's width, for the text tables' `±` (nil without both ends).
    public var halfWidth: Double? {
        guard let lower, let upper else { return nil }
        return (upper - lower) / 2
    }

    public var quantity: Quantity { Quantity(point, dimension) }

    /// Whether `value` lies inside the interval (never, without an interval).
    public func contains(_ value: Double) -> Bool {
        guard let lower else { return false }
        return lower <= value && value <= (upper ?? .infinity)
    }
}

/// What a KPI can take: the interval of an estimate is cut to it.
public enum KPIRange {
    /// Ratios in [0, 1]; a CVSS score in [0, 10]; everything else at or above zero.
    public static func of(_ dimension: Dimension) -> ClosedRange<Double> {
        switch dimension {
        case .ratio: 0...1
        case .count: 0...10
        default: 0...Double.greatestFiniteMagnitude
        }
    }
}

/// One goal evaluated in one scenario.
public struct GoalResult: Sendable, Hashable {
    public var goalID: String
    public var kpi: KPI
    public var priority: GoalPriority
    /// The target the verdict used: the goal's, or the implied one (`security-detect`
    /// without a target must detect every attack: `>= 100 %`).
    public var threshold: Threshold?
    /// The goal's deadline (`delivery-ratio`) or detection time (`security-detect`).
    public var within: Time?
    /// The minimum IEEE 802.15.6 level of a `security-protect` goal.
    public var securityLevel: Int?
    /// The level a `security-protect` goal's devices run at (the lowest among them):
    /// what a reader compares with `securityLevel`, rather than the residual score.
    public var securityLevelReached: Int?
    /// The KPI value per replication, in replication order (nil: none in that one).
    public var samples: [Double?]
    public var value: Estimate?
    public var verdict: Verdict
    /// The device that set the value (the worst one) in most replications, when the
    /// KPI is per device.
    public var limitingDevice: String?
    /// Where the limiting device lost the most packets or delivered them late: the
    /// hop and cause to act on (per-device-packet KPIs only: delivery ratio, latency,
    /// throughput, availability).
    public var limitingLoss: LossShare?
    /// Why the goal was not evaluated, or what else a reader must know.
    public var note: String?
    /// A `security-detect` goal's attack onsets: detected in time, late or missed
    /// (empty for the other KPIs).
    public var onsets: [OnsetDetection] = []

    public init(goalID: String, kpi: KPI, priority: GoalPriority, threshold: Threshold?, samples: [Double?],
                value: Estimate?, verdict: Verdict, limitingDevice: String?, note: String?) {
        self.goalID = goalID
        self.kpi = kpi
        self.priority = priority
        self.threshold = threshold
        self.within = nil
        self.securityLevel = nil
        self.samples = samples
        self.value = value
        self.verdict = verdict
        self.limitingDevice = limitingDevice
        self.note = note
    }

    /// The target as the intent states it: `p99 <= 250 ms`, `>= 99.9 % within 250 ms`,
    /// `level >= 2`.
    public var targetText: String {
        var parts: [String] = []
        if let threshold { parts.append(threshold.targetText) }
        if let within { parts.append("within \(within.quantity.formatted)") }
        if let securityLevel { parts.append("level >= \(securityLevel)") }
        return parts.isEmpty ? "—" : parts.joined(separator: " ")
    }
}

/// A goal's verdict over every scenario that evaluates it: not met if any scenario
/// fails it, inconclusive if none fails it and some cannot tell, met if every scenario
/// that could judge it passes it.
public struct GoalSummary: Sendable, Hashable {
    public var goalID: String
    public var kpi: KPI
    public var priority: GoalPriority
    public var verdict: Verdict
    /// Scenarios that failed the goal, in config order.
    public var failedIn: [String]
    /// Scenarios whose interval contains the goal's bound.
    public var inconclusiveIn: [String]
    /// Scenarios that evaluated it (met, not met or inconclusive).
    public var evaluatedIn: [String]
    /// Why no scenario could evaluate it (nil when one did): an error of the run, shown
    /// at the top of the output.
    public var notEvaluatedReason: String?

    public init(goalID: String, kpi: KPI, priority: GoalPriority, verdict: Verdict, failedIn: [String],
                inconclusiveIn: [String] = [], evaluatedIn: [String], notEvaluatedReason: String? = nil) {
        self.goalID = goalID
        self.kpi = kpi
        self.priority = priority
        self.verdict = verdict
        self.failedIn = failedIn
        self.inconclusiveIn = inconclusiveIn
        self.evaluatedIn = evaluatedIn
        self.notEvaluatedReason = notEvaluatedReason
    }
}
