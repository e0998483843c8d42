import TwinConfig

/// Where a packet that did not arrive on time was lost or delayed. The twin measures
/// goals at the edge the gateway's uplink reaches, so the path it simulates ends there:
/// the edge → cloud hop (`network.links` between edge tiers) carries no goal's packets
/// and is not attributed.
public enum LossHop: String, Sendable, Hashable, CaseIterable {
    /// The body network: the device's queue, its MAC and radio, the gateway's receiver.
    case deviceToGateway = "device→gateway"
    /// The gateway's uplink to its edge.
    case gatewayToEdge = "gateway→edge"
    /// The whole path: delivered, but after the device's latency budget; or still on
    /// its way at the horizon.
    case endToEnd = "end-to-end"
}

/// Why a packet was lost or late, in the order the report lists them.
public enum LossCause: String, Sendable, Hashable, CaseIterable {
    /// Retries exhausted, the last attempt lost to noise, path loss or fading.
    case channelFade = "channel-fade"
    /// Retries exhausted, the last attempt overlapped another frame or a jammer.
    case collision
    /// Retries exhausted on a path that does not split the cause (a bulk flow).
    case retriesExhausted = "retries-exhausted"
    /// The device's MAC queue was full.
    case queueOverflow = "queue-overflow"
    /// No gateway of the device was up.
    case gatewayDown = "gateway-down"
    /// The device's battery was empty or the device had failed.
    case deviceDown = "device-down"
    /// The gateway's security check rejected the frame.
    case securityRejected = "security-rejected"
    /// The gateway decoded the packet but its uplink was unavailable.
    case uplinkOutage = "uplink-outage"
    /// Delivered after the device's latency budget.
    case late
    /// Still on its way at the horizon (neither delivered nor lost).
    case inFlight = "in-flight"

    /// The hop the cause belongs to.
    public var hop: LossHop {
        switch self {
        case .channelFade, .collision, .retriesExhausted, .queueOverflow, .gatewayDown, .deviceDown, .securityRejected:
            .deviceToGateway
        case .uplinkOutage: .gatewayToEdge
        case .late, .inFlight: .endToEnd
        }
    }

    /// The cause of a simulator drop reason.
    public init(_ reason: DropReason) {
        switch reason {
        case .queueOverflow: self = .queueOverflow
        case .retriesExhausted: self = .retriesExhausted
        case .noGatewayReachable: self = .gatewayDown
        case .deviceDead: self = .deviceDown
        case .rejectedBySecurity: self = .securityRejected
        case .uplinkOutage: self = .uplinkOutage
        case .channelFade: self = .channelFade
        case .collision: self = .collision
        }
    }
}

/// Packets of one device lost or late for one cause, per replication (mean).
public struct LossShare: Sendable, Hashable {
    public var device: String
    public var cause: LossCause
    public var packets: Double
    /// The device's packets not delivered on time (all causes), and this cause's share
    /// of them (0…1).
    public var total: Double
    public var share: Double

    public var hop: LossHop { cause.hop }
}

extension DeviceFigures {
    /// Every cause that cost the device packets, largest first (ties in `LossCause`
    /// order). They add up to `generated − onTime`: every packet generated after the
    /// warm-up is delivered (on time or late), dropped for exactly one reason, or in
    /// flight at the horizon.
    public var losses: [LossShare] {
        var packets = Array(repeating: 0.0, count: LossCause.allCases.count)
        for reason in DropReason.allCases where reason.rawValue < dropped.count {
            packets[LossCause.allCases.firstIndex(of: LossCause(reason)) ?? 0] += dropped[reason.rawValue]
        }
        packets[LossCause.allCases.firstIndex(of: .late) ?? 0] += Swift.max(0, delivered - onTime)
        packets[LossCause.allCases.firstIndex(of: .inFlight) ?? 0] += pending
        let total = packets.reduce(0, +)
        return zip(LossCause.allCases, packets).enumerated()
            .filter { $0.element.1 > 0 }
            .sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }
            .map { LossShare(device: id, cause: $0.element.0, packets: $0.element.1, total: total,
                                share: $0.element.1 / total) }
    }

    /// The hop and cause that cost the device the most packets; nil when every packet
    /// arrived on time.
    public var limitingLoss: LossShare? { losses.first }
}
