import TwinSpec
import TwinUnits
import TwinVocabulary

/// A device → gateway radio link, the unit model validity is checked on: the channel
/// regime depends on both ends (a chest patch talks on-body to a phone at the hip but
/// off-body to a bedside hub), and a device's backup link needs models too once the
/// plan injects gateway failures.
public struct LinkKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var device: String
    public var gateway: String

    public static func < (a: LinkKey, b: LinkKey) -> Bool { (a.device, a.gateway) < (b.device, b.gateway) }
    public var description: String { "\(device)→\(gateway)" }
}

/// What validity is checked against for one link.
public struct LinkFacts: Sendable, Hashable {
    public var key: LinkKey
    public var technology: Technology
    public var band: Band?
    public var devicePlacement: Placement
    /// The gateway's placement when it sits on the body (validity `placements` then
    /// constrains both ends, as for Castalia's measured map).
    public var onBodyGatewayPlacement: Placement?
    public var region: BodyRegion
    public var isPrimary: Bool
}

/// The use case's devices with their radio, traffic and links resolved against the
/// catalogue: every later step (selection, bounds, twin.json) reads these facts.
public struct ResolvedNetwork: Sendable, Hashable {
    public var useCase: UseCase
    public var devices: [ResolvedDevice]

    public init(_ useCase: UseCase, catalogue: SynthesisCatalogue) {
        self.useCase = useCase
        let gateways = Dictionary(useCase.network.gateways.map { ($0.id.value, $0) }, uniquingKeysWith: { a, _ in a })
        devices = useCase.network.devices.map { ResolvedDevice($0, gateways: gateways, catalogue: catalogue) }
            .sorted { $0.id < $1.id }
    }

    public func device(_ id: String) -> ResolvedDevice? { devices.first { $0.id == id } }

    /// Links the plan must model: every primary link, and backup links when the plan
    /// injects faults (a gateway failure moves traffic onto them).
    public func links(includingBackups: Bool) -> [LinkFacts] {
        devices.flatMap { device in device.links.filter { $0.isPrimary || includingBackups } }.sorted { $0.key < $1.key }
    }

    /// Device ids a goal's scope covers (every device when unscoped), sorted.
    public func devices(in scope: GoalScope?) -> [String] {
        guard let scope else { return devices.map(\.id) }
        let ids = Set(scope.devices.map(\.value)), classes = Set(scope.classes.map(\.value))
        let tags = Set(scope.tags.map(\.value))
        return devices.filter { device in
            ids.contains(device.id) || classes.contains(device.device.deviceClass.value)
                || !tags.isDisjoint(with: device.device.tags.map(\.value))
        }.map(\.id)
    }
}

public struct ResolvedDevice: Sendable, Hashable {
    public var device: Device
    public var radioEntry: CatalogueEntry?
    public var radio: TwinSpec.RadioProfile?
    public var band: Band?
    public var traffic: ResolvedTraffic
    public var links: [LinkFacts]

    public var id: String { device.id.value }
    public var technology: Technology { device.radio.technology.value }

    public init(_ device: Device, gateways: [String: Gateway], catalogue: SynthesisCatalogue) {
        self.device = device
        radioEntry = catalogue.entry(device.radio.profile.value)
        if case .radio(let profile)? = radioEntry?.details { radio = profile }
        band = device.radio.band?.value ?? radio?.bands.first?.value
        traffic = ResolvedTraffic(device.traffic, technology: device.radio.technology.value)
        var links: [LinkFacts] = []
        let assignment = device.gateway
        for (gatewayID, isPrimary) in [(assignment.primary.value, true)] + (assignment.backup.map { [($0.value, false)] } ?? []) {
            let gateway = gateways[gatewayID]
            let gatewayOnBody = gateway.map(Self.isOnBody) ?? true
            let region: BodyRegion = device.placement.value == .inBody ? .inBody
                : (device.placement.value == .offBody || !gatewayOnBody ? .offBody : .onBody)
            links.append(LinkFacts(
                key: LinkKey(device: device.id.value, gateway: gatewayID), technology: device.radio.technology.value,
                band: band, devicePlacement: device.placement.value,
                onBodyGatewayPlacement: gatewayOnBody ? gateway?.placement?.value : nil, region: region,
                isPrimary: isPrimary))
        }
        self.links = links
    }

    /// A gateway is on the body when placed there, or, without a placement, when it is
    /// a kind people wear or carry.
    public static func isOnBody(_ gateway: Gateway) -> Bool {
        if let placement = gateway.placement?.value { return placement.body == .onBody }
        return [.phone, .smartwatch, .wearableHub].contains(gateway.kind.value)
    }
}

extension CatalogueEntry {
    /// Whether the entry's validity holds on a link (an entry without validity holds
    /// everywhere; each listed dimension must contain the link's value).
    func isValid(on link: LinkFacts) -> Bool { validityProblem(on: link) == nil }

    /// Why the entry's validity fails on a link, or nil when it holds.
    func validityProblem(on link: LinkFacts) -> String? {
        guard let validity else { return nil }
        let bands = validity.bands.map(\.value)
        if !bands.isEmpty {
            guard let band = link.band else { return "needs a band in \(list(bands.map(\.rawValue))), the link's band is unknown" }
            if !bands.contains(band) { return "valid for bands \(list(bands.map(\.rawValue))), not \(band.rawValue)" }
        }
        let technologies = validity.technologies.map(\.value)
        if !technologies.isEmpty, !technologies.contains(link.technology) {
            return "valid for \(list(technologies.map(\.rawValue))), not \(link.technology.rawValue)"
        }
        let bodies = validity.bodies.map(\.value)
        if !bodies.isEmpty, !bodies.contains(link.region) {
            return "valid \(list(bodies.map(\.rawValue))), the link is \(link.region.rawValue)"
        }
        let placements = validity.placements.map(\.value)
        if !placements.isEmpty {
            if !placements.contains(link.devicePlacement) {
                return "valid at \(list(placements.map(\.rawValue))), not \(link.devicePlacement.rawValue)"
            }
            if let gateway = link.onBodyGatewayPlacement, !placements.contains(gateway) {
                return "valid at \(list(placements.map(\.rawValue))), the gateway sits at \(gateway.rawValue)"
            }
        }
        return nil
    }
}

func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }
