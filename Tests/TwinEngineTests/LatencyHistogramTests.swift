import Testing
@testable import TwinEngine

@Suite struct LatencyHistogramTests {
    @Test func bucketLayoutIsContiguousAndInvertible() {
        for bits in [3, 7, 8] {
            let histogram = LatencyHistogram(significantBits: bits)
            var expectedLower: UInt64 = 0
            for index in 0..<(40 << (bits - 1)) {
                let (lower, width) = histogram.bucketRange(index)
                #expect(lower == expectedLower, "bits \(bits) index \(index)")
                #expect(histogram.bucketIndex(of: lower) == index)
                #expect(histogram.bucketIndex(of: lower + width - 1) == index)
                expectedLower = lower + width
            }
        }
    }

    @Test func smallValuesAreExact() {
        var histogram = LatencyHistogram(significantBits: 8)
        for ns in 1...200 { histogram.record(.nanoseconds(Int64(ns))) }
        #expect(histogram.percentile(50) == .nanoseconds(100))
        #expect(histogram.percentile(99) == .nanoseconds(198))
        #expect(histogram.percentile(0) == .nanoseconds(1))
        #expect(histogram.percentile(100) == .nanoseconds(200))
    }

    /// Every percentile of a wide, skewed sample is within the documented bound of the
    /// exact nearest-rank value.
    @Test(arguments: [7, 8])
    func percentilesAreWithinTheRelativeErrorBound(bits: Int) throws {
        var generator = RandomStreams(seed: 21).generator("latency")
        var histogram = LatencyHistogram(significantBits: bits)
        var exact: [Int64] = []
        for _ in 0..<20_000 {
            let latency = SimTime(.seconds(generator.logNormal(mu: -4, sigma: 1.5)))
            histogram.record(latency)
            exact.append(latency.nanoseconds)
        }
        exact.sort()
        for p in [1.0, 10, 25, 50, 75, 90, 95, 99, 99.9, 99.99] {
            let rank = Int((p / 100 * Double(exact.count)).rounded(.up))
            let truth = Double(exact[rank - 1])
            let reported = Double(try #require(histogram.percentile(p)).nanoseconds)
            #expect(abs(reported - truth) <= histogram.relativeErrorBound * truth, "p\(p)")
        }
        #expect(histogram.maximum?.nanoseconds == exact.last)
        #expect(histogram.minimum?.nanoseconds == exact.first)
        let exactMean = exact.reduce(0.0) { $0 + Double($1) } / Double(exact.count)
        #expect(abs(Double(histogram.mean?.nanoseconds ?? 0) - exactMean) <= 1)
    }

    @Test func memoryIsBoundedByTheLargestValueNotTheSampleCount() {
        var histogram = LatencyHistogram(significantBits: 8)
        for i in 0..<200_000 { histogram.record(.microseconds(Int64(i % 10_000))) }
        histogram.record(.seconds(10))
        #expect(histogram.count == 200_001)
        #expect(histogram.counts.count < 4_000)
    }

    @Test func fractionWithinADeadline() throws {
        var histogram = LatencyHistogram()
        for ms in 1...1000 { histogram.record(.milliseconds(Int64(ms))) }
        let within = try #require(histogram.fraction(notAbove: .milliseconds(250)))
        #expect(abs(within - 0.25) <= 0.25 * histogram.relativeErrorBound * 2)
        #expect(histogram.fraction(notAbove: .seconds(2)) == 1)
        #expect(histogram.fraction(notAbove: .zero) == 0)
        #expect(LatencyHistogram().fraction(notAbove: .seconds(1)) == nil)
        #expect(LatencyHistogram().percentile(50) == nil)
    }

    @Test func mergeCombinesReplications() {
        var a = LatencyHistogram(), b = LatencyHistogram(), all = LatencyHistogram()
        for ms in 1...500 {
            a.record(.milliseconds(Int64(ms)))
            all.record(.milliseconds(Int64(ms)))
        }
        for ms in 501...1000 {
            b.record(.milliseconds(Int64(ms)))
            all.record(.milliseconds(Int64(ms)))
        }
        a.merge(b)
        #expect(a.counts == all.counts)
        #expect(a.percentile(90) == all.percentile(90))
        #expect(a.count == 1000)
    }
}
