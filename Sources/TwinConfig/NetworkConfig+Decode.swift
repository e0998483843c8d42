import TwinDiagnostics
import TwinJSON
import TwinUnits

extension NetworkConfig {
    static func decode(_ reader: JSONObjectReader) -> NetworkConfig {
        var n = reader
        let context = n.context
        defer { n.finish() }
        let devices = n.array("devices").compactMap { item, path in DeviceConfig.decode(item, path: path, context: context) }
        let gateways = n.array("gateways").compactMap { item, path -> GatewayConfig? in
            guard var g = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
            defer { g.finish() }
            return GatewayConfig(
                id: g.string("id"), kind: g.string("kind"), placement: g.string("placement"),
                distance: Distance(si: g.number("distance_m", min: 0)), uplink: g.string("uplink"),
                failoverTime: g.time("failoverTime_s"),
                mtbf: g.optionalNumber("mtbf_s", min: 0).map(Time.init(si:)),
                mttr: g.optionalNumber("mttr_s", min: 0).map(Time.init(si:)))
        }
        let edges = n.array("edges").compactMap { item, path -> EdgeConfig? in
            guard var e = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
            defer { e.finish() }
            return EdgeConfig(id: e.string("id"), tier: e.string("tier"), processingLatency: e.time("processingLatency_s"))
        }
        let links = n.array("links").compactMap { item, path -> LinkConfig? in
            guard var l = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
            defer { l.finish() }
            return LinkConfig(
                from: l.string("from"), to: l.string("to"), technology: l.string("technology"),
                latency: l.time("latency_s"), jitter: l.time("jitter_s"),
                rate: DataRate(si: l.number("rate_bps", min: 0)),
                availability: Ratio(si: l.number("availability", min: 0, max: 1)))
        }
        return NetworkConfig(devices: devices, gateways: gateways, edges: edges, links: links)
    }
}

extension DeviceConfig {
    static func decode(_ item: LocatedJSON, path: String, context: ConfigReadContext) -> DeviceConfig? {
        guard var d = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
        defer { d.finish() }
        let id = d.string("id"), deviceClass = d.string("class"), placement = d.string("placement")
        let inBody = d.bool("inBody"), tags = d.strings("tags")
        guard var r = d.object("radio"), var b = d.object("battery"), var t = d.object("traffic"),
              var m = d.object("mac"), var g = d.object("gateway") else { return nil }
        let txLevels = r.array("txLevels").compactMap { level, levelPath -> TxLevel? in
            guard var l = JSONObjectReader(level, path: levelPath, at: level.position, context: context) else { return nil }
            defer { l.finish() }
            return TxLevel(level: PowerLevel(dBm: l.number("level_dBm")), current: Current(si: l.number("current_A", min: 0)))
        }
        let radio = RadioConfig(
            profile: r.string("profile"), technology: r.string("technology"), modulation: r.string("modulation"),
            frequency: Frequency(si: r.number("frequency_Hz", min: 1)), bitRate: DataRate(si: r.number("bitRate_bps", min: 1)),
            txPower: PowerLevel(dBm: r.number("txPower_dBm", min: -60, max: 30)), txLevels: txLevels,
            rxCurrent: Current(si: r.number("rxCurrent_A", min: 0)), listenCurrent: Current(si: r.number("listenCurrent_A", min: 0)),
            sleepCurrent: Current(si: r.number("sleepCurrent_A", min: 0)), wakeupCurrent: Current(si: r.number("wakeupCurrent_A", min: 0)),
            wakeupTime: r.time("wakeupTime_s"), voltage: Voltage(si: r.number("voltage_V", min: 0.1)),
            sensitivity: PowerLevel(dBm: r.number("sensitivity_dBm")), noiseFloor: PowerLevel(dBm: r.number("noiseFloor_dBm")))
        r.finish()
        let battery = BatteryConfig(
            profile: b.string("profile"), capacity: Charge(si: b.number("capacity_C", min: 1e-6)),
            voltage: Voltage(si: b.number("voltage_V", min: 0.1)), model: b.string("model"),
            peukertExponent: b.number("peukertExponent", min: 1, max: 2), ratedCurrent: Current(si: b.number("ratedCurrent_A", min: 1e-9)))
        b.finish()
        let traffic = TrafficConfig(
            trafficClass: t.string("class"), payload: DataSize(si: t.number("payload_bits", min: 8)),
            interval: Time(si: t.number("interval_s", min: 1e-4)), alarmRate: t.number("alarmRate_per_s", min: 0),
            alarmPayload: DataSize(si: t.number("alarmPayload_bits", min: 0)), latencyBudget: Time(si: t.number("latencyBudget_s", min: 1e-6)),
            aggregation: t.raw("aggregation") == nil ? 1 : t.int("aggregation", min: 1, max: 1024))
        t.finish()
        let mac = MACConfig(
            access: m.string("access"), userPriority: m.int("userPriority", min: 0, max: 7),
            slotLength: m.time("slotLength_s"), slots: m.int("slots", min: 0, max: 256), period: m.int("period", min: 0),
            maxRetries: m.int("maxRetries", min: 0, max: 16), connectionInterval: m.time("connectionInterval_s"))
        m.finish()
        let primary = g.string("primary"), backup = g.optionalString("backup")
        g.finish()
        return DeviceConfig(
            id: id, deviceClass: deviceClass, placement: placement, inBody: inBody, tags: tags, radio: radio,
            battery: battery, baselineCurrent: Current(si: d.number("baselineCurrent_A", min: 0)), traffic: traffic,
            mac: mac, primaryGateway: primary, backupGateway: backup, securityLevel: d.int("securityLevel", min: 0, max: 2))
    }
}

extension TwinConfig {
    /// Postures a `posture-change` event may name (TwinModels' posture states).
    static let postures: Set<String> = ["standing", "sitting", "walking", "running", "lying"]

    /// An event targets a node of the network, the whole body (`body`, `*`), nothing
    /// (empty), or, for a posture change, a posture.
    static func isKnownTarget(_ event: ScenarioEvent, nodeIDs: Set<String>) -> Bool {
        if event.target.isEmpty || event.target == "*" || event.target == "body" || nodeIDs.contains(event.target) {
            return true
        }
        return (event.kind == "posture-change" || event.kind == "posture") && postures.contains(event.target)
    }
}

extension TwinConfig {
    /// Cross-references inside twin.json: device → gateway, gateway → uplink, goal →
    /// device, scenario → target. Positions point at the referencing object.
    func referenceDiagnostics(json: LocatedJSON, context: ConfigReadContext) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let gatewayIDs = Set(network.gateways.map(\.id))
        let deviceIDs = Set(network.devices.map(\.id))
        let nodeIDs = gatewayIDs.union(deviceIDs).union(network.edges.map(\.id))
        let devicesJSON = json["network"]?["devices"]
        func position(_ list: LocatedJSON?, _ index: Int) -> JSONPosition {
            if case .array(let items, let p) = list { return index < items.count ? items[index].position : p }
            return JSONPosition(line: 1, column: 1)
        }
        for (index, device) in network.devices.enumerated() {
            for gateway in [device.primaryGateway] + (device.backupGateway.map { [$0] } ?? []) where !gatewayIDs.contains(gateway) {
                found.append(.error(ConfigDiagnostics.unknownReference,
                                    "device `\(device.id)` names gateway `\(gateway)`, which twin.json does not define",
                                    at: context.range(position(devicesJSON, index))))
            }
        }
        for (index, goal) in goals.enumerated() {
            for device in goal.devices where !deviceIDs.contains(device) {
                found.append(.error(ConfigDiagnostics.unknownReference, "goal `\(goal.id)` names unknown device `\(device)`",
                                    at: context.range(position(json["goals"], index))))
            }
        }
        for (index, scenario) in scenarios.enumerated() {
            for event in scenario.events where !Self.isKnownTarget(event, nodeIDs: nodeIDs) {
                found.append(.error(ConfigDiagnostics.unknownReference,
                                    "scenario `\(scenario.id)` targets unknown `\(event.target)`",
                                    at: context.range(position(json["scenarios"], index))))
            }
        }
        return found
    }
}
