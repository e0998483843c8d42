import Foundation
import TwinUnits

/// An IEEE 802.15.6 scheduled-access (m-periodic) allocation: `nSlots` allocation slots of
/// `Tslot = (1+L) ms` per superframe, one allocation every `m` superframes.
///
/// Source: Tachtatzis et al. 2012 (ADHOCNETS 2011, LNICST 89, pp. 209–222) eqs. 1–3,
/// ban-numbers.md §8★A.
public struct ScheduledAccessConfiguration: Sendable, Hashable {
    public var slotsPerSuperframe: Int
    public var slotLengthIndex: Int
    public var superframesPerAllocation: Int

    public init(slotsPerSuperframe: Int, slotLengthIndex: Int, superframesPerAllocation: Int) {
        self.slotsPerSuperframe = slotsPerSuperframe
        self.slotLengthIndex = slotLengthIndex
        self.superframesPerAllocation = superframesPerAllocation
    }

    /// Checks the standard's ranges: nSlots 1…256, L 0…255, m ≥ 1.
    public func validated() throws(ModelDomainError) -> Self {
        try ModelMath.require(Double(slotsPerSuperframe), in: 1...256, "slots per superframe")
        try ModelMath.require(Double(slotLengthIndex), in: 0...255, "allocation slot length index L")
        try ModelMath.require(Double(superframesPerAllocation), in: 1...65_536, "superframes per allocation m")
        return self
    }

    public var slotLength: Time { .milliseconds(Double(1 + slotLengthIndex)) }
    /// `TSF = nSlots · Tslot`.
    /// (Computed from whole milliseconds so equal grid points compare equal.)
    public var superframe: Time { .milliseconds(Double((1 + slotLengthIndex) * slotsPerSuperframe)) }
    /// Allocation interval `P = m · TSF`.
    public var allocationInterval: Time {
        .milliseconds(Double((1 + slotLengthIndex) * slotsPerSuperframe * superframesPerAllocation))
    }
    /// Worst-case latency of a sample: generated just after its allocation, it waits one
    /// full interval P. Tachtatzis et al. choose every Table 3 row with P equal to the
    /// class's latency requirement.
    public var worstCaseLatency: Time { allocationInterval }
}

/// Time per state in one allocation interval and what it costs.
public struct ScheduledAccessBudget: Sendable, Hashable {
    public var payloadBytes: Int
    public var frames: Int
    public var transmit: Time
    public var receive: Time
    public var receiveListen: Time
    public var wakeUp: Time
    public var standby: Time
    public var guardTime: Time
    public var interval: Time
    /// Average supply current over the interval.
    public var averageCurrent: Current
    /// Battery lifetime at that current (linear drain).
    public var lifetime: Time
}

/// The Tachtatzis et al. 2012 scheduled-access lifetime model.
///
/// Source: Tachtatzis, Di Franco, Tracey, Timmons, Morrison, "An energy analysis of IEEE
/// 802.15.6 scheduled access modes for medical applications", ADHOCNETS 2011 (LNICST 89),
/// eqs. 1–3 and Table 3; frame airtime from Tachtatzis 2010 eqs. 1–7 and eq. 14 (guard
/// time); currents from 2010 Table III (ban-numbers.md §8★A). Per interval P:
/// - payload `⌈rate·P/8⌉` bytes in 255-byte frames plus a remainder frame (NF frames);
/// - `T_tx = Σ t_frame` at 971.4 kbps;
/// - `T_rxListen = GT + (NF−1)·pMIFS + pSIFS`;
/// - `T_wup = 2 · 3.13 ms` (wake for the beacon/allocation and for the data);
/// - `T_rx = 2.3163 ms` (beacon + B-Ack), fitted to Table 3 ★ (not stated in the paper);
/// - `GT = 61.6 µs + 2·max(SI, SIn)·20 ppm` with SI = P and SIn = 8·TSF;
/// - standby = the rest of P; lifetime = Q / I_avg with Q = 560 mAh, 8760 h/year.
public struct ScheduledAccessLifetimeModel: Sendable, Hashable {
    public static let source =
        "Tachtatzis et al. 2012 (ADHOCNETS 2011, LNICST 89) eqs. 1-3, Table 3; Tachtatzis 2010 eqs. 1-7, 14, Table III (ban-numbers.md §8A)"

    public var phyMode: NarrowbandPHY.Mode
    public var transmitCurrent: Current
    public var receiveCurrent: Current
    public var receiveListenCurrent: Current
    public var wakeUpCurrent: Current
    public var standbyCurrent: Current
    public var wakeUpTime: Time
    public var wakeUpsPerInterval: Int
    /// Beacon + B-Ack reception per interval (the fitted 2.3163 ms).
    public var receiveTimePerInterval: Time
    /// Fixed part of the guard time (61.6 µs) and the clock accuracy (20 ppm).
    public var guardTimeBase: Time
    public var clockAccuracy: Double
    /// Superframes after which the hub resynchronises (SIn = 8·TSF).
    public var resynchronisationSuperframes: Int
    public var batteryCapacity: Charge

    public static let tachtatzis2012 = ScheduledAccessLifetimeModel(
        phyMode: NarrowbandPHY.ism2400Fastest,
        transmitCurrent: .milliamperes(11.3), receiveCurrent: .milliamperes(13.1),
        receiveListenCurrent: .milliamperes(13.8), wakeUpCurrent: .milliamperes(8.9),
        standbyCurrent: .microamperes(0.9), wakeUpTime: .milliseconds(3.13), wakeUpsPerInterval: 2,
        receiveTimePerInterval: .milliseconds(2.3163), guardTimeBase: .microseconds(61.6),
        clockAccuracy: 20e-6, resynchronisationSuperframes: 8, batteryCapacity: .milliampHours(560))

    /// The same model with currents, wake-up and TX draw of another radio at `level`
    /// (nil when the radio cannot transmit at that level).
    public func with(radio: RadioProfile, transmitLevel: PowerLevel, battery: BatteryProfile) -> ScheduledAccessLifetimeModel? {
        guard let tx = radio.transmitCurrent(at: transmitLevel) else { return nil }
        var copy = self
        copy.transmitCurrent = tx
        copy.receiveCurrent = radio.receiveCurrent
        copy.receiveListenCurrent = radio.receiveListenCurrent
        copy.wakeUpCurrent = radio.wakeUpCurrent
        copy.standbyCurrent = radio.sleepCurrent
        copy.wakeUpTime = radio.wakeUpTime
        copy.batteryCapacity = battery.capacity
        return copy
    }

    /// The per-state budget of `configuration` carrying `rate` of application data.
    /// Throws when the configuration is outside the standard or the activity does not
    /// fit in one interval.
    public func budget(rate: DataRate, configuration: ScheduledAccessConfiguration) throws(ModelDomainError) -> ScheduledAccessBudget {
        let config = try configuration.validated()
        guard rate.si >= 0, rate.si.isFinite else { throw .notPositive(parameter: "data rate", value: rate.si) }
        let interval = config.allocationInterval
        let bytes = Int(ModelMath.ceilTolerant(rate.si * interval.si / 8))
        let full = bytes / NarrowbandTiming.maximumPayloadBytes
        let remainder = bytes % NarrowbandTiming.maximumPayloadBytes
        let frames = full + (remainder > 0 ? 1 : 0)
        var transmit = try NarrowbandTiming.frameAirtime(payloadBytes: NarrowbandTiming.maximumPayloadBytes, mode: phyMode)
            * Double(full)
        if remainder > 0 { transmit += try NarrowbandTiming.frameAirtime(payloadBytes: remainder, mode: phyMode) }
        let guardTime = guardTime(for: config)
        let listen = guardTime + NarrowbandTiming.mifs * Double(Swift.max(frames - 1, 0)) + NarrowbandTiming.sifs
        let wake = wakeUpTime * Double(wakeUpsPerInterval)
        let active = transmit + listen + wake + receiveTimePerInterval
        guard active.si <= interval.si else {
            throw .outOfRange(parameter: "active time per interval (s)", value: active.si, allowed: 0...interval.si)
        }
        let standby = interval - active
        let charge = transmit * transmitCurrent + listen * receiveListenCurrent + wake * wakeUpCurrent
            + receiveTimePerInterval * receiveCurrent + standby * standbyCurrent
        let average = charge / interval
        return ScheduledAccessBudget(
            payloadBytes: bytes, frames: frames, transmit: transmit, receive: receiveTimePerInterval,
            receiveListen: listen, wakeUp: wake, standby: standby, guardTime: guardTime, interval: interval,
            averageCurrent: average, lifetime: batteryCapacity / average)
    }

    /// Guard time `61.6 µs + 2·max(SI, SIn)·20 ppm`, SI = P, SIn = 8·TSF (eq. 14, 2010).
    public func guardTime(for configuration: ScheduledAccessConfiguration) -> Time {
        let si = configuration.allocationInterval
        let sin = configuration.superframe * Double(resynchronisationSuperframes)
        let drift = si < sin ? sin : si
        return guardTimeBase + drift * (2 * clockAccuracy)
    }

    /// Lifetime of `configuration` at `rate` (linear drain of `batteryCapacity`).
    public func lifetime(rate: DataRate, configuration: ScheduledAccessConfiguration) throws(ModelDomainError) -> Time {
        try budget(rate: rate, configuration: configuration).lifetime
    }
}
