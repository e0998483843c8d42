import Foundation
import Testing
import TwinConfig
import TwinOutput
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

/// The orchestration: overrides, which goals each scenario evaluates, the summary,
/// determinism of the report and its renderings.
@Suite struct RunTwinTests {
    typealias F = RunFixture

    static let goals = [
        F.goal("pdr", .deliveryRatio, F.threshold(">= 99 %", .ratio), devices: ["ecg"]),
        F.goal("lat", .latency, F.threshold("p99 <= 250 ms", .time), devices: ["ecg"]),
        F.goal("recover", .recoveryTime, F.threshold("p99 <= 5 s", .time), faults: [.gatewayFailure]),
    ]

    static func twoScenarioConfig(replications: Int = 3) -> TwinConfig {
        F.config(
            devices: [F.device("ecg"), F.device("spo2", interval: .milliseconds(500))], goals: goals,
            scenarios: [
                ScenarioConfig(id: "baseline", kind: .baseline, description: "No faults", goals: ["pdr", "lat"],
                               events: []),
                ScenarioConfig(id: "hub-fails", kind: .fault(.gatewayFailure), description: "The hub fails",
                               goals: ["pdr", "recover"],
                               events: [ScenarioEvent(at: .seconds(5), kind: .fault(.gatewayFailure), target: "hub",
                                                      duration: nil, parameters: [:])]),
            ],
            horizon: .seconds(10), replications: replications)
    }

    @Test func overridesReplaceTheRunSettings() {
        let config = F.config(horizon: .hours(24), replications: 5, seed: 1, warmup: .seconds(10))
        let plan = RunPlan(RunRequest(config: config, overrides: RunOverrides(horizon: .seconds(30), replications: 2,
                                                                              seed: 99)))
        #expect(plan.settings.horizon == .seconds(30))
        #expect(plan.settings.replications == 2 && plan.settings.seed == 99)
        #expect(plan.settings.warmup == .seconds(10) && !plan.warmupShortened)
        let short = RunPlan(RunRequest(config: config, overrides: RunOverrides(horizon: .seconds(5))))
        #expect(short.warmupShortened && short.settings.warmup == .seconds(0.5))
        #expect(RunPlan(RunRequest(config: config)).settings == config.run)
        #expect(plan.jobs.map { [$0.scenarioIndex, $0.replication] } == [[0, 0], [0, 1]])
    }

    @Test func scenariosEvaluateTheirOwnGoalsInConfigOrder() throws {
        let config = Self.twoScenarioConfig()
        let report = try runTwin(RunPlan(config: config))
        #expect(report.scenarios.map(\.id) == ["baseline", "hub-fails"])
        #expect(report.scenarios[0].goals.map(\.goalID) == ["pdr", "lat"])
        #expect(report.scenarios[1].goals.map(\.goalID) == ["pdr", "recover"])
        #expect(report.scenarios.allSatisfy { $0.devices.map(\.id) == ["ecg", "spo2"] })
        #expect(report.scenarios.allSatisfy { $0.goals.allSatisfy { $0.samples.count == 3 } })
        #expect(report.summary.map(\.goalID) == ["pdr", "lat", "recover"])
        #expect(report.settings == config.run)
    }

    @Test func sameRequestGivesTheSameBytesWhateverTheConcurrency() throws {
        let request = RunPlan(config: Self.twoScenarioConfig(), overrides: RunOverrides(seed: 11))
        let first = try runTwin(request)
        let again = try runTwin(request)
        let parallel = try runTwin(request, options: RunOptions(maximumConcurrency: 4))
        #expect(first == again && first == parallel)
        #expect(first.canonicalJSON() == again.canonicalJSON())
        #expect(first.canonicalJSON() == parallel.canonicalJSON())
        #expect(first.text() == parallel.text())
        #expect(first.canonicalJSON().contains("\"seed\": 11"))
    }

    @Test func progressIsReportedOncePerReplication() throws {
        let seen = ProgressLog()
        _ = try runTwin(RunPlan(config: Self.twoScenarioConfig(replications: 2)),
                        options: RunOptions(maximumConcurrency: 2)) { seen.add($0) }
        let entries = seen.entries
        #expect(entries.count == 4)
        #expect(entries.map(\.completed).sorted() == [1, 2, 3, 4])
        #expect(entries.allSatisfy { $0.total == 4 })
    }

    /// One scenario meets the goal, the other fails it: the summary says not met and
    /// where; a goal nobody could judge stays not evaluated and is an error of the run.
    @Test func summaryIsTheWorstVerdictOverScenarios() {
        let config = Self.twoScenarioConfig(replications: 2)
        let fast = Array(repeating: 10.0, count: 1000)
        func outcome(_ replication: Int, delivered: Int) -> ReplicationOutcome {
            F.outcome(replication: replication,
                      devices: [F.result("ecg", generated: 1000, delivered: delivered, latencies: fast), F.result("spo2")])
        }
        let report = buildReport(plan: RunPlan(config: config),
                                 outcomes: [[outcome(0, delivered: 1000), outcome(1, delivered: 1000)],
                                            [outcome(0, delivered: 500), outcome(1, delivered: 500)]])
        let pdr = report.summary[0]
        #expect(pdr.verdict == .notMet && pdr.failedIn == ["hub-fails"] && pdr.evaluatedIn == ["baseline", "hub-fails"])
        #expect(report.summary[1].verdict == .met)
        #expect(report.summary[2].verdict == .notEvaluated, "no fault event in the hand-made outcome")
        #expect(report.errors == ["goal `recover` was evaluated in no scenario: no `gateway-failure` event before the "
                                  + "horizon in this scenario"])
        let text = report.text()
        #expect(text.contains("error: goal `recover` was evaluated in no scenario"))
        #expect(text.contains("verdicts: 1 met, 1 not met, 0 inconclusive, 1 not evaluated (at 95 %)"))
        #expect(text.contains("  pdr      high      met       NOT MET    NOT MET"), "\(text)")
        let json = report.canonicalJSON()
        #expect(json.contains("\"verdict\": \"not-met\""))
        #expect(json.contains("\"method\": \"pooled-ratio\""))
        #expect(json.contains("\"name\": \"twinc-run\""))
    }
}

/// Collects progress reports from any thread.
final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [RunProgress] = []

    func add(_ progress: RunProgress) {
        lock.lock()
        stored.append(progress)
        lock.unlock()
    }

    var entries: [RunProgress] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
