import TwinConfig
import TwinModels
import TwinSpec
import TwinSynthesis
import TwinUnits

/// Gateways, edge tiers and the links between tiers in twin.json.
struct TierConfigBuilder {
    let useCase: UseCase
    let plan: TwinPlan

    /// Devices notice a dead hub after three missed beacons and re-associate within one
    /// more beacon period. The beacon period is Castalia BaselineBANMac's
    /// `beaconPeriodLength` × `allocationSlotLength` (32 × 10 ms, ban-numbers.md §5), so
    /// failover takes 4 × 0.32 s = 1.28 s; BLE's supervision timeout is of the same order.
    static var failoverTime: Time { BaselineBANMacParameters.castaliaDefault.beaconPeriod * 4 }

    /// Uplink jitter as a fraction of the link's latency (twinc's assumption; the use
    /// case gives only the mean).
    static let jitterFraction = 0.1

    func gateways() -> [GatewayConfig] {
        useCase.network.gateways.map { gateway in
            let onBody = ResolvedDevice.isOnBody(gateway)
            return GatewayConfig(
                id: gateway.id.value, kind: gateway.kind.value,
                placement: gateway.placement?.value ?? (onBody ? .hipRight : .offBody),
                distance: gateway.distance?.value ?? (onBody ? .zero : .meters(1)),
                uplink: useCase.network.links.first { $0.from.value == gateway.id.value }?.to.value ?? "",
                failoverTime: Self.failoverTime, mtbf: nil, mttr: nil)
        }
    }

    func edges() -> [EdgeConfig] {
        useCase.network.edge.map { edge in
            EdgeConfig(id: edge.id.value, tier: edge.tier.value,
                       processingLatency: edge.processingDelay?.value ?? .zero)
        }
    }

    func links() -> [LinkConfig] {
        useCase.network.links.map { link in
            LinkConfig(from: link.from.value, to: link.to.value, technology: link.technology.value,
                       latency: link.latency.value, jitter: link.latency.value * Self.jitterFraction,
                       rate: link.rate.value, availability: link.availability?.value ?? .percent(100))
        }
    }
}
