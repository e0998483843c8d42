/// Latency percentiles in bounded memory: a log-linear (HDR-style) histogram of
/// non-negative durations in nanoseconds.
///
/// Values below 2^b ns (b = `significantBits`) each have their own bucket, so they are
/// exact. Above, every power-of-two range [2^k, 2^(k+1)) is split into 2^(b−1) equal
/// buckets of width 2^(k−b+1). A percentile is reported as its bucket's midpoint
/// (clamped to the exact minimum and maximum seen), so
///
///     |reported − true| ≤ 2^−b × true      (b = 8: 0.39 %; b = 7: 0.78 %),
///
/// whatever the number of samples — the same bound as Gil Tene's HdrHistogram with
/// ⌈b·log10 2⌉ significant digits. Buckets are allocated up to the largest value
/// seen: with b = 8, a 10 s maximum needs about 3 800 counters (30 KB), for a run of any
/// length. Count, mean, minimum and maximum are exact (kept beside the buckets).
///
/// Percentiles use the nearest-rank definition: the smallest recorded value v such
/// that at least p % of the samples are ≤ v.
///
/// `record` runs once or twice per simulated packet, so it is inlinable (the stored
/// values are `@usableFromInline` behind read-only accessors): the bucket index, the
/// count and the summary update inline into the caller's loop, the bucket is
/// incremented through one unchecked pointer access after a single uniqueness check,
/// and the rare growth of the bucket table is out of line. The results are those of
/// the plain code, bit for bit.
public struct LatencyHistogram: Hashable, Sendable {
    /// Bits of resolution per power of two (b above); 1...16.
    public let significantBits: Int
    /// Samples per bucket, up to the last bucket reached.
    public var counts: [UInt64] { bucketCounts }
    public var summary: RunningStatistics { statistics }
    public var minimumNanoseconds: Int64 { lowest }
    public var maximumNanoseconds: Int64 { highest }

    @usableFromInline var bucketCounts: [UInt64] = []
    @usableFromInline var statistics = RunningStatistics()
    @usableFromInline var lowest: Int64 = .max
    @usableFromInline var highest: Int64 = 0

    public init(significantBits: Int = 8) {
        precondition((1...16).contains(significantBits), "significantBits must be in 1...16")
        self.significantBits = significantBits
    }

    public var count: Int { summary.count }

    /// The guaranteed relative error of a reported percentile.
    public var relativeErrorBound: Double { 1 / Double(1 << significantBits) }

    /// Records one latency; negative durations are recorded as zero.
    @inlinable @inline(__always)
    public mutating func record(_ latency: SimTime) {
        let ns = Swift.max(0, latency.nanoseconds)
        let index = bucketIndex(of: UInt64(ns))
        if index >= bucketCounts.count { addBuckets(through: index) }
        bucketCounts.withUnsafeMutableBufferPointer { buckets in
            // In range: the table was just extended through `index`.
            buckets.baseAddress.unsafelyUnwrapped[index] &+= 1
        }
        statistics.add(Double(ns))
        lowest = Swift.min(lowest, ns)
        highest = Swift.max(highest, ns)
    }

    /// Records `count` samples of the same latency (an aggregate flow records a batch's
    /// deliveries by value, not one by one).
    public mutating func record(_ latency: SimTime, count: Int) {
        guard count > 0 else { return }
        let ns = Swift.max(0, latency.nanoseconds)
        let index = bucketIndex(of: UInt64(ns))
        if index >= bucketCounts.count { addBuckets(through: index) }
        bucketCounts[index] &+= UInt64(count)
        statistics.add(Double(ns), count: count)
        lowest = Swift.min(lowest, ns)
        highest = Swift.max(highest, ns)
    }

    /// Extends the bucket table with empty buckets through `index`.
    @usableFromInline @inline(never)
    mutating func addBuckets(through index: Int) {
        bucketCounts.append(contentsOf: repeatElement(0, count: index + 1 - bucketCounts.count))
    }

    /// Adds every sample of `other`, which must have the same resolution (replications).
    public mutating func merge(_ other: LatencyHistogram) {
        precondition(other.significantBits == significantBits, "merging histograms of different resolution")
        if other.counts.count > counts.count { addBuckets(through: other.counts.count - 1) }
        for (index, value) in other.counts.enumerated() { bucketCounts[index] += value }
        statistics.merge(other.summary)
        lowest = Swift.min(lowest, other.minimumNanoseconds)
        highest = Swift.max(highest, other.maximumNanoseconds)
    }

    public var mean: SimTime? {
        summary.meanIfAny.map { SimTime(nanoseconds: Int64($0.rounded())) }
    }
    public var minimum: SimTime? { count > 0 ? SimTime(nanoseconds: minimumNanoseconds) : nil }
    public var maximum: SimTime? { count > 0 ? SimTime(nanoseconds: maximumNanoseconds) : nil }

    /// The p-th percentile (p in 0...100), nil when empty. p = 0 and p = 100 give the
    /// exact minimum and maximum.
    public func percentile(_ p: Double) -> SimTime? {
        guard count > 0 else { return nil }
        if p <= 0 { return minimum }
        if p >= 100 { return maximum }
        let rank = Swift.max(1, UInt64((p / 100 * Double(count)).rounded(.up)))
        var seen: UInt64 = 0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            seen += bucketCount
            if seen >= rank {
                let (lower, width) = bucketRange(index)
                let midpoint = Int64(lower + (width - 1) / 2)  // exact when width is 1
                return SimTime(nanoseconds: Swift.min(Swift.max(midpoint, minimumNanoseconds), maximumNanoseconds))
            }
        }
        return maximum
    }

    /// Fraction of samples ≤ `bound` (e.g. "delivered within 250 ms"), up to the
    /// bucket resolution: samples in the bucket containing `bound` count as ≤ it only
    /// when the whole bucket is.
    public func fraction(notAbove bound: SimTime) -> Double? {
        guard count > 0 else { return nil }
        if bound.nanoseconds < 0 { return 0 }
        let limit = UInt64(bound.nanoseconds)
        var below: UInt64 = 0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            let (lower, width) = bucketRange(index)
            if lower + width - 1 <= limit { below += bucketCount } else { break }
        }
        return Double(below) / Double(count)
    }

    // MARK: Bucket layout

    @inlinable @inline(__always)
    func bucketIndex(of value: UInt64) -> Int {
        let b = significantBits
        let bitLength = 64 - value.leadingZeroBitCount
        if bitLength <= b { return Int(value) }
        let shift = bitLength - b
        return shift << (b - 1) + Int(value >> UInt64(shift))
    }

    /// The first value and the width of bucket `index`.
    func bucketRange(_ index: Int) -> (lower: UInt64, width: UInt64) {
        let b = significantBits
        if index < 1 << b { return (UInt64(index), 1) }
        let half = 1 << (b - 1)
        let shift = index / half - 1
        let mantissa = UInt64(index - shift * half)
        return (mantissa << UInt64(shift), 1 << UInt64(shift))
    }
}
