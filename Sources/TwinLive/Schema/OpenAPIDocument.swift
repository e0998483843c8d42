import TwinJSON

/// The OpenAPI 3.0 description of `twinc-serve serve`'s HTTP API (`twinc schema openapi`):
/// every route, its scope, its bodies and its coded errors.
public enum OpenAPIDocument {
    static let name: JSONValue = .object([("name", "name"), ("in", "path"), ("required", true),
                                          ("description", "The twin's name (its twin.json `name`)."),
                                          ("schema", .object([("type", "string")]))])
    static let object: JSONValue = .object([("type", "object")])

    static func json(_ description: String, _ schema: JSONValue = object) -> JSONValue {
        .object([("description", .string(description)),
                 ("content", .object([("application/json", .object([("schema", schema)]))]))])
    }

    static let diagnostics = json("Refused: the diagnostics (code TL…, message, location), state unchanged.",
                                  .object([("$ref", "#/components/schemas/Diagnostics")]))

    static func read(_ summary: String, _ description: String, scope: String = "read",
                     parameters: [JSONValue] = []) -> JSONValue {
        .object([("get", .object([
            ("summary", .string(summary)), ("description", .string(description)),
            ("security", .array([.object([("bearer", .array([.string(scope)]))])])),
            ("parameters", .array([name] + parameters)),
            ("responses", .object([
                ("200", json(summary)), ("401", diagnostics), ("403", diagnostics), ("404", diagnostics), ("429", diagnostics),
            ])),
        ]))])
    }

    public static func value() -> JSONValue {
        let ingestResponses: JSONValue = .object([
            ("202", json("Accepted: stored durably, then applied; the events it caused.")),
            ("200", json("A resend of a batch already applied (`duplicate: true`); nothing changed.")),
            ("400", diagnostics), ("401", diagnostics), ("403", diagnostics), ("404", diagnostics),
            ("413", diagnostics), ("422", json("Out-of-order or future timestamps (TL009).", .object([("$ref", "#/components/schemas/Diagnostics")]))),
            ("429", diagnostics),
        ])
        return .object([
            ("openapi", "3.0.3"),
            ("info", .object([("title", "twinc live twin API"), ("version", "1"),
                              ("description", "Telemetry in, state synchronised, intents assured, actions out. Served by `twinc-serve serve`; bound to 127.0.0.1 by default. Every refusal is a 4xx with diagnostics JSON and leaves the state unchanged.")])),
            ("servers", .array([.object([("url", "http://127.0.0.1:8080")])])),
            ("components", .object([
                ("securitySchemes", .object([("bearer", .object([
                    ("type", "http"), ("scheme", "bearer"),
                    ("description", "Tokens per twin with scopes ingest, read, control (`twinc-serve token create`); GET routes also take `?token=`."),
                ]))])),
                ("schemas", .object([("Diagnostics", .object([
                    ("type", "object"), ("required", ["diagnostics", "summary", "version"]),
                    ("properties", .object([
                        ("diagnostics", .object([("type", "array"), ("items", .object([
                            ("type", "object"), ("required", ["code", "message", "severity"]),
                            ("properties", .object([("code", .object([("type", "string"), ("pattern", "^TL[0-9]{3}$")])),
                                                    ("message", .object([("type", "string")])),
                                                    ("severity", .object([("type", "string")]))])),
                        ]))])),
                        ("summary", object), ("version", .object([("type", "integer")])),
                    ])),
                ]))])),
            ])),
            ("paths", .object([
                ("/healthz", .object([("get", .object([("summary", "Liveness"), ("responses", .object([("200", .object([("description", "ok")]))]))]))])),
                ("/metrics", .object([("get", .object([("summary", "Prometheus metrics: goal state and value gauges, ingest counters and latency, drift events"),
                                                        ("responses", .object([("200", .object([("description", "Prometheus text exposition format")]))]))]))])),
                ("/v1/twins", .object([("get", .object([("summary", "The twins the token can read"), ("security", .array([.object([("bearer", .array([]))])])),
                                                         ("responses", .object([("200", json("Twin names"))]))]))])),
                ("/v1/twins/{name}/telemetry", .object([("post", .object([
                    ("summary", "Ingest a telemetry batch"),
                    ("description", "Newline-delimited JSON: a header line then observations (`twinc schema telemetry`). Applied whole or not at all; idempotent by (source, sequence)."),
                    ("security", .array([.object([("bearer", ["ingest"])])])), ("parameters", .array([name])),
                    ("requestBody", .object([("required", true), ("content", .object([("application/x-ndjson", .object([("schema", .object([("type", "string")]))]))]))])),
                    ("responses", ingestResponses),
                ]))])),
                ("/v1/twins/{name}/otlp/v1/metrics", .object([("post", .object([
                    ("summary", "Ingest OTLP/HTTP JSON metrics"),
                    ("description", "An ExportMetricsServiceRequest in JSON; metrics named ban.* are mapped (docs/live-twin.md). Source and sequence from X-Twinc-Source and X-Twinc-Sequence."),
                    ("security", .array([.object([("bearer", ["ingest"])])])), ("parameters", .array([name])),
                    ("requestBody", .object([("required", true), ("content", .object([("application/json", .object([("schema", object)]))]))])),
                    ("responses", ingestResponses),
                ]))])),
                ("/v1/twins/{name}/state", read("Synchronised state", "Links (level, prediction, drift evidence), devices (window counts, battery), gateways, posture.")),
                ("/v1/twins/{name}/assurance", read("Assurance per goal", "Observed value with its interval and the state met / at-risk / violated / inconclusive, with the forecast.")),
                ("/v1/twins/{name}/forecast", read("Forecast per goal", "Analytic forecast; with confirm=true also a DES run of the calibrated twin.",
                                                   parameters: [.object([("name", "confirm"), ("in", "query"), ("schema", .object([("type", "boolean")]))])])),
                ("/v1/twins/{name}/recommendation", read("Latest recommendation", "What the optimiser recommended from the live state, whether it was approved and what was done.")),
                ("/v1/twins/{name}/calibration", read("Calibration with provenance", "Per-link path-loss offset and spread, battery capacity and drain, activity mix.")),
                ("/v1/twins/{name}/calibration/twin.json", read("Calibrated twin.json", "The twin with the calibration applied, for offline runs.")),
                ("/v1/twins/{name}/events", read("Events", "Drift, calibration, goal, gateway, recommendation and action events.",
                                                 parameters: [.object([("name", "since"), ("in", "query"), ("schema", .object([("type", "integer")]))])])),
                ("/v1/twins/{name}/audit", read("Audit log", "Every event, recommendation and action with its outcome, from the store.")),
                ("/v1/twins/{name}/live", read("Live stream", "Server-sent events: `update` with the assurance and new events after every batch.")),
                ("/twins/{name}", read("Dashboard", "The live dashboard page (HTML, no external fetches); pass the token as ?token=.")),
            ])),
        ])
    }

    public static func text() -> String { JSONWriter.canonical.string(value()) + "\n" }
}
