import Testing
@testable import TwinEngine

@Suite struct RunningStatisticsTests {
    @Test func meanAndVarianceOfAKnownSample() {
        let s = RunningStatistics([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(s.count == 8)
        #expect(s.mean == 5)
        #expect(s.populationVariance == 4)
        #expect(abs((s.sampleVariance ?? 0) - 32.0 / 7) < 1e-12)
        #expect(s.minimum == 2 && s.maximum == 9)
        #expect(RunningStatistics([1]).sampleVariance == nil)
        #expect(RunningStatistics().meanIfAny == nil)
    }

    /// Large offset, small spread: the naive Σx² formula loses every digit here.
    @Test func isNumericallyStableWithALargeMean() {
        let s = RunningStatistics((0..<1000).map { 1e9 + Double($0 % 2) })
        #expect(abs((s.populationVariance ?? 0) - 0.25) < 1e-6)
    }

    @Test func mergeEqualsAddingEverything() {
        let values = (0..<101).map { Double(($0 * 37) % 53) / 7 }
        var left = RunningStatistics(values[..<40])
        left.merge(RunningStatistics(values[40...]))
        let all = RunningStatistics(values)
        #expect(left.count == all.count)
        #expect(abs(left.mean - all.mean) < 1e-12)
        #expect(abs((left.sampleVariance ?? 0) - (all.sampleVariance ?? 0)) < 1e-10)
        #expect(left.minimum == all.minimum && left.maximum == all.maximum)
        var empty = RunningStatistics()
        empty.merge(all)
        #expect(empty == all)
    }
}

@Suite struct ConfidenceIntervalTests {
    /// Table values (NIST e-Handbook §1.3.6.7.2) and the Cornish–Fisher tail.
    @Test func studentTQuantilesMatchPublishedValues() {
        #expect(StudentT.quantile975(degreesOfFreedom: 1) == 12.706205)
        #expect(StudentT.quantile975(degreesOfFreedom: 9) == 2.262157)
        #expect(StudentT.quantile975(degreesOfFreedom: 30) == 2.042272)
        // scipy.stats.t.ppf(0.975, ν) for ν = 31, 40, 60, 120, 1000.
        let reference: [(Int, Double)] = [(31, 2.039513446), (40, 2.021075390), (60, 2.000297822),
                                          (120, 1.979930405), (1000, 1.962339081)]
        for (nu, t) in reference {
            #expect(abs(StudentT.quantile975(degreesOfFreedom: nu) - t) < 1e-7)
        }
        #expect(abs(StudentT.quantile975(degreesOfFreedom: 1_000_000) - StudentT.normalQuantile975) < 1e-5)
    }

    @Test func intervalOverReplications() throws {
        // Ten replications: mean 10, s = 1 (deviations ±1 with n−1 normalisation).
        let values = [9, 11, 9, 11, 9, 11, 9, 11, 9, 11].map(Double.init)
        let interval = try #require(ConfidenceInterval(replications: values))
        let s = (10.0 / 9).squareRoot()
        let expected = 2.262157 * s / 10.0.squareRoot()
        #expect(interval.mean == 10)
        #expect(abs((interval.halfWidth ?? 0) - expected) < 1e-12)
        #expect(interval.contains(10.7) && !interval.contains(10.9))
        #expect(interval.replications == 10)
        let single = try #require(ConfidenceInterval(replications: [3.0]))
        #expect(single.halfWidth == nil && !single.contains(3))
        #expect(ConfidenceInterval(replications: [Double]()) == nil)
    }

    /// Coverage: over many independent sets of 5 normal replications, the 95 %
    /// interval holds the true mean about 95 % of the time (a wrong t would show).
    @Test func intervalCoverageIsNominal() {
        var generator = RandomStreams(seed: 17).generator("coverage")
        var covered = 0
        let trials = 4000
        for _ in 0..<trials {
            let values = (0..<5).map { _ in generator.normal(mean: 3, standardDeviation: 2) }
            if ConfidenceInterval(replications: values)?.contains(3) == true { covered += 1 }
        }
        let coverage = Double(covered) / Double(trials)
        #expect(abs(coverage - 0.95) < 0.015, "coverage \(coverage)")
    }
}

@Suite struct SuccessRatioTests {
    @Test func ratioAndWilsonInterval() throws {
        var delivered = SuccessRatio()
        for i in 0..<1000 { delivered.record(success: i % 100 != 0) }
        #expect(delivered.successes == 990 && delivered.failures == 10)
        #expect(delivered.ratio == 0.99)
        let interval = try #require(delivered.wilsonInterval)
        // Wilson 95 % for 990/1000 is [0.98169, 0.99456] (Wilson 1927, eq. for the score interval).
        #expect(abs(interval.lowerBound - 0.98169) < 1e-4)
        #expect(abs(interval.upperBound - 0.99456) < 1e-4)
        let perfect = try #require(SuccessRatio(successes: 50, trials: 50).wilsonInterval)
        #expect(perfect.upperBound == 1 && perfect.lowerBound < 0.95)
        #expect(SuccessRatio().ratio == nil)
        var merged = SuccessRatio(successes: 1, trials: 2)
        merged.merge(SuccessRatio(successes: 3, trials: 4))
        #expect(merged == SuccessRatio(successes: 4, trials: 6))
    }
}

@Suite struct TimeWeightedTests {
    @Test func averageWeightsValuesByHowLongTheyHeld() {
        var queue = TimeWeightedAverage()
        queue.update(to: 2, at: .seconds(1))   // 0 for 1 s
        queue.update(to: 1, at: .seconds(4))   // 2 for 3 s
        queue.add(-1, at: .seconds(6))         // 1 for 2 s, then 0
        #expect(queue.integral(until: .seconds(10)) == 8)
        #expect(queue.average(until: .seconds(10)) == 0.8)
        #expect(queue.maximum == 2)
        #expect(TimeWeightedAverage().average(until: .zero) == nil)
    }

    @Test func stateResidencySumsToTheElapsedTime() {
        // 0 sleep, 1 listen, 2 transmit.
        var radio = StateResidency(states: 3, initial: 0)
        radio.transition(to: 2, at: .milliseconds(10))
        radio.transition(to: 1, at: .milliseconds(12))
        radio.transition(to: 1, at: .milliseconds(13))
        radio.transition(to: 0, at: .milliseconds(20))
        let end = SimTime.milliseconds(100)
        #expect(radio.time(in: 0, until: end) == .milliseconds(90))
        #expect(radio.time(in: 1, until: end) == .milliseconds(8))
        #expect(radio.time(in: 2, until: end) == .milliseconds(2))
        #expect(radio.fractions(from: .zero, until: end) == [0.9, 0.08, 0.02])
        #expect(radio.entries == [2, 1, 1])
    }
}
