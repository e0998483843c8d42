import TwinConfig
import TwinEngine
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// What one scenario looked like: link quality per body link, each device's queue,
/// energy, delivery and latency pooled over every replication, the latency CDF of each
/// device, and the time series of replication 0.
public struct ScenarioView: Sendable, Hashable {
    public var id: String
    public var kind: ScenarioKind
    public var horizon: Time
    /// Replications pooled into `links`, `devices` and `latencyCDF`.
    public var replications: Int
    public var links: [LinkMeasure]
    /// Each gateway's uplink to its edge (all replications pooled).
    public var uplinks: [UplinkMeasure] = []
    public var devices: [DeviceMeasure]
    public var latencyCDF: [LatencyCDF]
    /// One realisation (replication 0); nil when the run recorded no time series.
    public var trace: ViewTrace?

    public init(id: String, kind: ScenarioKind, horizon: Time, replications: Int, links: [LinkMeasure],
                devices: [DeviceMeasure], latencyCDF: [LatencyCDF], trace: ViewTrace?) {
        self.id = id
        self.kind = kind
        self.horizon = horizon
        self.replications = replications
        self.links = links
        self.devices = devices
        self.latencyCDF = latencyCDF
        self.trace = trace
    }

    public func device(_ id: String) -> DeviceMeasure? { devices.first { $0.id == id } }
    public func link(device: String, gateway: String) -> LinkMeasure? {
        links.first { $0.device == device && $0.gateway == gateway }
    }
}

/// A body link's quality over the scenario (all replications pooled).
///
/// Frames are attributed to the gateway the device was using at the end of each
/// sampling window, so the few frames of a window in which the device failed over are
/// counted on the gateway it ended on. The path loss is what the frames actually saw —
/// transmit level minus mean received level, so shadowing, posture fading and the
/// body's geometry are all in it — not the model's mean.
public struct LinkMeasure: Sendable, Hashable {
    public var device: String
    public var gateway: String
    public var role: TopologyLink.Role
    /// Frames put on the air over this link, and of those acknowledged.
    public var framesSent: Int
    public var framesAcknowledged: Int
    /// Mean received level at the gateway (nil: no frame measured).
    public var rssi: PowerLevel?
    public var pathLoss: Decibels?

    /// Packet delivery ratio of the link: acknowledged / transmitted frames (nil: none sent).
    public var pdr: Double? { framesSent > 0 ? Double(framesAcknowledged) / Double(framesSent) : nil }
}

/// A gateway's uplink to the edge over the scenario (all replications pooled, warm-up
/// included like the gateway's other counters): what the gateway handed it, what found
/// it available, and the delay of those (link latency, jitter, serialisation, edge
/// processing).
public struct UplinkMeasure: Sendable, Hashable {
    public var gateway: String
    public var edge: String
    public var offered: Int
    public var forwarded: Int
    public var meanDelay: Time?
    public var maximumDelay: Time?

    /// forwarded / offered (nil: nothing offered).
    public var deliveryRatio: Double? { offered > 0 ? Double(forwarded) / Double(offered) : nil }

    /// The uplink of `gateway` pooled over `runs`.
    static func pooled(gateway: GatewayConfig, network: NetworkConfig, runs: [ReplicationOutcome]) -> UplinkMeasure {
        let outcomes = runs.compactMap { $0.gateway(gateway.id) }
        let offered = outcomes.reduce(0) { $0 + $1.uplinkOffered }
        let forwarded = outcomes.reduce(0) { $0 + $1.framesForwarded }
        let total = outcomes.reduce(0.0) { $0 + $1.uplinkDelayTotal.time.si }
        let maximum = outcomes.map(\.uplinkDelayMaximum).max()
        return UplinkMeasure(gateway: gateway.id, edge: GatewayUplink(gateway: gateway, network: network).edgeID,
                             offered: offered, forwarded: forwarded,
                             meanDelay: forwarded > 0 ? Time(si: total / Double(forwarded)) : nil,
                             maximumDelay: forwarded > 0 ? maximum?.time : nil)
    }
}

/// One device's state over the scenario (all replications pooled).
public struct DeviceMeasure: Sendable, Hashable {
    public var id: String
    /// Mean of the queue length sampled at each sample instant (packets queued or in
    /// service): a point-sampled estimate of the time average; nil without time series.
    public var meanQueue: Double?
    /// Battery charge left at the end of the run as a fraction of capacity, averaged
    /// over replications, and the same as energy at the nominal voltage.
    public var energyLeftRatio: Double?
    public var energyLeft: Energy?
    /// Delivered to the edge / generated, pooled over replications.
    public var deliveryRatio: Double?
    public var generated: Int
    public var delivered: Int
    /// End-to-end latency percentiles of the merged histogram (±0.4 %, `LatencyHistogram`).
    public var latencyP50: Time?
    public var latencyP99: Time?
}

/// A device's end-to-end latency distribution as (latency, fraction ≤ latency) points
/// read off the merged histogram at fixed percentiles.
public struct LatencyCDF: Sendable, Hashable {
    public var device: String
    public var points: [(latency: Time, fraction: Double)]

    public init(device: String, points: [(latency: Time, fraction: Double)]) {
        self.device = device
        self.points = points
    }

    /// The fractions the points are read at: dense in the tail, where latency goals
    /// (p99, p99.9) live. Written as fractions (not percentiles / 100) so the JSON
    /// shows `0.999`, not `0.9990000000000001`.
    static let fractions: [Double] = [0, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.98, 0.99,
                                      0.995, 0.999, 1]

    static func read(device: String, histogram: LatencyHistogram) -> LatencyCDF {
        let points = fractions.compactMap { fraction -> (latency: Time, fraction: Double)? in
            histogram.percentile(fraction * 100).map { (latency: $0.time, fraction: fraction) }
        }
        return LatencyCDF(device: device, points: points)
    }

    public static func == (a: LatencyCDF, b: LatencyCDF) -> Bool {
        a.device == b.device && a.points.count == b.points.count
            && zip(a.points, b.points).allSatisfy { $0.latency == $1.latency && $0.fraction == $1.fraction }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(device)
        for point in points {
            hasher.combine(point.latency)
            hasher.combine(point.fraction)
        }
    }
}
