import TwinConfig
import TwinEngine
import TwinModels

/// A relayed device's second way to its gateway (issue 11 §4): the IEEE 802.15.6
/// two-hop extension run as incremental decode-and-forward (`RelayScheme
/// .incrementalDecodeForward`; Laneman, Tse & Wornell 2004; Std 802.15.6-2012 §6.3.13 ◐).
/// The relay overhears every frame of its source and the gateway's acknowledgement;
/// when the gateway did not decode the frame and the relay did, the relay sends it on
/// over its own link to that gateway, which decides it like any frame.
///
/// What is modelled: the source → relay link (its own mean loss and static shadowing
/// between the two placements, `BodyGeometry.relayLink`, and its own fade on top of the
/// wearer's shared `BodyFading`, so a sleeping wearer shadows this hop too); the relay
/// → gateway link is the relay's own link to that gateway (`DeviceLinkFading`, the same
/// fade its own frames see); the relay's energy (it receives each source frame and the
/// gateway's ACK, then sends the frame and receives the ACK to it: `RelayCost`); a
/// small bounded forward queue per relay device, shared by its sources
/// (`ForwardQueue`: `capacity` frames, sent one after the other); the latency of a relayed frame,
/// `RelayCost.extraLatency(.incrementalDecodeForward)` = pSIFS + ACK + pSIFS (the ACK
/// window of the direct frame must expire) + the frame again, after any forward the
/// relay still holds; the relay's failure (a relay that is down forwards nothing, and
/// the source is back to its direct link).
///
/// Shortcuts (docs/validation.md): the relay's forward is not put on the shared medium
/// (it neither collides with nor defers to other frames) and does not wait for the
/// relay's own allocation or backoff; both relay hops see the interference the gateway
/// saw for the direct frame; the overhearing is charged as receive time only (no
/// wake-ups, and on top of the relay's own listening); the source learns of a relayed
/// delivery only through the gateway's ACK over its own link (when that ACK is lost it
/// retries, and a duplicate counts for nothing, as after any lost ACK).
///
/// Determinism: the relay's decisions draw from the source's own `relay` stream, the
/// hop's fade from its `relay-fading` stream; nothing is drawn while the relay is down,
/// so a twin whose relay is down from the start runs exactly as one without it.
struct RelayPath: Sendable {
    /// The relay's device index.
    let relay: Int
    /// For each of the source's gateway slots, the relay's slot of the same gateway.
    let relaySlots: [Int]
    /// Source → relay: slot 0 of a one-link `DeviceLinkFading` at the source's TX level.
    var hearing: DeviceLinkFading
    /// The relay's receiver deciding the source's frames.
    var receiver: ReceptionCache
    var stream: Xoshiro256

    /// The paths of a network (nil for a device without a relay). A relay the rule
    /// refuses (`NetworkConfig.relayRefusals`: a chain, an unknown relay, another
    /// channel, other gateways, …) is an error, never dropped: a simulation that ran the
    /// source direct while the analytic estimate and the written twin.json relay it
    /// would report a twin nobody asked for.
    static func make(network: NetworkConfig, parameters: [DeviceParameters], streams: RandomStreams,
                     useCastaliaMap: Bool) throws(SimulationError) -> [RelayPath?] {
        guard network.devices.contains(where: { $0.relay != nil }) else { return [] }
        if let refusal = network.relayRefusals.first {
            throw .invalidRelay(device: refusal.device, relay: refusal.relay, message: refusal.reason)
        }
        let index = Dictionary(network.devices.enumerated().map { ($0.element.id, $0.offset) },
                               uniquingKeysWith: { first, _ in first })
        var paths: [RelayPath?] = []
        for (source, device) in network.devices.enumerated() {
            guard let id = device.relay else {
                paths.append(nil)
                continue
            }
            // The rule above guarantees the relay exists and uses every gateway of the source.
            let relay = index[id] ?? source
            let slots = parameters[source].gateways.compactMap { parameters[relay].gateways.firstIndex(of: $0) }
            guard relay != source, slots.count == parameters[source].gateways.count else {
                throw .invalidRelay(device: device.id, relay: id,
                                    message: "`\(id)` does not use every gateway `\(device.id)` uses")
            }
            let link = BodyGeometry.relayLink(from: device, to: network.devices[relay], useCastaliaMap: useCastaliaMap)
            paths.append(RelayPath(relay: relay, relaySlots: slots,
                                   hearing: DeviceLinkFading(transmitLevel: parameters[source].transmitLevel,
                                                             links: [link],
                                                             generator: streams.generator(device.id, "relay-fading")),
                                   receiver: ReceptionCache(receiver: parameters[relay].receiver),
                                   stream: streams.generator(device.id, "relay")))
        }
        return paths
    }

    /// Whether the relay decodes a source frame of `bits` bits with `interference` mW
    /// (the hop's level moves with the wearer's shared fading `body`).
    mutating func hears(bits: Int, interference: Double, body: BodyFading?) -> Bool {
        let level = hearing.level(slot: 0, body: body)
        return stream.succeeds(receiver.successProbability(level: level, interference: interference, bits: bits))
    }

}

/// A relay device's forward buffer, shared by every source it relays: at most
/// `capacity` forwards wait, and they go out one after the other. Kept per relay, not
/// per source (`BANSimulation.forwardQueues`), so a relay serving two sources holds
/// four forwards in all and never sends two at once.
struct ForwardQueue: Sendable {
    /// When the forwards the relay still holds will have been sent, oldest first.
    private(set) var pending: [SimTime] = []

    /// At most this many frames wait in the relay's forward buffer; a frame that finds
    /// it full is not forwarded. Four 255-octet frames: a small buffer beside the relay's
    /// own MAC queue, enough for one source's burst of a split sample.
    static let capacity = 4

    /// When a forward of a frame that ended at `end` will have been sent (`airtime` of the
    /// frame, `acknowledgement` of the ACK window): after the direct frame's ACK window
    /// and after the forwards the relay still holds; nil when the buffer is full.
    mutating func scheduleForward(frameEnd end: SimTime, airtime: SimTime, acknowledgement: SimTime) -> SimTime? {
        pending.removeAll { $0 <= end }
        guard pending.count < Self.capacity else { return nil }
        let sifs = SimTime(NarrowbandTiming.sifs)
        let start = Swift.max(end + sifs + acknowledgement + sifs, (pending.last ?? .zero) + sifs)
        let sent = start + airtime
        pending.append(sent)
        return sent
    }
}
