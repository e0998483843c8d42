import Foundation
import TwinUnits

/// Builds one hub's `HubAllocationPlan` from its devices' demands.
///
/// Rule (IEEE Std 802.15.6-2012 as summarised in ban-numbers.md §2): the hub has one
/// slot length for its superframe; the allocator uses the hub's L when given, otherwise
/// the smallest L (0…255) for which everything fits. Each device gets, in the order of
/// the demands (the caller sorts: user priority, then id),
/// - a scheduled allocation of `⌈(GT + frames·exchange) / Tslot⌉` slots, and
/// - when it reserves retransmissions, a second allocation of
///   `⌈(GT + retransmissions·exchange) / Tslot⌉` slots after every device's scheduled
///   allocation, so a frame the B-Ack does not confirm is resent in the same superframe
///   instead of one allocation interval later.
/// Slot 0 is the beacon. Allocations are laid end to end, so they cannot overlap; the
/// plan's `conflicts` checks it anyway. What is left is the contention phase.
///
/// The guard time per allocation is the Tachtatzis 2010 eq. 14 guard time of the
/// allocation's interval, `GT = 61.6 µs + 2·max(P, 8·TSF)·20 ppm`
/// (`ScheduledAccessLifetimeModel.guardTime(for:)`).
public enum ScheduledAllocator {
    public static let source =
        "IEEE Std 802.15.6-2012 allocation slots Tslot = 1 ms + L·1 ms, 1-256 slots (ban-numbers.md §2); guard time Tachtatzis 2010 eq. 14"

    /// Why a hub's demands cannot be allocated.
    public enum Failure: Error, Sendable, Hashable, CustomStringConvertible {
        /// `needed` slots (beacon included) at the largest usable L exceed the superframe.
        case doesNotFit(needed: Int, available: Int, slotLengthIndex: Int)
        case invalid(ModelDomainError)

        public var description: String {
            switch self {
            case let .doesNotFit(needed, available, l):
                "the allocations need \(needed) slots of \(1 + l) ms but the superframe has \(available)"
            case let .invalid(error): error.description
            }
        }
    }

    /// Allocates `demands` in a superframe of `slotsPerSuperframe` slots (1…256), with
    /// slot-length index `slotLengthIndex` when the hub fixes it.
    public static func plan(_ demands: [AllocationDemand], slotsPerSuperframe: Int,
                            slotLengthIndex: Int? = nil,
                            lifetimeModel: ScheduledAccessLifetimeModel = .tachtatzis2012) throws(Failure) -> HubAllocationPlan {
        do {
            try ModelMath.require(Double(slotsPerSuperframe), in: 1...256, "slots per superframe")
            for demand in demands {
                try ModelMath.require(Double(demand.framesPerAllocation), in: 1...65_535, "frames per allocation")
                try ModelMath.require(Double(demand.retransmissions), in: 0...65_535, "retransmissions")
                try ModelMath.require(Double(demand.period), in: 1...65_536, "superframes per allocation m")
                try ModelMath.requirePositive(demand.frameExchange.si, "frame exchange airtime")
            }
            if let l = slotLengthIndex { try ModelMath.require(Double(l), in: 0...255, "allocation slot length index L") }
        } catch {
            throw .invalid(error)
        }
        var closest: (needed: Int, l: Int)?
        for l in slotLengthIndex.map({ [$0] }) ?? Array(0...255) {
            let sizes = demands.map { slotCounts($0, slotLengthIndex: l, slots: slotsPerSuperframe, model: lifetimeModel) }
            let needed = 1 + sizes.reduce(0) { $0 + $1.scheduled + $1.retransmission }
            guard needed <= slotsPerSuperframe else {
                if needed < (closest?.needed ?? Int.max) { closest = (needed, l) }
                continue
            }
            var next = 1
            var allocations: [SlotAllocation] = []
            for (demand, size) in zip(demands, sizes) {
                allocations.append(SlotAllocation(device: demand.device, kind: .scheduled, firstSlot: next,
                                                  slotCount: size.scheduled, period: demand.period))
                next += size.scheduled
            }
            for (demand, size) in zip(demands, sizes) where size.retransmission > 0 {
                allocations.append(SlotAllocation(device: demand.device, kind: .retransmission, firstSlot: next,
                                                  slotCount: size.retransmission, period: demand.period))
                next += size.retransmission
            }
            return HubAllocationPlan(slotLengthIndex: l, slotsPerSuperframe: slotsPerSuperframe, allocations: allocations)
        }
        let worst = closest ?? (Int.max, slotLengthIndex ?? 0)
        throw .doesNotFit(needed: worst.needed, available: slotsPerSuperframe, slotLengthIndex: worst.l)
    }

    /// Slots for a demand's scheduled and retransmission allocations at slot length L.
    static func slotCounts(_ demand: AllocationDemand, slotLengthIndex l: Int, slots: Int,
                           model: ScheduledAccessLifetimeModel) -> (scheduled: Int, retransmission: Int) {
        let slot = Time.milliseconds(Double(1 + l))
        let config = ScheduledAccessConfiguration(slotsPerSuperframe: slots, slotLengthIndex: l,
                                                  superframesPerAllocation: demand.period)
        let guardTime = model.guardTime(for: config)
        func count(_ frames: Int) -> Int {
            frames == 0 ? 0 : Int(ModelMath.ceilTolerant((guardTime + demand.frameExchange * Double(frames)) / slot))
        }
        return (count(demand.framesPerAllocation), count(demand.retransmissions))
    }

    /// Data frame of `payloadBytes`, pSIFS and I-Ack in `mode` (Tachtatzis 2010 eqs. 1–7
    /// via `NarrowbandTiming`): the `frameExchange` of a demand.
    public static func frameExchange(payloadBytes: Int,
                                     mode: NarrowbandPHY.Mode = NarrowbandPHY.ism2400Fastest) throws(ModelDomainError) -> Time {
        try NarrowbandTiming.frameAirtime(payloadBytes: payloadBytes, mode: mode) + NarrowbandTiming.sifs
            + NarrowbandTiming.frameAirtime(payloadBytes: 0, mode: mode)
    }
}
