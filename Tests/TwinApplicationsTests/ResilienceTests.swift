import Testing
import TwinConfig
import TwinJSON
import TwinOutput
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

/// Known answers on hand-built twins: a hub fails for good at 30 s of a 90 s run.
@Suite("Resilience application")
struct ResilienceTests {
    static let horizon = 90.0
    static let failure = 30.0
    static let failover = 1.28

    /// One ECG patch (CSMA/CA, a sample every 200 ms) on `hub`, optionally with `hub2`
    /// at the waist as its backup.
    static func twin(backup: Bool, markov: Bool = false) -> TwinConfig {
        let ecg = AppsFixture.device("ecg", backup: backup ? "hub2" : nil)
        var gateways = [AppsFixture.gateway("hub")]
        if backup { gateways.append(AppsFixture.gateway("hub2", placement: .waist)) }
        let goals = [
            AppsFixture.goal("ecg-delivery", .deliveryRatio, ">= 99 %", .ratio, devices: ["ecg"]),
            AppsFixture.goal("survive", .recoveryTime, "p99 <= 5 s", .time, devices: ["ecg"],
                             faults: [.gatewayFailure]),
        ]
        let models = markov ? [ModelChoice(id: "gateway-ctmc", family: .reliability, method: "markov-chain",
                                           applications: [.resilience], parameters: [:], source: "test")] : []
        return AppsFixture.config(
            devices: [ecg], gateways: gateways, goals: goals,
            scenarios: [AppsFixture.scenario("baseline", [], goals: ["ecg-delivery"]),
                        AppsFixture.scenario("hub-fails", [AppsFixture.event(.fault(.gatewayFailure), "hub",
                                                                              at: .seconds(failure))],
                                             goals: ["survive"])],
            models: models, horizon: .seconds(horizon))
    }

    static func evaluate(_ config: TwinConfig) throws -> (ResilienceReport, [[ReplicationOutcome]]) {
        let (outcomes, report) = try AppsFixture.run(config)
        return (ResilienceReport.evaluate(config: config, outcomes: outcomes, report: report), outcomes)
    }

    @Test("without a second gateway delivery stops at the failure and never recovers")
    func noBackupNeverRecovers() throws {
        let (report, outcomes) = try Self.evaluate(Self.twin(backup: false))
        let fault = try #require(report.faults.first)
        #expect(report.faults.count == 1)
        #expect(fault.kind == .fault(.gatewayFailure) && fault.target == "hub")
        // Nothing crossed the BAN after the failure.
        #expect(outcomes[1][0].events[0].device("ecg")?.deliveredAfter == 0)
        #expect(!fault.recovered)
        #expect(fault.timeToRecover == nil)
        #expect(fault.timeToDetect?.si == Self.failover)
        // Delivering for the first 30 s of 90: availability 1/3.
        let availability = try #require(fault.availability)
        #expect(abs(availability - Self.failure / Self.horizon) < 0.01)
        #expect(fault.score == 0)
        let delivery = try #require(fault.goals.first { $0.goal == "ecg-delivery" })
        let baseline = try #require(delivery.baseline), underFault = try #require(delivery.underFault)
        #expect(baseline > 0.99)
        #expect(abs(underFault - Self.failure / Self.horizon) < 0.02)
        #expect(abs((delivery.degradation ?? 0) - (baseline - underFault)) < 1e-12)
        #expect(report.scores.first { $0.goal == "survive" }?.score == 0)
    }

    @Test("with a second gateway it recovers within the failover time plus one sample")
    func backupRecoversWithinFailover() throws {
        let (report, outcomes) = try Self.evaluate(Self.twin(backup: true, markov: true))
        let fault = try #require(report.faults.first)
        #expect(fault.recovered)
        #expect((outcomes[1][0].events[0].device("ecg")?.deliveredAfter ?? 0) > 250)
        let recovery = try #require(fault.timeToRecover).si
        // The failover happens 1.28 s after the failure (4 beacon periods); the next
        // sample (every 200 ms) then goes to hub2 after one backoff and exchange.
        #expect(recovery >= Self.failover)
        #expect(recovery <= Self.failover + 0.2 + 0.05)
        let availability = try #require(fault.availability)
        #expect(abs(availability - (1 - recovery / Self.horizon)) < 1e-9)
        // Markov: up ⇄ down with λ = 1/horizon (one fault per run), μ = 1/failover.
        let lambda = 1 / Self.horizon, mu = 1 / Self.failover
        #expect(abs((fault.markovAvailability ?? 0) - mu / (lambda + mu)) < 1e-12)
        for impact in fault.goals { #expect((0...1).contains(impact.score)) }
        #expect(fault.score == fault.goals.map(\.score).min())
        // Recovery time has no baseline (0 s): its degradation is normalised by the 5 s
        // bound, so the score is availability × (1 − recovery / 5 s).
        let survive = try #require(fault.goals.first { $0.goal == "survive" })
        #expect(survive.baseline == 0 && survive.unit == "s")
        #expect(abs((survive.underFault ?? 0) - recovery) < 1e-9)
        #expect(abs(survive.score - availability * (1 - recovery / 5)) < 1e-12)
        #expect(report.scores.first { $0.goal == "survive" }?.score == survive.score)
    }

    @Test("no Markov figure unless the plan chose a Markov reliability model")
    func markovOnlyWhenChosen() throws {
        let (report, _) = try Self.evaluate(Self.twin(backup: true))
        #expect(report.faults.first?.markovAvailability == nil)
    }

    @Test("the JSON carries the contract's members; the text is a Resilience section")
    func outputShape() throws {
        let (report, _) = try Self.evaluate(Self.twin(backup: false))
        let json = report.jsonValue()
        let fault = try #require(json["faults"]?.arrayValue?.first)
        for member in ["scenario", "kind", "target", "at_s", "goals", "timeToDetect_s", "timeToRecover_s", "recovered",
                       "availability_ratio", "markovAvailability_ratio", "score"] {
            #expect(fault[member] != nil, "missing \(member)")
        }
        #expect(fault["timeToRecover_s"] == .null)
        let goal = try #require(fault["goals"]?.arrayValue?.first)
        for member in ["goal", "kpi", "baseline", "underFault", "degradation", "unit"] { #expect(goal[member] != nil) }
        #expect(json["scores"]?.arrayValue?.isEmpty == false)
        let text = report.text()
        #expect(text.hasPrefix("Resilience\n"))
        #expect(text.contains("hub-fails") && text.contains("never"))
        #expect(JSONWriter.canonical.string(json) == JSONWriter.canonical.string(try Self.evaluate(Self.twin(backup: false)).0.jsonValue()))
    }
}
