import TwinDiagnostics

/// Codes of the live twin (`TL…`): telemetry a server refused, with the line and column
/// of the offending record, and the truth overlay of `twinc emulate`. A refused batch
/// changes nothing: it applies whole or not at all.
public enum LiveDiagnostics: DiagnosticCatalogue {
    public static let syntax = DiagnosticCode(
        "TL001", title: "telemetry line is not JSON",
        explanation: "Telemetry is newline-delimited JSON: one RFC 8259 object per line (no comments, no trailing commas). Fix the line the location names and resend the whole batch with the same sequence number.")
    public static let header = DiagnosticCode(
        "TL002", title: "missing or bad batch header",
        explanation: "The first line of a batch is `{\"type\":\"batch\",\"source\":ID,\"sequence\":N}`: the gateway's id and a whole number that grows with every new batch. A resend of the same (source, sequence) is acknowledged and ignored, so it is safe to retry.")
    public static let unknownType = DiagnosticCode(
        "TL003", title: "unknown observation type",
        explanation: "`type` is one of `link`, `device`, `battery`, `gateway`, `activity`, `security` (see `twinc schema telemetry`).")
    public static let unknownField = DiagnosticCode(
        "TL004", title: "unknown field",
        explanation: "The record has a member its type does not define. Units are part of the member name (`rssi_dBm`, `voltage_V`, `remaining_C`, `interval_s`); a value in another unit needs converting, not renaming.")
    public static let missingField = DiagnosticCode(
        "TL005", title: "missing field",
        explanation: "A member the record's type requires is absent (every record has `time`; see `twinc schema telemetry`).")
    public static let wrongType = DiagnosticCode(
        "TL006", title: "field has the wrong type",
        explanation: "A member holds the wrong JSON type: numbers are plain JSON numbers in the unit the name gives, times are RFC 3339 strings.")
    public static let outOfRange = DiagnosticCode(
        "TL007", title: "value out of range",
        explanation: "A number is outside what the quantity can be (a negative count, a state of charge above 100 %, an RSSI above +30 dBm, more frames acknowledged than sent).")
    public static let unknownReference = DiagnosticCode(
        "TL008", title: "unknown device, gateway or link",
        explanation: "The record names a device or gateway the twin does not have, or a link between a device and a gateway the device does not use. The twin's devices and gateways are those of its twin.json.")
    public static let timeOrder = DiagnosticCode(
        "TL009", title: "timestamp out of order or in the future",
        explanation: "Observations of one stream (one link, device, battery, gateway) must not go back in time, and none may lie more than the allowed clock skew after the server's clock. Resend with correct clocks.")
    public static let tooLarge = DiagnosticCode(
        "TL010", title: "batch too large",
        explanation: "The request body or the number of records exceeds the server's limits. Split the data into several batches with their own sequence numbers.")
    public static let unknownTwin = DiagnosticCode(
        "TL011", title: "unknown twin",
        explanation: "The URL names a twin the server does not host. `GET /v1/twins` lists them.")
    public static let unauthorised = DiagnosticCode(
        "TL012", title: "missing or wrong token",
        explanation: "Send `Authorization: Bearer TOKEN` with a token `twinc-serve token create` made for this twin.")
    public static let forbidden = DiagnosticCode(
        "TL013", title: "token lacks the scope",
        explanation: "The token is valid for the twin but not for this operation: telemetry needs `ingest`, reading needs `read`, acting needs `control`.")
    public static let rateLimited = DiagnosticCode(
        "TL014", title: "rate limit exceeded",
        explanation: "The source sent more requests or observations per second than the server allows. Wait the number of seconds `Retry-After` gives and resend.")
    public static let unmappedMetric = DiagnosticCode(
        "TL015", title: "OTLP metric without the attributes it needs",
        explanation: "An OTLP metric named `ban.*` is not one twinc maps (docs/live-twin.md lists them), lacks the `ban.device` or `ban.gateway` attribute, or has no data point it can read. Metrics outside `ban.*` are ignored.")
    public static let truth = DiagnosticCode(
        "TL020", title: "bad truth overlay",
        explanation: "The truth overlay of `twinc emulate --truth` names a device, link or gateway the twin does not have, or a value outside its range.")

    public static let all: [DiagnosticCode] = [
        syntax, header, unknownType, unknownField, missingField, wrongType, outOfRange, unknownReference, timeOrder,
        tooLarge, unknownTwin, unauthorised, forbidden, rateLimited, unmappedMetric, truth,
    ]
}
