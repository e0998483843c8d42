import TwinDiagnostics
import TwinSpec
import TwinVocabulary

/// One device's flow as the plan represents it, and why (design.md, `explain --plan`).
public struct PlannedFlow: Sendable, Hashable {
    public var device: String
    public var representation: FlowRepresentation
    /// The intent pinned it (`flows:`).
    public var pinned: Bool
    public var reason: String
}

/// Chooses each device's flow representation: packet level unless an aggregate one
/// answers every question the intent asks of the flow.
///
/// The seed's "suitable representation methods", per flow: a bulk flow simulated frame
/// by frame can cost most of a run while no goal looks at its frames (the demo's AR
/// glasses: 700 frames a second, 85 % of the simulation's CPU). A device's flow is
/// aggregated when all of these hold:
/// - it is a wideband flow (WLAN, mmWave, sub-THz): the only access with an aggregate
///   representation (TwinRuntime `AggregateFlow`; the others contend, so their frames
///   shape each other's);
/// - no goal measures the device frame by frame: delivery ratio, latency,
///   availability, throughput and recovery time need each frame; lifetime, energy and
///   the security goals read what the aggregate keeps (transmit energy, air time, the
///   gateway's frame counts the jamming detector learns from);
/// - no packet-level wideband flow of a goal shares one of its gateways (their shares
///   of the gateway's link are then judged side by side at the same fidelity).
/// A pin in the intent wins; pinning `aggregate` on a device without an aggregate
/// representation is an error at the pin.
struct FlowRepresentationChoice {
    let intent: Intent
    let network: ResolvedNetwork
    let monitors: [KPIMonitor]

    /// KPIs that need the device's frames one by one.
    static let perFrameKPIs: Set<KPI> = [.deliveryRatio, .latency, .availability, .throughput, .recoveryTime]

    func choose(diagnostics: inout [Diagnostic]) -> [PlannedFlow] {
        var pins: [String: FlowPin] = [:]
        for pin in intent.flows {
            if let earlier = pins[pin.device.value] {
                diagnostics.append(.error(
                    SynthesisDiagnostics.invalidFlowPin, "device `\(pin.device.value)` has its flow pinned twice",
                    at: pin.device.range, notes: [DiagnosticNote("first pinned here", at: earlier.device.range)]))
                continue
            }
            pins[pin.device.value] = pin
            guard pin.representation.value == .aggregate, let device = network.device(pin.device.value),
                  !Self.hasAggregateRepresentation(device.technology) else { continue }
            diagnostics.append(.error(
                SynthesisDiagnostics.invalidFlowPin,
                "`\(device.id)` (\(device.technology.rawValue)) has no aggregate representation",
                at: pin.representation.range,
                notes: [DiagnosticNote("only wideband flows (WLAN, mmWave, sub-THz) can be aggregated; their access does not contend")]))
        }
        let measured = measuredDevices()
        let wideband = network.devices.filter { Self.hasAggregateRepresentation($0.technology) }
        return network.devices.map { device in
            if let pin = pins[device.id] {
                return PlannedFlow(device: device.id, representation: pin.representation.value, pinned: true,
                                   reason: "Pinned by the intent (`flows:`).")
            }
            guard Self.hasAggregateRepresentation(device.technology) else {
                return packet(device, "\(device.technology.rawValue) frames are simulated one by one: only wideband flows have an aggregate representation.")
            }
            if let goals = measured[device.id] {
                let named = goals.map { "`\($0)`" }.joined(separator: ", ")
                return packet(device, (goals.count == 1 ? "Goal \(named) measures" : "Goals \(named) measure") + " its frames.")
            }
            let gateways = Set(device.links.map(\.key.gateway))
            if let neighbour = wideband.first(where: { other in
                other.id != device.id && measured[other.id] != nil && !gateways.isDisjoint(with: other.links.map(\.key.gateway))
            }) {
                return packet(device, "Shares a gateway with `\(neighbour.id)`, whose frames a goal measures.")
            }
            return PlannedFlow(device: device.id, representation: .aggregate, pinned: false, reason:
                "Bulk wideband flow no goal measures frame by frame: served in expectation per 100 ms batch; its "
                + "energy, air time and the gateway's frame counts are kept.")
        }
    }

    private func packet(_ device: ResolvedDevice, _ reason: String) -> PlannedFlow {
        PlannedFlow(device: device.id, representation: .packet, pinned: false, reason: reason)
    }

    /// Device id → the goals that measure its frames, in intent order.
    private func measuredDevices() -> [String: [String]] {
        var measured: [String: [String]] = [:]
        for monitor in monitors where Self.perFrameKPIs.contains(monitor.kpi) {
            for device in monitor.devices { measured[device, default: []].append(monitor.goal) }
        }
        return measured
    }

    /// Wideband technologies, the ones `wideband` access serves (MACConfigBuilder).
    static func hasAggregateRepresentation(_ technology: Technology) -> Bool {
        switch technology {
        case .banNB, .banUWB, .banHBC, .ieee802154, .ble: false
        case .wlan, .mmwave, .subTHz, .cellular, .ethernet: true
        }
    }
}
