import TwinConfig
import TwinDiagnostics
import TwinSpec
import TwinUnits
import TwinYAML

/// Reads a truth overlay (YAML, `kind: truth`) the way the compiler reads its documents:
/// every value checked against its shape, every error at its line and column, every
/// device, link and gateway checked against the twin (`TL020`).
///
/// ```yaml
/// twin: 1
/// kind: truth
/// description: The ECG patch peels off at 20 min; the pump's cell is smaller than rated.
/// links:
///   - { device: ecg, weaker: 6 dB, from: 20 min }
/// batteries:
///   - { device: pump, capacity: 80 %, extra-current: 3 mA }
/// gateways:
///   - { gateway: phone, fails: 90 min }
/// jammers:
///   - { near: phone, from: 60 min, for: 10 min, power: -77 dBm }
/// ```
public enum TruthReader {
    static let link = ObjectShape("link", "A device's links weaker than the model from a time on.", fields: [
        FieldShape("device", .identifier, required: true, "The device whose links are weaker."),
        FieldShape("weaker", .quantity(.gain, .nonNegative), required: true, "Extra path loss.", example: .string("6 dB")),
        FieldShape("from", .quantity(.time, .nonNegative), "When it starts (default: at once).", example: .string("20 min")),
    ])
    static let battery = ObjectShape("battery", "A battery that is not what the twin assumes.", fields: [
        FieldShape("device", .identifier, required: true, "The device."),
        FieldShape("capacity", .quantity(.ratio, QuantityBounds(minimum: 0, exclusive: true, maximum: 10)),
                   "Real capacity as a share of the nominal.", example: .string("80 %")),
        FieldShape("extra-current", .quantity(.current, .nonNegative), "Drain the twin's model misses.",
                   example: .string("3 mA")),
    ])
    static let gateway = ObjectShape("gateway", "A gateway that fails.", fields: [
        FieldShape("gateway", .identifier, required: true, "The gateway."),
        FieldShape("fails", .quantity(.time, .nonNegative), required: true, "When it fails.", example: .string("90 min")),
        FieldShape("for", .quantity(.time, .positive), "How long (default: for good).", example: .string("10 min")),
    ])
    static let jammer = ObjectShape("jammer", "A constant jammer near a gateway.", fields: [
        FieldShape("near", .identifier, required: true, "The gateway it is heard at."),
        FieldShape("from", .quantity(.time, .nonNegative), required: true, "When it starts.", example: .string("60 min")),
        FieldShape("for", .quantity(.time, .positive), "How long (default: to the end).", example: .string("10 min")),
        FieldShape("power", .quantity(.powerLevel, .any), "Level received at the gateway (default −77 dBm).",
                   example: .string("-77 dBm")),
    ])
    public static let document = ObjectShape("truth", "How the physical network differs from its twin (twinc emulate).", fields: [
        FieldShape("twin", .constant(1), required: true, "Format version."),
        FieldShape("kind", .enumeration(["truth"]), required: true, "Document kind."),
        FieldShape("description", .text, "What differs, in words."),
        FieldShape("links", .listOf(.object(link)), "Links weaker than the model."),
        FieldShape("batteries", .listOf(.object(battery)), "Batteries unlike the model."),
        FieldShape("gateways", .listOf(.object(gateway)), "Gateway failures."),
        FieldShape("jammers", .listOf(.object(jammer)), "Jammers."),
    ])

    public static func read(text: String, file: String, config: TwinConfig) -> Result<Truth, TelemetryRejection> {
        let parsed = parseYAML(text: text, file: file)
        var diagnostics = parsed.diagnostics
        guard let root = parsed.document?.root, !diagnostics.hasErrors else {
            return .failure(TelemetryRejection(diagnostics: diagnostics.isEmpty
                ? [.error(LiveDiagnostics.truth, "the truth overlay is empty", at: .file(file))] : diagnostics))
        }
        let devices = config.network.devices.map(\.id), gateways = config.network.gateways.map(\.id)
        var reader = MappingReader(root, shape: document)
        func check(_ id: Located<String>?, among names: [String], what: String) -> String? {
            guard let id else { return nil }
            guard names.contains(id.value) else {
                diagnostics.append(.error(LiveDiagnostics.truth, "the twin has no \(what) `\(id.value)`", at: id.range,
                                          notes: nearestName(to: id.value, among: names, maxDistance: 3)
                                              .map { [DiagnosticNote("did you mean `\($0)`?")] } ?? []))
                return nil
            }
            return id.value
        }
        _ = reader.integer("twin")
        _ = reader.text("kind")
        let description = reader.text("description")?.value ?? ""
        let links = reader.objects("links") { link -> LinkTruth? in
            let device = check(link.identifier("device"), among: devices, what: "device")
            let weaker = link.quantity("weaker").map { Decibels(dB: $0.value.value) }
            let from = link.measure("from", as: Time.self)?.value ?? .zero
            guard let device, let weaker else { return nil }
            return LinkTruth(device: device, weaker: weaker, from: from)
        }
        let batteries = reader.objects("batteries") { battery -> BatteryTruth? in
            let device = check(battery.identifier("device"), among: devices, what: "device")
            let capacity = battery.measure("capacity", as: Ratio.self)?.value ?? Ratio(si: 1)
            let extra = battery.measure("extra-current", as: Current.self)?.value ?? .zero
            guard let device else { return nil }
            return BatteryTruth(device: device, capacity: capacity, extraCurrent: extra)
        }
        let failures = reader.objects("gateways") { gateway -> GatewayFailureTruth? in
            let id = check(gateway.identifier("gateway"), among: gateways, what: "gateway")
            let at = gateway.measure("fails", as: Time.self)?.value
            let duration = gateway.measure("for", as: Time.self)?.value
            guard let id, let at else { return nil }
            return GatewayFailureTruth(gateway: id, at: at, duration: duration)
        }
        let jammers = reader.objects("jammers") { jammer -> JammerTruth? in
            let near = check(jammer.identifier("near"), among: gateways, what: "gateway")
            let from = jammer.measure("from", as: Time.self)?.value
            let duration = jammer.measure("for", as: Time.self)?.value
            let power = jammer.powerLevel("power")?.value ?? ScenarioEvent.defaultJammerPower
            guard let near, let from else { return nil }
            return JammerTruth(near: near, from: from, duration: duration, power: power)
        }
        diagnostics += reader.finishedDiagnostics()
        guard !diagnostics.hasErrors else { return .failure(TelemetryRejection(diagnostics: diagnostics)) }
        return .success(Truth(description: description, links: links, batteries: batteries, gatewayFailures: failures,
                              jammers: jammers))
    }

    /// The bundled default truth of `twinc emulate` (docs/live-twin.md explains it): the
    /// ECG patch's links 6 dB weaker from 20 min, the pump's cell at 80 % of its rating
    /// with 3 mA the twin does not model (its motor), the phone failing at 90 min.
    public static let bundledDefault = """
        twin: 1
        kind: truth
        description: >-
          The ECG patch starts peeling off at 20 min (its links 6 dB weaker); the pump's
          cell holds 80 % of its rating and its motor draws 3 mA the twin does not model;
          the phone fails at 90 min.
        links:
          - { device: ecg, weaker: 6 dB, from: 20 min }
        batteries:
          - { device: pump, capacity: 80 %, extra-current: 3 mA }
        gateways:
          - { gateway: phone, fails: 90 min }
        """
}
