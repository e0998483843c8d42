import TwinConfig
import TwinEngine
import TwinModels

/// One device during a run, as the parts every component shares — the node in ns-3's
/// sense: its MAC buffer, radio and battery account, links to its gateways, arrival
/// process, monitoring window, reception caches and streams, life and association.
/// What only one access method needs (contention, allocation chains, connection timing,
/// flow server) lives in that method's component, indexed by device.
///
/// Each purpose has its own stream keyed by the device id (`RandomStreams`), so adding
/// a device, or a draw for another purpose, leaves this device's traffic times and its
/// other draws unchanged.
struct DeviceState: Sendable {
    /// The MAC buffer (Castalia `macBufferSize`).
    var queue: PacketQueue
    var outcome: DeviceOutcome
    var energy: EnergyAccount
    var fading: DeviceLinkFading
    var traffic: TrafficArrivals
    var window = MonitoringWindow()
    var caches: ReceptionCache
    /// Draws of the receiving side of this device's frames (decisions, ACKs, bursty
    /// interferers) and of its packets' uplink (availability, jitter).
    var receptionStream: Xoshiro256
    var uplinkStream: Xoshiro256
    var life = DeviceLife()
    /// The serving gateway as an index into `DeviceParameters.gateways`; −1 when no
    /// gateway is reachable.
    var serving = 0
    /// The network-view samples taken so far (when the run records a time series).
    var samples: [DeviceSample] = []

    init(parameters: DeviceParameters, device: DeviceConfig, streams: RandomStreams, queueCapacity: Int) {
        queue = PacketQueue(capacity: queueCapacity)
        outcome = DeviceOutcome(id: device.id)
        outcome.batteryCapacity = device.battery.capacity
        energy = EnergyAccount(device: device, transmitCurrent: parameters.transmitCurrent)
        fading = DeviceLinkFading(transmitLevel: parameters.transmitLevel, links: parameters.links,
                                  generator: streams.generator(device.id, "fading"))
        traffic = TrafficArrivals(parameters: parameters, streams: streams)
        caches = ReceptionCache(receiver: parameters.receiver)
        receptionStream = streams.generator(device.id, "reception")
        uplinkStream = streams.generator(device.id, "uplink")
    }

    /// Running: neither dead nor failed.
    var isRunning: Bool { life.isRunning }

    /// What a MAC reads of its device to plan its next event.
    var status: NodeStatus {
        NodeStatus(running: life.isRunning, serving: serving, queueEmpty: queue.isEmpty,
                   nextArrival: traffic.nextArrival, epoch: life.accessEpoch)
    }

    /// Packetisation: an arrival of `arrival.bytes` octets is split into frames of at
    /// most `framePayload` octets (255 for 802.15.6 less the security overhead, 251 for
    /// BLE, 1500 for WLAN) — e.g. class D's 1632-octet reminder is seven frames — each
    /// one packet in the outcome's counters, the second and later marked as continuing
    /// a burst. Packets generated before `warmup` are not counted. Alarms jump the
    /// queue (ahead of waiting samples, their own frames in order); a full queue drops
    /// the packet, and a device without a reachable gateway drops them all at once.
    mutating func enqueue(_ arrival: TrafficArrivals.Arrival, framePayload perFrame: Int, warmup: SimTime) {
        let bytes = arrival.bytes, time = arrival.time, isAlarm = arrival.isAlarm
        let frames = Swift.max(1, (bytes + perFrame - 1) / perFrame)
        let counted = time >= warmup
        let disconnected = serving < 0
        let origin = traffic.firstSample(packetAt: time, isAlarm: isAlarm)
        var remaining = bytes
        for index in 0..<frames {
            let payload = Swift.min(remaining, perFrame)
            remaining -= payload
            let packet = Packet(generated: origin, headOfQueue: time, payload: Int32(Swift.max(payload, 0)),
                                counted: counted, isAlarm: isAlarm, continuesBurst: index > 0)
            outcome.recordGenerated(packet)
            if disconnected {
                outcome.recordDrop(packet, reason: .noGatewayReachable)
            } else if isAlarm {
                if !queue.insertAfterLeadingAlarms(packet) { outcome.recordDrop(packet, reason: .queueOverflow) }
            } else if !queue.append(packet) {
                outcome.recordDrop(packet, reason: .queueOverflow)
            }
        }
    }

    /// Drops everything in the queue for `reason` (the device stopped or lost its gateway).
    mutating func dropQueue(reason: DropReason) {
        for packet in queue.removeAll() { outcome.recordDrop(packet, reason: reason) }
    }
}

/// The little of a device's state a MAC reads to plan its next event (a plain value, so
/// asking for it copies no buffers).
struct NodeStatus: Sendable, Equatable {
    var running: Bool
    /// The serving gateway's slot (−1: none).
    var serving: Int
    var queueEmpty: Bool
    /// The earliest arrival still to come (`.max`: none).
    var nextArrival: SimTime
    /// The device's access epoch, which its MAC timers carry.
    var epoch: Int32
}
