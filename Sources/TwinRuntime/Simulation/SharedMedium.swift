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
/// Frames of other media at the same gateway on the same band count through
/// `siblings` at the moment a frame starts; a frame that overlaps two frames of two
/// other media at once sees the larger of the two sums, not their total (rare at BAN
/// duty cycles; named in docs/validation.md).
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
        /// Where the frame sits in frequency: another frame counts against it by
        /// `AirChannel.coupling` (1 on the same channel).
        var channel: AirChannel
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
    /// The other media of the same gateway on the same band (802.15.6 NB beside BLE at a
    /// phone): their frames interfere with this medium's by frequency (`[SharedMedium]
    /// .putOnAir`), while carrier sense and backoff stay per MAC.
    var siblings: [Int] = []
    /// The channel of frames that name none (the attacker's floods at an NB hub): the
    /// channel of the medium's first fixed-channel device.
    var homeChannel = AirChannel(centre: .megahertz(2442), width: .megahertz(1))

    init(gateway: Int, kind: MediumKind) {
        self.gateway = gateway
        self.kind = kind
    }

    /// Total power (mW) of the frames on the air at `time`, as a receiver on `channel`
    /// takes it in, except the frame at `excluded`.
    func power(at time: SimTime, seenOn channel: AirChannel, excludingIndex excluded: Int? = nil) -> Double {
        Self.power(of: frames, at: time, seenOn: channel, excludingIndex: excluded)
    }

    /// The same over `frames` (a medium's frames read without copying the medium).
    static func power(of frames: [Frame], at time: SimTime, seenOn channel: AirChannel,
                      excludingIndex excluded: Int? = nil) -> Double {
        var total = 0.0
        for index in frames.indices where index != excluded {
            let frame = frames[index]
            if frame.start <= time && frame.end > time { total += frame.power * channel.coupling(from: frame.channel) }
        }
        return total
    }

    /// Puts a frame from `sender` on the air over `start..<end` at `power` mW on
    /// `channel`, with `external` mW of jammers present; returns the interference it
    /// starts with. Frames already on the air see their interference raised by this one.
    @discardableResult
    mutating func add(sender: Int32, power: Double, start: SimTime, end: SimTime, external: Double,
                      channel: AirChannel) -> Double {
        dropSpentFrames(before: start)
        interfered(by: power, on: channel, at: start, external: external)
        let initial = self.power(at: start, seenOn: channel) + external
        frames.append(Frame(sender: sender, power: power, start: start, end: end, interference: initial,
                            channel: channel))
        return initial
    }

    /// Drops the decided frames that ended by `time`, keeping the others' order. By
    /// hand: `removeAll(where:)` partitioned and went through the generic
    /// `replaceSubrange` at nearly every frame (2 % of a 3 h run's instructions), and a
    /// medium holds a handful of frames.
    private mutating func dropSpentFrames(before time: SimTime) {
        var kept = 0
        for index in frames.indices {
            let frame = frames[index]
            if frame.sender < 0 && frame.end <= time { continue }
            if kept != index { frames[kept] = frame }
            kept += 1
        }
        while frames.count > kept { frames.removeLast() }
    }

    /// A frame of `power` mW on `channel` starts at `time` (on this medium or a
    /// sibling): the frames on the air here see it as much as their channel takes in.
    mutating func interfered(by power: Double, on channel: AirChannel, at time: SimTime, external: Double) {
        for index in frames.indices where frames[index].end > time && frames[index].start <= time {
            let coupled = power * frames[index].channel.coupling(from: channel)
            let seen = self.power(at: time, seenOn: frames[index].channel, excludingIndex: index) + coupled + external
            if seen > frames[index].interference { frames[index].interference = seen }
        }
    }

    /// Jammer power changed to `external` mW at `time`: frames on the air see it.
    mutating func externalChanged(to external: Double, at time: SimTime) {
        for index in frames.indices where frames[index].end > time && frames[index].start <= time {
            let seen = power(at: time, seenOn: frames[index].channel, excludingIndex: index) + external
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

extension [SharedMedium] {
    /// Puts a frame on medium `index` (see `SharedMedium.add`) and on the band: the
    /// frames on the air in the medium's siblings add to its interference as its channel
    /// takes them in, and see it as theirs do.
    @discardableResult
    mutating func putOnAir(_ index: Int, sender: Int32, power: Double, start: SimTime, end: SimTime,
                           external: Double, channel: AirChannel) -> Double {
        // Through the buffer: reading `self[index].siblings` and calling `power` on
        // `self[sibling]` copied the whole medium (frames, contenders, siblings) per frame
        // (perf: 4 % of a 24 h run in its value witness).
        withUnsafeMutableBufferPointer { media in
            var interference = media[index].add(sender: sender, power: power, start: start, end: end,
                                                external: external, channel: channel)
            // By position: iterating `siblings` itself retained and released it per frame.
            for position in media[index].siblings.indices {
                let sibling = media[index].siblings[position]
                interference += SharedMedium.power(of: media[sibling].frames, at: start, seenOn: channel)
                media[sibling].interfered(by: power, on: channel, at: start, external: external)
            }
            return interference
        }
    }
}
