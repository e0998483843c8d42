import TwinDiagnostics
import TwinJSON
import TwinUnits
import TwinVocabulary

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
                id: g.string("id"), kind: g.closedSet("kind", fallback: .phone), placement: g.placement("placement"),
                distance: Distance(si: g.number("distance_m", in: DeclaredRanges.gatewayDistance)), uplink: g.string("uplink"),
                failoverTime: g.time("failoverTime_s", in: DeclaredRanges.delay),
                mtbf: g.optionalNumber("mtbf_s", in: DeclaredRanges.failureTime).map(Time.init(si:)),
                mttr: g.optionalNumber("mttr_s", in: DeclaredRanges.failureTime).map(Time.init(si:)))
        }
        let edges = n.array("edges").compactMap { item, path -> EdgeConfig? in
            guard var e = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
            defer { e.finish() }
            return EdgeConfig(id: e.string("id"), tier: e.closedSet("tier", fallback: .cloud),
                              processingLatency: e.time("processingLatency_s", in: DeclaredRanges.delay))
        }
        let links = n.array("links").compactMap { item, path -> LinkConfig? in
            guard var l = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
            defer { l.finish() }
            return LinkConfig(
                from: l.string("from"), to: l.string("to"), technology: l.technology("technology"),
                latency: l.time("latency_s", in: DeclaredRanges.delay), jitter: l.time("jitter_s", in: DeclaredRanges.delay),
                rate: DataRate(si: l.number("rate_bps", in: DeclaredRanges.bitRate)),
                availability: Ratio(si: l.number("availability", in: DeclaredRanges.availability)))
        }
        return NetworkConfig(devices: devices, gateways: gateways, edges: edges, links: links)
    }
}

extension DeviceConfig {
    static func decode(_ item: LocatedJSON, path: String, context: ConfigReadContext) -> DeviceConfig? {
        guard var d = JSONObjectReader(item, path: path, at: item.position, context: context) else { return nil }
        defer { d.finish() }
        let id = d.string("id"), deviceClass = d.string("class"), placement = d.placement("placement")
        let inBody = d.bool("inBody"), tags = d.strings("tags")
        // Every part is looked up before any is required, so a missing one is reported
        // once and its siblings are not taken for unknown members.
        let parts = (d.object("radio"), d.object("battery"), d.object("traffic"), d.object("mac"), d.object("gateway"))
        let platform = d.object("platform").map { PlatformConfig.decode($0, context: context) }
        let securityLevel = d.int("securityLevel", in: DeclaredRanges.securityLevel)
        let relay = d.optionalString("relay")
        guard var r = parts.0, var b = parts.1, var t = parts.2, var m = parts.3, var g = parts.4, let platform
        else { return nil }
        let txLevels = r.array("txLevels").compactMap { level, levelPath -> TxLevel? in
            guard var l = JSONObjectReader(level, path: levelPath, at: level.position, context: context) else { return nil }
            defer { l.finish() }
            return TxLevel(level: PowerLevel(dBm: l.number("level_dBm", in: DeclaredRanges.radioPowerLevel)),
                           current: Current(si: l.number("current_A", in: DeclaredRanges.current)))
        }
        let radio = RadioConfig(
            profile: r.string("profile"), technology: r.technology("technology"), modulation: r.string("modulation"),
            frequency: Frequency(si: r.number("frequency_Hz", in: DeclaredRanges.carrierFrequency)),
            bitRate: DataRate(si: r.number("bitRate_bps", in: DeclaredRanges.bitRate)),
            txPower: PowerLevel(dBm: r.number("txPower_dBm", in: DeclaredRanges.radioPowerLevel)), txLevels: txLevels,
            rxCurrent: Current(si: r.number("rxCurrent_A", in: DeclaredRanges.current)),
            listenCurrent: Current(si: r.number("listenCurrent_A", in: DeclaredRanges.current)),
            sleepCurrent: Current(si: r.number("sleepCurrent_A", in: DeclaredRanges.current)),
            wakeupCurrent: Current(si: r.number("wakeupCurrent_A", in: DeclaredRanges.current)),
            wakeupTime: r.time("wakeupTime_s", in: DeclaredRanges.wakeupTime), voltage: Voltage(si: r.number("voltage_V", in: DeclaredRanges.voltage)),
            sensitivity: PowerLevel(dBm: r.number("sensitivity_dBm", in: DeclaredRanges.receiverLevel)),
            noiseFloor: PowerLevel(dBm: r.number("noiseFloor_dBm", in: DeclaredRanges.receiverLevel)))
        r.finish()
        let cell = BatteryConfig.decodeCurve(&b, context: context)
        let battery = BatteryConfig(
            profile: b.string("profile"), capacity: Charge(si: b.number("capacity_C", in: DeclaredRanges.capacity)),
            voltage: Voltage(si: b.number("voltage_V", in: DeclaredRanges.voltage)), model: b.closedSet("model", fallback: .linear),
            peukertExponent: b.number("peukertExponent", in: DeclaredRanges.peukertExponent),
            ratedCurrent: Current(si: b.number("ratedCurrent_A", in: DeclaredRanges.ratedCurrent)),
            chemistry: cell.chemistry, cells: cell.cells, curve: cell.curve, selfDischargePerYear: cell.selfDischarge)
        b.finish()
        let traffic = TrafficConfig(
            trafficClass: t.optionalClosedSet("class"), payload: DataSize(si: t.number("payload_bits", in: DeclaredRanges.packetSize)),
            interval: Time(si: t.number("interval_s", in: DeclaredRanges.packetInterval)), alarmRate: t.number("alarmRate_per_s", in: DeclaredRanges.alarmRate),
            alarmPayload: DataSize(si: t.number("alarmPayload_bits", in: DeclaredRanges.alarmPayload)),
            latencyBudget: Time(si: t.number("latencyBudget_s", in: DeclaredRanges.deadline)),
            aggregation: t.raw("aggregation") == nil ? 1 : t.int("aggregation", in: DeclaredRanges.aggregation),
            representation: Self.representation(&t, context: context))
        t.finish()
        let mac = MACConfig(
            access: m.accessMode("access"), userPriority: m.int("userPriority", in: DeclaredRanges.userPriority),
            slotLength: m.time("slotLength_s", in: DeclaredRanges.slotLength), slots: m.int("slots", in: DeclaredRanges.slots),
            period: m.int("period", in: DeclaredRanges.allocationPeriod),
            maxRetries: m.int("maxRetries", in: DeclaredRanges.retries), connectionInterval: m.time("connectionInterval_s", in: DeclaredRanges.connectionInterval))
        m.finish()
        let primary = g.string("primary"), backup = g.optionalString("backup")
        g.finish()
        return DeviceConfig(
            id: id, deviceClass: deviceClass, placement: placement, inBody: inBody, tags: tags, radio: radio,
            battery: battery, platform: platform, traffic: traffic,
            mac: mac, primaryGateway: primary, backupGateway: backup, securityLevel: securityLevel, relay: relay)
    }
}

extension DeviceConfig {
    /// The flow's `representation` (default `packet`); an unknown value is an error at it.
    private static func representation(_ t: inout JSONObjectReader, context: ConfigReadContext) -> FlowRepresentation {
        guard t.raw("representation") != nil else { return .packet }
        return t.vocabulary("representation", known: FlowRepresentation.allCases.map(\.rawValue), fallback: .packet,
                            FlowRepresentation.init(rawValue:))
    }
}

extension TwinConfig {
    /// An event targets a node of the network, the whole body (`body`, `*`), nothing
    /// (empty), or, for a posture change, a posture.
    static func isKnownTarget(_ event: ScenarioEvent, nodeIDs: Set<String>) -> Bool {
        if event.target.isEmpty || event.target == "*" || event.target == "body" || nodeIDs.contains(event.target) {
            return true
        }
        return event.kind == .fault(.postureChange) && Posture(rawValue: event.target) != nil
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
