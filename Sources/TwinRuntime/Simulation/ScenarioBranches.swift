import TwinConfig
import TwinEngine

/// One replication of several scenarios of a twin, simulated once up to where they part.
///
/// Replication r of every scenario draws from the same streams (`RandomStreams(seed:)
/// .replication(r)`), and a scenario changes nothing before its first event: the
/// detector's baseline, the recovery records and the attacker all start from what
/// happened before it (`AttackDetector.adopt`, `RecoveryTracker` records only from the
/// event on). So the demo's six scenarios, whose events all start a quarter into the
/// run, share their first quarter: simulating it once instead of six times saves a
/// fifth of every replication.
///
/// The prefix is a `BANSimulation` without events (a "trunk"). It runs up to just
/// before the earliest branch point; there it is copied (model and scheduler: both
/// values, `Scheduler.fork`) and the copy adopts the scenario (`adoptScenario`),
/// scheduling its events with the sequence numbers set aside at the start
/// (`Scheduler.reserveSequences`), i.e. in the place a run of that scenario alone gives
/// them. The trunk goes on to the next branch point; the scenario that parts last
/// (one without events parts at the end) takes the trunk itself. Each branch is the
/// run `simulate(config:scenario:replication:options:)` computes for its scenario, event
/// for event and byte for byte (`ScenarioBranchTests` compares them).
///
/// With time series sampled around events (the network view), a branch leaves before
/// the first of its finer samples, which start a little ahead of the event.
struct ScenarioTrunk: ~Copyable {
    private var model: BANSimulation
    private var scheduler: Scheduler<BANSimulation.Event>
    private let reserved: Scheduler<BANSimulation.Event>.ReservedSequences
    private let config: TwinConfig
    private let streams: RandomStreams
    private let replication: Int
    /// The run stopped before the horizon (every device stopped for good).
    private var stopped = false

    init(config: TwinConfig, scenarios: [ScenarioConfig], replication: Int,
         options: SimulationOptions) throws(SimulationError) {
        let streams = RandomStreams(seed: config.run.seed).replication(replication)
        let horizon = SimTime(config.run.horizon)
        guard horizon > .zero else { throw .invalidHorizon }
        let prefix = ScenarioConfig(id: "", kind: .baseline, description: "", goals: [], events: [])
        model = try BANSimulation(config: config, scenario: prefix, streams: streams, options: options,
                                  horizon: horizon)
        scheduler = Scheduler<BANSimulation.Event>()
        let started = scenarios.map { $0.events.filter { SimTime($0.at) >= .zero }.count }.max() ?? 0
        reserved = model.start(scheduler: &scheduler, reservingForScenarios: started)
        self.config = config
        self.streams = streams
        self.replication = replication
    }

    /// Where `scenario` leaves the trunk: just before its first event (at 0 for an event
    /// that started before the run), or before the first of the finer network-view
    /// samples taken ahead of it (`EventSampleClock`); nil for a scenario without events,
    /// which is the trunk to the end.
    static func branchPoint(of scenario: ScenarioConfig, config: TwinConfig, options: SimulationOptions) -> SimTime? {
        let events = scenario.events.enumerated().map {
            InjectedEvent(index: $0.offset, event: $0.element, network: config.network)
        }
        guard let first = events.map(\.at).min() else { return nil }
        let monitor = MonitorClock(sampleInterval: config.run.sampleInterval, horizon: SimTime(config.run.horizon),
                                   maximumSamples: options.maximumSamples)
        let samples = EventSampleClock(events: events, options: options, sampleInterval: monitor.sampleInterval,
                                       horizon: SimTime(config.run.horizon))
        return Swift.max(.zero, Swift.min(first, samples.instants.first ?? first))
    }

    /// The branch of `scenario`, copied from the trunk at `point` (its `branchPoint`),
    /// which then goes on; `point` must not be before an earlier call's.
    mutating func branch(_ scenario: ScenarioConfig, at point: SimTime?) -> ScenarioBranch {
        advance(before: point)
        var model = self.model
        var scheduler = self.scheduler.fork()
        model.adoptScenario(scenario, network: config.network, streams: streams, reserved: reserved,
                            scheduler: &scheduler)
        return ScenarioBranch(model: model, scheduler: scheduler, scenario: scenario, replication: replication,
                              seed: streams.seed, stopped: stopped, stop: settledAt(scenario))
    }

    /// The trunk itself as the branch of `scenario`, the last to part (at `point`).
    consuming func last(_ scenario: ScenarioConfig, at point: SimTime?) -> ScenarioBranch {
        advance(before: point)
        model.adoptScenario(scenario, network: config.network, streams: streams, reserved: reserved,
                            scheduler: &scheduler)
        return ScenarioBranch(model: model, scheduler: scheduler, scenario: scenario, replication: replication,
                              seed: streams.seed, stopped: stopped, stop: settledAt(scenario))
    }

    /// Where `scenario`'s replication stops (`GoalSettling`), when the options ask for it.
    private func settledAt(_ scenario: ScenarioConfig) -> SimTime? {
        model.options.stopWhenGoalsSettled ? GoalSettling.settledAt(scenario, config: config) : nil
    }

    /// Handles every event due before `point` (nil: through the horizon, for a scenario
    /// without events).
    private mutating func advance(before point: SimTime?) {
        guard !stopped else { return }
        let until: SimTime
        if let point {
            guard point > .zero else { return }
            until = Swift.min(SimTime(nanoseconds: point.nanoseconds - 1), model.horizon)
        } else {
            until = model.horizon
        }
        guard until >= scheduler.now else { return }
        if model.options.stopWhenAllDead {
            stopped = scheduler.run(&model, until: until, stopWhen: { $0.allStopped }) == .stopped
        } else {
            scheduler.run(&model, until: until)
        }
    }
}

/// A scenario's replication from where it left the trunk to its outcome.
struct ScenarioBranch: ~Copyable {
    fileprivate var model: BANSimulation
    fileprivate var scheduler: Scheduler<BANSimulation.Event>
    let scenario: ScenarioConfig
    let replication: Int
    fileprivate let seed: UInt64
    /// The trunk had stopped (every device stopped for good): nothing more runs.
    fileprivate let stopped: Bool
    /// Where the scenario's goals settle (`GoalSettling`), if it stops there.
    fileprivate let stop: SimTime?

    /// The branch of `scenario` (adopted by `model`); with a `stop`, its bulk flows end
    /// there, so what is still on its way then counts as pending, as at the horizon.
    fileprivate init(model: consuming BANSimulation, scheduler: consuming Scheduler<BANSimulation.Event>,
                     scenario: ScenarioConfig, replication: Int, seed: UInt64, stopped: Bool, stop: SimTime?) {
        self.model = model
        if let stop { self.model.wideband.horizon = Swift.min(stop, self.model.horizon) }
        self.scheduler = scheduler
        self.scenario = scenario
        self.replication = replication
        self.seed = seed
        self.stopped = stopped
        self.stop = stop
    }

    /// Runs the rest of the replication and closes its accounts.
    consuming func run() -> ReplicationOutcome {
        model.runToEnd(scheduler: &scheduler, stop: stop, scenario: scenario, replication: replication, seed: seed,
                       handlingEvents: !stopped)
    }
}

extension BANSimulation {
    /// Takes on `scenario` in a trunk (no events so far, none of them due yet): its
    /// events, attacker and recovery records, the detector's view of them, and its
    /// events scheduled with the numbers `reserved` set aside at the start.
    mutating func adoptScenario(_ scenario: ScenarioConfig, network: NetworkConfig, streams: RandomStreams,
                                reserved: Scheduler<Event>.ReservedSequences, scheduler: inout Scheduler<Event>) {
        precondition(events.isEmpty, "a trunk adopts one scenario")
        events = scenario.events.enumerated().map {
            InjectedEvent(index: $0.offset, event: $0.element, network: network)
        }
        attacker = AttackerActivity(events: events, streams: streams)
        detector.adopt(events: events)
        recovery = RecoveryTracker(eventTimes: events.map(\.at), devices: devices.count)
        eventSamples = EventSampleClock(events: events, options: options, sampleInterval: monitor.sampleInterval,
                                        horizon: horizon)
        var place = 0
        for event in events where event.at >= .zero {
            scheduler.schedule(.scenarioStart(Int32(event.index)), at: event.at, reserved: reserved, index: place)
            place += 1
        }
    }
}
