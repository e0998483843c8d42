import Foundation
import TwinUnits

/// Latency of a frame under a scheduled allocation with retransmission in the same
/// superframe — one model for the runtime's checks and the optimiser's estimates.
///
/// A frame is generated at a uniformly random phase of the allocation interval P (the
/// traffic is not synchronised with the hub's superframe), so it waits `W ~ U(0, P)`
/// for its device's next scheduled allocation. Attempt 0 ends `firstAttempt` after the
/// allocation starts; if it fails (probability `frameErrorRate`, independent per
/// attempt), the same superframe's retransmission allocation or contention phase gives
/// attempts ending at `retryOffsets`; when they all fail the frame waits for the next
/// allocation, P later, and the cycle repeats until `maximumAttempts` is spent (then it
/// is lost). Latency = W + the end of the successful attempt + k·P.
///
/// Bursts are sent oldest first (FIFO), so the frames in the latency tail — generated
/// just after the previous allocation — are the first of their burst: for tail
/// quantiles use `position` 0; a later position describes the newest frames, whose
/// waits are short.
///
/// Source: this is the standard's allocation cycle (ban-numbers.md §2) with i.i.d.
/// attempts, twinc's own closed form; with `frameErrorRate = 0` the p-quantile is
/// `q·P + firstAttempt`, below P whenever `firstAttempt < (1−q)·P`.
public struct ScheduledAccessLatency: Sendable, Hashable {
    public var allocationInterval: Time
    /// From the start of the device's scheduled allocation to the end of the frame's
    /// first exchange (guard time + its position in the burst).
    public var firstAttempt: Time
    /// From the same start to the end of each retry available in the same superframe.
    public var retryOffsets: [Time]
    public var frameErrorRate: Double
    /// Attempts in total before the frame is dropped (1 + retries).
    public var maximumAttempts: Int

    public init(allocationInterval: Time, firstAttempt: Time, retryOffsets: [Time], frameErrorRate: Double,
                maximumAttempts: Int) {
        self.allocationInterval = allocationInterval
        self.firstAttempt = firstAttempt
        self.retryOffsets = retryOffsets.sorted()
        self.frameErrorRate = Swift.min(Swift.max(frameErrorRate, 0), 1)
        self.maximumAttempts = Swift.max(1, maximumAttempts)
    }

    /// The model for `device` in `plan`, its frame at `position` (0-based) in its burst,
    /// one retry per reserved retransmission frame.
    public init?(plan: HubAllocationPlan, device: String, frameExchange: Time, position: Int = 0,
                 guardTime: Time, frameErrorRate: Double, maximumAttempts: Int) {
        guard let scheduled = plan.allocation(of: device) else { return nil }
        let start = plan.start(ofSlot: scheduled.firstSlot)
        var retries: [Time] = []
        if let retry = plan.allocation(of: device, kind: .retransmission) {
            let capacity = Int(((plan.slotLength * Double(retry.slotCount) - guardTime) / frameExchange).rounded(.down))
            let retryStart = plan.start(ofSlot: retry.firstSlot) - start + guardTime
            retries = (0..<Swift.max(0, capacity)).map { retryStart + frameExchange * Double($0 + 1) }
        }
        self.init(allocationInterval: plan.superframe * Double(scheduled.period),
                  firstAttempt: guardTime + frameExchange * Double(position + 1), retryOffsets: retries,
                  frameErrorRate: frameErrorRate, maximumAttempts: maximumAttempts)
    }

    /// (delay after the allocation start, probability) of each delivering attempt.
    private var outcomes: [(delay: Double, probability: Double)] {
        let p = frameErrorRate, period = allocationInterval.si
        let cycle = [firstAttempt.si] + retryOffsets.map(\.si)
        var result: [(Double, Double)] = []
        for attempt in 0..<maximumAttempts {
            let round = attempt / cycle.count, slot = attempt % cycle.count
            result.append((cycle[slot] + Double(round) * period, pow(p, Double(attempt)) * (1 - p)))
        }
        return result
    }

    /// Probability the frame is dropped after `maximumAttempts` failures.
    public var lossProbability: Double { pow(frameErrorRate, Double(maximumAttempts)) }

    /// P(latency ≤ x) over delivered and lost frames alike (lost frames never count).
    public func cumulativeProbability(_ x: Time) -> Double {
        let period = allocationInterval.si
        return outcomes.reduce(0) { sum, outcome in
            sum + outcome.probability * Swift.min(Swift.max((x.si - outcome.delay) / period, 0), 1)
        }
    }

    /// The q-quantile of the latency of delivered frames (nil when q is not reached,
    /// e.g. q above the delivery probability when counting over all frames).
    public func quantile(_ q: Double) -> Time? {
        let delivered = 1 - lossProbability
        guard q > 0, q < 1, delivered > 0 else { return nil }
        let target = q * delivered
        var low = 0.0, high = (outcomes.map(\.delay).max() ?? 0) + allocationInterval.si
        for _ in 0..<200 {
            let mid = (low + high) / 2
            if cumulativeProbability(.seconds(mid)) < target { low = mid } else { high = mid }
        }
        return .seconds(high)
    }
}
