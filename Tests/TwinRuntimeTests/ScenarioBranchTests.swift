import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

private typealias F = SimulationFixture

/// Scenarios of one replication share the run up to their first event (`ScenarioTrunk`):
/// every branch must be the run of its scenario alone, outcome for outcome, or the
/// sharing would change what a user reads.
@Suite struct ScenarioBranchTests {
    static let network = SimulationDeterminismTests.network()
    static let gateways = SimulationDeterminismTests.gateways

    /// Branch points at 0 (an event before the run), 5 s twice (two scenarios part
    /// together), 12 s, after the horizon, and never (no events: the trunk's own run).
    static let scenarios: [ScenarioConfig] = [
        ScenarioConfig(id: "baseline", kind: .baseline, description: "", goals: [], events: []),
        named("eventful", SimulationDeterminismTests.eventful),
        named("spoof-too", F.scenario([F.event(.attack(.spoofing), "ecg", at: .seconds(5), duration: .seconds(20),
                                               ["rate_per_s": 2])])),
        named("failure", F.scenario([F.event(.fault(.gatewayFailure), "hub", at: .seconds(12))])),
        named("from-the-start", F.scenario([F.event(.fault(.gatewayFailure), "hub", at: .seconds(-1),
                                                    duration: .seconds(8))])),
        named("after-the-end", F.scenario([F.event(.attack(.jamming), "hub", at: .seconds(90), duration: .seconds(3),
                                                   ["power_dBm": -70])])),
    ]

    static func named(_ id: String, _ scenario: ScenarioConfig) -> ScenarioConfig {
        var renamed = scenario
        renamed.id = id
        return renamed
    }

    static func config(capacity: Charge = .milliampHours(560)) -> TwinConfig {
        let devices = network.map { device -> DeviceConfig in
            var changed = device
            changed.battery.capacity = capacity
            return changed
        }
        var config = F.config(devices: devices, gateways: gateways, horizon: .seconds(40), models: ["posture-fading"],
                              scenarios: scenarios, sampleInterval: .seconds(5))
        config.run.replications = 2
        return config
    }

    /// Every scenario × replication through the shared trunks (both workers) against
    /// `simulate` of that scenario alone.
    static func expectBranchesEqualSeparateRuns(_ config: TwinConfig, options: SimulationOptions) throws {
        let plan = RunPlan(config: config)
        let outcomes = try simulateScenarios(plan, options: RunOptions(maximumConcurrency: 2, simulation: options))
        var aloneOptions = options
        aloneOptions.stopWhenGoalsSettled = plan.stopsWhenGoalsSettled
        #expect(outcomes.count == config.scenarios.count)
        for (scenario, runs) in zip(config.scenarios, outcomes) {
            #expect(runs.count == 2)
            for (replication, outcome) in runs.enumerated() {
                let alone = try simulate(config: config, scenario: scenario, replication: replication,
                                         options: aloneOptions)
                #expect(outcome == alone, "\(scenario.id) replication \(replication)")
            }
        }
    }

    @Test func everyBranchIsTheRunOfItsScenarioAlone() throws {
        try Self.expectBranchesEqualSeparateRuns(Self.config(), options: SimulationOptions())
    }

    /// The network view samples finer from 10 s ahead of an event: those samples must be
    /// in the branch, not in the trunk.
    @Test func branchesKeepTheFinerSamplesAheadOfTheirEvents() throws {
        var config = Self.config()
        config.run.sampleInterval = .seconds(60)
        config.run.horizon = .seconds(120)
        config.scenarios = Self.scenarios.map { scenario in
            var later = scenario
            later.events = scenario.events.map { event in
                var shifted = event
                shifted.at = event.at + .seconds(40)
                return shifted
            }
            return later
        }
        let options = SimulationOptions(recordTimeSeries: true, samplesAroundEvents: true)
        let failure = try #require(config.scenarios.first { $0.id == "failure" })
        let point = try #require(ScenarioTrunk.branchPoint(of: failure, config: config, options: options))
        #expect(point < SimTime(.seconds(52)), "the branch leaves before the samples ahead of the event at 52 s")
        try Self.expectBranchesEqualSeparateRuns(config, options: options)
    }

    /// Batteries that run out in a few seconds: the run of every scenario stops once all
    /// devices are down, in the trunk before most branch points.
    @Test func aTrunkThatStoppedStopsItsBranchesWhereTheRunAloneStops() throws {
        let config = Self.config(capacity: .milliampHours(0.0001))
        let alone = try simulate(config: config, scenario: Self.scenarios[3], replication: 0)
        let deaths = alone.devices.compactMap(\.deathTime)
        #expect(deaths.count == alone.devices.count, "every device dies")
        #expect((deaths.max() ?? .max) < SimTime(.seconds(12)), "all are down before the last branch points (12 s, 90 s)")
        try Self.expectBranchesEqualSeparateRuns(config, options: SimulationOptions())
    }

    /// With a protection goal, the scenario whose events are all attacks that end stops
    /// there (`GoalSettling`): spoofing at 25 s. A branch stops where the run of its
    /// scenario alone stops.
    @Test func aBranchStopsWhereItsScenarioAloneStopsOnceItsGoalsSettle() throws {
        var config = Self.config()
        config.goals = [RunFixture.goal("protect", .securityProtect, nil, devices: ["ecg"], threats: [.spoofing], level: 1)]
        let stops = config.scenarios.map { GoalSettling.settledAt($0, config: config) }
        #expect(stops.compactMap { $0 } == [SimTime(.seconds(25))], "only spoof-too stops early")
        try Self.expectBranchesEqualSeparateRuns(config, options: SimulationOptions())
        let outcomes = try simulateScenarios(RunPlan(config: config), options: RunOptions(maximumConcurrency: 1))
        for (stop, runs) in zip(stops, outcomes) {
            #expect(runs.allSatisfy { $0.horizon == (stop ?? SimTime(config.run.horizon)) })
        }
    }

    /// A network the simulator refuses fails in the trunk: every job of its group reports
    /// it, the earliest job's failure is thrown, and no worker waits for branches that
    /// will never be posted.
    @Test func aTrunkTheSimulatorRefusesFailsEveryScenarioOfItsReplication() {
        var config = Self.config()
        config.network.devices[0].primaryGateway = "nowhere"
        #expect(throws: RunFailure(scenarioID: "baseline", replication: 0,
                                   error: .unknownGateway(device: "ecg", gateway: "nowhere"))) {
            _ = try simulateScenarios(RunPlan(config: config), options: RunOptions(maximumConcurrency: 2))
        }
    }

    @Test func scenariosPartInTheOrderOfTheirBranchPoints() {
        let config = Self.config()
        let jobs = (0..<config.scenarios.count).map { RunPlan.Job(scenarioIndex: $0, replication: 0) }
        let groups = ReplicationGroups(jobs: jobs, config: config, options: SimulationOptions()).groups
        #expect(groups.count == 1)
        #expect(groups.first?.map { config.scenarios[$0].id }
            == ["from-the-start", "eventful", "spoof-too", "failure", "after-the-end", "baseline"])
    }
}
