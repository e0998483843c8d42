import Foundation
import TwinUnits

/// A device's packet counts over a sliding window: buckets of `bucket` seconds, the
/// newest `count` of them, so memory is the same after a day as after a minute.
/// Latencies go into a fixed log grid (20 bins a decade from 1 ms to 1000 s, plus one
/// above) at the upper bound of the bucket a report gave them in, so a percentile read
/// from the window is never optimistic.
public struct DeviceWindow: Sendable, Hashable {
    public static let grid: [Double] = (0...120).map { pow(10, -3 + Double($0) / 20) }

    struct Bucket: Sendable, Hashable {
        var index: Int
        var generated = 0
        var delivered = 0
        var dropped = 0
        var latency: [Int]
        var reports = 0
        /// Delivered within each of `deadlines`, counted exactly from the reports' buckets.
        var within: [Int]
    }

    public let bucket: Double
    public let count: Int
    /// The goals' deadlines (`within`), counted exactly rather than on the grid.
    public let deadlines: [Double]
    private var buckets: [Bucket] = []

    public init(bucket: Time = .seconds(60), count: Int = 10, deadlines: [Time] = []) {
        self.bucket = bucket.si
        self.count = Swift.max(1, count)
        self.deadlines = deadlines.map(\.si)
    }

    public var length: Time { .seconds(bucket * Double(count)) }

    public mutating func add(_ report: DeviceReport, at time: Timestamp) {
        let index = Int((time.secondsSinceEpoch / bucket).rounded(.down))
        if buckets.last?.index != index {
            buckets.append(Bucket(index: index, latency: Array(repeating: 0, count: Self.grid.count + 1),
                                  within: Array(repeating: 0, count: deadlines.count)))
            buckets.removeAll { $0.index <= index - count }
        }
        let last = buckets.count - 1
        buckets[last].generated += report.generated
        buckets[last].delivered += report.delivered
        buckets[last].dropped += report.dropped.reduce(0) { $0 + $1.count }
        buckets[last].reports += 1
        if let latency = report.latency {
            for (position, deadline) in deadlines.enumerated() {
                buckets[last].within[position] += latency.count(within: .seconds(deadline))
            }
            for (position, count) in latency.counts.enumerated() where count > 0 {
                let bin = position < latency.bounds.count ? Self.bin(of: latency.bounds[position].si) : Self.grid.count
                buckets[last].latency[bin] += count
            }
        }
    }

    /// The grid bin whose bound is the smallest at or above `seconds`.
    static func bin(of seconds: Double) -> Int {
        var low = 0, high = grid.count
        while low < high {
            let mid = (low + high) / 2
            if grid[mid] >= seconds * (1 - 1e-9) { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// Totals over the buckets not older than the window before `now`.
    public func totals(now: Timestamp) -> WindowTotals {
        let newest = Int((now.secondsSinceEpoch / bucket).rounded(.down))
        var totals = WindowTotals(latency: Array(repeating: 0, count: Self.grid.count + 1), deadlines: deadlines,
                                  within: Array(repeating: 0, count: deadlines.count))
        for entry in buckets where entry.index > newest - count {
            totals.generated += entry.generated
            totals.delivered += entry.delivered
            totals.dropped += entry.dropped
            totals.reports += entry.reports
            for bin in entry.latency.indices { totals.latency[bin] += entry.latency[bin] }
            for position in entry.within.indices { totals.within[position] += entry.within[position] }
        }
        return totals
    }
}

/// A window's counts.
public struct WindowTotals: Sendable, Hashable {
    public var generated = 0
    public var delivered = 0
    public var dropped = 0
    public var reports = 0
    public var latency: [Int]
    public var deadlines: [Double] = []
    public var within: [Int] = []

    public var latencyCount: Int { latency.reduce(0, +) }

    /// Packets whose latency bound is within `deadline`.
    public func delivered(within deadline: Time) -> Int {
        if let position = deadlines.firstIndex(where: { abs($0 - deadline.si) <= 1e-9 * Swift.max(1, $0) }) {
            return within[position]
        }
        var total = 0
        for (bin, bound) in DeviceWindow.grid.enumerated() where bound <= deadline.si * (1 + 1e-9) { total += latency[bin] }
        return total
    }

    /// The latency at rank `rank` (1-based) of the sorted samples: the grid bound of its bin.
    public func latency(rank: Int) -> Time? {
        guard rank >= 1, rank <= latencyCount else { return nil }
        var cumulative = 0
        for bin in latency.indices {
            cumulative += latency[bin]
            if cumulative >= rank { return .seconds(bin < DeviceWindow.grid.count ? DeviceWindow.grid[bin] : .infinity) }
        }
        return nil
    }
}
