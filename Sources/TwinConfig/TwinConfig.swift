import TwinUnits
import TwinVocabulary

/// The ready-to-run twin configuration: everything the runtime needs, nothing it has to
/// look up elsewhere. This is the contract between the generate stage (which writes it
/// as `twin.json`) and the runtime (which reads it back). Quantities are typed here and
/// written in SI units with the unit in the member name (`horizon_s`, `capacity_C`).
public struct TwinConfig: Sendable, Hashable {
    /// The twin.json format version; bumped on any incompatible change.
    public static let formatVersion = 1

    public var name: String
    public var title: String
    public var usecase: String
    public var generator: String
    public var run: RunSettings
    public var network: NetworkConfig
    public var models: [ModelChoice]
    public var applications: [ApplicationConfig]
    public var goals: [GoalConfig]
    public var scenarios: [ScenarioConfig]
    public var knobs: [KnobConfig]
    /// The intent's objectives, most important first (breaks ties between goals of one priority).
    public var objectives: [Objective]
    /// How twinc derived this twin from another (nil: compiled from an intent).
    public var provenance: TwinProvenance? = nil
    /// Who wears the network: the posture chain and on-body fading the runtime uses
    /// (nil: a hand-made twin; the runtime takes the built-in `ambulatory` values).
    public var activity: ActivityConfig? = nil

    public init(
        name: String, title: String, usecase: String, generator: String, run: RunSettings,
        network: NetworkConfig, models: [ModelChoice], applications: [ApplicationConfig],
        goals: [GoalConfig], scenarios: [ScenarioConfig], knobs: [KnobConfig], objectives: [Objective]
    ) {
        self.name = name
        self.title = title
        self.usecase = usecase
        self.generator = generator
        self.run = run
        self.network = network
        self.models = models
        self.applications = applications
        self.goals = goals
        self.scenarios = scenarios
        self.knobs = knobs
        self.objectives = objectives
    }
}

/// How to run the twin: simulated horizon, independent replications (for confidence
/// intervals), the base seed, warm-up discarded from statistics, and the sampling
/// interval of time series.
public struct RunSettings: Sendable, Hashable {
    public var horizon: Time
    public var replications: Int
    public var seed: UInt64
    public var warmup: Time
    public var sampleInterval: Time

    public init(horizon: Time, replications: Int, seed: UInt64, warmup: Time, sampleInterval: Time) {
        self.horizon = horizon
        self.replications = replications
        self.seed = seed
        self.warmup = warmup
        self.sampleInterval = sampleInterval
    }
}

/// One model the plan chose, with the representation method and its parameters.
/// `parameters` are plain JSON (already in SI) so new models do not change the format;
/// `source` is the citation the catalogue gives. `method` is a catalogue method id
/// (`attack-tree`, `time-series`, …): catalogues add methods, so it stays a name.
public struct ModelChoice: Sendable, Hashable {
    public var id: String
    public var family: ModelFamily
    public var method: String
    public var applications: [ApplicationKind]
    public var parameters: [String: Double]
    public var source: String

    public init(id: String, family: ModelFamily, method: String, applications: [ApplicationKind],
                parameters: [String: Double], source: String) {
        self.id = id
        self.family = family
        self.method = method
        self.applications = applications
        self.parameters = parameters
        self.source = source
    }
}

/// An application the plan selected and the KPI monitors it evaluates.
public struct ApplicationConfig: Sendable, Hashable {
    public var id: ApplicationKind
    public var goals: [String]
    public var kpis: [KPI]

    public init(id: ApplicationKind, goals: [String], kpis: [KPI]) {
        self.id = id
        self.goals = goals
        self.kpis = kpis
    }
}

/// A goal with its threshold resolved to SI and its scope resolved to device ids.
public struct GoalConfig: Sendable, Hashable {
    public var id: String
    public var kpi: KPI
    public var priority: GoalPriority
    public var threshold: Threshold?
    public var devices: [String]
    public var threats: [Threat]
    public var faults: [Fault]
    public var within: Time?
    public var securityLevel: Int?

    public init(id: String, kpi: KPI, priority: GoalPriority, threshold: Threshold?, devices: [String],
                threats: [Threat], faults: [Fault], within: Time?, securityLevel: Int?) {
        self.id = id
        self.kpi = kpi
        self.priority = priority
        self.threshold = threshold
        self.devices = devices
        self.threats = threats
        self.faults = faults
        self.within = within
        self.securityLevel = securityLevel
    }
}

/// A scenario to evaluate: the baseline, or a timed list of injected events (a gateway
/// fails at 6 h, a jammer starts at 2 h for 10 min, the wearer starts walking).
public struct ScenarioConfig: Sendable, Hashable {
    public var id: String
    public var kind: ScenarioKind
    public var description: String
    public var goals: [String]
    public var events: [ScenarioEvent]

    public init(id: String, kind: ScenarioKind, description: String, goals: [String], events: [ScenarioEvent]) {
        self.id = id
        self.kind = kind
        self.description = description
        self.goals = goals
        self.events = events
    }
}

/// One injected event. Its start and length are either explicit times or fractions of
/// the run's horizon: the compiler writes fractions for the events it derives
/// (`at_fraction` 0.25: a quarter into the run) so a run with a shorter `--horizon`
/// still sees every fault and attack, and explicit times only where the intent gave
/// one. `at` and `duration` always hold the times in effect: the fractions resolved
/// against the horizon (`resolved(horizon:)`, done by `RunPlan` for the horizon run).
public struct ScenarioEvent: Sendable, Hashable {
    public var at: Time
    public var kind: ScenarioEventKind
    public var target: String
    public var duration: Time?
    public var parameters: [String: Double]
    /// The start as a fraction of the horizon (nil: `at` is an explicit time).
    public var atFraction: Double?
    /// The length as a fraction of the horizon (nil: `duration` is explicit or absent).
    public var durationFraction: Double?

    public init(at: Time, kind: ScenarioEventKind, target: String, duration: Time?, parameters: [String: Double],
                atFraction: Double? = nil, durationFraction: Double? = nil) {
        self.at = at
        self.kind = kind
        self.target = target
        self.duration = duration
        self.parameters = parameters
        self.atFraction = atFraction
        self.durationFraction = durationFraction
    }

    /// The event with its fractions turned into times of a run of `horizon`.
    public func resolved(horizon: Time) -> ScenarioEvent {
        var event = self
        if let atFraction { event.at = horizon * atFraction }
        if let durationFraction { event.duration = horizon * durationFraction }
        return event
    }

    /// Whether the start is an explicit time (the intent gave it), which a shorter run
    /// cannot move and must therefore refuse when it falls outside.
    public var hasExplicitStart: Bool { atFraction == nil }
}

/// A setting the optimiser may change, with its discrete range and current value.
///
/// Values are always numbers. A knob that chooses among named things (the `gateway`
/// knob chooses a device's primary gateway) has `unit` `index` and names them in
/// `labels`: value i selects `labels[i]`. `labels` is empty for every other knob and
/// then absent from twin.json, so files written before it existed read unchanged.
public struct KnobConfig: Sendable, Hashable {
    public var id: String
    public var parameter: KnobParameter
    public var targets: [String]
    public var values: [Double]
    public var current: Double
    public var unit: String
    /// What each index value names (empty: the values are quantities in `unit`).
    public var labels: [String]

    public init(id: String, parameter: KnobParameter, targets: [String], values: [Double], current: Double, unit: String,
                labels: [String] = []) {
        self.id = id
        self.parameter = parameter
        self.targets = targets
        self.values = values
        self.current = current
        self.unit = unit
        self.labels = labels
    }

    /// The label of `value` when the knob has labels and `value` indexes one.
    public func label(of value: Double) -> String? {
        guard value.isFinite, value == value.rounded(), value >= 0, value < Double(labels.count) else { return nil }
        return labels[Int(value)]
    }
}

/// What a jamming or interference event means when it gives no `power_dBm`. One copy,
/// read by everything that must agree on it: the compiler writing derived scenarios,
/// the runtime injecting them, the optimiser explaining a bottleneck under them and the
/// live twin's emulated truth. Four literal copies used to stand in those places.
extension ScenarioEvent {
    /// A jammer 10 dB above the narrowband sensitivity at the hub (−87 dBm + 10 dB):
    /// strong enough to break links, weak enough to stay plausible for a body-worn
    /// attacker.
    public static let defaultJammerPower = PowerLevel(dBm: -77)
    /// Burst interference from another BAN or Wi-Fi nearby.
    public static let defaultInterferencePower = PowerLevel(dBm: -85)

    /// The power of this event's source at the receiver when it gives none: the
    /// jammer's for an attack, the interference's otherwise.
    public var defaultSourcePower: PowerLevel {
        kind == .attack(.jamming) ? Self.defaultJammerPower : Self.defaultInterferencePower
    }
}
