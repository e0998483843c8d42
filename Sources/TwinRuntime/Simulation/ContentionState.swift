import TwinEngine
import TwinModels

/// One device's IEEE 802.15.6 CSMA/CA state: the packet in service, the contention
/// window and its failure count, the backoff counter with its freeze/resume
/// arithmetic, and the frame exchange in progress.
///
/// Source: IEEE Std 802.15.6-2012 §6.2.2.1 as implemented by Castalia BaselineBANMac
/// (ban-numbers.md §2 "Contention", §5). The counter is drawn uniformly in 1…CW and
/// counts down one contention slot at a time while the channel is idle; when the
/// channel turns busy it freezes with the slots *completed* so far taken off (a partial
/// slot is lost) and resumes when the channel is idle again. CW starts at CWmin of the
/// user priority, is reset to CWmin on success and doubled (up to CWmax) after every
/// *second* consecutive failure (`UserPriority.nextContentionWindow`).
///
/// The arithmetic is here, without the event queue, so it can be checked on its own;
/// `CSMAAccess` arms and cancels the timers.
struct ContentionState: Sendable {
    /// The exchange of a frame on the air: where it went, at what level, when its data ended.
    struct Exchange: Sendable {
        var packet: Packet
        var slot: Int
        var level: Double
        var dataEnd: SimTime
    }

    let priority: UserPriority
    /// Contention slot (0.36 ms for 802.15.6, 320 µs for 802.15.4).
    let slot: SimTime
    /// Draws of the backoff counters (the device's `access` stream).
    var stream: Xoshiro256
    /// The packet in service, if any.
    var current: Packet?
    var window: Int
    var consecutiveFailures = 0
    /// Slots left on the counter, counted from `resume` (when it last started counting).
    var remaining = 0
    var resume: SimTime = .zero
    /// The timer of the counter's expiry (nil: none, or blocked for good).
    var handle: EventHandle?
    /// The medium it contends on (−1: none), and the device's epoch when the counter was
    /// armed (its timer events carry it).
    var medium = -1
    var armedEpoch: Int32 = 0
    /// A frame, pSIFS and the ACK slot are under way.
    var inExchange = false
    var exchangeSlot = 0
    var exchangeLevel = 0.0
    var exchangeDataEnd: SimTime = .zero
    /// The radio is awake and listening since then (nil: asleep).
    var listeningSince: SimTime?

    init(priority: UserPriority, slot: SimTime, stream: Xoshiro256) {
        self.priority = priority
        self.slot = slot
        self.stream = stream
        window = priority.contentionWindowMinimum
    }

    /// Nothing in service and no exchange: a new arrival may start service.
    var isIdle: Bool { current == nil && !inExchange }

    /// Draws a new counter, uniform in 1…CW.
    mutating func drawCounter() {
        remaining = priority.backoffSlots(window: window, uniform: stream.uniform())
    }

    /// When a counter resuming at `resumeAt` reaches zero.
    func expiry(resumingAt resumeAt: SimTime) -> SimTime { resumeAt + slot * Int64(remaining) }

    /// The counter frozen at `now`: the slots completed since `resume` are taken off.
    /// nil when it ends at or before `now` — then the device cannot sense the new frame
    /// and transmits too (a collision), so it is not frozen.
    func remainingWhenFrozen(at now: SimTime) -> Int? {
        var remaining = self.remaining
        if now > resume {
            remaining -= Int((now - resume) / slot)
            if remaining <= 0 { return nil }
        }
        return remaining
    }

    /// The frame was acknowledged: CW back to CWmin.
    mutating func succeeded() {
        window = priority.contentionWindowMinimum
        consecutiveFailures = 0
    }

    /// The frame went unacknowledged: one more consecutive failure, CW doubled on every
    /// second one.
    mutating func failed() {
        consecutiveFailures += 1
        window = priority.nextContentionWindow(current: window, consecutiveFailures: consecutiveFailures)
    }

    /// The packet was given up: the next one starts at CWmin.
    mutating func gaveUp() {
        window = priority.contentionWindowMinimum
        consecutiveFailures = 0
    }

    /// The exchange that just ended (nil when there is none).
    mutating func endExchange() -> Exchange? {
        guard inExchange, let packet = current else { return nil }
        inExchange = false
        return Exchange(packet: packet, slot: exchangeSlot, level: exchangeLevel, dataEnd: exchangeDataEnd)
    }

    /// The radio stops listening at `time` (to transmit, or to sleep), accounting the
    /// listening since it woke.
    mutating func stopListening(at time: SimTime, energy: inout EnergyAccount) {
        if let since = listeningSince, time > since { energy.listen(time - since) }
        listeningSince = nil
    }
}
