import Foundation
import TwinUnits

/// Analytic bounds derived from `ScheduledAccessLifetimeModel`, for the synthesis
/// stage's feasibility checks: the least average current any scheduled-access
/// configuration can reach for a data rate (and a latency bound), and the shortest
/// allocation interval — hence worst-case latency — a configuration can offer.
///
/// Source: the model of Tachtatzis et al. 2012 (ban-numbers.md §8★A); the relaxation is
/// twinc's. Writing `I_avg = I_sb + Σ_s (I_s − I_sb)·T_s / P`, each term is bounded below
/// by dropping the integer rounding (payload bytes and frame count) and sending every
/// bit at the full-frame airtime per bit (the most efficient framing), using the SI = P
/// branch of the guard time (the smaller one), and choosing the longest admissible
/// interval P (all fixed costs fall as 1/P). Hence no configuration with P ≤ the latency
/// bound beats `minimumAverageCurrent`.
extension ScheduledAccessLifetimeModel {
    /// A lower bound on the average current of every configuration carrying `rate`
    /// with allocation interval at most `maximumLatency` (nil: unbounded interval, the
    /// asymptote P → ∞).
    public func minimumAverageCurrent(rate: DataRate, maximumLatency: Time? = nil) throws(ModelDomainError) -> Current {
        guard rate.si >= 0, rate.si.isFinite else { throw .notPositive(parameter: "data rate", value: rate.si) }
        if let bound = maximumLatency { try ModelMath.requirePositive(bound.si, "maximum latency") }
        let fullFrame = try NarrowbandTiming.frameAirtime(payloadBytes: NarrowbandTiming.maximumPayloadBytes, mode: phyMode)
        let bitsPerFrame = Double(8 * NarrowbandTiming.maximumPayloadBytes)
        let framesPerSecond = rate.si / bitsPerFrame
        let sb = standbyCurrent.si
        // Per-second (rate-proportional and drift) terms.
        var perSecond = (transmitCurrent.si - sb) * framesPerSecond * fullFrame.si
        perSecond += (receiveListenCurrent.si - sb) * (2 * clockAccuracy + framesPerSecond * NarrowbandTiming.mifs.si)
        // Per-interval fixed charge (wake-ups, beacon/B-Ack, guard base, SIFS − one MIFS).
        var fixed = (wakeUpCurrent.si - sb) * wakeUpTime.si * Double(wakeUpsPerInterval)
        fixed += (receiveCurrent.si - sb) * receiveTimePerInterval.si
        fixed += (receiveListenCurrent.si - sb) * (guardTimeBase.si + NarrowbandTiming.sifs.si - NarrowbandTiming.mifs.si)
        let perInterval = maximumLatency.map { fixed / $0.si } ?? 0
        return Current(si: sb + perSecond + Swift.max(perInterval, 0))
    }

    /// An upper bound on the lifetime reachable with `battery`-sized `batteryCapacity`:
    /// `Q / minimumAverageCurrent`.
    public func maximumLifetime(rate: DataRate, maximumLatency: Time? = nil) throws(ModelDomainError) -> Time {
        batteryCapacity / (try minimumAverageCurrent(rate: rate, maximumLatency: maximumLatency))
    }

    /// The shortest allocation interval P (a whole number of milliseconds, which every
    /// (nSlots, L, m) grid point is) whose per-interval activity fits in P at `rate`:
    /// the minimum worst-case latency a scheduled-access configuration can offer. Nil
    /// when no interval up to `limit` (default the longest superframe, 65.536 s) works.
    public func minimumAchievableLatency(rate: DataRate, limit: Time = .seconds(65.536)) throws(ModelDomainError) -> Time? {
        guard rate.si >= 0, rate.si.isFinite else { throw .notPositive(parameter: "data rate", value: rate.si) }
        let lastMillisecond = Int(limit.milliseconds.rounded(.down))
        guard lastMillisecond >= 1 else { return nil }
        // Airtime per second of data (full frames plus MIFS) and clock drift: at or above
        // 1 s per second no interval can ever hold the traffic.
        let fullFrame = try NarrowbandTiming.frameAirtime(payloadBytes: NarrowbandTiming.maximumPayloadBytes, mode: phyMode)
        let dutyPerSecond = rate.si / Double(8 * NarrowbandTiming.maximumPayloadBytes)
            * (fullFrame.si + NarrowbandTiming.mifs.si) + 2 * clockAccuracy
        guard dutyPerSecond < 1 else { return nil }
        for milliseconds in 1...lastMillisecond {
            let config = configurationForInterval(milliseconds: milliseconds)
            do {
                _ = try budget(rate: rate, configuration: config)
                return config.allocationInterval
            } catch {
                continue
            }
        }
        return nil
    }

    /// A configuration with interval exactly `milliseconds` ms: one superframe per
    /// allocation (m = 1), L = 0, and the slots split across superframes of ≤ 256 slots
    /// by raising m when needed.
    func configurationForInterval(milliseconds: Int) -> ScheduledAccessConfiguration {
        var m = 1
        while milliseconds % m != 0 || milliseconds / m > 256 { m += 1 }
        return ScheduledAccessConfiguration(slotsPerSuperframe: milliseconds / m, slotLengthIndex: 0,
                                            superframesPerAllocation: m)
    }
}
