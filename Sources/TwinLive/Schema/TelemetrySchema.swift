import TwinJSON
import TwinVocabulary

/// The JSON Schema (draft-07) of one telemetry line (`twinc schema telemetry`): the batch
/// header or one of the observation records `TelemetryReader` accepts, with the same
/// member names, units and ranges.
public enum TelemetrySchema {
    static func number(_ description: String, minimum: Double? = nil, maximum: Double? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "number"), ("description", .string(description))]
        if let minimum { members.append(("minimum", .number(minimum))) }
        if let maximum { members.append(("maximum", .number(maximum))) }
        return .object(members)
    }

    static func count(_ description: String) -> JSONValue {
        .object([("type", "integer"), ("minimum", 0), ("description", .string(description))])
    }

    static func string(_ description: String, values: [String]? = nil, format: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "string"), ("description", .string(description))]
        if let values { members.append(("enum", .array(values.map { .string($0) }))) }
        if let format { members.append(("format", .string(format))) }
        return .object(members)
    }

    static func record(_ type: String, _ description: String, required: [String],
                       _ properties: [(String, JSONValue)]) -> JSONValue {
        .object([
            ("title", .string(type)), ("description", .string(description)), ("type", "object"),
            ("properties", .object([("type", .object([("const", .string(type))]))] + properties)),
            ("required", .array((["type"] + required).map { .string($0) })), ("additionalProperties", false),
        ])
    }

    static let time = string("When the observation was made (RFC 3339, UTC or with an offset).", format: "date-time")

    public static func value() -> JSONValue {
        .object([
            ("$schema", "http://json-schema.org/draft-07/schema#"),
            ("$id", "https://twinc.dev/schema/telemetry.schema.json"),
            ("title", "twinc telemetry line"),
            ("description", "One line of a telemetry batch (newline-delimited JSON): the first line of a batch is its header, every further line an observation. POST the batch to /v1/twins/{name}/telemetry."),
            ("oneOf", .array([
                record("batch", "The batch header: the gateway's id and a sequence number that grows with every new batch; a resend of the same (source, sequence) is acknowledged and ignored.",
                       required: ["source", "sequence"], [
                    ("source", .object([("type", "string"), ("pattern", "^[A-Za-z0-9._-]{1,64}$"), ("description", "The gateway's id.")])),
                    ("sequence", count("Batch number from this source.")),
                    ("sent", string("When the gateway sent the batch (informational).", format: "date-time")),
                ]),
                record("link", "Frames a device sent to a gateway over the last interval and the mean level the gateway received them at.",
                       required: ["time", "device", "gateway", "interval_s", "framesSent", "framesAcked"], [
                    ("time", time), ("device", string("Device id of the twin.")), ("gateway", string("Gateway id of the twin.")),
                    ("interval_s", number("Length of the interval reported, seconds.", minimum: 0.001, maximum: 86_400)),
                    ("rssi_dBm", number("Mean received level, one per packet (its first transmission; retries repeat their packet's fade), dBm.", minimum: -200, maximum: 30)),
                    ("levels", count("Packets whose level went into rssi_dBm.")),
                    ("framesSent", count("Frames put on the air (first attempts and retries).")),
                    ("framesAcked", count("Of which acknowledged (≤ framesSent).")),
                ]),
                record("device", "A device's application packets over the last interval.",
                       required: ["time", "device", "interval_s", "generated", "delivered"], [
                    ("time", time), ("device", string("Device id of the twin.")),
                    ("interval_s", number("Length of the interval reported, seconds.", minimum: 0.001, maximum: 86_400)),
                    ("generated", count("Packets generated.")), ("delivered", count("Packets delivered to the edge.")),
                    ("dropped", .object([("type", "object"), ("description", "Dropped packets by cause."),
                                         ("properties", .object(TelemetryReader.dropCauses.map { ($0, count("Packets dropped: \($0).")) })),
                                         ("additionalProperties", false)])),
                    ("latency", .object([
                        ("type", "object"), ("description", "Latency of the delivered packets: counts[i] took at most le_s[i]; the last count took longer than every bound."),
                        ("properties", .object([
                            ("le_s", .object([("type", "array"), ("items", .object([("type", "number"), ("minimum", 0)]))])),
                            ("counts", .object([("type", "array"), ("items", .object([("type", "integer"), ("minimum", 0)]))])),
                        ])), ("required", ["le_s", "counts"]), ("additionalProperties", false),
                    ])),
                ]),
                record("battery", "A battery gauge reading (at least one of soc, remaining_C, voltage_V, current_A).",
                       required: ["time", "device"], [
                    ("time", time), ("device", string("Device id of the twin.")),
                    ("soc", number("State of charge, 0–1.", minimum: 0, maximum: 1)),
                    ("remaining_C", number("Remaining charge, coulombs (1 mAh = 3.6 C).", minimum: 0)),
                    ("voltage_V", number("Terminal voltage, volts.", minimum: 0, maximum: 60)),
                    ("current_A", number("Average current since the last reading, amperes.", minimum: 0, maximum: 100)),
                ]),
                record("gateway", "A gateway went down or came back.", required: ["time", "gateway", "status"], [
                    ("time", time), ("gateway", string("Gateway id of the twin.")), ("status", string("Its status.", values: ["up", "down"])),
                ]),
                record("activity", "The wearer's posture, as the wearable classifies it.", required: ["time", "posture"], [
                    ("time", time), ("posture", string("Posture.", values: TelemetryReader.postures)),
                ]),
                record("security", "A security event at a gateway.", required: ["time", "gateway", "event"], [
                    ("time", time), ("gateway", string("Gateway id of the twin.")),
                    ("event", string("What happened.", values: TelemetryReader.securityEvents)),
                    ("count", count("How many times (default 1).")),
                    ("noiseFloor_dBm", number("The gateway's measured noise floor, dBm.", minimum: -200, maximum: 30)),
                ]),
            ])),
        ])
    }

    public static func text() -> String { JSONWriter.canonical.string(value()) + "\n" }
}
