import TwinUnits

/// The KPIs a twin.json goal can name: the raw values of the intent's `kpi` (TwinSpec's
/// `KPI`, which the runtime does not import: twin.json is its only input).
///
/// How one replication turns into one value (the goal's devices are its resolved
/// scope; an empty scope means every device):
///
/// | KPI | Per device | Across the goal's devices |
/// |---|---|---|
/// | `delivery-ratio` | delivered / generated after warm-up; with `within`, only packets delivered within it | worst device |
/// | `latency` | the threshold's statistic (mean, pNN, max, min) of end-to-end latency | worst device |
/// | `lifetime` | death time, or predicted from the average current (`predictedLifetime`) | worst device |
/// | `energy` | energy drawn over the run | worst device |
/// | `availability` | share of the measured time not in an outage (event → first delivery after it, or dead) | worst device |
/// | `throughput` | delivered bits / measured time | worst device |
/// | `recovery-time` | — | the statistic over every (device, fault event) recovery; never recovered counts as the rest of the run |
/// | `security-detect` | — | share of the named attacks detected within `within` |
/// | `security-protect` | — | highest residual CVSS score of the named threats (`SecurityExposure`), and every device at the required level |
///
/// "Worst device" makes a goal over several devices hold for each of them: the value
/// reported is the smallest for a lower bound (`>=`), the largest for an upper bound
/// (`<=`). For per-device KPIs other than latency an explicit `min`, `max` or `pNN`
/// statistic ranges over the devices instead (nearest rank). The verdict compares the
/// mean over replications with the bound.
public enum GoalKPI: String, Sendable, Hashable, CaseIterable {
    case deliveryRatio = "delivery-ratio"
    case latency, lifetime, energy, availability
    case recoveryTime = "recovery-time"
    case throughput
    case securityProtect = "security-protect"
    case securityDetect = "security-detect"

    /// The dimension of the value (and of the target's bound).
    public var dimension: Dimension {
        switch self {
        case .deliveryRatio, .availability, .securityDetect: .ratio
        case .latency, .lifetime, .recoveryTime: .time
        case .energy: .energy
        case .throughput: .dataRate
        case .securityProtect: .count
        }
    }

    /// Which way is better when no threshold says so.
    public var higherIsBetter: Bool {
        switch self {
        case .deliveryRatio, .lifetime, .availability, .throughput, .securityDetect: true
        case .latency, .energy, .recoveryTime, .securityProtect: false
        }
    }

    /// One value per device, combined by the worst-device rule.
    var isPerDevice: Bool {
        switch self {
        case .deliveryRatio, .latency, .lifetime, .energy, .availability, .throughput: true
        case .recoveryTime, .securityDetect, .securityProtect: false
        }
    }
}

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
