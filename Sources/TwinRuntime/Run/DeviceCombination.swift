import TwinUnits
import TwinVocabulary

/// Combines values (one per device, in config order) into the goal's value.
public enum DeviceCombination {
    /// The value and the device it came from; nil for no values.
    static func combine(_ values: [(device: String, value: Double)], statistic: Statistic?,
                        threshold: Threshold?, higherIsBetter: Bool) -> (device: String, value: Double)? {
        guard !values.isEmpty else { return nil }
        switch statistic ?? .mean {
        case .min: return values.min { $0.value < $1.value }
        case .max: return values.max { $0.value < $1.value }
        case .percentile(let p):
            let sorted = values.enumerated().sorted { ($0.element.value, $0.offset) < ($1.element.value, $1.offset) }
            let rank = Swift.max(1, Int((p / 100 * Double(sorted.count)).rounded(.up)))
            return sorted[Swift.min(rank, sorted.count) - 1].element
        case .mean: return worst(values, threshold: threshold, higherIsBetter: higherIsBetter)
        }
    }

    /// The value furthest on the failing side of the threshold: the smallest for a
    /// lower bound, the largest for an upper bound, the furthest from the bound for
    /// `==`. The first such device in config order wins ties.
    static func worst(_ values: [(device: String, value: Double)], threshold: Threshold?,
                      higherIsBetter: Bool) -> (device: String, value: Double)? {
        guard let first = values.first else { return nil }
        let key: (Double) -> Double
        if let threshold, threshold.op == .equal {
            let bound = threshold.bound.value
            key = { -abs($0 - bound) }
        } else if let threshold, threshold.op.isUpperBound {
            key = { -$0 }
        } else if threshold != nil || higherIsBetter {
            key = { $0 }
        } else {
            key = { -$0 }
        }
        var chosen = first
        for candidate in values.dropFirst() where key(candidate.value) < key(chosen.value) { chosen = candidate }
        return chosen
    }

    /// Nearest-rank percentile (or mean, min, max) of pooled samples. Public so the
    /// optimiser's analytic estimates summarise samples exactly as the verdicts do.
    public static func statistic(_ statistic: Statistic, of samples: [Double]) -> Double? {
        guard !samples.isEmpty else { return nil }
        switch statistic {
        case .mean: return samples.reduce(0, +) / Double(samples.count)
        case .min: return samples.min()
        case .max: return samples.max()
        case .percentile(let p):
            let sorted = samples.sorted()
            let rank = Swift.max(1, Int((p / 100 * Double(sorted.count)).rounded(.up)))
            return sorted[Swift.min(rank, sorted.count) - 1]
        }
    }
}
