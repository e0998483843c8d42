import TwinConfig
import TwinEngine
import TwinUnits

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

    public init(twin: String, title: String, settings: RunSettings, warmupShortened: Bool,
                scenarios: [ScenarioReport], summary: [GoalSummary]) {
        self.twin = twin
        self.title = title
        self.settings = settings
        self.warmupShortened = warmupShortened
        self.scenarios = scenarios
        self.summary = summary
    }

    /// Simulation events handled over the whole run.
    public var eventsHandled: Int { scenarios.reduce(0) { $0 + $1.eventsHandled } }
}

public struct ScenarioReport: Sendable, Hashable {
    public var id: String
    public var kind: String
    public var description: String
    public var goals: [GoalResult]
    public var devices: [DeviceFigures]
    public var eventsHandled: Int
    /// Scenario events timed at or after the horizon, which therefore never happened
    /// (a `--horizon` shorter than the one the twin was compiled for).
    public var eventsAfterHorizon: Int

    public init(id: String, kind: String, description: String, goals: [GoalResult], devices: [DeviceFigures],
                eventsHandled: Int, eventsAfterHorizon: Int = 0) {
        self.id = id
        self.kind = kind
        self.description = description
        self.goals = goals
        self.devices = devices
        self.eventsHandled = eventsHandled
        self.eventsAfterHorizon = eventsAfterHorizon
    }
}

/// Whether a goal's target holds.
public enum Verdict: String, Sendable, Hashable, CaseIterable {
    case met
    case notMet = "not-met"
    /// Nothing to judge: no target, no packets, no matching fault or attack in the
    /// scenario, or a KPI this runtime does not know. `GoalResult.note` says which.
    case notEvaluated = "not-evaluated"

    public var text: String {
        switch self {
        case .met: "met"
        case .notMet: "NOT MET"
        case .notEvaluated: "not evaluated"
        }
    }
}

/// A mean over replications with its two-sided 95 % Student-t interval, in the
/// canonical unit of `dimension`.
public struct Estimate: Sendable, Hashable {
    public var mean: Double
    /// nil with fewer than two replications (no spread to estimate).
    public var halfWidth: Double?
    /// Replications that produced a value.
    public var replications: Int
    public var dimension: Dimension

    public init(mean: Double, halfWidth: Double?, replications: Int, dimension: Dimension) {
        self.mean = mean
        self.halfWidth = halfWidth
        self.replications = replications
        self.dimension = dimension
    }

    /// The estimate of the values, one per replication (nil entries are skipped); nil
    /// when no replication has a value.
    public init?(_ samples: [Double?], dimension: Dimension) {
        guard let interval = ConfidenceInterval(replications: samples.compactMap { $0 }) else { return nil }
        self.init(mean: interval.mean, halfWidth: interval.halfWidth, replications: interval.replications,
                  dimension: dimension)
    }

    public var lower: Double? { halfWidth.map { mean - $0 } }
    public var upper: Double? { halfWidth.map { mean + $0 } }
    public var quantity: Quantity { Quantity(mean, dimension) }

    /// Whether `value` lies inside the interval (never, without an interval).
    public func contains(_ value: Double) -> Bool {
        guard let lower, let upper else { return false }
        return lower <= value && value <= upper
    }
}

/// One goal evaluated in one scenario.
public struct GoalResult: Sendable, Hashable {
    public var goalID: String
    public var kpi: String
    public var priority: String
    /// The target the verdict used: the goal's, or the implied one (`security-detect`
    /// without a target must detect every attack: `>= 100 %`).
    public var threshold: Threshold?
    /// The goal's deadline (`delivery-ratio`) or detection time (`security-detect`).
    public var within: Time?
    /// The minimum IEEE 802.15.6 level of a `security-protect` goal.
    public var securityLevel: Int?
    /// The KPI value per replication, in replication order (nil: none in that one).
    public var samples: [Double?]
    public var value: Estimate?
    public var verdict: Verdict
    /// The bound lies inside the confidence interval: more replications would be needed
    /// to be 95 % sure of the verdict.
    public var boundInsideInterval: Bool
    /// The device that set the value (the worst one) in most replications, when the
    /// KPI is per device.
    public var limitingDevice: String?
    /// Why the goal was not evaluated, or what else a reader must know.
    public var note: String?

    public init(goalID: String, kpi: String, priority: String, threshold: Threshold?, samples: [Double?],
                value: Estimate?, verdict: Verdict, boundInsideInterval: Bool, limitingDevice: String?,
                note: String?) {
        self.goalID = goalID
        self.kpi = kpi
        self.priority = priority
        self.threshold = threshold
        self.within = nil
        self.securityLevel = nil
        self.samples = samples
        self.value = value
        self.verdict = verdict
        self.boundInsideInterval = boundInsideInterval
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
/// fails it, met if every scenario that could judge it passes it.
public struct GoalSummary: Sendable, Hashable {
    public var goalID: String
    public var kpi: String
    public var priority: String
    public var verdict: Verdict
    /// Scenarios that failed the goal, in config order.
    public var failedIn: [String]
    /// Scenarios that evaluated it (met or not).
    public var evaluatedIn: [String]

    public init(goalID: String, kpi: String, priority: String, verdict: Verdict, failedIn: [String],
                evaluatedIn: [String]) {
        self.goalID = goalID
        self.kpi = kpi
        self.priority = priority
        self.verdict = verdict
        self.failedIn = failedIn
        self.evaluatedIn = evaluatedIn
    }
}
