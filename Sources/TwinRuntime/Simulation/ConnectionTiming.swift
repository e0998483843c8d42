import TwinEngine
import TwinModels

/// One BLE connection's timing: the anchor points of its connection events, the events
/// already accounted, and the arithmetic that counts the empty ones in bulk.
///
/// Source: Bluetooth Core Specification v5.x Vol 6 Part B §4.5 — connection events every
/// connInterval at the anchor point; with peripheral latency 0 the peripheral attends
/// every one. An event without data is the central's empty poll, T_IFS = 150 µs and the
/// peripheral's empty reply (§4.1, §2.1: `BLE1MPHY`). Anchors sit at
/// `phase + k·interval`, k ≥ 0; the phase is uniform in one interval (the connection
/// was set up at a random time).
///
/// Why counted, not simulated: a 7.5 ms interval is 11.5 million events a day, nearly
/// all empty; `BLEAccess` simulates only the events with data and charges the empty
/// ones in between as `idleEvents` of them at once, with the same energy.
struct ConnectionTiming: Sendable, Equatable {
    let interval: SimTime
    /// The first anchor point.
    var phase: SimTime = .zero
    /// Connection events up to this instant are accounted.
    var accountedUntil: SimTime = .zero
    /// An event with data is scheduled.
    var eventPending = false

    init(interval: SimTime, phase: SimTime = .zero, accountedUntil: SimTime = .zero) {
        self.interval = interval
        self.phase = phase
        self.accountedUntil = accountedUntil
    }

    /// The first anchor at or after `time`.
    func nextAnchor(atOrAfter time: SimTime) -> SimTime {
        guard time > phase else { return phase }
        let index = (time - phase - SimTime(nanoseconds: 1)) / interval + 1
        return phase + interval * index
    }

    /// The connection event counter of the anchor at `time` (events since the first
    /// anchor), which CSA #2 maps to the event's data channel.
    func eventCounter(at time: SimTime) -> Int64 {
        guard time > phase, interval > .zero else { return 0 }
        return (time - phase + SimTime(nanoseconds: interval.nanoseconds / 2)) / interval
    }

    /// The anchors strictly after `accountedUntil` and strictly before `time`: the
    /// events the peripheral attended without data since the last accounted one.
    func idleEvents(before time: SimTime) -> Int64 {
        let from = accountedUntil
        guard time > from else { return 0 }
        let first = nextAnchor(atOrAfter: from + SimTime(nanoseconds: 1))
        guard first < time else { return 0 }
        return Int64((time - SimTime(nanoseconds: 1) - first) / interval) + 1
    }

    /// The energy of `count` empty events: a wake-up, the central's empty poll
    /// received, T_IFS and the empty reply sent, each.
    static func chargeEmptyEvents(_ count: Int64, wakeUp: SimTime, emptyPacket: SimTime, energy: inout EnergyAccount) {
        energy.wakeUp(wakeUp * count)
        energy.receive(emptyPacket * count)
        energy.listen(MACTiming.bleInterFrameSpace * count)
        energy.transmit(emptyPacket * count)
    }

    /// Whether a data packet of `airtime` starting at `time` (and the central's reply)
    /// ends before `limit`, the next event's anchor less T_IFS; the first packet of an
    /// event (at `firstPacket`) always goes.
    static func fits(at time: SimTime, airtime: SimTime, emptyPacket: SimTime, limit: SimTime,
                     firstPacket: SimTime) -> Bool {
        time + airtime + MACTiming.bleInterFrameSpace + emptyPacket <= limit || time == firstPacket
    }
}
