import TwinEngine

/// One channel at one gateway: the frames on the air there (for SINR), until when the
/// channel is busy (for carrier sense), and the devices counting down a backoff on it.
///
/// Interference is tracked per frame as the largest total power of the other frames
/// (and jammers) that overlapped it — the worst moment decides, as in Castalia's
/// radio, which re-evaluates a reception whenever interference changes. Powers add in
/// mW (`LinkBudget.sinr`). Memory stays bounded: a frame leaves the list when it is
/// decided (CSMA, BLE) or, for frames decided when they were registered (scheduled
/// bursts, attacker frames), once it has ended.
///
/// Busy time is "the union of busy intervals": frames, their SIFS and acknowledgement,
/// and reserved allocations extend `busyUntil`; a constant jammer above the CCA
/// threshold makes the channel busy for its duration.
struct SharedMedium: Sendable {
    struct Frame: Sendable {
        /// The sending device, or −1 for a frame already decided (nobody reads its
        /// interference).
        var sender: Int32
        var power: Double
        var start: SimTime
        var end: SimTime
        var interference: Double
    }

    let gateway: Int
    let kind: MediumKind
    private(set) var frames: [Frame] = []
    /// Until when carrier sense reports the channel busy (frames and jammers).
    var busyUntil: SimTime = .zero
    /// Devices with a backoff counter running or frozen on this channel.
    var contenders: [Int32] = []
    /// Energy-detection CCA threshold (dBm) of the devices on it: a constant jammer at
    /// or above it keeps the channel busy.
    var clearChannelThreshold: Double = .infinity

    init(gateway: Int, kind: MediumKind) {
        self.gateway = gateway
        self.kind = kind
    }

    /// Total power (mW) of the frames on the air at `time`, except `excluding`.
    private func power(at time: SimTime, excludingIndex excluded: Int? = nil) -> Double {
        var total = 0.0
        for index in frames.indices where index != excluded {
            let frame = frames[index]
            if frame.start <= time && frame.end > time { total += frame.power }
        }
        return total
    }

    /// Puts a frame from `sender` on the air over `start..<end` at `power` mW, with
    /// `external` mW of jammers present; returns the interference it starts with.
    /// Frames already on the air see their interference raised by this one.
    @discardableResult
    mutating func add(sender: Int32, power: Double, start: SimTime, end: SimTime, external: Double) -> Double {
        frames.removeAll { $0.sender < 0 && $0.end <= start }
        let others = self.power(at: start)
        for index in frames.indices where frames[index].end > start && frames[index].start <= start {
            let seen = others - frames[index].power + power + external
            if seen > frames[index].interference { frames[index].interference = seen }
        }
        let initial = others + external
        frames.append(Frame(sender: sender, power: power, start: start, end: end, interference: initial))
        return initial
    }

    /// Jammer power changed to `external` mW at `time`: frames on the air see it.
    mutating func externalChanged(to external: Double, at time: SimTime) {
        for index in frames.indices where frames[index].end > time && frames[index].start <= time {
            let seen = power(at: time, excludingIndex: index) + external
            if seen > frames[index].interference { frames[index].interference = seen }
        }
    }

    /// Removes `sender`'s frame and returns the worst interference it saw (0 if absent).
    mutating func take(sender: Int32) -> Double {
        guard let index = frames.firstIndex(where: { $0.sender == sender }) else { return 0 }
        let interference = frames[index].interference
        frames.remove(at: index)
        return interference
    }

    /// Marks `sender`'s frame as decided (kept only for others' interference).
    mutating func release(sender: Int32) {
        if let index = frames.firstIndex(where: { $0.sender == sender }) { frames[index].sender = -1 }
    }

    mutating func removeContender(_ device: Int32) {
        if let index = contenders.firstIndex(of: device) { contenders.remove(at: index) }
    }
}

/// The union of a gateway's busy intervals (its airtime utilisation), fed with
/// intervals in roughly increasing start order.
struct BusyTime: Sendable {
    private(set) var total: Int64 = 0
    private var until: SimTime = .zero

    mutating func add(from start: SimTime, to end: SimTime) {
        guard end > start else { return }
        if start >= until {
            total += (end - start).nanoseconds
            until = end
        } else if end > until {
            total += (end - until).nanoseconds
            until = end
        }
    }

    /// Busy time of frames on a channel of their own (wideband flows), counted without
    /// the union: no other medium's frames are assumed to overlap them.
    mutating func addDisjoint(_ nanoseconds: Int64) { total += nanoseconds }

    /// Busy time within 0…horizon.
    func clipped(to horizon: SimTime) -> Int64 {
        until > horizon ? Swift.max(0, total - (until - horizon).nanoseconds) : total
    }
}
