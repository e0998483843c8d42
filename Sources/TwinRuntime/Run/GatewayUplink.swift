import TwinConfig
import TwinUnits

/// A gateway's uplink to the edge exactly as the simulation forwards over it: the
/// twin.json link from the gateway to its `uplink` edge (the first link leaving the
/// gateway when no link names that edge), and the processing latency of the edge the
/// link reaches.
///
/// The runtime's `GatewayState` takes its delay model from here, and so do the
/// applications' closed forms (the energy what-if's latency bound, the optimiser's
/// device estimate), so a link listed in another order or an edge → cloud link listed
/// first cannot make an analytic figure and a simulated one disagree.
public struct GatewayUplink: Sendable, Hashable {
    /// The link's fixed latency, and the half-width of its jitter (uniform in ±jitter).
    public let latency: Time
    public let jitter: Time
    /// The link's rate (zero: no serialisation delay) and the share of packets that find it up.
    public let rate: DataRate
    public let availability: Ratio
    /// The edge the link reaches (the gateway's `uplink` when it has no link) and its
    /// processing latency (zero when no such edge is declared).
    public let edgeID: String
    public let processing: Time

    public init(gateway: GatewayConfig, network: NetworkConfig) {
        let link = network.links.first { $0.from == gateway.id && $0.to == gateway.uplink }
            ?? network.links.first { $0.from == gateway.id }
        latency = link?.latency ?? .zero
        jitter = link?.jitter ?? .zero
        rate = link?.rate ?? .zero
        availability = link?.availability ?? .fraction(1)
        edgeID = link?.to ?? gateway.uplink
        let edge = edgeID
        processing = network.edges.first { $0.id == edge }?.processingLatency ?? .zero
    }

    /// The uplink of the gateway `gatewayID` names; nil when there is no such gateway.
    public init?(gatewayID: String?, network: NetworkConfig) {
        guard let gatewayID, let gateway = network.gateways.first(where: { $0.id == gatewayID }) else { return nil }
        self.init(gateway: gateway, network: network)
    }

    /// Link latency plus edge processing: the uplink delay before serialisation and jitter.
    public var fixedDelay: Time { latency + processing }
}
