/// Count, mean, variance, minimum and maximum of a stream of numbers in O(1) memory.
///
/// Welford's update (B. P. Welford, "Note on a method for calculating corrected sums
/// of squares and products", Technometrics 4(3), 1962) keeps the mean and the sum of
/// squared deviations, so the variance does not suffer the catastrophic cancellation
/// of Σx² − (Σx)²/n when the mean is large against the spread (latencies in ns, energy
/// in joules over days). `merge` combines two summaries exactly (Chan, Golub &
/// LeVeque, "Updating formulae and a pairwise algorithm for computing sample
/// variances", 1979), e.g. per-device into per-network.
///
/// `add` is inlinable (the stored values are `@usableFromInline` behind read-only
/// accessors) because the simulation calls it twice per packet: inlined, the update
/// stays in registers instead of a call per sample. Inlining changes no result: the same
/// IEEE operations run in the same order.
public struct RunningStatistics: Hashable, Sendable {
    public var count: Int { storedCount }
    public var mean: Double { storedMean }
    /// Sum of squared deviations from the mean (M2).
    public var sumOfSquaredDeviations: Double { storedDeviations }
    public var minimum: Double { storedMinimum }
    public var maximum: Double { storedMaximum }

    @usableFromInline var storedCount: Int = 0
    @usableFromInline var storedMean: Double = 0
    @usableFromInline var storedDeviations: Double = 0
    @usableFromInline var storedMinimum: Double = .infinity
    @usableFromInline var storedMaximum: Double = -.infinity

    public init() {}

    public init<S: Sequence>(_ values: S) where S.Element == Double {
        for value in values { add(value) }
    }

    @inlinable @inline(__always)
    public mutating func add(_ value: Double) {
        storedCount += 1
        let delta = value - storedMean
        storedMean += delta / Double(storedCount)
        storedDeviations += delta * (value - storedMean)
        if value < storedMinimum { storedMinimum = value }
        if value > storedMaximum { storedMaximum = value }
    }

    /// Adds `count` observations of the same `value` at once (an aggregate flow's batch):
    /// the exact result of `merge` with their summary (mean `value`, no spread).
    public mutating func add(_ value: Double, count: Int) {
        guard count > 0 else { return }
        var repeated = RunningStatistics()
        repeated.storedCount = count
        repeated.storedMean = value
        repeated.storedMinimum = value
        repeated.storedMaximum = value
        merge(repeated)
    }

    /// Adds every observation summarised by `other`.
    public mutating func merge(_ other: RunningStatistics) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let total = count + other.count
        let delta = other.mean - mean
        storedMean += delta * Double(other.count) / Double(total)
        storedDeviations += other.sumOfSquaredDeviations
            + delta * delta * Double(count) * Double(other.count) / Double(total)
        storedCount = total
        storedMinimum = Swift.min(minimum, other.minimum)
        storedMaximum = Swift.max(maximum, other.maximum)
    }

    /// The unbiased sample variance (divisor n − 1); nil below two observations.
    public var sampleVariance: Double? {
        count > 1 ? sumOfSquaredDeviations / Double(count - 1) : nil
    }

    /// The population variance (divisor n); nil when empty.
    public var populationVariance: Double? {
        count > 0 ? sumOfSquaredDeviations / Double(count) : nil
    }

    /// The sample standard deviation; nil below two observations.
    public var standardDeviation: Double? { sampleVariance.map { $0.squareRoot() } }

    /// The mean, or nil when empty (where `mean` reads 0).
    public var meanIfAny: Double? { count > 0 ? mean : nil }
}
