import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime

/// KPI values, confidence intervals and verdicts from hand-made outcomes with known
/// answers (the rules are in `GoalKPI`'s table).
@Suite struct RunGoalEvaluationTests {
    typealias F = RunFixture

    /// Replication r records latencies 1…100 ms scaled by r+1, so its p99 (nearest
    /// rank) is 99·(r+1) ms: samples 99, 198, 297 ms; mean 198 ms; s = 99 ms;
    /// half-width t(0.975; 2)·s/√3 = 4.302653 · 99 / √3 = 245.93 ms.
    @Test func percentileLatencyMeanConfidenceIntervalAndVerdict() throws {
        let outcomes = (0..<3).map { r in
            F.outcome(replication: r, devices: [F.result("ecg", generated: 100, delivered: 100,
                                                         latencies: (1...100).map { Double($0) * Double(r + 1) })])
        }
        let goal = F.goal("ecg-latency", "latency", F.threshold("p99 <= 250 ms", .time), devices: ["ecg"])
        let result = GoalEvaluation.evaluate(goal, config: F.config(goals: [goal]), outcomes: outcomes)
        let samples = result.samples.compactMap { $0 }
        #expect(samples.count == 3)
        for (sample, expected) in zip(samples, [0.099, 0.198, 0.297]) {
            #expect(abs(sample - expected) <= expected / 256, "HDR histogram resolution")
        }
        let value = try #require(result.value)
        #expect(abs(value.mean - 0.198) < 0.001)
        #expect(abs((value.halfWidth ?? 0) - 4.302653 * 0.099 / 3.0.squareRoot()) < 0.002)
        #expect(value.dimension == .time && value.replications == 3)
        #expect(result.verdict == .met)
        #expect(result.boundInsideInterval, "250 ms lies inside 198 ± 246 ms")
        #expect(result.limitingDevice == "ecg")

        let strict = F.goal("ecg-latency", "latency", F.threshold("p99 <= 150 ms", .time), devices: ["ecg"])
        #expect(GoalEvaluation.evaluate(strict, config: F.config(goals: [strict]), outcomes: outcomes).verdict == .notMet)
        let mean = F.goal("ecg-mean", "latency", F.threshold("<= 60 ms", .time), devices: ["ecg"])
        let meanResult = GoalEvaluation.evaluate(mean, config: F.config(goals: [mean]), outcomes: outcomes)
        // Mean latency of replication r is 50.5·(r+1) ms → mean over replications 101 ms.
        #expect(abs((meanResult.value?.mean ?? 0) - 0.101) < 0.001)
        #expect(meanResult.verdict == .notMet)
    }

    /// A goal over several devices holds for each: the value is the worst device's.
    @Test func deliveryRatioIsTheWorstDevice() {
        let devices = [F.device("ecg"), F.device("spo2"), F.device("temp")]
        let outcome = F.outcome(devices: [F.result("ecg", generated: 1000, delivered: 999),
                                          F.result("spo2", generated: 1000, delivered: 990),
                                          F.result("temp", generated: 0)])
        let goal = F.goal("pdr", "delivery-ratio", F.threshold(">= 99.9 %", .ratio))
        let result = GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]), outcomes: [outcome])
        #expect(result.value?.mean == 0.99)
        #expect(result.value?.halfWidth == nil, "one replication has no interval")
        #expect(result.limitingDevice == "spo2")
        #expect(result.verdict == .notMet)
        #expect(result.note?.contains("`temp`") == true, "a device without packets is named")

        let best = F.goal("pdr", "delivery-ratio", F.threshold("max >= 99.9 %", .ratio))
        let bestResult = GoalEvaluation.evaluate(best, config: F.config(devices: devices, goals: [best]), outcomes: [outcome])
        #expect(bestResult.value?.mean == 0.999 && bestResult.verdict == .met && bestResult.limitingDevice == "ecg")
    }

    /// `within` counts late packets as lost: 10 of 20 arrive within 250 ms.
    @Test func deliveryRatioWithinADeadline() {
        let latencies = Array(repeating: 100.0, count: 10) + Array(repeating: 400.0, count: 10)
        let outcome = F.outcome(devices: [F.result("ecg", generated: 25, delivered: 20, latencies: latencies)])
        let goal = F.goal("pdr", "delivery-ratio", F.threshold(">= 99 %", .ratio), within: .milliseconds(300))
        let result = GoalEvaluation.evaluate(goal, config: F.config(goals: [goal]), outcomes: [outcome])
        #expect(result.value?.mean == 10.0 / 25)
        let plain = F.goal("pdr", "delivery-ratio", F.threshold(">= 99 %", .ratio))
        #expect(GoalEvaluation.evaluate(plain, config: F.config(goals: [plain]), outcomes: [outcome]).value?.mean == 0.8)
        // When `within` is the device's own budget, the simulator's exact counter is used.
        var exact = F.result("ecg", generated: 25, delivered: 20, latencies: latencies)
        exact.deliveredWithinBudget = 12
        let budget = F.goal("pdr", "delivery-ratio", F.threshold(">= 99 %", .ratio), within: .milliseconds(250))
        let budgetResult = GoalEvaluation.evaluate(budget, config: F.config(goals: [budget]),
                                                   outcomes: [F.outcome(devices: [exact])])
        #expect(budgetResult.value?.mean == 12.0 / 25)
    }

    /// Lifetime: linear 560 mAh at 1 mA is 560 h; Peukert (k 1.2, 2500 mAh rated at
    /// 125 mA, so H = 20 h) at 12.5 mA is 20 h · 10^1.2 = 316.98 h; a death time wins.
    @Test func lifetimePrediction() throws {
        let coin = F.device("ecg")
        let linear = try #require(predictedLifetime(of: coin, outcome: F.result("ecg", averageCurrent: .milliamperes(1))))
        #expect(abs(linear.hours - 560) < 1e-9)
        let aa = F.device("pump", capacity: .milliampHours(2500), battery: "peukert", peukert: 1.2,
                          rated: .milliamperes(125))
        let peukert = try #require(predictedLifetime(of: aa, outcome: F.result("pump", averageCurrent: .milliamperes(12.5))))
        #expect(abs(peukert.hours - 20 * 15.848_931_924_611) < 1e-6)
        let died = predictedLifetime(of: coin, outcome: F.result("ecg", averageCurrent: .milliamperes(1), death: 3600))
        #expect(died == .hours(1))
        #expect(predictedLifetime(of: coin, outcome: F.result("ecg")) == nil, "no current, nothing to extrapolate")
    }

    @Test func lifetimeGoalUsesTheFirstDeviceToDie() {
        let devices = [F.device("ecg"), F.device("pump")]
        let outcomes = [1.0, 2.0].enumerated().map { index, milliamps in
            F.outcome(replication: index, devices: [F.result("ecg", averageCurrent: .milliamperes(milliamps)),
                                                    F.result("pump", averageCurrent: .microamperes(10))])
        }
        let goal = F.goal("life", "lifetime", F.threshold(">= 30 d", .time))
        let result = GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]), outcomes: outcomes)
        // ecg: 560 h and 280 h → mean 420 h = 17.5 d < 30 d.
        #expect(abs((result.value?.mean ?? 0) - 420 * 3600) < 1e-6)
        #expect(result.limitingDevice == "ecg")
        #expect(result.verdict == .notMet)
        // Two replications: half-width t(0.975; 1)·s/√2 = 12.706 · 712 764 s / √2 ≈ 74 d ∋ 30 d.
        #expect(abs((result.value?.halfWidth ?? 0) - 12.706205 * 1_008_000 / 2) < 1)
        #expect(result.boundInsideInterval)
    }

    @Test func recoveryTimeOverFaultEventsWithCensoring() {
        func event(_ kind: String, at: Double, _ recoveries: [(String, Double?)]) -> ScenarioEventOutcome {
            ScenarioEventOutcome(index: 0, kind: kind, target: "phone", at: F.seconds(at), endsAt: nil,
                                 devices: recoveries.map {
                                     DeviceRecovery(deviceID: $0.0, recoveryTime: $0.1.map(F.seconds),
                                                    longestGap: .zero, deliveredAfter: 0)
                                 })
        }
        let devices = [F.device("ecg"), F.device("spo2")]
        let outcome = F.outcome(devices: [F.result("ecg"), F.result("spo2")], events: [
            event("gateway-failure", at: 100, [("ecg", 1.5), ("spo2", nil)]),
            event("posture-change", at: 200, [("ecg", 30), ("spo2", 30)]),
        ])
        let goal = F.goal("recover", "recovery-time", F.threshold("max <= 5 s", .time), faults: ["gateway-failure"])
        let result = GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]), outcomes: [outcome])
        #expect(result.value?.mean == 900, "spo2 never recovered: counted as horizon − event = 900 s")
        #expect(result.limitingDevice == "spo2")
        #expect(result.verdict == .notMet)
        #expect(result.note?.contains("never recovered") == true)

        let baseline = GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]),
                                               outcomes: [F.outcome(devices: [F.result("ecg"), F.result("spo2")])])
        #expect(baseline.verdict == .notEvaluated)
        #expect(baseline.note?.contains("gateway-failure") == true)
    }

    @Test func availabilityCountsOutagesOnce() {
        var dead = F.result("spo2")
        dead.deathTime = F.seconds(900)
        let outage = ScenarioEventOutcome(
            index: 0, kind: "gateway-failure", target: "hub", at: F.seconds(100), endsAt: nil,
            devices: [DeviceRecovery(deviceID: "ecg", recoveryTime: F.seconds(10), longestGap: .zero, deliveredAfter: 1),
                      DeviceRecovery(deviceID: "spo2", recoveryTime: F.seconds(850), longestGap: .zero, deliveredAfter: 0)])
        let outcome = F.outcome(devices: [F.result("ecg"), dead], events: [outage])
        let goal = F.goal("up", "availability", F.threshold("min >= 99 %", .ratio))
        let config = F.config(devices: [F.device("ecg"), F.device("spo2")], goals: [goal])
        let result = GoalEvaluation.evaluate(goal, config: config, outcomes: [outcome])
        // spo2: outage 100…950 and dead 900…1000 → union 100…1000 = 900 s of 1000.
        #expect(abs((result.value?.mean ?? 0) - 0.1) < 1e-12)
        #expect(result.limitingDevice == "spo2")
    }

    @Test func detectionWithinTheDeadline() {
        func attack(_ index: Int, _ kind: String, delay: Double?) -> AttackDetection {
            AttackDetection(eventIndex: index, kind: kind, target: "hub", startedAt: F.seconds(100),
                            detectedAt: delay.map { F.seconds(100 + $0) }, signal: .noiseFloorRise, falseAlarms: 1)
        }
        let outcome = F.outcome(devices: [F.result("ecg")], attacks: [
            attack(0, "jamming", delay: 1), attack(1, "jamming", delay: 3), attack(2, "spoofing", delay: 0.1),
        ])
        let goal = F.goal("detect", "security-detect", nil, threats: ["jamming"], within: .seconds(2))
        let result = GoalEvaluation.evaluate(goal, config: F.config(goals: [goal]), outcomes: [outcome])
        #expect(result.value?.mean == 0.5)
        #expect(result.threshold?.bound.value == 1, "no target: every attack must be detected")
        #expect(result.verdict == .notMet)
        #expect(result.note?.contains("false alarm") == true)
        let dos = F.goal("dos", "security-detect", F.threshold(">= 90 %", .ratio), threats: ["denial-of-service"])
        let none = GoalEvaluation.evaluate(dos, config: F.config(goals: [dos]), outcomes: [outcome])
        #expect(none.verdict == .notEvaluated)
        let dosOutcome = F.outcome(devices: [F.result("ecg")], attacks: [attack(0, "dos", delay: 5)])
        #expect(GoalEvaluation.evaluate(dos, config: F.config(goals: [dos]), outcomes: [dosOutcome]).verdict == .met)
    }

    /// Level 1 leaves eavesdropping (CVSS AV:A/AC:L C:H = 6.5) open; level 2 closes
    /// it; replay at level 0 scores 5.3 (ban-numbers.md §6 check values).
    @Test func protectionLevelAndResidualScore() {
        let devices = [F.device("ecg", security: 2), F.device("temp", security: 1)]
        let outcome = F.outcome(devices: [F.result("ecg"), F.result("temp")])
        let goal = F.goal("protect", "security-protect", nil, threats: ["eavesdropping", "replay"], level: 2)
        let result = GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]), outcomes: [outcome])
        #expect(result.value?.mean == 6.5)
        #expect(result.limitingDevice == "temp")
        #expect(result.verdict == .notMet)
        #expect(result.note?.contains("`temp` (level 1)") == true)

        let secured = [F.device("ecg", security: 2), F.device("temp", security: 2)]
        let ok = GoalEvaluation.evaluate(goal, config: F.config(devices: secured, goals: [goal]), outcomes: [outcome])
        #expect(ok.value?.mean == 0 && ok.verdict == .met)

        var breached = F.result("ecg")
        breached.framesExposed = 3
        let observed = GoalEvaluation.evaluate(goal, config: F.config(devices: secured, goals: [goal]),
                                               outcomes: [F.outcome(devices: [breached, F.result("temp")])])
        #expect(observed.value?.mean == 6.5 && observed.verdict == .met, "no CVSS target: only the level decides")
        #expect(SecurityExposure.residualScore(threat: "replay", level: 0, observedSuccess: false) == 5.3)
        #expect(SecurityExposure.residualScore(threat: "jamming", level: 2, observedSuccess: false) == 6.5)
    }

    @Test func unknownKPIAndMissingValuesAreNotEvaluated() {
        let outcome = F.outcome(devices: [F.result("ecg")])
        let unknown = F.goal("x", "happiness", F.threshold(">= 1", .count))
        let result = GoalEvaluation.evaluate(unknown, config: F.config(goals: [unknown]), outcomes: [outcome])
        #expect(result.verdict == .notEvaluated && result.note?.contains("happiness") == true)
        let latency = F.goal("l", "latency", F.threshold("p99 <= 250 ms", .time))
        let empty = GoalEvaluation.evaluate(latency, config: F.config(goals: [latency]), outcomes: [outcome])
        #expect(empty.verdict == .notEvaluated && empty.value == nil && empty.samples == [nil])
    }

    @Test func throughputAndEnergy() {
        var ar = F.result("ar", generated: 1000, delivered: 900)
        ar.energy.transmit = .joules(2)
        ar.energy.baseline = .joules(1)
        let outcome = F.outcome(horizon: 110, warmup: 10, devices: [ar])
        let devices = [F.device("ar", payload: 1000)]
        let rate = F.goal("rate", "throughput", F.threshold(">= 100 kbps", .dataRate))
        // 900 packets × 8000 bit over 100 s = 72 kbit/s.
        let result = GoalEvaluation.evaluate(rate, config: F.config(devices: devices, goals: [rate]), outcomes: [outcome])
        #expect(result.value?.mean == 72_000 && result.verdict == .notMet)
        let energy = F.goal("energy", "energy", F.threshold("<= 5 J", .energy))
        let energyResult = GoalEvaluation.evaluate(energy, config: F.config(devices: devices, goals: [energy]),
                                                   outcomes: [outcome])
        #expect(energyResult.value?.mean == 3 && energyResult.verdict == .met)
    }

    @Test func percentileAcrossDevicesIsNearestRank() {
        let values = [("a", 5.0), ("b", 1.0), ("c", 3.0), ("d", 4.0)].map { (device: $0.0, value: $0.1) }
        let p50 = DeviceCombination.combine(values, statistic: .percentile(50), threshold: nil, higherIsBetter: true)
        #expect(p50?.device == "c" && p50?.value == 3)
        let worstUpper = DeviceCombination.worst(values, threshold: F.threshold("<= 2", .count), higherIsBetter: true)
        #expect(worstUpper?.device == "a")
        let worstEqual = DeviceCombination.worst(values, threshold: F.threshold("== 4", .count), higherIsBetter: true)
        #expect(worstEqual?.device == "b")
    }
}
