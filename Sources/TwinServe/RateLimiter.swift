import Foundation

/// Token buckets per key (a client token's id, a batch's source): `rate` units a second
/// with bursts up to `burst`. A request that finds too few units is refused with the
/// seconds until it would fit (`Retry-After`).
public final class RateLimiter: @unchecked Sendable {
    private struct Bucket {
        var units: Double
        var updated: Double
    }

    public let rate: Double
    public let burst: Double
    private var buckets: [String: Bucket] = [:]
    private let lock = NSLock()

    public init(rate: Double, burst: Double) {
        self.rate = rate
        self.burst = burst
    }

    /// Takes `cost` units for `key` at `now` (seconds); nil when allowed, else the wait.
    public func take(_ key: String, cost: Double = 1, now: Double) -> Double? {
        lock.lock()
        defer { lock.unlock() }
        var bucket = buckets[key] ?? Bucket(units: burst, updated: now)
        bucket.units = Swift.min(burst, bucket.units + (now - bucket.updated) * rate)
        bucket.updated = now
        guard bucket.units >= Swift.min(cost, burst) else {
            buckets[key] = bucket
            return (Swift.min(cost, burst) - bucket.units) / rate
        }
        bucket.units -= cost
        buckets[key] = bucket
        if buckets.count > 10_000 { buckets = buckets.filter { now - $0.value.updated < 60 } }
        return nil
    }
}
