import TwinConfig
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The network as a picture: every device where it is worn, every gateway, the edge
/// tiers, and the links between them — body links (device → primary and backup
/// gateway) and uplinks (gateway → edge, edge → edge) as `config.network` declares them.
///
/// Coordinates are metres on a front view of a standing wearer 1.75 m tall, the body
/// the runtime's path-loss geometry uses (`BodyGeometry`, Winter 2009 segment
/// proportions): `x` across the body, positive towards the wearer's left (the viewer's
/// right), `y` up from the feet. Off-body gateways are drawn beside the body at their
/// configured distance from its centre line, at hip height (a bedside table), alternating
/// sides so two hubs do not overlap.
public struct ViewTopology: Sendable, Hashable {
    public var devices: [DeviceNode]
    public var gateways: [GatewayNode]
    public var edges: [EdgeNode]
    public var links: [TopologyLink]

    public init(devices: [DeviceNode], gateways: [GatewayNode], edges: [EdgeNode], links: [TopologyLink]) {
        self.devices = devices
        self.gateways = gateways
        self.edges = edges
        self.links = links
    }

    /// The topology of a network, in configuration order.
    public static func build(network: NetworkConfig) -> ViewTopology {
        let devices = network.devices.map { device in
            // An implant whose placement names no body site is drawn at the implant site.
            let site = device.inBody && BodyGeometry.position(of: device.placement) == nil ? .inBody : device.placement
            let (x, y, known) = Self.frontView(of: site)
            return DeviceNode(
                id: device.id, deviceClass: device.deviceClass, placement: device.placement, x: x, y: y,
                positionKnown: known, primaryGateway: device.primaryGateway, backupGateway: device.backupGateway,
                radio: device.radio.technology, radioProfile: device.radio.profile, inBody: device.inBody,
                txPower: device.radio.txPower,
                batteryEnergy: .joules(device.battery.capacity.si * device.battery.voltage.si))
        }
        var offBodyCount = 0
        let gateways = network.gateways.map { gateway -> GatewayNode in
            if BodyGeometry.position(of: gateway.placement) != nil {
                let (x, y, _) = Self.frontView(of: gateway.placement)
                return GatewayNode(id: gateway.id, kind: gateway.kind, placement: gateway.placement, x: x, y: y,
                                   onBody: true, uplink: gateway.uplink)
            }
            // Beside the body: first hub on the wearer's right, the next on the left, …
            let side: Double = offBodyCount % 2 == 0 ? -1 : 1
            let spread = Double(offBodyCount / 2) * 0.25
            offBodyCount += 1
            let lateral = Swift.max(gateway.distance.si, Self.minimumOffBodyDistance) + spread
            return GatewayNode(id: gateway.id, kind: gateway.kind, placement: gateway.placement,
                               x: .meters(side * lateral), y: .meters(Self.hipHeight), onBody: false,
                               uplink: gateway.uplink)
        }
        let edges = network.edges.map { EdgeNode(id: $0.id, tier: $0.tier) }
        var links: [TopologyLink] = []
        for device in network.devices {
            links.append(TopologyLink(from: device.id, to: device.primaryGateway, kind: .body, role: .primary,
                                      technology: device.radio.technology))
            if let backup = device.backupGateway {
                links.append(TopologyLink(from: device.id, to: backup, kind: .body, role: .backup,
                                          technology: device.radio.technology))
            }
        }
        for link in network.links {
            links.append(TopologyLink(from: link.from, to: link.to, kind: .uplink, role: nil, technology: link.technology))
        }
        return ViewTopology(devices: devices, gateways: gateways, edges: edges, links: links)
    }

    public func device(_ id: String) -> DeviceNode? { devices.first { $0.id == id } }

    /// Hip-joint height, 0.530 H (Winter 2009 Fig. 4.1): where off-body hubs are drawn.
    static let hipHeight = 0.9275  // 0.530 × 1.75, written out so it prints exactly
    /// Torso centre, 0.6 H: where a placement the geometry does not know is drawn.
    static let torsoCentreHeight = 1.05
    /// Off-body hubs closer than this would be drawn on the body outline.
    static let minimumOffBodyDistance = 0.4

    /// Front-view coordinates of a placement (to the millimetre); placements the geometry does not know are
    /// drawn at the torso centre (0.6 H) with `positionKnown` false, so a reader can
    /// tell a guess from a position.
    static func frontView(of placement: Placement) -> (x: Distance, y: Distance, known: Bool) {
        guard let position = BodyGeometry.position(of: placement) else {
            return (.zero, .meters(Self.torsoCentreHeight), false)
        }
        // Whole millimetres, divided (not multiplied by 1e-3) so the JSON prints 1.638,
        // not 1.6380000000000001.
        return (.meters(position.x.rounded() / 1000), .meters(position.z.rounded() / 1000), true)
    }
}

/// A device as drawn: where it is worn and how it reaches the network.
public struct DeviceNode: Sendable, Hashable {
    public var id: String
    public var deviceClass: String
    public var placement: Placement
    public var x: Distance
    public var y: Distance
    /// False when the placement is not in the body geometry and the position is a guess.
    public var positionKnown: Bool
    public var primaryGateway: String
    public var backupGateway: String?
    /// Radio technology (`ban-nb`, `ble`, `wlan`, …) and the profile it came from.
    public var radio: Technology
    public var radioProfile: String
    public var inBody: Bool
    /// Configured transmit level: path loss is this minus the received level.
    public var txPower: PowerLevel
    /// Full battery energy (capacity × nominal voltage): the scale of "energy left".
    public var batteryEnergy: Energy
}

public struct GatewayNode: Sendable, Hashable {
    public var id: String
    public var kind: GatewayKind
    public var placement: Placement
    public var x: Distance
    public var y: Distance
    /// Worn on the body (phone in a pocket) rather than beside it (bedside hub).
    public var onBody: Bool
    public var uplink: String
}

public struct EdgeNode: Sendable, Hashable {
    public var id: String
    /// The edge tier (`extreme-mec`, `far-edge`, …); `kind` in the JSON.
    public var tier: EdgeTierKind
}

/// A line of the drawing: a body link (device → gateway) or an uplink between tiers.
public struct TopologyLink: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case body
        case uplink
    }

    /// Which of a device's gateways a body link goes to.
    public enum Role: String, Sendable, Hashable {
        case primary
        case backup
    }

    public var from: String
    public var to: String
    public var kind: Kind
    public var role: Role?
    public var technology: Technology
}
