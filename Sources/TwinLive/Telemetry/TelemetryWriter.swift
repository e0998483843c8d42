import TwinJSON
import TwinUnits

/// Writes batches in the telemetry format `TelemetryReader` reads (one JSON object per
/// line, header first): what the emulator sends and `twinc replay` files hold.
public struct TelemetryWriter: Sendable {
    public var model: LiveModel

    public init(model: LiveModel) { self.model = model }

    public func text(_ batch: TelemetryBatch) -> String {
        var lines = [JSONWriter.compact.string(.object([
            ("type", .string("batch")), ("source", .string(batch.source)), ("sequence", .int(batch.sequence)),
        ]))]
        for observation in batch.observations { lines.append(JSONWriter.compact.string(value(observation))) }
        return lines.joined(separator: "\n") + "\n"
    }

    public func value(_ observation: Observation) -> JSONValue {
        var members: [(String, JSONValue)] = []
        func add(_ key: String, _ value: JSONValue?) { if let value { members.append((key, value)) } }
        switch observation.kind {
        case .link(let report):
            add("type", "link")
            add("time", .string(RFC3339.format(observation.time)))
            add("device", .string(model.devices[report.device].id))
            add("gateway", .string(model.gateways[report.gateway]))
            add("interval_s", .number(report.interval.si))
            add("rssi_dBm", report.level.map { .number(($0.dBm * 100).rounded() / 100) })
            add("levels", .int(report.levelsMeasured))
            add("framesSent", .int(report.framesSent))
            add("framesAcked", .int(report.framesAcknowledged))
        case .device(let report):
            add("type", "device")
            add("time", .string(RFC3339.format(observation.time)))
            add("device", .string(model.devices[report.device].id))
            add("interval_s", .number(report.interval.si))
            add("generated", .int(report.generated))
            add("delivered", .int(report.delivered))
            if !report.dropped.isEmpty { add("dropped", .object(report.dropped.map { ($0.cause, .int($0.count)) })) }
            add("latency", report.latency.map { buckets in
                .object([("le_s", .array(buckets.bounds.map { .number($0.si) })), ("counts", .array(buckets.counts.map { .int($0) }))])
            })
        case .battery(let report):
            add("type", "battery")
            add("time", .string(RFC3339.format(observation.time)))
            add("device", .string(model.devices[report.device].id))
            add("soc", report.stateOfCharge.map { .number($0.si) })
            add("remaining_C", report.remaining.map { .number($0.si) })
            add("voltage_V", report.voltage.map { .number($0.si) })
            add("current_A", report.current.map { .number($0.si) })
        case .gateway(let gateway, let up):
            add("type", "gateway")
            add("time", .string(RFC3339.format(observation.time)))
            add("gateway", .string(model.gateways[gateway]))
            add("status", .string(up ? "up" : "down"))
        case .activity(let posture):
            add("type", "activity")
            add("time", .string(RFC3339.format(observation.time)))
            add("posture", .string(posture))
        case .security(let report):
            add("type", "security")
            add("time", .string(RFC3339.format(observation.time)))
            add("gateway", .string(model.gateways[report.gateway]))
            add("event", .string(report.event))
            add("count", .int(report.count))
            add("noiseFloor_dBm", report.noiseFloor.map { .number($0.dBm) })
        }
        return .object(members)
    }
}
