import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

/// The view as the results JSON's `applications.network-view` member (shape in the
/// results contract; the HTML report draws from these names). Series are columnar —
/// one array per quantity aligned with `time_s` — with null for a missing sample, and
/// every member that may be unknown is written as null rather than dropped, so each
/// row of an array has the same members.
extension NetworkView {
    public func jsonValue() -> JSONValue {
        .object([
            ("twin", .string(twin)),
            ("sampleInterval_s", .number(sampleInterval.seconds)),
            ("configuredSampleInterval_s", .number(configuredSampleInterval.seconds)),
            ("eventSampleInterval_s", eventSampleInterval.map { .number($0.seconds) } ?? .null),
            ("goals", .array(goals.map { goal in
                .object([("id", .string(goal.id)), ("kpi", .string(goal.kpi.rawValue)), ("priority", .string(goal.priority.rawValue)),
                         ("devices", .array(goal.devices.map { .string($0) }))])
            })),
            ("topology", topology.jsonValue()),
            ("scenarios", .array(scenarios.map { $0.jsonValue() })),
        ])
    }
}

extension ViewTopology {
    func jsonValue() -> JSONValue {
        let devices = self.devices.map { device -> JSONValue in
            var members: [(String, JSONValue)] = [
                ("id", .string(device.id)), ("class", .string(device.deviceClass)),
                ("placement", .string(device.placement.rawValue)), ("x_m", .number(device.x.si)), ("y_m", .number(device.y.si)),
                ("positionKnown", .bool(device.positionKnown)), ("gateway", .string(device.primaryGateway)),
                ("radio", .string(device.radio.rawValue)), ("radioProfile", .string(device.radioProfile)),
                ("inBody", .bool(device.inBody)), ("txPower_dBm", .number(device.txPower.dBm)),
                ("batteryEnergy_J", .number(device.batteryEnergy.joules)),
            ]
            if let backup = device.backupGateway { members.append(("backupGateway", .string(backup))) }
            return .object(members)
        }
        let gateways = self.gateways.map { gateway -> JSONValue in
            .object([("id", .string(gateway.id)), ("kind", .string(gateway.kind.rawValue)),
                     ("placement", .string(gateway.placement.rawValue)), ("x_m", .number(gateway.x.si)),
                     ("y_m", .number(gateway.y.si)), ("onBody", .bool(gateway.onBody)),
                     ("uplink", .string(gateway.uplink))])
        }
        let links = self.links.map { link -> JSONValue in
            var members: [(String, JSONValue)] = [
                ("from", .string(link.from)), ("to", .string(link.to)), ("kind", .string(link.kind.rawValue)),
                ("technology", .string(link.technology.rawValue)),
            ]
            if let role = link.role { members.append(("role", .string(role.rawValue))) }
            return .object(members)
        }
        return .object([
            ("devices", .array(devices)),
            ("gateways", .array(gateways)),
            ("edge", .array(edges.map { .object([("id", .string($0.id)), ("kind", .string($0.tier.rawValue))]) })),
            ("links", .array(links)),
        ])
    }
}

extension ScenarioView {
    func jsonValue() -> JSONValue {
        let links = self.links.map { link -> JSONValue in
            .object([
                ("device", .string(link.device)), ("gateway", .string(link.gateway)), ("role", .string(link.role.rawValue)),
                ("pathLoss_dB", number(link.pathLoss?.dB)), ("rssi_dBm", number(link.rssi?.dBm)),
                ("pdr", number(link.pdr)), ("framesSent", .int(link.framesSent)),
                ("framesAcknowledged", .int(link.framesAcknowledged)),
            ])
        }
        let devices = self.devices.map { device -> JSONValue in
            .object([
                ("id", .string(device.id)), ("meanQueue", number(device.meanQueue)),
                ("energyLeft_ratio", number(device.energyLeftRatio)), ("energyLeft_J", number(device.energyLeft?.joules)),
                ("deliveryRatio", number(device.deliveryRatio)), ("generated", .int(device.generated)),
                ("delivered", .int(device.delivered)), ("latencyP50_s", number(device.latencyP50?.seconds)),
                ("latencyP99_s", number(device.latencyP99?.seconds)),
            ])
        }
        let cdf = latencyCDF.map { cdf -> JSONValue in
            .object([("device", .string(cdf.device)),
                     ("points", .array(cdf.points.map { .array([.number($0.latency.seconds), .number($0.fraction)]) }))])
        }
        return .object([
            ("id", .string(id)), ("kind", .string(kind.name)), ("horizon_s", .number(horizon.seconds)),
            ("replications", .int(replications)), ("links", .array(links)),
            ("uplinks", .array(uplinks.map { uplink in
                .object([("gateway", .string(uplink.gateway)), ("edge", .string(uplink.edge)),
                         ("offered", .int(uplink.offered)), ("forwarded", .int(uplink.forwarded)),
                         ("deliveryRatio", number(uplink.deliveryRatio)),
                         ("delayMean_s", number(uplink.meanDelay?.seconds)),
                         ("delayMax_s", number(uplink.maximumDelay?.seconds))])
            })),
            ("devices", .array(devices)),
            ("latencyCDF", .array(cdf)), ("series", trace.map { $0.jsonValue() } ?? .null),
        ])
    }
}

extension ViewTrace {
    func jsonValue() -> JSONValue {
        let devices = self.devices.map { device -> JSONValue in
            .object([
                ("id", .string(device.id)),
                ("deliveryRatio", .array(device.deliveryRatio.map(number))),
                ("rssi_dBm", .array(device.rssi.map { number($0?.dBm) })),
                ("queue", .array(device.queue.map { number($0.map(Double.init)) })),
                ("batteryLeft_ratio", .array(device.batteryLeft.map(number))),
                ("gateway", .array(device.gateway.map { $0.map(JSONValue.string) ?? .null })),
                ("primaryGatewayUp", .array(device.primaryGatewayUp.map { $0.map(JSONValue.bool) ?? .null })),
                ("latencyMean_s", .array(device.latencyMean.map { number($0?.seconds) })),
            ])
        }
        return .object([
            ("replication", .int(replication)),
            ("realisation", .string("one replication's trace, not an average over replications")),
            ("time_s", .array(times.map { .number($0.seconds) })),
            ("devices", .array(devices)),
        ])
    }
}

/// A number, or null when unknown (or not finite, which JSON cannot hold).
private func number(_ value: Double?) -> JSONValue {
    guard let value, value.isFinite else { return .null }
    return .number(value)
}
