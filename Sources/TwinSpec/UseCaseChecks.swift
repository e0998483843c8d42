import TwinDiagnostics
import TwinUnits

/// Checks inside one use case: unique ids, gateway and link references, technology
/// compatibility between devices and gateways, PHY limits on packet size.
enum UseCaseChecks {
    /// The largest PSDU payload of the IEEE 802.15.6 PHYs (ban-numbers §2: Lp = 0–255).
    static let maxIEEE802156Payload = DataSize.bytes(255)

    static func check(_ useCase: UseCase) -> [Diagnostic] {
        let network = useCase.network
        var diagnostics = ReferenceChecks.duplicates(useCase.applications.map { $0.id.map(\.rawValue) }, what: "application")
        diagnostics += ReferenceChecks.duplicates(network.nodeIDs, what: "id (devices, gateways and edge tiers share ids)")
        diagnostics += ReferenceChecks.duplicates(network.links.map(\.id), what: "link id")
        let gatewayIDs = network.gateways.map(\.id.value)
        let gateways = Dictionary(network.gateways.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        for device in network.devices {
            diagnostics += checkDevice(device, gatewayIDs: gatewayIDs, gateways: gateways,
                                       unreadGateways: network.unread.gateways)
        }
        for unread in network.unread.gatewayReferences {
            if let problem = ReferenceChecks.reference(unread.gateway, to: gatewayIDs, what: "gateway",
                                                       context: "for device `\(unread.device)`",
                                                       unread: network.unread.gateways) {
                diagnostics.append(problem)
            }
        }
        let nodeIDs = network.nodeIDs.map(\.value)
        for link in network.links {
            for end in [link.from, link.to] {
                if let problem = ReferenceChecks.reference(end, to: nodeIDs, what: "device, gateway or edge tier",
                                                           context: "at the end of link `\(link.id.value)`",
                                                           unread: network.unread.nodeIDs) {
                    diagnostics.append(problem)
                }
            }
            if link.from.value == link.to.value {
                diagnostics.append(.error(
                    SpecDiagnostics.outOfRange, "link `\(link.id.value)` connects `\(link.from.value)` to itself",
                    at: link.to.range, notes: [DiagnosticNote("`from` is set here", at: link.from.range)]))
            }
        }
        return diagnostics
    }

    private static func checkDevice(_ device: Device, gatewayIDs: [String], gateways: [String: Gateway],
                                    unreadGateways: [String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let assigned = [device.gateway.primary] + (device.gateway.backup.map { [$0] } ?? [])
        for reference in assigned {
            if let problem = ReferenceChecks.reference(reference, to: gatewayIDs, what: "gateway",
                                                       context: "for device `\(device.id.value)`",
                                                       unread: unreadGateways) {
                diagnostics.append(problem)
            } else if let gateway = gateways[reference.value],
                      !gateway.technologies.contains(where: { $0.value == device.radio.technology.value }) {
                let offered = gateway.technologies.map { "`\($0.value.rawValue)`" }.joined(separator: ", ")
                diagnostics.append(.error(
                    SpecDiagnostics.incompatibleLink,
                    "gateway `\(gateway.id.value)` does not offer `\(device.radio.technology.value.rawValue)`, the technology of device `\(device.id.value)`",
                    at: reference.range,
                    notes: [DiagnosticNote("the device's technology is set here", at: device.radio.technology.range),
                            DiagnosticNote("`\(gateway.id.value)` offers \(offered)", at: gateway.id.range)]))
            }
        }
        if let backup = device.gateway.backup, backup.value == device.gateway.primary.value {
            diagnostics.append(.error(
                SpecDiagnostics.outOfRange, "the backup gateway of `\(device.id.value)` is its primary gateway",
                at: backup.range, notes: [DiagnosticNote("`primary` is set here", at: device.gateway.primary.range)]))
        }
        if device.radio.technology.value.isIEEE802156, let size = device.traffic.packetSize,
           size.value > maxIEEE802156Payload {
            diagnostics.append(.error(
                SpecDiagnostics.outOfRange,
                "`packet-size` of `\(device.id.value)` exceeds the 255-byte payload of an IEEE 802.15.6 frame",
                at: size.range,
                notes: [DiagnosticNote("the device uses `\(device.radio.technology.value.rawValue)` here", at: device.radio.technology.range)]))
        }
        return diagnostics
    }
}
