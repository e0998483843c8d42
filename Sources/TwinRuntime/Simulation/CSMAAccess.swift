import TwinEngine
import TwinModels

/// IEEE 802.15.6 CSMA/CA with user priorities, immediate acknowledgements and retries:
/// the contention state of every device and the timers that drive it.
///
/// Source: IEEE Std 802.15.6-2012 §6.2.2.1 as implemented by Castalia BaselineBANMac
/// (ban-numbers.md §2 "Contention", §5); the counter arithmetic and the window rules are
/// `ContentionState`'s. A frame is followed by pSIFS and an I-Ack; without the ACK the
/// device retries up to `maxRetries` times, then drops the packet. The second and later
/// frames of a split sample follow the ACK after pMIFS without a new backoff (burst).
/// Two devices whose counters end in the same slot collide. Carrier sense is
/// `channelBusy`: whoever puts something on a medium (a frame, a scheduled burst, a
/// jammer, a flood) calls it, and every other counter on that medium freezes.
///
/// Events per frame: the backoff expiry and the end of the exchange; freezing and
/// resuming other devices' counters re-arms their timers without extra events.
///
/// - Reads: its `profiles` (frame, wake-up, retries, media, set up from
///   `DeviceParameters`), the device's serving gateway and access epoch, the frame's
///   received level and the jammers' power at the gateway.
/// - Changes: `stations`; the device's queue, energy, reception cache,
///   transmission/drop/window counters; the media's frames, contenders and `busyUntil`;
///   the serving gateway's busy time.
/// - Schedules: `.backoffDone` (cancellable), `.exchangeEnd`.
/// The coordinator checks the battery before `transmit` and decides the frame between
/// `endExchange` and `concludeExchange` (`BANSimulation.frameArrives`).
struct CSMAAccess: Sendable {
    typealias Event = BANSimulation.Event

    /// What the MAC of one device is set up with (from `DeviceParameters`).
    struct Profile: Sendable {
        var frame: FrameFormat
        var wakeUp: SimTime
        var maxRetries: Int
        /// The medium at each of the device's gateways.
        var media: [Int]

        init(_ parameters: DeviceParameters) {
            frame = parameters.frame
            wakeUp = parameters.wakeUpTime
            maxRetries = parameters.maxRetries
            media = parameters.media
        }
    }

    private(set) var stations: [ContentionState]
    let profiles: [Profile]

    init(stations: [ContentionState], profiles: [Profile]) {
        self.stations = stations
        self.profiles = profiles
    }

    init(parameters: [DeviceParameters], streams: RandomStreams) {
        self.init(stations: parameters.map {
            ContentionState(priority: $0.priority, slot: $0.backoffSlot, stream: streams.generator($0.id, "access"))
        }, profiles: parameters.map(Profile.init))
    }

    func isIdle(_ device: Int) -> Bool { stations[device].isIdle }

    /// The packet in service: out of the queue, it still counts in the device's backlog.
    func packetInService(_ device: Int) -> Packet? { stations[device].current }

    // MARK: Service and backoff

    /// Takes the next packet into service and starts its backoff (waking the radio
    /// first); with nothing to send the radio sleeps.
    mutating func startService(_ device: Int, node: inout DeviceState, media: inout [SharedMedium],
                               scheduler: inout Scheduler<Event>) {
        guard node.isRunning, node.serving >= 0, stations[device].isIdle, var packet = node.queue.popFirst() else {
            if stations[device].isIdle { stations[device].stopListening(at: scheduler.now, energy: &node.energy) }
            return
        }
        let now = scheduler.now
        packet.headOfQueue = now
        stations[device].current = packet
        var start = now
        if stations[device].listeningSince == nil {
            let wake = profiles[device].wakeUp
            node.energy.wakeUp(wake)
            start = now + wake
            stations[device].listeningSince = start
        }
        beginBackoff(device, from: start, serving: node.serving, epoch: node.life.accessEpoch, media: &media,
                     scheduler: &scheduler)
    }

    /// Draws a backoff counter in 1…CW and starts counting once the channel is idle.
    mutating func beginBackoff(_ device: Int, from start: SimTime, serving: Int, epoch: Int32,
                               media: inout [SharedMedium], scheduler: inout Scheduler<Event>) {
        guard serving >= 0 else { return }
        stations[device].drawCounter()
        let medium = profiles[device].media[serving]
        media[medium].contenders.append(Int32(device))
        stations[device].medium = medium
        stations[device].armedEpoch = epoch
        arm(device, resumeAt: Swift.max(start, media[medium].busyUntil), scheduler: &scheduler)
    }

    /// Schedules the expiry of a counter resuming at `resumeAt` (never when the channel
    /// is blocked for good).
    private mutating func arm(_ device: Int, resumeAt: SimTime, scheduler: inout Scheduler<Event>) {
        stations[device].resume = resumeAt
        guard resumeAt < .max else {
            stations[device].handle = nil
            return
        }
        stations[device].handle = scheduler.scheduleCancellable(
            .backoffDone(device: Int32(device), epoch: stations[device].armedEpoch),
            at: stations[device].expiry(resumingAt: resumeAt))
    }

    /// Stops a running or frozen backoff (device disconnects, changes gateway).
    mutating func abandonBackoff(_ device: Int, media: inout [SharedMedium], scheduler: inout Scheduler<Event>) {
        if let handle = stations[device].handle { _ = scheduler.cancel(handle) }
        stations[device].handle = nil
        leaveContention(device, media: &media)
    }

    private mutating func leaveContention(_ device: Int, media: inout [SharedMedium]) {
        if stations[device].medium >= 0 {
            media[stations[device].medium].removeContender(Int32(device))
            stations[device].medium = -1
        }
    }

    /// Carrier sense: `medium` is busy from now until `until`. Every other contender
    /// freezes its counter and resumes when it is idle again; a counter that ends right
    /// now cannot sense the new frame and transmits too (a collision).
    mutating func channelBusy(_ medium: Int, until: SimTime, except sender: Int, media: inout [SharedMedium],
                              scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let previous = media[medium].busyUntil
        guard until > previous else { return }
        media[medium].busyUntil = until
        // Read through the buffer: `media[medium].contenders` as a loop's sequence copied
        // the whole medium per call (its value witness showed in perf), every allocation
        // and connection event.
        let contenders = media.withUnsafeBufferPointer { $0[medium].contenders }
        guard !contenders.isEmpty else { return }
        for contender in contenders where Int(contender) != sender {
            let device = Int(contender)
            guard let handle = stations[device].handle,
                  let remaining = stations[device].remainingWhenFrozen(at: now) else { continue }
            _ = scheduler.cancel(handle)
            stations[device].remaining = remaining
            arm(device, resumeAt: until, scheduler: &scheduler)
        }
    }

    // MARK: The exchange

    /// The backoff timer fired for a device still `live` (right epoch, running,
    /// connected): true when it holds a packet to send. Its counter leaves the medium.
    mutating func backoffExpires(_ device: Int, live: Bool, media: inout [SharedMedium]) -> Bool {
        guard live, stations[device].current != nil else { return false }
        stations[device].handle = nil
        leaveContention(device, media: &media)
        return true
    }

    /// The counter reached zero (the battery is checked): the frame goes on the air to
    /// the serving gateway, where it arrives at `level` dBm; the medium is busy until
    /// the ACK slot ends.
    /// false when there was nothing to send after all.
    @discardableResult
    mutating func transmit(_ device: Int, level: Double, channel: AirChannel, node: inout DeviceState, external: Double,
                           busy: inout BusyTime, media: inout [SharedMedium],
                           scheduler: inout Scheduler<Event>) -> Bool {
        guard var packet = stations[device].current else { return false }
        let now = scheduler.now
        packet.attempts += 1
        let slot = node.serving
        let medium = profiles[device].media[slot]
        stations[device].stopListening(at: now, energy: &node.energy)
        let airtime = profiles[device].frame.airtime(payload: Int(packet.payload))
        node.energy.transmit(airtime)
        node.outcome.recordTransmission(of: packet)
        let dataEnd = now + airtime
        let exchangeEnd = dataEnd + MACTiming.sifs + profiles[device].frame.acknowledgementAirtime
        let power = node.caches.receivedPower(level: level)
        media.putOnAir(medium, sender: Int32(device), power: power, start: now, end: dataEnd, external: external,
                       channel: channel)
        channelBusy(medium, until: exchangeEnd, except: device, media: &media, scheduler: &scheduler)
        busy.add(from: now, to: exchangeEnd)
        stations[device].current = packet
        stations[device].inExchange = true
        stations[device].exchangeSlot = slot
        stations[device].exchangeLevel = level
        stations[device].exchangeDataEnd = dataEnd
        scheduler.schedule(.exchangeEnd(device: Int32(device), epoch: node.life.accessEpoch), at: exchangeEnd)
        return true
    }

    /// The frame, pSIFS and the ACK slot are over (nil for a stale timer).
    mutating func endExchange(_ device: Int, live: Bool) -> ContentionState.Exchange? {
        guard live else { return nil }
        return stations[device].endExchange()
    }

    /// After the frame was decided (`packet` as the gateway left it): account pSIFS and
    /// the ACK slot, then move on — the rest of a burst, the next packet, a retry, or a
    /// drop once `maxRetries` retries went unacknowledged.
    mutating func concludeExchange(_ device: Int, packet: Packet, acknowledged: Bool, node: inout DeviceState,
                                   media: inout [SharedMedium], scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        let ackTime = profiles[device].frame.acknowledgementAirtime
        node.energy.listen(MACTiming.sifs)
        if acknowledged { node.energy.receive(ackTime) } else { node.energy.listen(ackTime) }
        stations[device].listeningSince = now
        if acknowledged {
            node.window.acknowledged += 1
            stations[device].succeeded()
            stations[device].current = nil
            continueAfterSuccess(device, node: &node, media: &media, scheduler: &scheduler)
            return
        }
        stations[device].failed()
        if Int(packet.attempts) > profiles[device].maxRetries || node.serving < 0 {
            node.outcome.recordDrop(packet, reason: node.serving < 0 ? .noGatewayReachable : packet.retriesExhaustedReason)
            stations[device].current = nil
            stations[device].gaveUp()
            startService(device, node: &node, media: &media, scheduler: &scheduler)
            return
        }
        stations[device].current = packet
        beginBackoff(device, from: now, serving: node.serving, epoch: node.life.accessEpoch, media: &media,
                     scheduler: &scheduler)
    }

    /// After an acknowledged frame: the rest of a burst follows after pMIFS; otherwise
    /// the next packet contends, or the radio sleeps.
    private mutating func continueAfterSuccess(_ device: Int, node: inout DeviceState, media: inout [SharedMedium],
                                               scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        if node.serving >= 0, let next = node.queue.first, next.continuesBurst, var packet = node.queue.popFirst() {
            packet.headOfQueue = now
            stations[device].current = packet
            stations[device].remaining = 0
            stations[device].resume = now + MACTiming.mifs
            stations[device].armedEpoch = node.life.accessEpoch
            stations[device].handle = scheduler.scheduleCancellable(
                .backoffDone(device: Int32(device), epoch: node.life.accessEpoch), at: now + MACTiming.mifs)
            return
        }
        startService(device, node: &node, media: &media, scheduler: &scheduler)
    }

    // MARK: Association and life

    /// The device now talks to another gateway: a waiting packet contends there anew
    /// (its backoff restarts on the new medium), an idle device starts service.
    mutating func reassociated(_ device: Int, node: inout DeviceState, media: inout [SharedMedium],
                               scheduler: inout Scheduler<Event>) {
        let now = scheduler.now
        if stations[device].current != nil, !stations[device].inExchange {
            abandonBackoff(device, media: &media, scheduler: &scheduler)
            beginBackoff(device, from: Swift.max(now, stations[device].listeningSince ?? now), serving: node.serving,
                         epoch: node.life.accessEpoch, media: &media, scheduler: &scheduler)
        } else if stations[device].isIdle {
            startService(device, node: &node, media: &media, scheduler: &scheduler)
        }
    }

    /// No gateway is reachable: the backoff stops and a packet not on the air is dropped.
    mutating func disconnected(_ device: Int, outcome: inout DeviceOutcome, media: inout [SharedMedium],
                               scheduler: inout Scheduler<Event>) {
        abandonBackoff(device, media: &media, scheduler: &scheduler)
        if !stations[device].inExchange, let packet = stations[device].current {
            outcome.recordDrop(packet, reason: .noGatewayReachable)
            stations[device].current = nil
        }
    }

    /// The device stops (battery, failure): its counter and any frame it has on the air
    /// leave the medium; returns the packet it held, for the caller to drop. Its timers
    /// are left to die by their epoch.
    mutating func halt(_ device: Int, media: inout [SharedMedium]) -> Packet? {
        stations[device].handle = nil
        leaveContention(device, media: &media)
        if stations[device].inExchange {
            media[profiles[device].media[stations[device].exchangeSlot]].release(sender: Int32(device))
            stations[device].inExchange = false
        }
        let held = stations[device].current
        stations[device].current = nil
        stations[device].listeningSince = nil
        return held
    }

    /// The radio goes to sleep at `time` (accounting the listening since it woke).
    mutating func sleep(_ device: Int, at time: SimTime, energy: inout EnergyAccount) {
        stations[device].stopListening(at: time, energy: &energy)
    }
}
