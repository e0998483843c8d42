import Foundation
import TwinJSON

/// Hand-made results JSON in the shape of the results contract (`twinc run --format
/// json` with every application): two scenarios (baseline, a phone failure at 20 s),
/// three devices, two gateways, two goals. Small enough to reason about, complete
/// enough that every section has something to draw. `edit` changes members before the
/// value is returned.
enum ReportFixture {
    static let devices = ["ecg", "pump", "spo2"]

    static func results(applications: [String] = ["network-view", "resilience", "energy", "security"],
                        optimisation: Bool = true, deviceName: String = "ecg", title: String = "ICU monitoring") -> JSONValue {
        let ids = [deviceName, "pump", "spo2"]
        var members: [(String, JSONValue)] = [
            ("format", .object([("name", "twinc-run"), ("version", 1)])),
            ("twin", "icu-monitoring"),
            ("title", .string(title)),
            ("settings", .object([("horizon_s", 60), ("warmup_s", 0), ("warmupShortened", false), ("replications", 2), ("seed", 1)])),
            ("eventsHandled", 12345),
            ("scenarios", .array([scenario("baseline", "baseline", ids), scenario("phone-fails", "gateway-failure", ids)])),
            ("summary", .object([
                ("met", 2), ("notMet", 1), ("notEvaluated", 1),
                ("goals", .array([
                    .object([("id", "ecg-delivery"), ("kpi", "delivery-ratio"), ("priority", "critical"), ("verdict", "not-met"),
                             ("failedIn", ["phone-fails"]), ("evaluatedIn", ["baseline", "phone-fails"])]),
                    .object([("id", "ecg-latency"), ("kpi", "latency"), ("priority", "critical"), ("verdict", "met"),
                             ("failedIn", []), ("evaluatedIn", ["baseline", "phone-fails"])]),
                ])),
            ])),
        ]
        var apps: [(String, JSONValue)] = []
        for application in applications {
            switch application {
            case "network-view": apps.append((application, networkView(ids)))
            case "resilience": apps.append((application, resilience))
            case "energy": apps.append((application, energy(ids)))
            case "security": apps.append((application, security(ids)))
            default: apps.append((application, .object([])))
            }
        }
        members.append(("applications", .object(apps)))
        if optimisation { members.append(("optimisation", self.optimisation)) }
        return .object(members)
    }

    static func estimate(_ mean: Double, _ halfWidth: Double, unit: String, dimension: String) -> JSONValue {
        .object([("mean", .number(mean)), ("halfWidth", .number(halfWidth)), ("lower", .number(mean - halfWidth)),
                 ("upper", .number(mean + halfWidth)), ("replications", 2), ("unit", .string(unit)), ("dimension", .string(dimension))])
    }

    static func scenario(_ id: String, _ kind: String, _ ids: [String]) -> JSONValue {
        let failed = kind != "baseline"
        return .object([
            ("id", .string(id)), ("kind", .string(kind)), ("description", .string("scenario \(id)")),
            ("goals", .array([
                .object([("id", "ecg-delivery"), ("kpi", "delivery-ratio"), ("priority", "critical"),
                         ("threshold", .object([("statistic", "mean"), ("op", ">="), ("bound", 0.999), ("unit", "1"), ("dimension", "ratio")])),
                         ("within_s", 0.25),
                         ("value", estimate(failed ? 0.62 : 0.9995, 0.0004, unit: "1", dimension: "ratio")),
                         ("verdict", failed ? "not-met" : "met")]),
                .object([("id", "ecg-latency"), ("kpi", "latency"), ("priority", "critical"),
                         ("threshold", .object([("statistic", "p99"), ("op", "<="), ("bound", 0.25), ("unit", "s"), ("dimension", "time")])),
                         ("value", estimate(0.031, 0.002, unit: "s", dimension: "time")), ("verdict", "met")]),
                .object([("id", "pump-lifetime"), ("kpi", "lifetime"), ("priority", "high"),
                         ("threshold", .object([("statistic", "mean"), ("op", ">="), ("bound", 2_592_000), ("unit", "s"), ("dimension", "time")])),
                         ("value", estimate(3_100_000, 40_000, unit: "s", dimension: "time")), ("verdict", "met")]),
                .object([("id", "survive-gateway-loss"), ("kpi", "recovery-time"), ("priority", "critical"),
                         ("note", "no `gateway-failure` event before the horizon"), ("verdict", "not-evaluated")]),
                // Measured by the highest residual CVSS score (0: every threat mitigated).
                .object([("id", "protect-vitals"), ("kpi", "security-protect"), ("priority", "high"), ("securityLevel", 2),
                         ("value", estimate(0, 0, unit: "1", dimension: "count")), ("verdict", "met")]),
            ])),
            ("devices", .array(ids.enumerated().map { index, device in
                .object([("id", .string(device)), ("class", "sensor"),
                         ("deliveryRatio", estimate(failed ? 0.6 + 0.1 * Double(index) : 0.999 - 0.01 * Double(index), 0.002,
                                                    unit: "1", dimension: "ratio"))])
            })),
        ])
    }

    static func networkView(_ ids: [String]) -> JSONValue {
        let placements: [(String, Double, Double)] = [("chest", 0, 1.26), ("abdomen", 0, 1.05), ("wrist-left", 0.245, 0.849)]
        let times: [JSONValue] = (0..<7).map { .number(Double($0) * 10) }
        func trace(failed: Bool) -> JSONValue {
            .object([
                ("replication", 0), ("time_s", .array(times)),
                ("devices", .array(ids.map { device in
                    .object([
                        ("id", .string(device)),
                        ("deliveryRatio", .array((0..<7).map { step in
                            step == 0 ? .null : .number(failed && step >= 2 && step < 4 ? 0.2 : 0.99) })),
                        ("rssi_dBm", .array((0..<7).map { _ in -70 })),
                        ("queue", .array((0..<7).map { _ in 0 })),
                        ("batteryLeft_ratio", .array((0..<7).map { .number(1 - 0.001 * Double($0)) })),
                    ])
                })),
            ])
        }
        func scenarioView(_ id: String, _ kind: String) -> JSONValue {
            .object([
                ("id", .string(id)), ("kind", .string(kind)),
                ("links", .array(ids.flatMap { device -> [JSONValue] in [
                    .object([("device", .string(device)), ("gateway", "phone"), ("role", "primary"), ("pathLoss_dB", 66),
                             ("rssi_dBm", -72.5), ("pdr", 0.93)]),
                    .object([("device", .string(device)), ("gateway", "bedside-hub"), ("role", "backup"), ("pathLoss_dB", .null),
                             ("rssi_dBm", .null), ("pdr", .null)]),
                ] })),
                ("devices", .array(ids.map { device in
                    .object([("id", .string(device)), ("meanQueue", 0.2), ("energyLeft_ratio", 0.998), ("deliveryRatio", 0.99),
                             ("latencyP50_s", 0.012), ("latencyP99_s", 0.04)])
                })),
                ("latencyCDF", .array(ids.map { device in
                    .object([("device", .string(device)),
                             ("points", [[0.005, 0], [0.012, 0.5], [0.03, 0.9], [0.04, 0.99], [0.06, 1]])])
                })),
                ("series", trace(failed: kind != "baseline")),
            ])
        }
        return .object([
            ("sampleInterval_s", 10),
            ("goals", .array([
                .object([("id", "ecg-delivery"), ("kpi", "delivery-ratio"), ("devices", .array([.string(ids[0])]))]),
                .object([("id", "ecg-latency"), ("kpi", "latency"), ("devices", .array([.string(ids[0]), "spo2"]))]),
                .object([("id", "pump-lifetime"), ("kpi", "lifetime"), ("devices", ["pump"])]),
            ])),
            ("topology", .object([
                ("devices", .array(zip(ids, placements).map { device, place in
                    .object([("id", .string(device)), ("class", "sensor"), ("placement", .string(place.0)),
                             ("x_m", .number(place.1)), ("y_m", .number(place.2)), ("gateway", "phone"),
                             ("backupGateway", "bedside-hub"), ("radio", "ban-nb"), ("inBody", false)])
                })),
                ("gateways", .array([
                    .object([("id", "phone"), ("kind", "phone"), ("x_m", -0.167), ("y_m", 0.9275), ("onBody", true)]),
                    .object([("id", "bedside-hub"), ("kind", "bedside-hub"), ("x_m", -1.5), ("y_m", 0.9275), ("onBody", false)]),
                ])),
                ("edge", .array([.object([("id", "ward-mec"), ("kind", "extreme-mec")])])),
                ("links", .array(ids.map { .object([("from", .string($0)), ("to", "phone"), ("kind", "body")]) })),
            ])),
            ("scenarios", .array([scenarioView("baseline", "baseline"), scenarioView("phone-fails", "gateway-failure")])),
        ])
    }

    static let resilience: JSONValue = .object([
        ("faults", .array([
            .object([
                ("scenario", "phone-fails"), ("kind", "gateway-failure"), ("target", "phone"), ("at_s", 20),
                ("goals", .array([.object([("goal", "ecg-delivery"), ("kpi", "delivery-ratio"), ("baseline", 0.9995),
                                          ("underFault", 0.62), ("degradation", 0.3795), ("unit", "1")])])),
                ("timeToDetect_s", 1.5), ("timeToRecover_s", 4.2), ("recovered", true), ("availability_ratio", 0.93),
                ("markovAvailability_ratio", .null), ("score", 0.8),
            ]),
        ])),
        ("scores", .array([.object([("goal", "ecg-delivery"), ("score", 0.8)])])),
    ])

    static func energy(_ ids: [String]) -> JSONValue {
        .object([
            ("devices", .array(ids.enumerated().map { index, device in
                let lifetime = 86_400.0 * Double(10 + 15 * index)
                return .object([
                    ("id", .string(device)), ("lifetime_s", .number(lifetime)), ("lifetimeLow_s", .number(lifetime * 0.95)),
                    ("lifetimeHigh_s", .number(lifetime * 1.05)), ("averageCurrent_A", 0.0002),
                    ("energy_J", .object([("transmit", 2), ("receive", 1), ("listen", 3), ("sleep", 0.5), ("wakeUp", 0.1), ("baseline", 4)])),
                ])
            })),
            ("firstToDie", .string(ids[0])),
            ("whatIf", .array([
                .object([("device", "pump"), ("knob", "txPower"), ("value", -12), ("unit", "dBm"), ("lifetime_s", 3_000_000),
                         ("meetsOtherGoals", true)]),
                .object([("device", "pump"), ("knob", "txPower"), ("value", 0), ("unit", "dBm"), ("lifetime_s", 2_000_000),
                         ("meetsOtherGoals", false)]),
            ])),
            ("recommendation", .object([("device", "pump"), ("knob", "txPower"), ("value", -12)])),
        ])
    }

    static func security(_ ids: [String]) -> JSONValue {
        .object([
            ("threats", .array([
                .object([("scenario", "jamming"), ("kind", "jamming"), ("target", "phone"), ("securityLevel", 2),
                         ("cvss", .object([("vector", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"), ("score", 6.5), ("severity", "Medium")])),
                         ("accepted", 0), ("rejected", 0), ("framesExposed", 0), ("detected", true), ("detectionDelay_s", 1.2),
                         ("detectWithin_s", 2), ("verdict", "met")]),
                .object([("scenario", "spoofing"), ("kind", "spoofing"), ("target", .string(ids[0])), ("securityLevel", 0),
                         ("cvss", .object([("vector", "CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N"), ("score", 8.1), ("severity", "High")])),
                         ("accepted", 12), ("rejected", 0), ("framesExposed", 300), ("detected", false), ("detectionDelay_s", .null),
                         ("detectWithin_s", .null), ("verdict", "not-met")]),
            ])),
            ("recommendation", .object([("securityLevel", 2), ("energyCost_J_per_day", 1.3), ("latencyCost_s", 0.0004),
                                        ("reason", "level 2 rejects forged and replayed frames")])),
        ])
    }

    static let optimisation: JSONValue = .object([
        ("objectives", ["ecg-delivery", "ecg-latency"]),
        ("knobs", .array([.object([("id", "ecg.txPower"), ("baseline", -6), ("recommended", 0), ("unit", "dBm")]),
                          .object([("id", "ecg.mac-mode"), ("baseline", 0), ("recommended", 1), ("unit", "index"),
                                   ("labels", ["scheduled", "csma-ca"])])])),
        ("candidatesConsidered", 48), ("candidatesSimulated", 4),
        ("verdicts", .array([
            .object([("goal", "ecg-delivery"), ("kpi", "delivery-ratio"), ("priority", "critical"), ("target", ">= 0.999"),
                     ("baseline", .object([("value", 0.62), ("low", 0.6), ("high", 0.64), ("verdict", "not-met")])),
                     ("recommended", .object([("value", 0.9992), ("low", 0.999), ("high", 0.9994), ("verdict", "met")]))]),
        ])),
        ("evidence", .array([
            .object([("candidate", "ecg.txPower=0"), ("simulated", true)]),
            .object([("analyticRank", 1), ("recommended", true), ("knobs", .object([("ecg.txPower", 0), ("ecg.mac-mode", 1)])),
                     ("measured", .array([
                        .object([("goal", "ecg-delivery"), ("value", 0.9992), ("verdict", "met")]),
                        .object([("goal", "protect-vitals"), ("value", 0), ("verdict", "met")]),
                     ]))]),
        ])),
    ])

    /// The same value with every object's members in reverse order, recursively.
    static func reversingMembers(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): return .object(members.reversed().map { ($0.0, reversingMembers($0.1)) })
        case .array(let items): return .array(items.map(reversingMembers))
        default: return value
        }
    }

    /// Replaces the member at `path` (keys and indices) with `replacement`.
    static func replacing(_ path: [JSONPathKey], in value: JSONValue, with replacement: JSONValue) -> JSONValue {
        guard let first = path.first else { return replacement }
        let rest = Array(path.dropFirst())
        switch (first, value) {
        case (.key(let key), .object(let members)):
            return .object(members.map { $0.0 == key ? ($0.0, replacing(rest, in: $0.1, with: replacement)) : $0 })
        case (.index(let index), .array(var items)) where items.indices.contains(index):
            items[index] = replacing(rest, in: items[index], with: replacement)
            return .array(items)
        default:
            return value
        }
    }

    enum JSONPathKey {
        case key(String)
        case index(Int)
    }
}

extension String {
    /// How many times `needle` occurs.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
