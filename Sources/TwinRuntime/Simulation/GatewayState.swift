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
    let uplink: EdgeUplink
    /// The lowest noise floor of the radios it serves: the detector's baseline.
    var noiseFloor: Double
    var failureStream: Xoshiro256
    let meanTimeBetweenFailures: SimTime?
    let meanTimeToRepair: SimTime?

    init(gateway: GatewayConfig, network: NetworkConfig, media: [Int], noiseFloor: Double, streams: RandomStreams) {
        outcome = GatewayOutcome(id: gateway.id)
        self.media = media
        failoverTime = Swift.max(.zero, SimTime(gateway.failoverTime))
        uplink = EdgeUplink(GatewayUplink(gateway: gateway, network: network))
        self.noiseFloor = noiseFloor
        failureStream = streams.generator(gateway.id, "failures")
        meanTimeBetweenFailures = gateway.mtbf.flatMap { $0.si > 0 ? SimTime($0) : nil }
        meanTimeToRepair = gateway.mttr.flatMap { $0.si > 0 ? SimTime($0) : nil }
    }
}

/// A gateway's uplink to the edge in simulation units (`GatewayUplink` resolved once):
/// what a packet decoded at the gateway meets on its way to the edge. A plain value
/// without references, so a wideband batch takes it along at no cost.
struct EdgeUplink: Sendable, Equatable {
    let latency: SimTime
    let jitter: SimTime
    let availability: Double
    let linkRate: Double
    let processing: SimTime

    init(_ uplink: GatewayUplink) {
        latency = SimTime(uplink.latency)
        jitter = SimTime(uplink.jitter)
        availability = Swift.min(Swift.max(uplink.availability.fraction, 0), 1)
        linkRate = uplink.rate.si
        processing = SimTime(uplink.processing)
    }

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

extension GatewayState {
    /// Forwards a packet of `payload` octets the gateway decoded at `time` to the edge:
    /// the uplink is up with the link's availability (a draw on the device's `uplink`
    /// stream, only when uncertain), then the packet arrives after the base delay and a
    /// jitter (a second draw, only with jitter); past `horizon` it is still in flight.
    mutating func forward(payload: Int32, decodedAt time: SimTime, horizon: SimTime,
                          stream: inout Xoshiro256) -> UplinkDelivery {
        outcome.uplinkOffered += 1
        guard stream.succeeds(uplink.availability) else { return .lost }
        outcome.framesForwarded += 1
        var delay = uplink.baseDelay(payload: payload)
        if uplink.jitter > .zero {
            delay = EdgeUplink.jittered(delay, jitter: uplink.jitter, uniform: stream.uniform())
        }
        outcome.uplinkDelayTotal += delay
        if delay > outcome.uplinkDelayMaximum { outcome.uplinkDelayMaximum = delay }
        let arrival = time + delay
        return arrival > horizon ? .pending : .delivered(at: arrival)
    }

    // MARK: Failure and repair

    /// The gateway stops at `time`: returns the number of this failure (its failover
    /// check belongs to it), nil when it was already down.
    mutating func fail(at time: SimTime) -> Int32? {
        guard up else { return nil }
        up = false
        failures &+= 1
        if outcome.failedAt == nil { outcome.failedAt = time }
        return failures
    }

    /// Whether the gateway is still down in failure `failure` (no repair since).
    func isDown(inFailure failure: Int32) -> Bool { !up && failures == failure }

    /// Random up and down times (MTBF/MTTR, exponential) on the gateway's own stream;
    /// nil when the twin gives none.
    mutating func timeToFailure() -> SimTime? {
        meanTimeBetweenFailures.map { failureStream.exponential(mean: $0) }
    }

    mutating func timeToRepair() -> SimTime? {
        meanTimeToRepair.map { failureStream.exponential(mean: $0) }
    }
}

/// What became of a packet handed to the uplink.
enum UplinkDelivery: Sendable, Equatable {
    /// The uplink was unavailable: the packet is lost (`uplink-outage`).
    case lost
    /// Still on its way at the horizon.
    case pending
    /// At the edge at this instant.
    case delivered(at: SimTime)
}
