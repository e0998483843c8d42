import TwinDiagnostics
import TwinUnits

/// Checks inside one use case: unique ids, gateway, relay and link references, technology
/// compatibility between devices and gateways, PHY limits on packet size. Whether a
/// named relay can relay (radio, MAC, placement, gateways: `DeviceConfig.relayRefusal`)
/// is known once the devices are resolved: the compiler's admission of its twin.json
/// (TK012 → TP013 at the device's `relay:` key).
enum UseCaseChecks {
    /// The largest PSDU payload of the IEEE 802.15.6 PHYs (ban-numbers §2: Lp = 0–255).
    static let maxIEEE802156Payload = DataSize.bytes(255)

    /// Every problem of the use case in a fixed order, at most `room` of them built (the
    /// reader keeps no more) and the rest counted: a did-you-mean note over thousands of
    /// unread ids is worth building for the diagnostics shown only.
    static func check(_ useCase: UseCase, room: Int = .max) -> CappedChecks {
        let network = useCase.network
        var checks = CappedChecks(room: room)
        checks.append(contentsOf: ReferenceChecks.duplicates(useCase.applications.map { $0.id.map(\.rawValue) }, what: "application"))
        checks.append(contentsOf: ReferenceChecks.duplicates(network.nodeIDs, what: "id (devices, gateways and edge tiers share ids)"))
        checks.append(contentsOf: ReferenceChecks.duplicates(network.links.map(\.id), what: "link id"))
        var gatewayTargets = ReferenceTargets(network.gateways.map(\.id.value), unread: network.unread.gateways)
        let gateways = Dictionary(network.gateways.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        for device in network.devices {
            checkDevice(device, gatewayTargets: &gatewayTargets, gateways: gateways, into: &checks)
        }
        var deviceTargets = ReferenceTargets(network.devices.map(\.id.value), unread: network.unread.devices)
        for device in network.devices {
            guard let relay = device.relay else { continue }
            if relay.value == device.id.value {
                checks.append(.error(SpecDiagnostics.outOfRange, "device `\(device.id.value)` cannot relay itself",
                                     at: relay.range))
            } else if deviceTargets.isUnknown(relay.value) {
                checks.error { deviceTargets.diagnostic(relay, what: "device", context: "relaying `\(device.id.value)`") }
            }
        }
        for unread in network.unread.gatewayReferences where gatewayTargets.isUnknown(unread.gateway.value) {
            checks.error { gatewayTargets.diagnostic(unread.gateway, what: "gateway", context: "for device `\(unread.device)`") }
        }
        var nodeTargets = ReferenceTargets(network.nodeIDs.map(\.value), unread: network.unread.nodeIDs)
        for link in network.links {
            for end in [link.from, link.to] where nodeTargets.isUnknown(end.value) {
                checks.error {
                    nodeTargets.diagnostic(end, what: "device, gateway or edge tier", context: "at the end of link `\(link.id.value)`")
                }
            }
            if link.from.value == link.to.value {
                checks.append(.error(
                    SpecDiagnostics.outOfRange, "link `\(link.id.value)` connects `\(link.from.value)` to itself",
                    at: link.to.range, notes: [DiagnosticNote("`from` is set here", at: link.from.range)]))
            }
        }
        return checks
    }

    private static func checkDevice(_ device: Device, gatewayTargets: inout ReferenceTargets, gateways: [String: Gateway],
                                    into checks: inout CappedChecks) {
        let assigned = [device.gateway.primary] + (device.gateway.backup.map { [$0] } ?? [])
        for reference in assigned {
            if gatewayTargets.isUnknown(reference.value) {
                checks.error { gatewayTargets.diagnostic(reference, what: "gateway", context: "for device `\(device.id.value)`") }
            } else if let gateway = gateways[reference.value],
                      !gateway.technologies.contains(where: { $0.value == device.radio.technology.value }) {
                let offered = gateway.technologies.map { "`\($0.value.rawValue)`" }.joined(separator: ", ")
                checks.append(.error(
                    SpecDiagnostics.incompatibleLink,
                    "gateway `\(gateway.id.value)` does not offer `\(device.radio.technology.value.rawValue)`, the technology of device `\(device.id.value)`",
                    at: reference.range,
                    notes: [DiagnosticNote("the device's technology is set here", at: device.radio.technology.range),
                            DiagnosticNote("`\(gateway.id.value)` offers \(offered)", at: gateway.id.range)]))
            }
        }
        if let backup = device.gateway.backup, backup.value == device.gateway.primary.value {
            checks.append(.error(
                SpecDiagnostics.outOfRange, "the backup gateway of `\(device.id.value)` is its primary gateway",
                at: backup.range, notes: [DiagnosticNote("`primary` is set here", at: device.gateway.primary.range)]))
        }
        if device.radio.technology.value.isIEEE802156, let size = device.traffic.packetSize,
           size.value > maxIEEE802156Payload {
            checks.append(.error(
                SpecDiagnostics.outOfRange,
                "`packet-size` of `\(device.id.value)` exceeds the 255-byte payload of an IEEE 802.15.6 frame",
                at: size.range,
                notes: [DiagnosticNote("the device uses `\(device.radio.technology.value.rawValue)` here", at: device.radio.technology.range)]))
        }
    }
}

/// Diagnostics of a check of which at most `room` are kept and the rest counted, for
/// checks whose diagnostics cost more to build than to find (`UseCaseChecks`).
struct CappedChecks {
    let room: Int
    private(set) var kept: [Diagnostic] = []
    private(set) var dropped = DroppedDiagnostics()

    init(room: Int) { self.room = max(0, room) }

    mutating func append(_ diagnostic: Diagnostic) {
        if kept.count < room { kept.append(diagnostic) } else { dropped.count(diagnostic) }
    }

    mutating func append(contentsOf diagnostics: [Diagnostic]) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    /// An error built by `build` only when it is kept.
    mutating func error(_ build: () -> Diagnostic) {
        if kept.count < room { kept.append(build()) } else { dropped.errors += 1 }
    }
}
