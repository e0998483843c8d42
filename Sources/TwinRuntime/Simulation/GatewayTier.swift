import TwinEngine

/// The gateway tier's rules: which gateway a device uses when its gateway fails or
/// comes back, and what a delivery to the edge does to the device's figures.
///
/// A device knows a primary and possibly a backup gateway (`DeviceParameters.gateways`,
/// "slots" 0 and 1). When its gateway fails, the device notices after the gateway's
/// failover time (missed beacons, a supervision timeout) and moves to another of its
/// gateways that is up, or has none (serving −1): it then drops what it holds and what
/// it generates until one comes back. A gateway that comes back takes back the devices
/// that have none, and the devices whose primary it is. The uplink from a gateway to
/// the edge is `GatewayState.forward`.
///
/// - Reads: the device's gateways, which gateways are up, the device's serving slot.
/// - Changes: (`record`) the device's delivery, drop, pending and latency figures and
///   its window.
/// - Schedules: nothing; the coordinator schedules `.failover`, `.gatewayBreakdown`
///   and `.gatewayRepair` and re-associates devices through their MAC.
/// A relay (issue 11 §4, `RelayPath`) forwards to the gateway its source is using now,
/// so it follows the source through these rules (it must use the source's gateways).
enum GatewayTier {
    /// After `failed` failed: the first of `slots` (gateway indices in preference order)
    /// on another gateway that is up; nil when there is none.
    static func failoverSlot(_ slots: [Int], leaving failed: Int, isUp: (Int) -> Bool) -> Int? {
        slots.indices.first { slots[$0] != failed && isUp(slots[$0]) }
    }

    /// A gateway at the device's `slot` came back: whether the device moves to it (it
    /// has no gateway, or this is its primary and it uses another).
    static func rejoins(slot: Int, serving: Int) -> Bool {
        serving < 0 || (slot == 0 && serving != 0)
    }

    /// A device coming back from a failure whose gateway went down meanwhile: the first
    /// of its gateways that is up (−1: none).
    static func reachableSlot(_ slots: [Int], isUp: (Int) -> Bool) -> Int {
        slots.indices.first { isUp(slots[$0]) } ?? -1
    }
}

extension DeviceState {
    /// What `delivery` of `packet` (decoded by the gateway, forwarded) means for the
    /// device: a loss on the uplink, a packet pending at the horizon, or a delivery with
    /// its latency from the first sample against the device's `budget`. The window
    /// counts deliveries from the warm-up on like everything it counts.
    mutating func record(_ delivery: UplinkDelivery, of packet: Packet, budget: SimTime) {
        switch delivery {
        case .lost:
            if packet.counted { outcome.dropped[.uplinkOutage] += 1 }
        case .pending:
            if packet.counted { outcome.pendingAtEnd += 1 }
        case .delivered(let arrival):
            let latency = arrival - packet.generated
            window.delivered(latency: latency)
            if packet.counted {
                outcome.deliveredToEdge += 1
                outcome.latency.record(latency)
                if latency <= budget { outcome.deliveredWithinBudget += 1 }
            }
        }
    }
}
