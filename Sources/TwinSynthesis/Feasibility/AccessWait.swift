import TwinModels
import TwinSpec
import TwinUnits

/// How long a packet waits for its transmission opportunity when the MAC only sends at
/// periodic instants (BLE connection events, 802.15.6 allocations), at a statistic of
/// the goal.
///
/// Packets generated at random times wait uniformly in [0, c) for the next instant, so
/// the q-quantile wait is q·c (the mean c/2). Periodic packets every τ see only the
/// offsets k·τ mod c: with the best phase those are the n = c/g multiples of
/// g = gcd(τ, c) from 0 to c − g, equally often, so the q-quantile wait is
/// (⌈q·n⌉ − 1)·g and the mean (n − 1)·g/2 — never more than the random-arrival figure,
/// so either way the result is a lower bound for the traffic it describes. Times are
/// compared on a 1 µs grid.
enum AccessWait {
    /// The fraction of the opportunity interval a statistic corresponds to for random
    /// arrivals (mean ½, pNN NN/100, max 1, min 0).
    static func quantile(_ statistic: Statistic) -> Double {
        switch statistic {
        case .mean: 0.5
        case .percentile(let p): min(max(p / 100, 0), 1)
        case .max: 1
        case .min: 0
        }
    }

    /// The wait at `statistic` for opportunities every `interval`, packets every
    /// `packetInterval` (nil: random arrivals), with the best phase between the two.
    static func wait(interval: Time, packetInterval: Time?, statistic: Statistic) -> Time {
        let q = quantile(statistic)
        let c = Int64((interval.si * 1e6).rounded())
        guard c > 0 else { return .zero }
        guard let packetInterval, packetInterval.si > 0 else {
            return statistic == .mean ? interval / 2 : interval * q
        }
        let tau = max(Int64((packetInterval.si * 1e6).rounded()), 1)
        let g = gcd(tau, c)
        let n = c / g
        let microseconds: Double
        switch statistic {
        case .mean: microseconds = Double(n - 1) * Double(g) / 2
        case .min: microseconds = 0
        default: microseconds = Double(max(Int64((q * Double(n)).rounded(.up)), 1) - 1) * Double(g)
        }
        return .microseconds(microseconds)
    }

    static func gcd(_ a: Int64, _ b: Int64) -> Int64 {
        var (x, y) = (a, b)
        while y != 0 { (x, y) = (y, x % y) }
        return max(x, 1)
    }

    /// The BLE connection interval grid: 7.5 ms to 4 s in 1.25 ms steps (Bluetooth Core
    /// v5.x Vol 6 Part B §4.5.1, `BLEConnectionParameters`).
    static var bleIntervals: [Time] {
        let first = Int((BLEConnectionParameters.intervalRange.lowerBound / BLEConnectionParameters.intervalStep.si).rounded())
        let last = Int((BLEConnectionParameters.intervalRange.upperBound / BLEConnectionParameters.intervalStep.si).rounded())
        return (first...last).map { BLEConnectionParameters.intervalStep * Double($0) }
    }

    /// The least wait at `statistic` any BLE connection interval gives, and the interval.
    static func bestBLEWait(packetInterval: Time?, statistic: Statistic) -> (wait: Time, interval: Time) {
        var best = (wait: Time(si: .infinity), interval: Time.zero)
        for interval in bleIntervals {
            let wait = Self.wait(interval: interval, packetInterval: packetInterval, statistic: statistic)
            if wait < best.wait { best = (wait, interval) }
            if best.wait.si == 0 { break }
        }
        return best
    }

    /// The longest BLE connection interval on the grid at most `limit` (the shortest
    /// interval when `limit` is below it).
    static func longestBLEInterval(atMost limit: Time) -> Time {
        let step = BLEConnectionParameters.intervalStep.si
        let steps = Int((min(limit.si, BLEConnectionParameters.intervalRange.upperBound) / step + 1e-9).rounded(.down))
        return .seconds(Double(max(steps, 6)) * step)
    }
}
