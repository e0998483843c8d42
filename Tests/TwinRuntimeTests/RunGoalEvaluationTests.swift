import Testing
import TwinConfig
import TwinEngine
import TwinTestSupport
import TwinUnits
@testable import TwinRuntime
import TwinVocabulary

/// KPI values, confidence intervals and verdicts from hand-made outcomes with known
/// answers (the rules are in `KPI`'s table).
@Suite struct RunGoalEvaluationTests {
    typealias F = RunFixture

    /// Replication r records latencies 1…100 ms scaled by r+1. Pooled, the 300 values'
    /// p99 (nearest rank 297) is the 4th largest, 291 ms. The pooled CDF there is
    /// 100, 100 and 97 of 100 per replication: 0.99 with cluster variance
    /// 3/2 · (1² + 1² + 2²)/300² = 10⁻⁴, half-width t(0.975; 2)·0.01 = 0.043, so the
    /// interval runs from the p94.7 (rank 285: 255 ms) to beyond the largest value.
    @Test func percentileLatencyIsPooledWithAClusteredInterval() throws {
        let outcomes = (0..<3).map { r in
            F.outcome(replication: r, devices: [F.result("ecg", generated: 100, delivered: 100,
                                                         latencies: (1...100).map { Double($0) * Double(r + 1) })])
        }
        let goal = F.goal("ecg-latency", .latency, F.threshold("p99 <= 250 ms", .time), devices: ["ecg"])
        let result = GoalEvaluation.evaluate(goal, config: F.config(goals: [goal]), outcomes: outcomes)
        let samples = result.samples.compactMap { $0 }
        #expect(samples.count == 3, "the per-replication values are still reported")
        let value = try #require(result.value)
        #expect(value.method == .pooledQuantile)
        #expect(abs(value.point - 0.291) <= 0.291 / 256, "HDR histogram resolution")
        #expect(abs((value.lower ?? 0) - 0.255) <= 0.255 / 256)
        #expect(value.upper == nil, "the interval reaches past the largest value observed")
        #expect(result.verdict == .notMet, "the whole interval lies above 250 ms")
        #expect(result.limitingDevice == "ecg")

        let loose = F.goal("ecg-latency", .latency, F.threshold("p99 <= 400 ms", .time), devices: ["ecg"])
        let looseResult = GoalEvaluation.evaluate(loose, config: F.config(goals: [loose]), outcomes: outcomes)
        #expect(looseResult.verdict == .inconclusive, "an interval open above cannot show ≤ 400 ms")
        #expect(looseResult.note?.contains("more replications would decide") == true)

        // Mean latency of replication r is 50.5·(r+1) ms: mean 101 ms, s = 50.5 ms,
        // half-width 4.302653 · 50.5/√3 = 125.4 ms; the lower end is cut at 0.
        let mean = F.goal("ecg-mean", .latency, F.threshold("<= 60 ms", .time), devices: ["ecg"])
        let meanResult = GoalEvaluation.evaluate(mean, config: F.config(goals: [mean]), outcomes: outcomes)
        let meanValue = try #require(meanResult.value)
        #expect(meanValue.method == .studentT)
        #expect(abs(meanValue.point - 0.101) < 0.001)
        #expect(meanValue.lower == 0, "a time never goes below zero")
        #expect(abs((meanValue.upper ?? 0) - (0.101 + 4.302653 * 0.0505 / 3.0.squareRoot())) < 0.001)
        #expect(meanResult.verdict == .inconclusive)
    }

    /// A goal over several devices holds for each: the value is the worst device's and
    /// the verdict needs every device's interval on the right side.
    @Test func deliveryRatioIsTheWorstDevicePooled() throws {
        let devices = [F.device("ecg"), F.device("spo2"), F.device("temp")]
        let outcomes = (0..<3).map { r in
            F.outcome(replication: r, devices: [F.result("ecg", generated: 1000, delivered: 999),
                                                F.result("spo2", generated: 1000, delivered: 990),
                                                F.result("temp", generated: 0)])
        }
        func evaluate(_ target: String) -> GoalResult {
            let goal = F.goal("pdr", .deliveryRatio, F.threshold(target, .ratio))
            return GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]), outcomes: outcomes)
        }
        // spo2: 2970 of 3000, no spread between replications, so the Wilson interval of
        // the pooled counts holds: [98.58 %, 99.30 %].
        let strict = evaluate(">= 99.9 %")
        let value = try #require(strict.value)
        #expect(value.point == 0.99 && value.method == .pooledRatio)
        #expect(abs((value.lower ?? 0) - 0.985_754) < 1e-5)
        #expect(abs((value.upper ?? 0) - 0.992_994) < 1e-5)
        #expect(strict.limitingDevice == "spo2")
        #expect(strict.verdict == .notMet)
        #expect(strict.note?.contains("`temp`") == true, "a device without packets is named")
        #expect(evaluate(">= 98 %").verdict == .met)
        #expect(evaluate(">= 99 %").verdict == .inconclusive)

        let single = GoalEvaluation.evaluate(F.goal("pdr", .deliveryRatio, F.threshold(">= 99.9 %", .ratio)),
                                             config: F.config(devices: devices), outcomes: [outcomes[0]])
        #expect(single.value?.point == 0.99 && single.value?.lower == nil && single.value?.method == IntervalMethod.none)
        #expect(single.verdict == .inconclusive, "one replication gives no interval")
        #expect(single.note?.contains("one replication") == true)
    }

    /// Replications that disagree widen the interval beyond the Wilson floor (cluster
    /// variance): 900, 1000 and 950 of 1000.
    @Test func disagreeingReplicationsWidenTheRatioInterval() throws {
        let outcomes = [900, 1000, 950].enumerated().map { r, delivered in
            F.outcome(replication: r, devices: [F.result("ecg", generated: 1000, delivered: delivered)])
        }
        let goal = F.goal("pdr", .deliveryRatio, F.threshold(">= 90 %", .ratio))
        let value = try #require(GoalEvaluation.evaluate(goal, config: F.config(goals: [goal]), outcomes: outcomes).value)
        // F = 0.95; residuals −50, 50, 0 → variance 3/2 · 5000/3000² = 8.33·10⁻⁴;
        // half-width 4.302653 · 0.028868 = 0.12421, cut to [0.8258, 1].
        #expect(abs((value.lower ?? 0) - (0.95 - 4.302653 * (1.5 * 5000 / 9e6).squareRoot())) < 1e-9)
        #expect(value.upper == 1)
    }

    /// `within` counts late packets as lost: 10 of 20 arrive within 250 ms.
    @Test func deliveryRatioWithinADeadline() {
        let latencies = Array(repeating: 100.0, count: 10) + Array(repeating: 400.0, count: 10)
        let outcome = F.outcome(devices: [F.result("ecg", generated: 25, delivered: 20, latencies: latencies)])
        let goal = F.goal("pdr", .deliveryRatio, F.threshold(">= 99 %", .ratio), within: .milliseconds(300))
        let result = GoalEvaluation.evaluate(goal, config: F.config(goals: [goal]), outcomes: [outcome])
        #expect(result.value?.point == 10.0 / 25)
        let plain = F.goal("pdr", .deliveryRatio, F.threshold(">= 99 %", .ratio))
        #expect(GoalEvaluation.evaluate(plain, config: F.config(goals: [plain]), outcomes: [outcome]).value?.point == 0.8)
        // When `within` is the device's own budget, the simulator's exact counter is used.
        var exact = F.result("ecg", generated: 25, delivered: 20, latencies: latencies)
        exact.deliveredWithinBudget = 12
        let budget = F.goal("pdr", .deliveryRatio, F.threshold(">= 99 %", .ratio), within: .milliseconds(250))
        let budgetResult = GoalEvaluation.evaluate(budget, config: F.config(goals: [budget]),
                                                   outcomes: [F.outcome(devices: [exact])])
        #expect(budgetResult.value?.point == 12.0 / 25)
    }

    /// Lifetime: linear 560 mAh at 1 mA is 560 h; Peukert (k 1.2, 2500 mAh rated at
    /// 125 mA, so H = 20 h) at 12.5 mA is 20 h · 10^1.2 = 316.98 h; a death time wins.
    @Test func lifetimePrediction() throws {
        let coin = F.device("ecg")
        let linear = try #require(predictedLifetime(of: coin, outcome: F.result("ecg", averageCurrent: .milliamperes(1))))
        #expect(abs(linear.hours - 560) < 1e-9)
        let aa = F.device("pump", capacity: .milliampHours(2500), battery: .peukert, peukert: 1.2,
                          rated: .milliamperes(125))
        let peukert = try #require(predictedLifetime(of: aa, outcome: F.result("pump", averageCurrent: .milliamperes(12.5))))
        #expect(abs(peukert.hours - 20 * 15.848_931_924_611) < 1e-6)
        let died = predictedLifetime(of: coin, outcome: F.result("ecg", averageCurrent: .milliamperes(1), death: 3600))
        #expect(died == .hours(1))
        #expect(predictedLifetime(of: coin, outcome: F.result("ecg")) == nil, "no current, nothing to extrapolate")
    }

    @Test func lifetimeGoalUsesTheFirstDeviceToDie() throws {
        let devices = [F.device("ecg"), F.device("pump")]
        let outcomes = [1.0, 2.0].enumerated().map { index, milliamps in
            F.outcome(replication: index, devices: [F.result("ecg", averageCurrent: .milliamperes(milliamps)),
                                                    F.result("pump", averageCurrent: .microamperes(10))])
        }
        let goal = F.goal("life", .lifetime, F.threshold(">= 30 d", .time))
        let result = GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]), outcomes: outcomes)
        // ecg: 560 h and 280 h → mean 420 h = 17.5 d; half-width t(0.975; 1)·s/√2 =
        // 12.706205 · 504 000 s ≈ 74 d, so the interval [0, 91.6 d] holds 30 d.
        let value = try #require(result.value)
        #expect(abs(value.point - 420 * 3600) < 1e-6)
        #expect(value.lower == 0)
        #expect(abs((value.upper ?? 0) - (420 * 3600 + 12.706205 * 504_000)) < 1)
        #expect(result.limitingDevice == "ecg")
        #expect(result.verdict == .inconclusive)
        let short = F.goal("life", .lifetime, F.threshold(">= 100 d", .time))
        #expect(GoalEvaluation.evaluate(short, config: F.config(devices: devices, goals: [short]), outcomes: outcomes)
            .verdict == .notMet, "the whole interval lies below 100 d")
    }

    @Test func recoveryTimeOverFaultEventsWithCensoring() {
        func event(_ kind: ScenarioEventKind, at: Double, _ recoveries: [(String, Double?)]) -> ScenarioEventOutcome {
            ScenarioEventOutcome(index: 0, kind: kind, target: "phone", at: F.seconds(at), endsAt: nil,
                                 devices: recoveries.map {
                                     DeviceRecovery(deviceID: $0.0, recoveryTime: $0.1.map(F.seconds),
                                                    longestGap: .zero, deliveredAfter: 0)
                                 })
        }
        let devices = [F.device("ecg"), F.device("spo2")]
        let outcomes = (0..<2).map { r in
            F.outcome(replication: r, devices: [F.result("ecg"), F.result("spo2")], events: [
                event(.fault(.gatewayFailure), at: 100, [("ecg", 1.5), ("spo2", nil)]),
                event(.fault(.postureChange), at: 200, [("ecg", 30), ("spo2", 30)]),
            ])
        }
        let goal = F.goal("recover", .recoveryTime, F.threshold("max <= 5 s", .time), faults: [.gatewayFailure])
        let result = GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]), outcomes: outcomes)
        #expect(result.value?.point == 900, "spo2 never recovered: counted as horizon − event = 900 s")
        #expect(result.limitingDevice == "spo2")
        #expect(result.verdict == .notMet)
        #expect(result.note?.contains("never recovered") == true)

        let baseline = GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]),
                                               outcomes: [F.outcome(devices: [F.result("ecg"), F.result("spo2")])])
        #expect(baseline.verdict == .notEvaluated)
        #expect(baseline.note?.contains("gateway-failure") == true)
    }

    /// A recovery-time percentile pools every (device, fault) pair of every replication:
    /// two replications that agree on 1.5 s for their two pairs once gave "1.5 s [1.5 s,
    /// 1.5 s] met" against p99 <= 5 s (a t-interval over two equal maxima); four pairs
    /// cannot bound a p99 from above, so the verdict waits. Twenty pairs of 30 s lie
    /// wholly above the bound of a median goal: not met.
    @Test func recoveryPercentilesPoolThePairsOfEveryReplication() throws {
        func outcomes(_ recovery: Double, pairsPerReplication: Int) -> [ReplicationOutcome] {
            let ids = (0..<pairsPerReplication).map { "d\($0)" }
            return (0..<2).map { r in
                F.outcome(replication: r, devices: ids.map { F.result($0) }, events: [
                    ScenarioEventOutcome(index: 0, kind: .fault(.gatewayFailure), target: "phone", at: F.seconds(100),
                                         endsAt: nil, devices: ids.map {
                                             DeviceRecovery(deviceID: $0, recoveryTime: F.seconds(recovery),
                                                            longestGap: .zero, deliveredAfter: 0)
                                         }),
                ])
            }
        }
        let few = outcomes(1.5, pairsPerReplication: 2)
        let p99 = F.goal("recover", .recoveryTime, F.threshold("p99 <= 5 s", .time), faults: [.gatewayFailure])
        let devices = ["d0", "d1"].map { F.device($0) }
        let result = GoalEvaluation.evaluate(p99, config: F.config(devices: devices, goals: [p99]), outcomes: few)
        let value = try #require(result.value)
        #expect(value.method == .pooledQuantile && value.point == 1.5 && value.upper == nil)
        #expect(result.verdict == .inconclusive)

        let many = outcomes(30, pairsPerReplication: 10)
        let median = F.goal("recover", .recoveryTime, F.threshold("p50 <= 5 s", .time), faults: [.gatewayFailure])
        let ten = (0..<10).map { F.device("d\($0)") }
        let slow = GoalEvaluation.evaluate(median, config: F.config(devices: ten, goals: [median]), outcomes: many)
        #expect(slow.value?.point == 30 && slow.value?.lower == 30)
        #expect(slow.verdict == .notMet)
    }

    @Test func availabilityCountsOutagesOnce() {
        var dead = F.result("spo2")
        dead.deathTime = F.seconds(900)
        let outage = ScenarioEventOutcome(
            index: 0, kind: .fault(.gatewayFailure), target: "hub", at: F.seconds(100), endsAt: nil,
            devices: [DeviceRecovery(deviceID: "ecg", recoveryTime: F.seconds(10), longestGap: .zero, deliveredAfter: 1),
                      DeviceRecovery(deviceID: "spo2", recoveryTime: F.seconds(850), longestGap: .zero, deliveredAfter: 0)])
        let outcome = F.outcome(devices: [F.result("ecg"), dead], events: [outage])
        let goal = F.goal("up", .availability, F.threshold("min >= 99 %", .ratio))
        let config = F.config(devices: [F.device("ecg"), F.device("spo2")], goals: [goal])
        let result = GoalEvaluation.evaluate(goal, config: config, outcomes: [outcome])
        // spo2: outage 100…950 and dead 900…1000 → union 100…1000 = 900 s of 1000.
        #expect(abs((result.value?.point ?? 0) - 0.1) < 1e-12)
        #expect(result.limitingDevice == "spo2")
    }

    @Test func detectionWithinTheDeadlinePooledOverReplications() {
        func attack(_ index: Int, _ kind: ScenarioEventKind, delay: Double?) -> AttackDetection {
            AttackDetection(eventIndex: index, kind: kind, target: "hub", startedAt: F.seconds(100),
                            detectedAt: delay.map { F.seconds(100 + $0) }, signal: .noiseFloorRise, falseAlarms: 1)
        }
        let outcomes = (0..<2).map { r in
            F.outcome(replication: r, devices: [F.result("ecg")], attacks: [
                attack(0, .attack(.jamming), delay: 1), attack(1, .attack(.jamming), delay: 3), attack(2, .attack(.spoofing), delay: 0.1),
            ])
        }
        let goal = F.goal("detect", .securityDetect, nil, threats: [.jamming], within: .seconds(2))
        let result = GoalEvaluation.evaluate(goal, config: F.config(goals: [goal]), outcomes: outcomes)
        #expect(result.value?.point == 0.5 && result.value?.method == .pooledRatio)
        #expect(result.threshold?.bound.value == 1, "no target: every attack must be detected")
        #expect(result.verdict == .notMet)
        #expect(result.note?.contains("false alarm") == true)
        let dos = F.goal("dos", .securityDetect, F.threshold(">= 90 %", .ratio), threats: [.denialOfService])
        #expect(GoalEvaluation.evaluate(dos, config: F.config(goals: [dos]), outcomes: outcomes).verdict == .notEvaluated)
        // 40 of 40 detected: the pooled Wilson lower end (0.912) clears 90 %; every one of
        // them meets a 100 % target, which no interval can exceed.
        let many = (0..<2).map { r in
            F.outcome(replication: r, devices: [F.result("ecg")],
                      attacks: (0..<20).map { attack($0, .attack(.denialOfService), delay: 5) })
        }
        #expect(GoalEvaluation.evaluate(dos, config: F.config(goals: [dos]), outcomes: many).verdict == .met)
        let every = F.goal("every", .securityDetect, nil, threats: [.denialOfService])
        let everyResult = GoalEvaluation.evaluate(every, config: F.config(goals: [every]), outcomes: many)
        #expect(everyResult.verdict == .met)
        #expect(everyResult.note?.contains("every observation reached 100 %") == true)
    }

    /// Level 1 leaves eavesdropping (CVSS AV:A/AC:L C:H = 6.5) open; level 2 closes
    /// it; replay at level 0 scores 5.3 (ban-numbers.md §6 check values). Judged only in
    /// scenarios where one of the threats attacks.
    @Test func protectionLevelAndResidualScore() {
        let devices = [F.device("ecg", security: 2), F.device("temp", security: 1)]
        let eavesdropper = AttackDetection(eventIndex: 0, kind: .attack(.eavesdropping), target: "body", startedAt: F.seconds(100),
                                           detectedAt: nil, signal: nil, falseAlarms: 0)
        let outcome = F.outcome(devices: [F.result("ecg"), F.result("temp")], attacks: [eavesdropper])
        let goal = F.goal("protect", .securityProtect, nil, threats: [.eavesdropping, .replay], level: 2)
        let result = GoalEvaluation.evaluate(goal, config: F.config(devices: devices, goals: [goal]), outcomes: [outcome])
        #expect(result.value?.point == 6.5 && result.value?.method == .exact)
        #expect(result.limitingDevice == "temp")
        #expect(result.verdict == .notMet)
        #expect(result.note?.contains("`temp` (level 1)") == true)

        let secured = [F.device("ecg", security: 2), F.device("temp", security: 2)]
        let ok = GoalEvaluation.evaluate(goal, config: F.config(devices: secured, goals: [goal]), outcomes: [outcome])
        #expect(ok.value?.point == 0 && ok.verdict == .met)

        var breached = F.result("ecg")
        breached.framesExposed = 3
        let observed = GoalEvaluation.evaluate(goal, config: F.config(devices: secured, goals: [goal]),
                                               outcomes: [F.outcome(devices: [breached, F.result("temp")],
                                                                    attacks: [eavesdropper])])
        #expect(observed.value?.point == 6.5 && observed.verdict == .met, "no CVSS target: only the level decides")
        let quiet = GoalEvaluation.evaluate(goal, config: F.config(devices: secured, goals: [goal]),
                                            outcomes: [F.outcome(devices: [F.result("ecg"), F.result("temp")])])
        #expect(quiet.verdict == .notEvaluated, "no eavesdropping or replay in the scenario")
        #expect(SecurityExposure.residualScore(threat: .replay, level: 0, observedSuccess: false) == 5.3)
        #expect(SecurityExposure.residualScore(threat: .jamming, level: 2, observedSuccess: false) == 6.5)
    }

    /// (An unknown KPI never reaches the runtime: twin.json's reader refuses it, TK005.)
    @Test func missingValuesAreNotEvaluated() {
        let outcome = F.outcome(devices: [F.result("ecg")])
        let latency = F.goal("l", .latency, F.threshold("p99 <= 250 ms", .time))
        let empty = GoalEvaluation.evaluate(latency, config: F.config(goals: [latency]), outcomes: [outcome])
        #expect(empty.verdict == .notEvaluated && empty.value == nil && empty.samples == [nil])
    }

    @Test func throughputAndEnergy() {
        var ar = F.result("ar", generated: 1000, delivered: 900)
        ar.energy.transmit = .joules(2)
        ar.energy.baseline = .joules(1)
        let outcomes = (0..<2).map { F.outcome(replication: $0, horizon: 110, warmup: 10, devices: [ar]) }
        let devices = [F.device("ar", payload: 1000)]
        let rate = F.goal("rate", .throughput, F.threshold(">= 100 kbps", .dataRate))
        // 900 packets × 8000 bit over 100 s = 72 kbit/s in both replications.
        let result = GoalEvaluation.evaluate(rate, config: F.config(devices: devices, goals: [rate]), outcomes: outcomes)
        #expect(result.value?.point == 72_000 && result.verdict == .notMet)
        let energy = F.goal("energy", .energy, F.threshold("<= 5 J", .energy))
        let energyResult = GoalEvaluation.evaluate(energy, config: F.config(devices: devices, goals: [energy]),
                                                   outcomes: outcomes)
        #expect(energyResult.value?.point == 3 && energyResult.verdict == .met)
        let single = GoalEvaluation.evaluate(energy, config: F.config(devices: devices, goals: [energy]),
                                             outcomes: [outcomes[0]])
        #expect(single.verdict == .inconclusive, "one replication: no interval")
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
