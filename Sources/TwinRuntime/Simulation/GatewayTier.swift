import Foundation
import TwinConfig
import TwinEngine
import TwinUnits

/// A gateway during a run: up or down, its channels, its uplink to the edge and the
/// counters of its outcome.
///
/// The uplink is the twin.json link from the gateway to its `uplink` edge
/// (`GatewayUplink`, which the applications' closed forms share): a packet
/// decoded at the gateway reaches the edge after the link latency, a jitter uniform in
/// ±`jitter`, its serialisation at the link rate and the edge's processing latency; the
/// link's availability is the probability a packet finds it up (a per-packet draw on
/// the device's uplink stream, so adding a device does not change another's draws).
/// No event is needed: the arrival time is known when the gateway decodes the packet.
struct GatewayState: Sendable {
    var up = true
    /// Failures so far: a failover check belongs to one failure.
    var failures: Int32 = 0
    var outcome: GatewayOutcome
    var busy = BusyTime()
    /// Index into `BANSimulation.media` per `MediumKind`.
    var media: [Int]
    let failoverTime: SimTime
    let latency: SimTime
    let jitter: SimTime
    let availability: Double
    let linkRate: Double
    let processing: SimTime
    /// The lowest noise floor of the radios it serves: the detector's baseline.
    var noiseFloor: Double
    var failureStream: Xoshiro256
    let meanTimeBetweenFailures: SimTime?
    let meanTimeToRepair: SimTime?

    init(gateway: GatewayConfig, network: NetworkConfig, media: [Int], noiseFloor: Double, streams: RandomStreams) {
        outcome = GatewayOutcome(id: gateway.id)
        self.media = media
        failoverTime = Swift.max(.zero, SimTime(gateway.failoverTime))
        let uplink = GatewayUplink(gateway: gateway, network: network)
        latency = SimTime(uplink.latency)
        jitter = SimTime(uplink.jitter)
        availability = Swift.min(Swift.max(uplink.availability.fraction, 0), 1)
        linkRate = uplink.rate.si
        processing = SimTime(uplink.processing)
        self.noiseFloor = noiseFloor
        failureStream = streams.generator(gateway.id, "failures")
        meanTimeBetweenFailures = gateway.mtbf.flatMap { $0.si > 0 ? SimTime($0) : nil }
        meanTimeToRepair = gateway.mttr.flatMap { $0.si > 0 ? SimTime($0) : nil }
    }
}

extension GatewayState {
    /// Uplink delay of a packet of `payload` octets before jitter: link latency, edge
    /// processing, serialisation at the link rate.
    func baseDelay(payload: Int32) -> SimTime {
        var delay = latency + processing
        if linkRate > 0 { delay += SimTime(nanoseconds: Int64((Double(8 * payload) / linkRate * 1e9).rounded())) }
        return delay
    }

    /// `delay` moved by a jitter uniform in ±`jitter` (never below zero).
    static func jittered(_ delay: SimTime, jitter: SimTime, uniform: Double) -> SimTime {
        let offset = Int64((2 * uniform - 1) * Double(jitter.nanoseconds))
        return SimTime(nanoseconds: Swift.max(0, delay.nanoseconds + offset))
    }
}

extension BANSimulation {
    /// The gateway decoded `packet` of `device` for the first time at `time`: forward it
    /// to the edge and settle its fate (delivered, lost on the uplink, or still in
    /// flight at the horizon).
    mutating func forward(_ packet: Packet, device: Int, gateway: Int, at time: SimTime) {
        let uplinkUp = devices[device].uplinkStream.succeeds(gateways[gateway].availability)
        guard uplinkUp else {
            if packet.counted { devices[device].outcome.dropped[.noGatewayReachable] += 1 }
            return
        }
        gateways[gateway].outcome.framesForwarded += 1
        var delay = gateways[gateway].baseDelay(payload: packet.payload)
        let jitter = gateways[gateway].jitter
        if jitter > .zero { delay = GatewayState.jittered(delay, jitter: jitter, uniform: devices[device].uplinkStream.uniform()) }
        let arrival = time + delay
        if arrival > horizon {
            if packet.counted { devices[device].outcome.pendingAtEnd += 1 }
            return
        }
        let latency = arrival - packet.generated
        devices[device].windowDelivered += 1
        devices[device].windowLatencySum += Double(latency.nanoseconds)
        if packet.counted {
            devices[device].outcome.deliveredToEdge += 1
            devices[device].outcome.latency.record(latency)
            if latency <= parameters[device].latencyBudget { devices[device].outcome.deliveredWithinBudget += 1 }
        }
        if !recovery.eventTimes.isEmpty { recovery.delivered(device: device, crossedAt: time, arrivedAt: arrival) }
    }

    // MARK: Failure, failover, repair

    /// The gateway stops: frames to it go unacknowledged; its devices move to their
    /// other gateway after its failover time (missed beacons or supervision timeout).
    mutating func gatewayFails(_ gateway: Int, scheduler: inout Scheduler<Event>) {
        guard gateways[gateway].up else { return }
        let now = scheduler.now
        gateways[gateway].up = false
        gateways[gateway].failures &+= 1
        if gateways[gateway].outcome.failedAt == nil { gateways[gateway].outcome.failedAt = now }
        scheduleBeforeHorizon(.failover(gateway: Int32(gateway), failure: gateways[gateway].failures),
                              after: gateways[gateway].failoverTime, scheduler: &scheduler)
    }

    /// Devices still served by a dead gateway after its failover time move to their
    /// other gateway if it is up, or lose their connection.
    mutating func failover(_ gateway: Int, failure: Int32, scheduler: inout Scheduler<Event>) {
        guard !gateways[gateway].up, gateways[gateway].failures == failure else { return }
        for device in devices.indices where devices[device].serving >= 0 {
            let slots = parameters[device].gateways
            guard slots[devices[device].serving] == gateway else { continue }
            if let other = slots.indices.first(where: { slots[$0] != gateway && gateways[slots[$0]].up }) {
                associate(device, slot: other, scheduler: &scheduler)
            } else {
                disconnect(device, scheduler: &scheduler)
            }
        }
    }

    /// The gateway is back: devices without a connection that know it re-associate, and
    /// devices whose primary it is move back.
    mutating func gatewayRecovers(_ gateway: Int, scheduler: inout Scheduler<Event>) {
        guard !gateways[gateway].up else { return }
        gateways[gateway].up = true
        for device in devices.indices {
            guard let slot = parameters[device].gateways.firstIndex(of: gateway) else { continue }
            let serving = devices[device].serving
            if serving < 0 || (slot == 0 && serving != 0) {
                associate(device, slot: slot, scheduler: &scheduler)
            }
        }
    }

    /// Random failures from the gateway's MTBF/MTTR (exponential up and down times).
    mutating func gatewayBreaksDown(_ gateway: Int, scheduler: inout Scheduler<Event>) {
        gatewayFails(gateway, scheduler: &scheduler)
        if let repair = gateways[gateway].meanTimeToRepair {
            scheduleBeforeHorizon(.gatewayRepair(Int32(gateway)),
                                  after: gateways[gateway].failureStream.exponential(mean: repair), scheduler: &scheduler)
        }
    }

    mutating func gatewayRepaired(_ gateway: Int, scheduler: inout Scheduler<Event>) {
        gatewayRecovers(gateway, scheduler: &scheduler)
        if let mtbf = gateways[gateway].meanTimeBetweenFailures {
            scheduleBeforeHorizon(.gatewayBreakdown(Int32(gateway)),
                                  after: gateways[gateway].failureStream.exponential(mean: mtbf), scheduler: &scheduler)
        }
    }

    // MARK: Association

    /// `device` now talks to its gateway in `slot`.
    mutating func associate(_ device: Int, slot: Int, scheduler: inout Scheduler<Event>) {
        guard devices[device].isRunning else {
            devices[device].serving = slot
            return
        }
        let now = scheduler.now
        catchUpTraffic(device, until: now)
        accountIdleConnectionEvents(device, until: now)
        let wasDisconnected = devices[device].serving < 0
        devices[device].serving = slot
        if wasDisconnected { devices[device].connectionAccountedUntil = now }
        switch parameters[device].access {
        case .csma:
            if devices[device].current != nil, !devices[device].inExchange {
                abandonBackoff(device, scheduler: &scheduler)
                beginBackoff(device, from: Swift.max(now, devices[device].listeningSince ?? now), scheduler: &scheduler)
            } else if devices[device].current == nil, !devices[device].inExchange {
                startService(device, scheduler: &scheduler)
            }
        case .scheduled:
            armAllocation(device, after: now, scheduler: &scheduler)
        case .ble:
            ensureConnectionEvent(device, scheduler: &scheduler)
        case .wideband:
            break
        }
    }

    /// No gateway is reachable: the device drops what it holds and what it generates
    /// until one comes back.
    mutating func disconnect(_ device: Int, scheduler: inout Scheduler<Event>) {
        catchUpTraffic(device, until: scheduler.now)
        accountIdleConnectionEvents(device, until: scheduler.now)
        devices[device].serving = -1
        abandonBackoff(device, scheduler: &scheduler)
        if !devices[device].inExchange, let packet = devices[device].current {
            drop(packet, device: device, reason: .noGatewayReachable)
            devices[device].current = nil
        }
        for packet in devices[device].queue.removeAll() { drop(packet, device: device, reason: .noGatewayReachable) }
        sleepRadio(device, at: scheduler.now)
    }
}
