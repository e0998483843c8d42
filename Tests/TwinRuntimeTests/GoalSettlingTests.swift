import Foundation
import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinRuntime

private typealias R = RunFixture
private typealias F = SimulationFixture

/// A scenario whose goals cannot change after its last event stops there
/// (`GoalSettling`): the rule itself, and on the demo twin that the goals read the same
/// as when every scenario runs to the horizon.
@Suite struct GoalSettlingTests {
    static let protect = R.goal("protect", .securityProtect, nil, devices: ["ecg"], threats: [.spoofing], level: 1)
    static let detect = R.goal("detect", .securityDetect, nil, threats: [.spoofing], within: .seconds(30))
    static let latency = R.goal("latency", .latency, nil, devices: ["ecg"])

    static func spoofing(at start: Double, for length: Double?) -> ScenarioEvent {
        F.event(.attack(.spoofing), "ecg", at: .seconds(start), duration: length.map { .seconds($0) }, ["rate_per_s": 1])
    }

    /// Where a scenario of `events` evaluating `goals` (every goal of the twin when nil)
    /// stops in a 1000 s run of a twin with `twinGoals`.
    static func stop(goals: [String]?, events: [ScenarioEvent],
                     twinGoals: [GoalConfig] = [protect, detect, latency]) -> SimTime? {
        let scenario = ScenarioConfig(id: "attack", kind: .attack(.spoofing), description: "", goals: goals ?? [], events: events)
        let config = R.config(goals: twinGoals, scenarios: [scenario], horizon: .seconds(1000))
        return GoalSettling.settledAt(scenario, config: config)
    }

    @Test func aProtectionGoalSettlesWhenTheLastEventEnds() {
        let stop = Self.stop(goals: ["protect"], events: [Self.spoofing(at: 100, for: 60), Self.spoofing(at: 200, for: 30)],
                             twinGoals: [Self.protect, Self.latency])
        #expect(stop == SimTime(.seconds(230)))
    }

    /// A detection counts within `within` of the attack's start, which may outlast it.
    @Test func aDetectionGoalWaitsOutItsWindowAfterEveryStart() {
        #expect(Self.stop(goals: ["detect"], events: [Self.spoofing(at: 100, for: 10)]) == SimTime(.seconds(130)))
        #expect(Self.stop(goals: ["detect", "protect"], events: [Self.spoofing(at: 100, for: 60)])
                == SimTime(.seconds(160)))
    }

    @Test func everythingElseRunsToTheHorizon() {
        let ended = [Self.spoofing(at: 100, for: 60)]
        #expect(Self.stop(goals: ["protect", "latency"], events: ended) == nil, "a latency goal measures the whole run")
        #expect(Self.stop(goals: nil, events: ended) == nil, "a scenario naming no goal evaluates every goal")
        #expect(Self.stop(goals: ["protect"], events: [Self.spoofing(at: 100, for: nil)]) == nil, "an event without an end")
        #expect(Self.stop(goals: ["protect"], events: []) == nil, "no event")
        #expect(Self.stop(goals: ["protect"], events: [Self.spoofing(at: 900, for: 100)]) == nil, "ends at the horizon")
        #expect(Self.stop(goals: nil, events: ended, twinGoals: []) == nil, "no goal asks anything")
        let open = R.goal("open", .securityDetect, nil, threats: [.spoofing])
        #expect(Self.stop(goals: ["open"], events: ended, twinGoals: [open]) == nil, "a detection at any time")
        let failure = F.event(.fault(.gatewayFailure), "hub", at: .seconds(100), duration: .seconds(10))
        #expect(Self.stop(goals: ["protect"], events: ended + [failure]) == nil, "resilience judges a fault on the whole run")
    }

    /// The security section reads every attack's detection against the twin's detection
    /// goals on its threat, named by the scenario or not.
    @Test func aDetectionGoalOfTheTwinOnTheThreatWidensTheWaitEvenUnnamed() {
        let ended = [Self.spoofing(at: 100, for: 10)]
        #expect(Self.stop(goals: ["protect"], events: ended) == SimTime(.seconds(130)), "the twin's 30 s window")
        let jamming = R.goal("jam", .securityDetect, nil, threats: [.jamming], within: .seconds(300))
        #expect(Self.stop(goals: ["protect"], events: ended, twinGoals: [Self.protect, jamming]) == SimTime(.seconds(110)),
                "a window on another threat does not count")
        let anyTime = R.goal("late", .securityDetect, nil, threats: [.spoofing])
        #expect(Self.stop(goals: ["protect"], events: ended, twinGoals: [Self.protect, anyTime]) == nil)
    }

    /// The demo's attack scenarios stop at their last attack's end; the goals' samples
    /// are those of the run to the horizon, replication for replication, and a stopped
    /// replication reports its stop as its horizon.
    @Test func theDemosGoalsReadTheSameWhenAttackScenariosStop() throws {
        let url = BundledDocuments.repositoryRoot.appendingPathComponent("Generated/icu-monitoring/twin.json")
        let config = try #require(TwinConfig.read(text: try String(contentsOf: url, encoding: .utf8), file: url.path).config)
        let horizon = Time.seconds(1800)
        let stopped = try runTwin(RunPlan(config: config, overrides: RunOverrides(horizon: horizon, replications: 2)),
                                  options: RunOptions(maximumConcurrency: 2))
        let whole = try runTwin(RunPlan(config: config, overrides: RunOverrides(horizon: horizon, replications: 2,
                                                                                wholeHorizon: true)),
                                options: RunOptions(maximumConcurrency: 2))
        var stops: [String: Double] = [:]
        for (short, long) in zip(stopped.scenarios, whole.scenarios) {
            #expect(long.simulatedUntil == nil)
            if let until = short.simulatedUntil { stops[short.id] = until.si }
            for (a, b) in zip(short.goals, long.goals) {
                #expect(a.samples == b.samples && a.verdict == b.verdict, "\(short.id) \(a.goalID)")
            }
        }
        // Events from a quarter of the horizon (450 s): spoofing and replay for 10 min,
        // fifteen jamming bursts of 1/60 of it, the last from 43/60 to 44/60 of it
        // (eavesdropping's hour outlasts the run).
        let expected: [String: Double] = ["spoofing": 1050, "replay": 1050, "jamming": 1320]
        #expect(stops == expected)
        let handled = { (report: RunReport) in report.scenarios.first { $0.id == "jamming" }?.eventsHandled ?? 0 }
        #expect(handled(stopped) > 0 && handled(stopped) < handled(whole))
    }
}
