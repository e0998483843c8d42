import TwinDiagnostics
import TwinUnits
import TwinVocabulary

/// A use-case template: the seed's template fields plus the body network. Every field
/// read from YAML keeps its location.
public struct UseCase: Sendable, Hashable {
    public var file: String
    public var name: Located<String>
    public var title: Located<String>
    public var description: Located<String>?
    public var stakeholders: [Located<String>]
    public var story: UserStory
    public var requirements: [Located<String>]
    public var benefits: [Located<String>]
    public var applications: [ApplicationUse]
    public var network: BodyNetwork
    /// The wearer's activity profile (`activity:`); nil means the default, `ambulatory`.
    public var activity: Located<ActivityProfileName>? = nil
}

public struct UserStory: Sendable, Hashable {
    public var summary: Located<String>
    public var points: [Located<String>]
}

/// One twin application wanted by the use case, with the author's special
/// requirements and any models or methods pinned by id.
public struct ApplicationUse: Sendable, Hashable {
    public var id: Located<ApplicationKind>
    public var title: Located<String>?
    public var special: [Located<String>]
    public var models: [Located<String>]
    public var methods: [Located<String>]
}

public struct BodyNetwork: Sendable, Hashable {
    public var devices: [Device]
    public var gateways: [Gateway]
    public var edge: [EdgeTier]
    public var links: [Link]
    /// What the document declares in entries that did not read (their errors are
    /// reported): references to them are not "unknown", and lists of known ids name them.
    public var unread = UnreadEntries()

    /// Ids of everything a link may connect, in document order.
    public var nodeIDs: [Located<String>] { devices.map(\.id) + gateways.map(\.id) + edge.map(\.id) }
}

/// Ids, classes and tags written in network entries that failed to read, taken from the
/// raw YAML so the cross-reference checks can run in the same pass as the reading
/// errors without reporting a device as unknown because its own placement was misspelt.
public struct UnreadEntries: Sendable, Hashable {
    public var devices: [String] = []
    public var gateways: [String] = []
    public var edge: [String] = []
    public var deviceClasses: [String] = []
    public var tags: [String] = []
    /// `gateway.primary` and `gateway.backup` of unread devices, with the device's id:
    /// still checked, since a misspelt placement says nothing about the gateway.
    public var gatewayReferences: [GatewayReference] = []
    /// `class`, `radio.profile` and `battery.profile` of unread devices (and the battery
    /// profiles of unread gateways): still checked against the catalogue in the same
    /// pass, since a misspelt placement says nothing about the battery profile either.
    public var classReferences: [Located<String>] = []
    public var radioProfiles: [Located<String>] = []
    public var batteryProfiles: [Located<String>] = []

    public struct GatewayReference: Sendable, Hashable {
        public var device: String
        public var gateway: Located<String>
    }

    public init() {}

    public var nodeIDs: [String] { devices + gateways + edge }
    public var isEmpty: Bool { nodeIDs.isEmpty }
}

public struct Device: Sendable, Hashable {
    public var id: Located<String>
    /// A built-in or catalogue device class (checked against the catalogue later).
    public var deviceClass: Located<String>
    public var description: Located<String>?
    public var placement: Located<Placement>
    public var tags: [Located<String>]
    public var radio: RadioSettings
    public var battery: BatterySettings?
    public var traffic: TrafficSettings
    /// IEEE 802.15.6 user priority, 0…7.
    public var priority: Located<Int>
    public var gateway: GatewayAssignment
    /// The on-body device that relays this one's frames (IEEE 802.15.6 two-hop,
    /// issue 11 §4); twin.json's `relay`.
    public var relay: Located<String>? = nil
}

public struct RadioSettings: Sendable, Hashable {
    public var profile: Located<String>
    public var technology: Located<Technology>
    public var band: Located<Band>?
    public var txPower: Located<PowerLevel>?
}

/// A catalogue profile, explicit values, or both (explicit values win).
public struct BatterySettings: Sendable, Hashable {
    public var profile: Located<String>?
    public var capacity: Located<Charge>?
    public var voltage: Located<Voltage>?
}

/// An ISO/IEEE 11073 class, explicit values, or both (explicit values win).
public struct TrafficSettings: Sendable, Hashable {
    public var trafficClass: Located<TrafficClass>?
    public var rate: Located<DataRate>?
    public var packetSize: Located<DataSize>?
    public var sampling: Located<Frequency>?
    public var alarmInterval: Located<Time>?
    public var latency: Located<Time>?
}

public struct GatewayAssignment: Sendable, Hashable {
    public var primary: Located<String>
    public var backup: Located<String>?
}

public struct Gateway: Sendable, Hashable {
    public var id: Located<String>
    public var kind: Located<GatewayKind>
    public var description: Located<String>?
    public var placement: Located<Placement>?
    public var distance: Located<Distance>?
    public var technologies: [Located<Technology>]
    public var battery: BatterySettings?
}

public struct EdgeTier: Sendable, Hashable {
    public var id: Located<String>
    public var tier: Located<EdgeTierKind>
    public var description: Located<String>?
    public var processingDelay: Located<Time>?
    public var availability: Located<Ratio>?
}

public struct Link: Sendable, Hashable {
    public var id: Located<String>
    public var from: Located<String>
    public var to: Located<String>
    public var technology: Located<Technology>
    public var latency: Located<Time>
    public var rate: Located<DataRate>
    public var availability: Located<Ratio>?
    public var distance: Located<Distance>?
}
