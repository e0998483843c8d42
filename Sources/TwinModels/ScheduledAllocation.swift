import Foundation
import TwinUnits

/// What one device asks of its hub's scheduled access: the frames one allocation must
/// carry, the airtime of one frame exchange, how many retransmissions to reserve in the
/// same superframe, and how often (every `period` superframes, m-periodic access).
public struct AllocationDemand: Sendable, Hashable {
    public var device: String
    public var framesPerAllocation: Int
    /// Data frame + pSIFS + acknowledgement (I-Ack, or the frame's share of a B-Ack).
    public var frameExchange: Time
    /// Frames reserved for retransmission later in the same superframe (0: none).
    public var retransmissions: Int
    /// Superframes between allocations, m ≥ 1.
    public var period: Int

    public init(device: String, framesPerAllocation: Int, frameExchange: Time, retransmissions: Int = 1, period: Int = 1) {
        self.device = device
        self.framesPerAllocation = framesPerAllocation
        self.frameExchange = frameExchange
        self.retransmissions = retransmissions
        self.period = period
    }
}

/// A run of allocation slots given to one device.
public struct SlotAllocation: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case scheduled, retransmission }

    public var device: String
    public var kind: Kind
    /// First slot (slot 0 holds the beacon) and number of slots.
    public var firstSlot: Int
    public var slotCount: Int
    /// Active in superframes s with `s mod period == phase`.
    public var period: Int
    public var phase: Int

    public init(device: String, kind: Kind, firstSlot: Int, slotCount: Int, period: Int = 1, phase: Int = 0) {
        self.device = device
        self.kind = kind
        self.firstSlot = firstSlot
        self.slotCount = slotCount
        self.period = Swift.max(1, period)
        self.phase = phase
    }

    public var slots: Range<Int> { firstSlot..<(firstSlot + slotCount) }

    /// Whether two allocations can occupy the same slot of the same superframe: their
    /// slot ranges intersect and some superframe index s satisfies both
    /// `s ≡ phase (mod period)` — by the Chinese remainder theorem, exactly when the
    /// phases agree modulo gcd(period, period').
    public func overlaps(_ other: SlotAllocation) -> Bool {
        guard slots.overlaps(other.slots) else { return false }
        let g = gcd(period, other.period)
        return ((phase - other.phase) % g + g) % g == 0
    }

    private func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? Swift.max(a, 1) : gcd(b, a % b) }
}

/// One hub's superframe as IEEE 802.15.6 allocates it: ONE allocation-slot length
/// `Tslot = (1+L)·1 ms` for every device, slot 0 for the beacon, then each device's
/// scheduled allocation, then each device's retransmission allocation, and the slots
/// left over as the contention phase (RAP/CAP, where a failed frame may also be resent
/// under CSMA/CA in the same superframe).
///
/// Source: IEEE Std 802.15.6-2012 allocation slots `Tslot = pAllocationSlotMin +
/// L·pAllocationSlotResolution` = 1 ms + L·1 ms, L = 0…255, 1…256 slots per superframe
/// (ban-numbers.md §2 "Allocation slots" ✔); scheduled and m-periodic allocations, the
/// access phases (EAP/RAP/MAP/CAP) ◐ (§2 "Superframe phases").
public struct HubAllocationPlan: Sendable, Hashable {
    public var slotLengthIndex: Int
    public var slotsPerSuperframe: Int
    public var allocations: [SlotAllocation]

    public var slotLength: Time { .milliseconds(Double(1 + slotLengthIndex)) }
    public var superframe: Time { .milliseconds(Double((1 + slotLengthIndex) * slotsPerSuperframe)) }

    /// The first slot after every allocation: from here to the end is the contention phase.
    public var contentionStart: Int { allocations.map { $0.firstSlot + $0.slotCount }.max() ?? 1 }
    public var contentionSlots: Int { slotsPerSuperframe - contentionStart }

    public func allocation(of device: String, kind: SlotAllocation.Kind = .scheduled) -> SlotAllocation? {
        allocations.first { $0.device == device && $0.kind == kind }
    }

    /// Start of a slot, from the superframe's start.
    public func start(ofSlot slot: Int) -> Time { slotLength * Double(slot) }

    /// The device's scheduled access as the Tachtatzis lifetime model reads it.
    public func configuration(for device: String) -> ScheduledAccessConfiguration? {
        allocation(of: device).map {
            ScheduledAccessConfiguration(slotsPerSuperframe: slotsPerSuperframe, slotLengthIndex: slotLengthIndex,
                                         superframesPerAllocation: $0.period)
        }
    }

    /// Every pair of allocations that overlap, and allocations outside the superframe or
    /// on the beacon slot. Empty for a valid plan: the synthesis stage turns a non-empty
    /// answer into a diagnostic, the runtime asserts it is empty.
    public var conflicts: [AllocationConflict] {
        var found: [AllocationConflict] = []
        for (index, a) in allocations.enumerated() {
            if a.firstSlot < 1 || a.firstSlot + a.slotCount > slotsPerSuperframe || a.slotCount < 1 {
                found.append(.outsideSuperframe(a))
            }
            for b in allocations[(index + 1)...] where a.overlaps(b) {
                found.append(.overlap(a, b))
            }
        }
        return found
    }

    public var isValid: Bool { conflicts.isEmpty && (0...255).contains(slotLengthIndex)
        && (1...256).contains(slotsPerSuperframe) }
}

/// Why a plan is not a valid 802.15.6 allocation.
public enum AllocationConflict: Sendable, Hashable {
    case overlap(SlotAllocation, SlotAllocation)
    case outsideSuperframe(SlotAllocation)
}
