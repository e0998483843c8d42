import Testing
import TwinConfig
import TwinRuntime
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinApplications

/// The lexicographic order and the analytic search, against brute force.
@Suite struct OptimiserSearchTests {
    private func goal(_ id: String, _ priority: GoalPriority, kpi: KPI = .deliveryRatio) -> GoalConfig {
        OptimiserFixture.goal(id, kpi, priority, ">= 99 %", .ratio, devices: [])
    }

    private func rank(_ met: [Bool], goals: [GoalConfig], cost: Double = 1, changes: Int = 0,
                      indices: [Int] = [0]) -> CandidateRank {
        let scores = zip(goals, met).map { goal, met in
            GoalScore(goal: goal.id, value: met ? 0.995 : 0.9, verdict: met ? .met : .notMet, slack: met ? 0.3 : -1)
        }
        return CandidateRank(candidate: Candidate(indices: indices), scores: scores, goals: goals, relativeCurrent: cost,
                             changes: changes, resolution: OptimiserOptions())
    }

    @Test func oneCriticalGoalBeatsTwoMediumOnes() {
        let goals = [goal("critical-one", .critical), goal("medium-one", .medium), goal("medium-two", .medium)]
        let critical = rank([true, false, false], goals: goals)
        let mediums = rank([false, true, true], goals: goals)
        #expect(critical.isBetter(than: mediums))
        #expect(!mediums.isBetter(than: critical))
    }

    @Test func goalsAreOrderedByPriorityThenObjectives() {
        let config = OptimiserFixture.twin(
            devices: [], goals: [goal("lifetime-high", .high, kpi: .lifetime), goal("protect-high", .high, kpi: .securityProtect),
                                 goal("delivery-critical", .critical), goal("latency-high", .high, kpi: .latency)],
            knobs: [], horizon: .seconds(10), replications: 1, objectives: [.security, .lifetime, .safety])
        #expect(GoalOrder.ordered(config).map(\.id) == ["delivery-critical", "protect-high", "lifetime-high", "latency-high"])
    }

    @Test func equalVerdictsFallThroughToCostThenChanges() {
        let goals = [goal("a", .critical)]
        let cheap = rank([true], goals: goals, cost: 0.8, changes: 2, indices: [1])
        let baseline = rank([true], goals: goals, cost: 1, changes: 0, indices: [0])
        #expect(cheap.isBetter(than: baseline))
        let sameCost = rank([true], goals: goals, cost: 1.001, changes: 2, indices: [1])
        #expect(baseline.isBetter(than: sameCost))  // within the 1 % cost quantum: fewer changes win
    }

    @Test func searchFindsTheBruteForceOptimum() throws {
        let config = OptimiserFixture.twoDeviceTwin()
        let (best, space) = OptimiserFixture.bruteForce(config)
        let oracle = try #require(best)
        #expect(oracle.candidate != space.baseline)  // the case is not trivial
        #expect(oracle.scores.allSatisfy { $0.verdict == .met })

        for options in [OptimiserOptions(), OptimiserOptions(exhaustiveLimit: 1)] {
            var evaluator = AnalyticEvaluator(config: config, space: space, baseline: nil, options: options)
            let outcome = searchKnobs(&evaluator, options: options)
            #expect(outcome.best?.candidate == oracle.candidate, "\(outcome.method)")
        }
    }

    /// Scoring on several workers is the same as on one: shares are contiguous and an
    /// evaluation depends on its candidate alone (the caches merged back only remember).
    @Test func workersDoNotChangeTheScores() {
        let config = OptimiserFixture.twoDeviceTwin()
        let space = CandidateSpace(config: config)
        let candidates = Array(repeating: space.allCandidates(), count: 6).flatMap { $0 }
            + space.allCandidates().reversed()
        #expect(candidates.count >= 3 * AnalyticEvaluator.smallestShare)  // really split
        var single = AnalyticEvaluator(config: config, space: space, baseline: nil, options: OptimiserOptions())
        var several = single
        let one = candidates.map { single.evaluate($0) }
        #expect(several.evaluateAll(candidates, workers: 3) == one)
        for options in [OptimiserOptions(), OptimiserOptions(exhaustiveLimit: 1)] {
            var a = AnalyticEvaluator(config: config, space: space, baseline: nil, options: options)
            var b = a
            #expect(searchKnobs(&a, options: options, workers: 1) == searchKnobs(&b, options: options, workers: 2))
        }
    }

    @Test func baselineMissesTheEcgGoalsAnalytically() {
        let config = OptimiserFixture.twoDeviceTwin()
        let space = CandidateSpace(config: config)
        var evaluator = AnalyticEvaluator(config: config, space: space, baseline: nil, options: OptimiserOptions())
        let baseline = evaluator.evaluate(space.baseline)
        let verdicts = Dictionary(uniqueKeysWithValues: baseline.scores.map { ($0.goal, $0.verdict) })
        #expect(verdicts["ecg-latency"] == .notMet)
        #expect(verdicts["pump-lifetime"] == .met)
    }

    @Test func fasterAllocationsCostCurrent() {
        let slow = OptimiserFixture.device("a", placement: .chest, period: 8, interval: .milliseconds(200),
                                           budget: .seconds(1))
        var fast = slow
        fast.mac.period = 1
        let config = OptimiserFixture.twin(devices: [slow], goals: [], knobs: [], horizon: .seconds(10), replications: 1)
        let slowEstimate = DeviceEstimate(device: slow, config: config, postures: [(.standing, 1)], useCastaliaMap: false)
        let fastEstimate = DeviceEstimate(device: fast, config: config, postures: [(.standing, 1)], useCastaliaMap: false)
        #expect(fastEstimate.averageCurrent > slowEstimate.averageCurrent)
        #expect(fastEstimate.latency(.percentile(99))! < slowEstimate.latency(.percentile(99))!)
        // p99 of U·P with P = 8 × 64 ms is about 0.99 × 512 ms.
        #expect(abs(slowEstimate.latency(.percentile(99))!.si - 0.99 * 0.512) < 0.01)
    }

    @Test func retriesOfSparseSamplesCostAllocations() throws {
        // One sample every 2 s, allocations every 64 ms: a retry wakes the device for an
        // allocation it would have slept through, so a second attempt per frame costs
        // about one more allocation per sample (wake-ups, beacon, guard), not just a frame.
        let device = OptimiserFixture.device("a", placement: .chest, period: 1, interval: .seconds(2),
                                             budget: .seconds(1))
        let once = try #require(AnalyticEnergyModel.evaluate(device, attemptsPerFrame: 1))
        let twice = try #require(AnalyticEnergyModel.evaluate(device, attemptsPerFrame: 2))
        let air = try #require(DeviceAirInterface(device: device))
        let frame = air.frameAirtime(payloadBytes: 64).si
        // Only the frame again would add ~frame/2 s of TX per second; the allocation adds
        // the beacon + B-Ack reception as well.
        #expect(twice.duty.receive - once.duty.receive > 0.9 * air.beaconAndBlockAck.si / 2)
        #expect(twice.duty.wakeUp > 1.9 * once.duty.wakeUp)
        #expect(abs(twice.duty.transmit - 2 * once.duty.transmit) < 1e-12 && once.duty.transmit > frame / 2 * 0.99)
    }
}
