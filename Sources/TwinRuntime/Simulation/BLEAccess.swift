import TwinEngine
import TwinModels

/// BLE connection events for BLE peripherals (smartwatch, glasses on BLE): which events
/// are simulated, the empty ones accounted in bulk, and what happens to a data packet
/// after the central's answer.
///
/// Source: Bluetooth Core Specification v5.x Vol 6 Part B §4.5 (connection events every
/// connInterval at the anchor point; the central transmits first, the peripheral
/// answers T_IFS = 150 µs later; packets are acknowledged by the next packet and
/// retransmitted until acknowledged) and §2.1 (LE 1M packet air time, `BLE1MPHY`).
/// Peripheral latency is 0, so the peripheral attends every event: an event without
/// data is accounted analytically in bulk (`ConnectionTiming`), and only events
/// carrying data are simulated (arrivals are generated when the event looks at the
/// queue). A lost data packet is retried in the same event, up to `maxRetries` times
/// in all; the event ends before the next anchor.
///
/// - Reads: its `links` and `radios` (interval, phase, wake-up, empty PDU, set up from
///   `DeviceParameters`), the device's `NodeStatus` (running, serving gateway, queue,
///   next arrival, access epoch).
/// - Changes: `links` (phase, accounted events, pending flag); the device's energy (empty
///   events, the poll and replies), queue (retries), window counts and drops.
/// - Schedules: `.connectionEvent` (one at a time per device).
/// The coordinator checks the battery and sends each data packet of an event
/// (`BANSimulation.sendDecidedFrame`) between `eventStarts` and `ensureEvent`.
struct BLEAccess: Sendable {
    typealias Event = BANSimulation.Event

    /// A peripheral's radio as its empty events use it.
    struct Radio: Sendable, Equatable {
        var wakeUp: SimTime
        /// Air time of an empty PDU (the central's poll, the peripheral's reply).
        var emptyPacket: SimTime
    }

    private(set) var links: [ConnectionTiming]
    /// Per device: its radio, nil when it is not a BLE peripheral.
    let radios: [Radio?]

    init(links: [ConnectionTiming], radios: [Radio?]) {
        self.links = links
        self.radios = radios
    }

    /// The connection event counter of `device`'s event at `time`.
    func eventCounter(_ device: Int, at time: SimTime) -> Int64 { links[device].eventCounter(at: time) }

    /// BLE devices get their connection's phase, uniform in one interval, from their
    /// `access` stream; nothing is accounted before time 0.
    init(parameters: [DeviceParameters], streams: RandomStreams) {
        self.init(links: parameters.map { device in
            guard device.access == .ble else { return ConnectionTiming(interval: .zero) }
            let interval = device.connectionInterval
            var stream = streams.generator(device.id, "access")
            return ConnectionTiming(interval: interval,
                                    phase: SimTime(nanoseconds: Int64(stream.uniform() * Double(interval.nanoseconds))),
                                    accountedUntil: SimTime(nanoseconds: -1))
        }, radios: parameters.map { device in
            device.access == .ble ? Radio(wakeUp: device.wakeUpTime, emptyPacket: device.frame.acknowledgementAirtime)
                : nil
        })
    }

    /// Makes sure the first connection event with data is simulated: the next one when
    /// data is queued, else the first one after the next arrival.
    mutating func ensureEvent(_ device: Int, status: NodeStatus, scheduler: inout Scheduler<Event>) {
        guard !links[device].eventPending, status.running, status.serving >= 0 else { return }
        var target = Swift.max(scheduler.now, links[device].accountedUntil + SimTime(nanoseconds: 1))
        if status.queueEmpty { target = Swift.max(target, status.nextArrival) }
        guard target < .max - links[device].interval else { return }
        links[device].eventPending = true
        scheduler.schedule(.connectionEvent(device: Int32(device), epoch: status.epoch),
                           at: links[device].nextAnchor(atOrAfter: target))
    }

    /// Charges the empty events the peripheral attended after the last accounted one
    /// and strictly before `time` (only while it runs and is connected).
    mutating func accountIdleEvents(_ device: Int, until time: SimTime, node: inout DeviceState) {
        guard let radio = radios[device], node.isRunning, node.serving >= 0 else {
            links[device].accountedUntil = Swift.max(links[device].accountedUntil, time)
            return
        }
        guard time > links[device].accountedUntil else { return }
        let count = links[device].idleEvents(before: time)
        if count > 0 {
            ConnectionTiming.chargeEmptyEvents(count, wakeUp: radio.wakeUp, emptyPacket: radio.emptyPacket,
                                               energy: &node.energy)
        }
        links[device].accountedUntil = time - SimTime(nanoseconds: 1)
    }

    /// Events up to `time` are accounted (the event at `time` is being simulated, or
    /// the device has just come back and owes nothing for the time it was away).
    mutating func accounted(_ device: Int, until time: SimTime) { links[device].accountedUntil = time }

    /// A connection event of `epoch` fires: true when it is to be simulated (the
    /// device's current epoch, running and connected).
    mutating func eventStarts(_ device: Int, epoch: Int32, status: NodeStatus) -> Bool {
        guard epoch == status.epoch else { return false }
        links[device].eventPending = false
        return status.running && status.serving >= 0
    }

    /// The device stopped: its pending event dies with its epoch.
    mutating func halt(_ device: Int) { links[device].eventPending = false }

    /// The radio's part of one data packet besides its transmission: T_IFS before and
    /// after it and the central's empty acknowledgement.
    static func chargeDataPacket(emptyPacket: SimTime, energy: inout EnergyAccount) {
        energy.listen(MACTiming.bleInterFrameSpace * 2)
        energy.receive(emptyPacket)
    }

    /// When the next data packet may start after one that started at `start` lasted
    /// `airtime`: T_IFS, the central's reply, T_IFS.
    static func nextPacket(after start: SimTime, airtime: SimTime, emptyPacket: SimTime) -> SimTime {
        start + airtime + MACTiming.bleInterFrameSpace + emptyPacket + MACTiming.bleInterFrameSpace
    }

    /// After the central's answer: an acknowledged packet counts; a lost one is retried
    /// in this event while retries are left (from the head of the queue), else dropped.
    static func settle(_ packet: Packet, decoded: Bool, maxRetries: Int, node: inout DeviceState) {
        if decoded {
            node.window.acknowledged += 1
        } else if Int(packet.attempts) > maxRetries {
            node.outcome.recordDrop(packet, reason: packet.retriesExhaustedReason)
        } else if !node.queue.prepend(packet) {
            node.outcome.recordDrop(packet, reason: .queueOverflow)
        }
    }
}
