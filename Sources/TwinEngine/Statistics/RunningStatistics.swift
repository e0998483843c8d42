/// Count, mean, variance, minimum and maximum of a stream of numbers in O(1) memory.
///
/// Welford's update (B. P. Welford, "Note on a method for calculating corrected sums
/// of squares and products", Technometrics 4(3), 1962) keeps the mean and the sum of
/// squared deviations, so the variance does not suffer the catastrophic cancellation
/// of Σx² − (Σx)²/n when the mean is large against the spread (latencies in ns, energy
/// in joules over days). `merge` combines two summaries exactly (Chan, Golub &
/// LeVeque, "Updating formulae and a pairwise algorithm for computing sample
/// variances", 1979), e.g. per-device into per-network.
public struct RunningStatistics: Hashable, Sendable {
    public private(set) var count: Int = 0
    public private(set) var mean: Double = 0
    /// Sum of squared deviations from the mean (M2).
    public private(set) var sumOfSquaredDeviations: Double = 0
    public private(set) var minimum: Double = .infinity
    public private(set) var maximum: Double = -.infinity

    public init() {}

    public init<S: Sequence>(_ values: S) where S.Element == Double {
        for value in values { add(value) }
    }

    public mutating func add(_ value: Double) {
        count += 1
        let delta = value - mean
        mean += delta / Double(count)
        sumOfSquaredDeviations += delta * (value - mean)
        if value < minimum { minimum = value }
        if value > maximum { maximum = value }
    }

    /// Adds every observation summarised by `other`.
    public mutating func merge(_ other: RunningStatistics) {
        guard other.count > 0 else { return }
        guard count > 0 else { self = other; return }
        let total = count + other.count
        let delta = other.mean - mean
        mean += delta * Double(other.count) / Double(total)
        sumOfSquaredDeviations += other.sumOfSquaredDeviations
            + delta * delta * Double(count) * Double(other.count) / Double(total)
        count = total
        minimum = Swift.min(minimum, other.minimum)
        maximum = Swift.max(maximum, other.maximum)
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
