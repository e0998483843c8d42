import TwinDiagnostics
import TwinJSON
import TwinUnits

/// Reads OTLP/HTTP JSON metrics (`ExportMetricsServiceRequest`, what an OpenTelemetry SDK
/// on the phone exports) into the same observations as the native format. Metrics are
/// mapped by name; data points name their device and gateway with the attributes
/// `ban.device` and `ban.gateway` (docs/live-twin.md has the table):
///
/// | metric | kind | unit | observation |
/// |---|---|---|---|
/// | `ban.link.rssi` | gauge | dBm | link level (with `ban.link.frames.sent`/`.acked` sums) |
/// | `ban.device.packets.generated`, `.delivered` | sum (delta) | 1 | device counts |
/// | `ban.battery.soc`, `.remaining`, `.voltage`, `.current` | gauge | 1, C, V, A | battery reading |
/// | `ban.gateway.up` | gauge | 1 | gateway status (0 down, 1 up) |
/// | `ban.security.events` | sum | 1 | security event (`ban.event` attribute) |
///
/// Points of one device (or link) at one time form one observation. The batch's source
/// and sequence come from the request (`X-Twinc-Source`, `X-Twinc-Sequence`), or, when
/// absent, from the resource attribute `service.instance.id` and the latest timestamp.
public struct OTLPReader: Sendable {
    public var model: LiveModel

    public init(model: LiveModel) { self.model = model }

    struct Point {
        var metric: String
        var device: String?
        var gateway: String?
        var event: String?
        var time: Double
        var start: Double?
        var value: Double
    }

    public func read(_ text: String, source: String, sequence: Int?) -> Result<TelemetryBatch, TelemetryRejection> {
        let file = "otlp"
        guard case .success(let json) = JSONParser.parse(text) else {
            return .failure(TelemetryRejection(diagnostics: [.error(LiveDiagnostics.syntax, "the OTLP body is not JSON",
                                                                    at: SourceRange(file: file, line: 1, column: 1))]))
        }
        var diagnostics: [Diagnostic] = []
        var points: [Point] = []
        for resource in json["resourceMetrics"]?.value.arrayValue ?? [] {
            for scope in resource["scopeMetrics"]?.arrayValue ?? [] {
                for metric in scope["metrics"]?.arrayValue ?? [] {
                    guard let name = metric["name"]?.stringValue, name.hasPrefix("ban.") else { continue }
                    let data = metric["gauge"] ?? metric["sum"]
                    for point in data?["dataPoints"]?.arrayValue ?? [] {
                        var attributes: [String: String] = [:]
                        for attribute in point["attributes"]?.arrayValue ?? [] {
                            if let key = attribute["key"]?.stringValue,
                               let value = attribute["value"]?["stringValue"]?.stringValue { attributes[key] = value }
                        }
                        let value = point["asDouble"]?.numberValue ?? point["asInt"]?.numberValue
                            ?? point["asInt"]?.stringValue.flatMap(Double.init)
                        let time = (point["timeUnixNano"]?.stringValue.flatMap(Double.init)
                            ?? point["timeUnixNano"]?.numberValue).map { $0 / 1e9 }
                        let start = (point["startTimeUnixNano"]?.stringValue.flatMap(Double.init)
                            ?? point["startTimeUnixNano"]?.numberValue).map { $0 / 1e9 }
                        guard let value, value.isFinite, let time else {
                            diagnostics.append(.error(LiveDiagnostics.unmappedMetric,
                                                      "`\(name)` has a data point without a value or `timeUnixNano`",
                                                      at: SourceRange(file: file, line: 1, column: 1)))
                            continue
                        }
                        points.append(Point(metric: name, device: attributes["ban.device"], gateway: attributes["ban.gateway"],
                                            event: attributes["ban.event"], time: time, start: start, value: value))
                    }
                }
            }
        }
        var observations: [Observation] = []
        var links: [String: (LinkReport, Timestamp)] = [:], devices: [String: (DeviceReport, Timestamp)] = [:]
        var batteries: [String: (BatteryReport, Timestamp)] = [:]
        var order: [String] = []
        func device(_ point: Point) -> Int? {
            guard let id = point.device, let index = model.deviceIndex(id) else {
                diagnostics.append(.error(point.device == nil ? LiveDiagnostics.unmappedMetric : LiveDiagnostics.unknownReference,
                                          point.device.map { "`\(point.metric)`: the twin has no device `\($0)`" }
                                              ?? "`\(point.metric)` without the `ban.device` attribute",
                                          at: SourceRange(file: file, line: 1, column: 1)))
                return nil
            }
            return index
        }
        func gateway(_ point: Point) -> Int? {
            guard let id = point.gateway, let index = model.gatewayIndex(id) else {
                diagnostics.append(.error(point.gateway == nil ? LiveDiagnostics.unmappedMetric : LiveDiagnostics.unknownReference,
                                          point.gateway.map { "`\(point.metric)`: the twin has no gateway `\($0)`" }
                                              ?? "`\(point.metric)` without the `ban.gateway` attribute",
                                          at: SourceRange(file: file, line: 1, column: 1)))
                return nil
            }
            return index
        }
        for point in points {
            let time = Timestamp(secondsSinceEpoch: point.time)
            let interval = Time.seconds(Swift.max(1e-3, point.start.map { point.time - $0 } ?? 10))
            switch point.metric {
            case "ban.link.rssi", "ban.link.frames.sent", "ban.link.frames.acked":
                guard let d = device(point), let g = gateway(point) else { continue }
                let key = "link/\(d)/\(g)/\(point.time)"
                if links[key] == nil { order.append(key) }
                var report = links[key]?.0 ?? LinkReport(device: d, gateway: g, interval: interval, level: nil,
                                                         levelsMeasured: 0, framesSent: 0, framesAcknowledged: 0)
                if point.metric == "ban.link.rssi" { report.level = PowerLevel(dBm: point.value); report.levelsMeasured = 1 }
                if point.metric == "ban.link.frames.sent" { report.framesSent = Int(point.value); report.interval = interval }
                if point.metric == "ban.link.frames.acked" { report.framesAcknowledged = Int(point.value) }
                links[key] = (report, time)
            case "ban.device.packets.generated", "ban.device.packets.delivered":
                guard let d = device(point) else { continue }
                let key = "device/\(d)/\(point.time)"
                if devices[key] == nil { order.append(key) }
                var report = devices[key]?.0 ?? DeviceReport(device: d, interval: interval, generated: 0, delivered: 0,
                                                             dropped: [], latency: nil)
                if point.metric.hasSuffix("generated") { report.generated = Int(point.value) } else { report.delivered = Int(point.value) }
                devices[key] = (report, time)
            case "ban.battery.soc", "ban.battery.remaining", "ban.battery.voltage", "ban.battery.current":
                guard let d = device(point) else { continue }
                let key = "battery/\(d)/\(point.time)"
                if batteries[key] == nil { order.append(key) }
                var report = batteries[key]?.0 ?? BatteryReport(device: d, stateOfCharge: nil, remaining: nil, voltage: nil, current: nil)
                switch point.metric {
                case "ban.battery.soc": report.stateOfCharge = Ratio(si: Swift.min(1, Swift.max(0, point.value)))
                case "ban.battery.remaining": report.remaining = .coulombs(point.value)
                case "ban.battery.voltage": report.voltage = Voltage(si: point.value)
                default: report.current = .amperes(point.value)
                }
                batteries[key] = (report, time)
            case "ban.gateway.up":
                guard let g = gateway(point) else { continue }
                observations.append(Observation(time: time, kind: .gateway(gateway: g, up: point.value >= 0.5)))
            case "ban.security.events":
                guard let g = gateway(point) else { continue }
                observations.append(Observation(time: time, kind: .security(SecurityReport(
                    gateway: g, event: point.event ?? "mic-failure", count: Int(point.value), noiseFloor: nil))))
            default:
                diagnostics.append(.error(LiveDiagnostics.unmappedMetric, "twinc does not map the metric `\(point.metric)`",
                                          at: SourceRange(file: file, line: 1, column: 1)))
            }
        }
        for key in order {
            if let (report, time) = links[key] { observations.append(Observation(time: time, kind: .link(report))) }
            if let (report, time) = devices[key] { observations.append(Observation(time: time, kind: .device(report))) }
            if let (report, time) = batteries[key] { observations.append(Observation(time: time, kind: .battery(report))) }
        }
        guard diagnostics.isEmpty else { return .failure(TelemetryRejection(diagnostics: diagnostics)) }
        let latest = points.map(\.time).max() ?? 0
        return .success(TelemetryBatch(source: source, sequence: sequence ?? Int(latest * 1000), observations: observations))
    }
}
