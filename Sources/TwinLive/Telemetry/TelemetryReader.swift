import TwinDiagnostics
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// Reads a telemetry batch: newline-delimited JSON whose first line is the header
/// `{"type":"batch","source":…,"sequence":…}` and every further line one observation
/// (`twinc schema telemetry`). Every line is checked against the twin (`LiveModel`) and
/// every problem reported with its line and column; a batch with any error yields no
/// observations at all.
public struct TelemetryReader: Sendable {
    public static let types = ["link", "device", "battery", "gateway", "activity", "security"]
    public static let postures = Posture.allCases.map(\.rawValue)
    public static let securityEvents = ["mic-failure", "replay-rejected", "noise-floor", "jamming-detected",
                                        "intrusion-detected"]
    /// The runtime's drop causes (`DropReason`), so the emulator's telemetry and a
    /// gateway's speak the words the run report attributes losses with.
    public static let dropCauses = DropReason.allCases.map(\.description).sorted()

    public var model: LiveModel
    /// Records per batch at most (the header not counted).
    public var maximumRecords: Int
    /// The name diagnostics use for the body.
    public var file: String

    public init(model: LiveModel, maximumRecords: Int = 100_000, file: String = "telemetry") {
        self.model = model
        self.maximumRecords = maximumRecords
        self.file = file
    }

    public func read(_ text: String) -> Result<TelemetryBatch, TelemetryRejection> {
        var diagnostics: [Diagnostic] = []
        var header: (source: String, sequence: Int)?
        var observations: [Observation] = []
        var lineNumber = 0
        var records = 0
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let json: LocatedJSON
            switch JSONParser.parse(String(line)) {
            case .success(let value): json = value
            case .failure(let error):
                diagnostics.append(.error(LiveDiagnostics.syntax, error.message,
                                          at: SourceRange(file: file, line: lineNumber, column: error.position.column)))
                continue
            }
            guard header != nil else {
                header = readHeader(json, line: lineNumber, into: &diagnostics)
                if header == nil { break }
                continue
            }
            records += 1
            if records > maximumRecords {
                diagnostics.append(.error(LiveDiagnostics.tooLarge,
                                          "more than \(maximumRecords) records in one batch",
                                          at: SourceRange(file: file, line: lineNumber, column: 1)))
                break
            }
            if let observation = readObservation(json, line: lineNumber, into: &diagnostics) {
                observations.append(observation)
            }
        }
        if header == nil, diagnostics.isEmpty {
            diagnostics.append(.error(LiveDiagnostics.header, "the batch is empty: it needs a header line",
                                      at: SourceRange(file: file, line: 1, column: 1)))
        }
        guard let header, diagnostics.isEmpty else { return .failure(TelemetryRejection(diagnostics: diagnostics)) }
        return .success(TelemetryBatch(source: header.source, sequence: header.sequence, observations: observations))
    }

    private func readHeader(_ json: LocatedJSON, line: Int, into diagnostics: inout [Diagnostic]) -> (String, Int)? {
        guard json["type"]?.value.stringValue == "batch" else {
            diagnostics.append(.error(LiveDiagnostics.header,
                                      "the first line must be the batch header `{\"type\":\"batch\",\"source\":…,\"sequence\":…}`",
                                      at: SourceRange(file: file, line: line, column: json.position.column)))
            return nil
        }
        guard var reader = RecordReader(json, file: file, line: line, type: "batch", diagnostics: &diagnostics) else { return nil }
        reader.rejectUnknown(allowed: ["type", "source", "sequence", "sent"])
        let source = reader.string("source")
        let sequence = reader.count("sequence", required: true)
        if let (text, position) = source, !Self.isIdentifier(text) {
            reader.diagnostics.append(.error(LiveDiagnostics.header,
                                             "`source` must be 1–64 letters, digits, `.`, `_` or `-`, found `\(text)`",
                                             at: reader.range(position)))
        }
        diagnostics += reader.diagnostics
        guard reader.diagnostics.isEmpty, let source, let sequence else { return nil }
        return (source.0, sequence)
    }

    /// A recorded file's batches: every line with `"type":"batch"` starts a new one.
    public static func batches(in text: String) -> [String] {
        var batches: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) {
            if line.contains("\"type\":\"batch\"") || batches.isEmpty { batches.append("") }
            batches[batches.count - 1] += line + "\n"
        }
        return batches
    }

    static func isIdentifier(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy { byte in
            (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122)
                || byte == 45 || byte == 46 || byte == 95
        }
    }

    private func readObservation(_ json: LocatedJSON, line: Int, into diagnostics: inout [Diagnostic]) -> Observation? {
        guard case .object = json else {
            diagnostics.append(.error(LiveDiagnostics.wrongType, "a telemetry line must be a JSON object",
                                      at: SourceRange(file: file, line: line, column: json.position.column)))
            return nil
        }
        guard let typeNode = json["type"], case .string(let type, let position) = typeNode else {
            diagnostics.append(.error(LiveDiagnostics.missingField, "record without a string `type`",
                                      at: SourceRange(file: file, line: line, column: json.position.column)))
            return nil
        }
        guard Self.types.contains(type) else {
            var notes: [DiagnosticNote] = []
            if let near = nearestName(to: type, among: Self.types, maxDistance: 3) { notes.append(DiagnosticNote("did you mean `\(near)`?")) }
            diagnostics.append(.error(LiveDiagnostics.unknownType, "unknown record type `\(type)`",
                                      at: SourceRange(file: file, line: line, column: position.column), notes: notes))
            return nil
        }
        guard var reader = RecordReader(json, file: file, line: line, type: type, diagnostics: &diagnostics) else { return nil }
        let kind = readKind(type, &reader)
        let time = reader.time()
        diagnostics += reader.diagnostics
        guard reader.diagnostics.isEmpty, let kind, let time else { return nil }
        return Observation(time: time, kind: kind, line: line)
    }

    private func readKind(_ type: String, _ reader: inout RecordReader) -> Observation.Kind? {
        let deviceIDs = model.devices.map(\.id)
        switch type {
        case "link":
            reader.rejectUnknown(allowed: ["type", "time", "device", "gateway", "interval_s", "rssi_dBm", "levels",
                                           "framesSent", "framesAcked"])
            let device = reader.reference("device", among: deviceIDs, what: "device")
            let gateway = reader.reference("gateway", among: model.gateways, what: "gateway")
            let interval = reader.number("interval_s", required: true, in: 1e-3...86_400)
            let level = reader.number("rssi_dBm", in: -200...30)
            let levels = reader.count("levels") ?? (level == nil ? 0 : 1)
            let sent = reader.count("framesSent", required: true)
            let acknowledged = reader.count("framesAcked", required: true)
            if let sent, let acknowledged, acknowledged > sent {
                reader.diagnostics.append(.error(LiveDiagnostics.outOfRange,
                                                 "`framesAcked` (\(acknowledged)) exceeds `framesSent` (\(sent))",
                                                 at: reader.range(reader.member("framesAcked")?.value.position ?? reader.start)))
            }
            if let device, let gateway, model.linkIndex(device: device, gateway: gateway) == nil {
                reader.diagnostics.append(.error(LiveDiagnostics.unknownReference,
                                                 "device `\(deviceIDs[device])` has no link to gateway `\(model.gateways[gateway])`",
                                                 at: reader.range(reader.member("gateway")?.value.position ?? reader.start)))
            }
            guard let device, let gateway, let interval, let sent, let acknowledged else { return nil }
            return .link(LinkReport(device: device, gateway: gateway, interval: .seconds(interval),
                                    level: level.map { PowerLevel(dBm: $0) }, levelsMeasured: levels,
                                    framesSent: sent, framesAcknowledged: acknowledged))
        case "device":
            reader.rejectUnknown(allowed: ["type", "time", "device", "interval_s", "generated", "delivered", "dropped",
                                           "latency"])
            let device = reader.reference("device", among: deviceIDs, what: "device")
            let interval = reader.number("interval_s", required: true, in: 1e-3...86_400)
            let generated = reader.count("generated", required: true)
            let delivered = reader.count("delivered", required: true)
            let dropped = readDrops(&reader)
            let latency = readLatency(&reader)
            guard let device, let interval, let generated, let delivered, let dropped else { return nil }
            return .device(DeviceReport(device: device, interval: .seconds(interval), generated: generated,
                                        delivered: delivered, dropped: dropped, latency: latency))
        case "battery":
            reader.rejectUnknown(allowed: ["type", "time", "device", "soc", "remaining_C", "voltage_V", "current_A"])
            let device = reader.reference("device", among: deviceIDs, what: "device")
            let soc = reader.number("soc", in: 0...1)
            let remaining = reader.number("remaining_C", in: 0...1e7)
            let voltage = reader.number("voltage_V", in: 0...60)
            let current = reader.number("current_A", in: 0...100)
            if soc == nil, remaining == nil, voltage == nil, current == nil, reader.diagnostics.isEmpty {
                reader.diagnostics.append(.error(LiveDiagnostics.missingField,
                                                 "a `battery` record needs `soc`, `remaining_C`, `voltage_V` or `current_A`",
                                                 at: reader.range(reader.start)))
            }
            guard let device else { return nil }
            return .battery(BatteryReport(device: device, stateOfCharge: soc.map { Ratio(si: $0) },
                                          remaining: remaining.map { .coulombs($0) }, voltage: voltage.map { Voltage(si: $0) },
                                          current: current.map { .amperes($0) }))
        case "gateway":
            reader.rejectUnknown(allowed: ["type", "time", "gateway", "status"])
            let gateway = reader.reference("gateway", among: model.gateways, what: "gateway")
            let status = reader.string("status")
            if let (text, position) = status, text != "up", text != "down" {
                reader.diagnostics.append(.error(LiveDiagnostics.outOfRange, "`status` is `up` or `down`, found `\(text)`",
                                                 at: reader.range(position)))
            }
            guard let gateway, let status else { return nil }
            return .gateway(gateway: gateway, up: status.0 == "up")
        case "activity":
            reader.rejectUnknown(allowed: ["type", "time", "posture"])
            guard let (posture, position) = reader.string("posture") else { return nil }
            guard Self.postures.contains(posture) else {
                reader.diagnostics.append(.error(LiveDiagnostics.outOfRange,
                                                 "`posture` is one of \(Self.postures.joined(separator: ", ")), found `\(posture)`",
                                                 at: reader.range(position)))
                return nil
            }
            return .activity(posture: posture)
        default: // security
            reader.rejectUnknown(allowed: ["type", "time", "gateway", "event", "count", "noiseFloor_dBm"])
            let gateway = reader.reference("gateway", among: model.gateways, what: "gateway")
            let event = reader.string("event")
            if let (text, position) = event, !Self.securityEvents.contains(text) {
                reader.diagnostics.append(.error(LiveDiagnostics.outOfRange,
                                                 "`event` is one of \(Self.securityEvents.joined(separator: ", ")), found `\(text)`",
                                                 at: reader.range(position)))
            }
            let count = reader.count("count") ?? 1
            let floor = reader.number("noiseFloor_dBm", in: -200...30)
            guard let gateway, let event else { return nil }
            return .security(SecurityReport(gateway: gateway, event: event.0, count: count,
                                            noiseFloor: floor.map { PowerLevel(dBm: $0) }))
        }
    }

    private func readDrops(_ reader: inout RecordReader) -> [DropCount]? {
        guard let member = reader.member("dropped") else { return [] }
        guard case .object(let causes, _) = member.value else {
            reader.diagnostics.append(.error(LiveDiagnostics.wrongType, "`dropped` must be an object of cause → count",
                                             at: reader.range(member.value.position)))
            return nil
        }
        var drops: [DropCount] = []
        for cause in causes {
            guard Self.dropCauses.contains(cause.key) else {
                reader.diagnostics.append(.error(LiveDiagnostics.unknownField, "unknown drop cause `\(cause.key)`",
                                                 at: reader.range(cause.keyPosition),
                                                 notes: [DiagnosticNote("causes: \(Self.dropCauses.joined(separator: ", "))")]))
                continue
            }
            guard case .number(let value, let position) = cause.value, value >= 0, value == value.rounded(), value < 1e12 else {
                reader.diagnostics.append(.error(LiveDiagnostics.outOfRange, "a drop count is a whole number ≥ 0",
                                                 at: reader.range(cause.value.position)))
                continue
            }
            _ = position
            drops.append(DropCount(cause: cause.key, count: Int(value)))
        }
        return drops.sorted { $0.cause < $1.cause }
    }

    private func readLatency(_ reader: inout RecordReader) -> LatencyBuckets? {
        guard let member = reader.member("latency") else { return nil }
        let bounds = member.value["le_s"]?.value.arrayValue?.compactMap(\.numberValue)
        let counts = member.value["counts"]?.value.arrayValue?.compactMap(\.numberValue)
        guard let bounds, let counts, counts.count == bounds.count + 1,
              bounds.allSatisfy({ $0.isFinite && $0 >= 0 }), zip(bounds, bounds.dropFirst()).allSatisfy({ $0 < $1 }),
              counts.allSatisfy({ $0 >= 0 && $0 == $0.rounded() && $0 < 1e12 }) else {
            reader.diagnostics.append(.error(
                LiveDiagnostics.wrongType,
                "`latency` must be {\"le_s\": [increasing bounds in seconds], \"counts\": [one more count than bounds]}",
                at: reader.range(member.value.position)))
            return nil
        }
        return LatencyBuckets(bounds: bounds.map { .seconds($0) }, counts: counts.map { Int($0) })
    }
}

/// Why a batch was refused: its diagnostics, every one of them.
public struct TelemetryRejection: Error, Sendable, Hashable {
    public var diagnostics: [Diagnostic]

    public init(diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
}
