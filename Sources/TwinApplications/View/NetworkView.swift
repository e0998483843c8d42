import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The network view application: the twin's state as data.
///
/// - topology: devices by body placement, gateways, edge tiers and the links between
///   them (`ViewTopology`);
/// - per scenario, pooled over its replications: each body link's path loss, received
///   level and frame delivery ratio, each device's mean queue, energy left, delivery
///   ratio, latency p50/p99 and latency CDF (`ScenarioView`);
/// - per scenario, the time series of replication 0 at the sample interval: delivery
///   ratio, received level, queue length, battery left, serving gateway (`ViewTrace`).
///   A trace is one realisation, not an average.
///
/// `twinc run --view DIR` writes `jsonValue()` and `csvFiles()`; `--at 3h` prints
/// `snapshot(at:scenario:)`. Everything is a pure function of the config and the
/// outcomes, so the same twin and seed give byte-identical JSON and CSV.
public struct NetworkView: Sendable, Hashable {
    public var twin: String
    /// The interval the samples are actually at: `config.run.sampleInterval`, stretched
    /// by the runtime so a series stays within `SimulationOptions.maximumSamples`.
    public var sampleInterval: Time
    /// What twin.json asked for.
    public var configuredSampleInterval: Time
    /// The finer spacing of the samples around the scenarios' events (nil: none); a
    /// trace's times say where they are.
    public var eventSampleInterval: Time?
    /// The goals the view watches (the network-view application's, or every goal when
    /// the plan did not select the view).
    public var goals: [ViewGoal]
    public var topology: ViewTopology
    /// One per scenario, in configuration order.
    public var scenarios: [ScenarioView]

    public init(twin: String, sampleInterval: Time, configuredSampleInterval: Time, eventSampleInterval: Time? = nil,
                goals: [ViewGoal], topology: ViewTopology, scenarios: [ScenarioView]) {
        self.twin = twin
        self.sampleInterval = sampleInterval
        self.configuredSampleInterval = configuredSampleInterval
        self.eventSampleInterval = eventSampleInterval
        self.goals = goals
        self.topology = topology
        self.scenarios = scenarios
    }

    /// Builds the view from `outcomes[s][r]`, replication `r` of scenario `s` of
    /// `config` (as `simulateScenarios` returns them; record time series for the traces).
    public static func build(config: TwinConfig, outcomes: [[ReplicationOutcome]]) -> NetworkView {
        let topology = ViewTopology.build(network: config.network)
        let scenarios = config.scenarios.enumerated().map { index, scenario in
            ScenarioView.build(scenario: scenario, runs: index < outcomes.count ? outcomes[index] : [],
                               config: config, topology: topology)
        }
        let recorded = outcomes.lazy.flatMap { $0 }.compactMap { $0.timeSeries?.first?.interval }.first
        let finer = outcomes.lazy.flatMap { $0 }.compactMap { $0.timeSeries?.first?.eventInterval }.first
        return NetworkView(twin: config.name, sampleInterval: recorded?.time ?? config.run.sampleInterval,
                           configuredSampleInterval: config.run.sampleInterval, eventSampleInterval: finer?.time,
                           goals: ViewGoal.watched(by: config),
                           topology: topology, scenarios: scenarios)
    }

    public func scenario(_ id: String) -> ScenarioView? { scenarios.first { $0.id == id } }
}

/// A goal the view watches, with the devices it is about (the report highlights them).
public struct ViewGoal: Sendable, Hashable {
    public var id: String
    public var kpi: KPI
    public var priority: GoalPriority
    public var devices: [String]

    public init(id: String, kpi: KPI, priority: GoalPriority, devices: [String]) {
        self.id = id
        self.kpi = kpi
        self.priority = priority
        self.devices = devices
    }

    /// The goals the network-view application was selected for, in goal order; every
    /// goal when the plan did not select it (`--view` forces the view).
    static func watched(by config: TwinConfig) -> [ViewGoal] {
        let selected = config.applications.first { $0.id == .networkView }.map { Set($0.goals) }
        return config.goals
            .filter { selected?.contains($0.id) ?? true }
            .map { ViewGoal(id: $0.id, kpi: $0.kpi, priority: $0.priority, devices: $0.devices) }
    }
}
