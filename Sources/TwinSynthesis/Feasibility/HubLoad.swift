import TwinModels
import TwinSpec
import TwinUnits
import TwinVocabulary

/// What one gateway carries on one technology in the baseline (every device on its
/// primary gateway): the air time per second its devices' traffic needs — each packet
/// split into frames, each frame one acknowledged exchange at the fastest mode
/// (`AirInterface`) — and how many 802.15.6 nodes use it as their hub.
///
/// Air time above 100 % means the traffic cannot be carried whatever the MAC does
/// (TP007); more than mMaxBANSize = 64 devices on one hub is refused by the standard
/// and the runtime (TP008, `HubCapacity`, ban-numbers.md §2 "Network size").
struct HubLoad: Sendable {
    struct Share: Sendable {
        var device: String
        var airtime: Ratio
    }

    var gateway: Gateway
    var technology: Technology
    var shares: [Share]

    var utilisation: Ratio { shares.map(\.airtime).reduce(.zero, +) }
    var devices: [String] { shares.map(\.device) }

    /// One entry per (gateway, technology) that some device uses as primary, sorted by
    /// gateway id then technology.
    static func loads(_ budgets: [DeviceBudget], useCase: UseCase) -> [HubLoad] {
        var result: [HubLoad] = []
        for gateway in useCase.network.gateways.sorted(by: { $0.id.value < $1.id.value }) {
            let served = budgets.filter { $0.device.device.gateway.primary.value == gateway.id.value }
            for technology in Set(served.map(\.device.technology)).sorted(by: { $0.rawValue < $1.rawValue }) {
                let shares = served.filter { $0.device.technology == technology }.map { budget in
                    Share(device: budget.id, airtime: budget.air?.airtimeShare(budget.device.traffic) ?? .zero)
                }
                result.append(HubLoad(gateway: gateway, technology: technology, shares: shares))
            }
        }
        return result
    }

    /// Devices per gateway (primary assignments, every technology: `HubCapacity`, the
    /// runtime's rule), for gateways with any.
    static func hubSizes(_ budgets: [DeviceBudget], useCase: UseCase) -> [(gateway: Gateway, nodes: [String])] {
        useCase.network.gateways.sorted { $0.id.value < $1.id.value }.compactMap { gateway in
            let nodes = budgets.filter { $0.device.device.gateway.primary.value == gateway.id.value }.map(\.id)
            return nodes.isEmpty ? nil : (gateway, nodes)
        }
    }
}
