import Foundation
import Testing
@testable import TwinEngine

/// Moment checks with 200 000 draws: the tolerances are several standard errors wide,
/// and the seed is fixed, so these are deterministic yet would catch a wrong formula.
@Suite struct DistributionTests {
    static let draws = 200_000

    func moments(seed: UInt64 = 11, _ draw: (inout Xoshiro256) -> Double) -> RunningStatistics {
        var generator = RandomStreams(seed: seed).generator("distribution-test")
        var statistics = RunningStatistics()
        for _ in 0..<Self.draws { statistics.add(draw(&generator)) }
        return statistics
    }

    func close(_ value: Double?, _ expected: Double, relative tolerance: Double) -> Bool {
        guard let value else { return false }
        return abs(value - expected) <= tolerance * abs(expected)
    }

    @Test func uniformIsInUnitIntervalWithRightMoments() {
        let s = moments { $0.uniform() }
        #expect(s.minimum >= 0 && s.maximum < 1)
        #expect(close(s.mean, 0.5, relative: 0.01))
        #expect(close(s.sampleVariance, 1.0 / 12, relative: 0.02))
        let shifted = moments { $0.uniform(-3, 5) }
        #expect(shifted.minimum >= -3 && shifted.maximum < 5)
        #expect(abs(shifted.mean - 1) < 0.03)
    }

    @Test func uniformIntegerCoversItsRangeEvenly() {
        var generator = RandomStreams(seed: 3).generator("backoff")
        var histogram = Array(repeating: 0, count: 8)
        for _ in 0..<80_000 { histogram[generator.uniformInteger(in: 1...8) - 1] += 1 }
        #expect(histogram.allSatisfy { abs($0 - 10_000) < 500 })
        #expect(generator.uniformInteger(in: 5...5) == 5)
    }

    @Test func exponentialHasMeanAndVarianceOfItsRate() {
        let s = moments { $0.exponential(rate: 4) }
        #expect(s.minimum > 0)
        #expect(close(s.mean, 0.25, relative: 0.02))
        #expect(close(s.sampleVariance, 0.0625, relative: 0.04))
        var generator = RandomStreams(seed: 1).generator("alarms")
        var total = RunningStatistics()
        for _ in 0..<50_000 { total.add(generator.exponential(mean: .milliseconds(20)).seconds) }
        #expect(close(total.mean, 0.020, relative: 0.02))
    }

    @Test func normalHasMeanVarianceAndTails() {
        var inside = 0
        let s = moments { generator in
            let z = generator.standardNormal()
            if abs(z) < 1.959964 { inside += 1 }
            return z
        }
        #expect(abs(s.mean) < 0.01)
        #expect(close(s.sampleVariance, 1, relative: 0.02))
        #expect(abs(Double(inside) / Double(Self.draws) - 0.95) < 0.003)
        let shadowing = moments { $0.normal(mean: -3, standardDeviation: 5.35) }
        #expect(abs(shadowing.mean + 3) < 0.05)
        #expect(close(shadowing.standardDeviation, 5.35, relative: 0.01))
    }

    @Test func logNormalMeanIsExpOfMuPlusHalfSigmaSquared() {
        let s = moments { $0.logNormal(mu: 0.5, sigma: 0.4) }
        #expect(s.minimum > 0)
        #expect(close(s.mean, exp(0.5 + 0.08), relative: 0.01))
        let variance = (exp(0.16) - 1) * exp(1 + 0.16)
        #expect(close(s.sampleVariance, variance, relative: 0.04))
    }

    @Test func weibullMomentsFollowTheGammaFunction() {
        let shape = 1.7, scale = 3.0
        let s = moments { $0.weibull(shape: shape, scale: scale) }
        let g1 = tgamma(1 + 1 / shape), g2 = tgamma(1 + 2 / shape)
        #expect(close(s.mean, scale * g1, relative: 0.01))
        #expect(close(s.sampleVariance, scale * scale * (g2 - g1 * g1), relative: 0.03))
        let exponential = moments { $0.weibull(shape: 1, scale: 2) }
        #expect(close(exponential.mean, 2, relative: 0.02))
    }

    @Test func bernoulliFrequencyMatchesProbability() {
        let s = moments { $0.bernoulli(0.3) ? 1 : 0 }
        #expect(abs(s.mean - 0.3) < 0.004)
        let never = moments { $0.bernoulli(0) ? 1 : 0 }
        let always = moments { $0.bernoulli(1) ? 1 : 0 }
        #expect(never.maximum == 0)
        #expect(always.minimum == 1)
    }

    @Test(arguments: [0.7, 3.0, 9.5, 10.0, 50.0, 1000.0])
    func poissonMeanEqualsVariance(mean: Double) {
        let s = moments { Double($0.poisson(mean: mean)) }
        #expect(s.minimum >= 0)
        #expect(close(s.mean, mean, relative: 0.01))
        #expect(close(s.sampleVariance, mean, relative: 0.03))
    }

    /// The point probabilities, not just moments, on both sides of the algorithm switch.
    @Test(arguments: [3.0, 25.0])
    func poissonPointProbabilitiesMatchThePMF(mean: Double) {
        var generator = RandomStreams(seed: 9).generator("poisson-pmf")
        var counts = [Int: Int]()
        for _ in 0..<Self.draws { counts[generator.poisson(mean: mean), default: 0] += 1 }
        let mode = Int(mean)
        for k in [mode - 2, mode, mode + 3] {
            let pmf = exp(-mean + Double(k) * log(mean) - lgamma(Double(k) + 1))
            let observed = Double(counts[k, default: 0]) / Double(Self.draws)
            #expect(abs(observed - pmf) < 4 * (pmf / Double(Self.draws)).squareRoot() + 1e-4)
        }
    }

    @Test func drawsAreAPureFunctionOfTheGenerator() {
        let generator = RandomStreams(seed: 99).generator("device", "purpose")
        var a = generator, b = generator
        for _ in 0..<100 {
            #expect(a.normal(mean: 1, standardDeviation: 2) == b.normal(mean: 1, standardDeviation: 2))
            #expect(a.poisson(mean: 40) == b.poisson(mean: 40))
            #expect(a.weibull(shape: 2, scale: 1) == b.weibull(shape: 2, scale: 1))
        }
    }
}
