/// Every relay a network names, judged by the one rule (`DeviceConfig.relayRefusal`)
/// plus the network-wide part a pair cannot see: the relay is a device of the network,
/// and it is not relayed itself (IEEE 802.15.6 relays over two hops at most).
///
/// Why one function for the whole network: a relay becomes invalid through a change
/// to *another* device (a knob that gives the relay a relay of its own, makes a source
/// somebody's relay, or moves the relay's gateways), so every place that admits a
/// network — the config reader (TK012), the optimiser's knob application and analytic
/// floors, the runtime's preflight — asks the same question of the whole network
/// rather than of the device it just changed.
public struct RelayRefusal: Sendable, Hashable {
    /// Why the relay is refused.
    public enum Kind: Sendable, Hashable {
        /// The relay is not a device of the network (TK006 in twin.json).
        case unknownRelay
        /// The relay exists but cannot relay the source (TK012 in twin.json).
        case refused
    }

    /// The source's index in `network.devices` and its id.
    public var index: Int
    public var device: String
    /// The relay it names.
    public var relay: String
    public var kind: Kind
    /// The sentence, without the source's name in front.
    public var reason: String

    public init(index: Int, device: String, relay: String, kind: Kind, reason: String) {
        self.index = index
        self.device = device
        self.relay = relay
        self.kind = kind
        self.reason = reason
    }

    /// "device `ecg`: …", as errors name it.
    public var sentence: String { "device `\(device)`: \(reason)" }
}

extension NetworkConfig {
    /// The relays of the network that break the rule, sources in device order; empty
    /// when every relay may relay its source.
    public var relayRefusals: [RelayRefusal] {
        guard devices.contains(where: { $0.relay != nil }) else { return [] }
        let byID = Dictionary(devices.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var found: [RelayRefusal] = []
        for (index, device) in devices.enumerated() {
            guard let relayID = device.relay else { continue }
            guard let relay = byID[relayID] else {
                found.append(RelayRefusal(index: index, device: device.id, relay: relayID, kind: .unknownRelay,
                                          reason: "relayed by `\(relayID)`, which the network does not define"))
                continue
            }
            var problem = device.relayRefusal(by: relay)
            if problem == nil, let next = relay.relay {
                problem = "`\(relayID)` is itself relayed by `\(next)`; IEEE 802.15.6 relays over two hops at most"
            }
            if let problem {
                found.append(RelayRefusal(index: index, device: device.id, relay: relayID, kind: .refused,
                                          reason: problem))
            }
        }
        return found
    }
}
