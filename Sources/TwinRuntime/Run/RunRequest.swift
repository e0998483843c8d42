import TwinConfig
import TwinUnits

/// Run settings given on the command line, each overriding the twin.json value it
/// names (nil: keep the configured one).
public struct RunOverrides: Sendable, Hashable {
    public var horizon: Time?
    public var replications: Int?
    /// Replicate until every goal's verdict is conclusive (`--replications auto`); the
    /// first batch is `replications` (or twin.json's). nil: exactly `replications`.
    public var sequential: SequentialStopping?
    public var seed: UInt64?
    public var warmup: Time?
    /// The network view's sampling interval (`run.sampleInterval_s`).
    public var sampleInterval: Time?
    /// Simulate every scenario to the horizon (`--whole-horizon`), also those whose goals
    /// settle earlier (`GoalSettling`), for their figures after the last event.
    public var wholeHorizon: Bool

    public init(horizon: Time? = nil, replications: Int? = nil, seed: UInt64? = nil, warmup: Time? = nil,
                sampleInterval: Time? = nil, sequential: SequentialStopping? = nil, wholeHorizon: Bool = false) {
        self.sequential = sequential
        self.wholeHorizon = wholeHorizon
        self.horizon = horizon
        self.replications = replications
        self.seed = seed
        self.warmup = warmup
        self.sampleInterval = sampleInterval
    }
}

/// What to run: a twin configuration and the overrides of its run settings. The plan
/// (`RunPlan`) is derived from it once, so every replication sees the same settings.
public struct RunRequest: Sendable, Hashable {
    public var config: TwinConfig
    public var overrides: RunOverrides

    public init(config: TwinConfig, overrides: RunOverrides = RunOverrides()) {
        self.config = config
        self.overrides = overrides
    }
}

/// How the run is executed; none of it changes the report (same request → same bytes).
public struct RunOptions: Sendable, Hashable {
    /// Replications simulated at the same time. Results are gathered by position, so the
    /// report is identical for any value.
    public var maximumConcurrency: Int
    /// Passed to every `simulate` call.
    public var simulation: SimulationOptions

    public init(maximumConcurrency: Int = 1, simulation: SimulationOptions = SimulationOptions()) {
        self.maximumConcurrency = maximumConcurrency
        self.simulation = simulation
    }
}

/// The run settings actually used and the work they imply: every scenario of the twin
/// times every replication, in configuration order. Built once per run (the driver builds
/// it from the command line's overrides) and passed down, so every stage and every
/// replication sees the same settings; the overrides are applied here and nowhere else.
public struct RunPlan: Sendable, Hashable {
    /// The config with the overrides applied to `run`; this is what `simulate` sees.
    public var config: TwinConfig
    /// True when the configured warm-up did not fit an overridden horizon and was cut to
    /// a tenth of it (the compiler's own default ratio).
    public var warmupShortened: Bool
    /// Replicate until every goal is conclusive, in batches, within these bounds (nil:
    /// exactly `config.run.replications` per scenario).
    public var sequential: SequentialStopping?
    /// Stop each scenario where its goals settle (`GoalSettling`); off with
    /// `RunOverrides.wholeHorizon`.
    public var stopsWhenGoalsSettled: Bool

    public init(_ request: RunRequest) {
        var config = request.config
        let overrides = request.overrides
        if let horizon = overrides.horizon { config.run.horizon = horizon }
        if let replications = overrides.replications { config.run.replications = replications }
        if let seed = overrides.seed { config.run.seed = seed }
        if let warmup = overrides.warmup { config.run.warmup = warmup }
        if let sampleInterval = overrides.sampleInterval { config.run.sampleInterval = sampleInterval }
        sequential = overrides.sequential
        stopsWhenGoalsSettled = !overrides.wholeHorizon
        // A warm-up as long as the run would leave nothing to measure. When only the
        // horizon was overridden (`--horizon 5s` on a twin with a 10 s warm-up), shorten
        // the warm-up rather than refuse; an explicit `--warmup` is checked by the driver.
        warmupShortened = overrides.warmup == nil && config.run.warmup >= config.run.horizon
        if warmupShortened { config.run.warmup = config.run.horizon / 10 }
        // Events the compiler timed as shares of the horizon follow the horizon run, so
        // `--horizon 1h` still sees every fault and attack; explicit times stay put
        // (`eventsOutsideRun` lists those that no longer fit).
        let horizon = config.run.horizon
        for index in config.scenarios.indices {
            config.scenarios[index].events = config.scenarios[index].events.map { $0.resolved(horizon: horizon) }
        }
        self.config = config
    }

    /// The plan of `config` with `overrides` applied.
    public init(config: TwinConfig, overrides: RunOverrides = RunOverrides()) {
        self.init(RunRequest(config: config, overrides: overrides))
    }

    public var settings: RunSettings { config.run }

    /// An event at an explicit time (one the intent gave) at or after the horizon of
    /// this run: it would never happen, so its goals could not be judged. The driver
    /// refuses the run with `TR006` at the event.
    public struct EventOutsideRun: Sendable, Hashable {
        public var scenarioIndex: Int
        public var eventIndex: Int
        public var scenarioID: String
        public var event: ScenarioEvent
    }

    /// Every explicitly timed event the horizon run does not reach, in config order.
    public var eventsOutsideRun: [EventOutsideRun] {
        let horizon = config.run.horizon
        return config.scenarios.enumerated().flatMap { scenarioIndex, scenario in
            scenario.events.enumerated().compactMap { eventIndex, event in
                event.hasExplicitStart && event.at >= horizon
                    ? EventOutsideRun(scenarioIndex: scenarioIndex, eventIndex: eventIndex, scenarioID: scenario.id, event: event)
                    : nil
            }
        }
    }

    /// One unit of work: replication `replication` of scenario number `scenarioIndex`.
    public struct Job: Sendable, Hashable {
        public var scenarioIndex: Int
        public var replication: Int
    }

    /// Scenario-major, replication-minor: the order results are reported in.
    public var jobs: [Job] {
        jobs(replications: config.scenarios.map { _ in (0..<max(0, config.run.replications)) })
    }

    /// The jobs of replications `replications[s]` of each scenario s, scenario-major.
    public func jobs(replications: [Range<Int>]) -> [Job] {
        zip(config.scenarios.indices, replications).flatMap { scenario, range in
            range.map { Job(scenarioIndex: scenario, replication: $0) }
        }
    }
}

/// Reported after each replication finishes (from whichever thread ran it).
public struct RunProgress: Sendable, Hashable {
    public var completed: Int
    public var total: Int
    public var scenarioID: String
    public var replication: Int

    public init(completed: Int, total: Int, scenarioID: String, replication: Int) {
        self.completed = completed
        self.total = total
        self.scenarioID = scenarioID
        self.replication = replication
    }

    public var fraction: Double { total > 0 ? Double(completed) / Double(total) : 1 }
}

/// Why a run stopped: the simulator refused the configuration in one replication of one
/// scenario. The driver turns it into a `TR…` diagnostic.
public struct RunFailure: Error, Sendable, Hashable {
    public var scenarioID: String
    public var replication: Int
    public var error: SimulationError

    public init(scenarioID: String, replication: Int, error: SimulationError) {
        self.scenarioID = scenarioID
        self.replication = replication
        self.error = error
    }
}
