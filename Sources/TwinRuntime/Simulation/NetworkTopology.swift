import TwinConfig
import TwinModels

/// Which gateways each device uses, checked against the network: unknown gateways,
/// no gateway at all, and the hub limit (`HubCapacity`, the compiler's rule too:
/// mMaxBANSize = 64 devices per hub, ban-numbers.md §2) counted over the
/// devices whose primary gateway it is.
struct NetworkTopology {
    /// Per device: primary, then backup gateway index.
    let gateways: [[Int]]
    /// Per device, aligned with `gateways`: its rank among the scheduled-access devices
    /// of that gateway (its allocation slot after the beacon).
    let scheduledRanks: [[Int]]

    init(network: NetworkConfig) throws(SimulationError) {
        guard !network.gateways.isEmpty else { throw .noGateways }
        func index(_ id: String, device: String) throws(SimulationError) -> Int {
            guard let found = network.gateways.firstIndex(where: { $0.id == id }) else {
                throw .unknownGateway(device: device, gateway: id)
            }
            return found
        }
        var gateways: [[Int]] = []
        for device in network.devices {
            var slots = [try index(device.primaryGateway, device: device.id)]
            if let backup = device.backupGateway, backup != device.primaryGateway {
                slots.append(try index(backup, device: device.id))
            }
            gateways.append(slots)
        }
        if let full = HubCapacity.overfull(gateways: network.gateways.map(\.id),
                                           primaryOfDevices: network.devices.map(\.primaryGateway)).first {
            throw .hubFull(gateway: full.gateway, devices: full.devices, limit: HubCapacity.maximumDevices)
        }
        var nextRank = Array(repeating: 0, count: network.gateways.count)
        var ranks: [[Int]] = []
        for (device, slots) in zip(network.devices, gateways) {
            if device.mac.access == .scheduled {
                ranks.append(slots.map { gateway in
                    defer { nextRank[gateway] += 1 }
                    return nextRank[gateway]
                })
            } else {
                ranks.append(slots.map { _ in 0 })
            }
        }
        self.gateways = gateways
        scheduledRanks = ranks
    }
}
