import Foundation

/// Successes out of trials: delivery ratio, packet success rate, detection rate.
///
/// Kept as two integers so ratios merge exactly across devices and replications and
/// print without drift. `wilsonInterval` gives a 95 % interval for the underlying
/// probability from one run (E. B. Wilson, "Probable inference, the law of succession,
/// and statistical inference", JASA 22, 1927), which stays inside [0, 1] and is
/// sensible at 0 or n successes where the normal approximation collapses — the usual
/// case for a "99.9 % delivered" goal.
public struct SuccessRatio: Hashable, Sendable {
    public private(set) var successes: Int = 0
    public private(set) var trials: Int = 0

    public init() {}

    public init(successes: Int, trials: Int) {
        precondition(successes >= 0 && successes <= trials, "successes must be in 0...trials")
        self.successes = successes
        self.trials = trials
    }

    public var failures: Int { trials - successes }

    public mutating func record(success: Bool) {
        trials += 1
        if success { successes += 1 }
    }

    public mutating func merge(_ other: SuccessRatio) {
        successes += other.successes
        trials += other.trials
    }

    /// successes / trials, nil when there were no trials.
    public var ratio: Double? { trials > 0 ? Double(successes) / Double(trials) : nil }

    /// The Wilson score interval at 95 % (z = 1.959964); nil when there were no trials.
    public var wilsonInterval: ClosedRange<Double>? {
        guard trials > 0 else { return nil }
        let z = StudentT.normalQuantile975
        let n = Double(trials)
        let p = Double(successes) / n
        let denominator = 1 + z * z / n
        let centre = (p + z * z / (2 * n)) / denominator
        let half = z * (p * (1 - p) / n + z * z / (4 * n * n)).squareRoot() / denominator
        return Swift.max(0, centre - half)...Swift.min(1, centre + half)
    }
}
