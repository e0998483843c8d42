import TwinUnits

/// The scheduled-access allocation twinc gives an IEEE 802.15.6 narrowband device from
/// its traffic and deadline: slots of `(1+L)` ms long enough for the frames one
/// allocation carries, 32 slots per superframe (Castalia BaselineBANMac
/// `beaconPeriodLength`), and an allocation every `m` superframes with the interval
/// `P = m·TSF` at most 80 % of the deadline. Tachtatzis et al. 2012 choose every Table 3
/// row with P equal to the class's latency requirement (ban-numbers.md §8A); twinc keeps
/// a fifth in reserve for a retry in the next superframe and the uplink to the edge.
///
/// One definition for the two places that size an allocation: the compiler's
/// `MACConfigBuilder` (TwinSynthesis) when the plan chose scheduled access, and the
/// optimiser's `mac-mode` knob (TwinApplications) when it switches a CSMA/CA device to
/// scheduled access — so a switched device gets exactly what a compile would give it.
public struct ScheduledAllocationSizing: Sendable, Hashable {
    /// Slot length `(1+L)` ms.
    public var slotLength: Time
    /// Slots per superframe.
    public var slots: Int
    /// Superframes per allocation, m ≥ 1.
    public var period: Int

    public static let slotsPerSuperframe = 32
    /// The share of the deadline the allocation interval may take.
    public static let deadlineShare = 0.8

    /// The allocation for application traffic of `totalRate` (periodic data and alarms)
    /// that must leave within `deadline`.
    public init(totalRate: DataRate, deadline: Time) {
        let budget = deadline * Self.deadlineShare
        // Bytes one allocation carries at the longest interval the deadline allows.
        var bytes = totalRate.si * budget.si / 8
        var interval = budget.si
        // One frame exchange (data, pSIFS, I-Ack) in the 2.4 GHz band's fastest NB mode.
        let perFrame = Self.exchange(payloadBytes: min(255, max(1, Int(min(bytes, 255).rounded(.up)))))
        // A slot holds at most `longestSlot` of exchanges: a long deadline on a busy
        // device shortens the interval instead of stretching the slot past what the
        // standard's length field (and the runtime) allow.
        let framesPerSlot = max(1, Int(Self.longestSlot.si / perFrame.si))
        if bytes / 255 > Double(framesPerSlot) {
            bytes = Double(framesPerSlot) * 255
            interval = bytes * 8 / totalRate.si
        }
        let frames = max(1, Int((bytes / 255).rounded(.up)))
        let slotMilliseconds = max(1, Int((perFrame.si * Double(frames) * 1000).rounded(.up)))
        var slots = Self.slotsPerSuperframe
        let superframe = Double(slotMilliseconds * slots) / 1000
        if superframe > interval { slots = max(1, Int(interval * 1000) / slotMilliseconds) }
        self.slotLength = .milliseconds(Double(slotMilliseconds))
        self.slots = slots
        let periods = interval / (Double(slotMilliseconds * slots) / 1000)
        self.period = max(1, Int(min(periods, Double(Self.longestPeriod))))
    }

    /// The longest slot, `(1+L)` ms with the 8-bit allocation length L ≤ 255.
    public static let longestSlot = Time.milliseconds(256)
    /// The most superframes between allocations the runtime and the optimiser take
    /// (`DeclaredRanges.allocationPeriodSetting`); a longer deadline allocates more often.
    public static let longestPeriod = DeclaredRanges.allocationPeriodSetting.bounds.upperBound

    /// Data frame, pSIFS and I-Ack at `NarrowbandPHY.ism2400Fastest` (Tachtatzis 2010
    /// eqs. 1–7 via `NarrowbandTiming`).
    static func exchange(payloadBytes: Int) -> Time {
        let mode = NarrowbandPHY.ism2400Fastest
        let data = (try? NarrowbandTiming.frameAirtime(payloadBytes: payloadBytes, mode: mode)) ?? .zero
        let ack = (try? NarrowbandTiming.frameAirtime(payloadBytes: 0, mode: mode)) ?? .zero
        return data + NarrowbandTiming.sifs + ack
    }
}
