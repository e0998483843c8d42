import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

extension SecurityReport {
    /// `applications.security` of the results JSON (member names per the contract in
    /// TwinAnalysis; counts are means per replication).
    public func jsonValue() -> JSONValue {
        .object([("threats", .array(threats.map(Self.json))),
                 ("recommendation", recommendation.map(Self.json) ?? .null)])
    }

    private static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    private static func json(_ threat: ThreatAssessment) -> JSONValue {
        let devices: [JSONValue] = threat.devices.map { device in
            .object([
                ("device", .string(device.device)), ("securityLevel", .int(device.securityLevel)),
                ("vector", .string(device.vector)), ("score", .number(device.score)),
                ("accepted", .number(device.accepted)), ("rejected", .number(device.rejected)),
                ("framesOverheard", .number(device.framesOverheard)), ("framesExposed", .number(device.framesExposed)),
                ("reach_m", number(device.reach?.si)),
            ])
        }
        let cvss: JSONValue = .object([("vector", .string(threat.vector)), ("score", .number(threat.score)),
                                       ("severity", .string(threat.severity.rawValue))])
        let members: [(String, JSONValue)] = [
            ("scenario", .string(threat.scenario)), ("kind", .string(threat.kind.name)),
            ("threat", .string(threat.threat.rawValue)), ("target", .string(threat.target)),
            ("securityLevel", .int(threat.securityLevel)), ("cvss", cvss),
            ("accepted", .number(threat.accepted)), ("rejected", .number(threat.rejected)),
            ("framesOverheard", .number(threat.framesOverheard)), ("framesExposed", .number(threat.framesExposed)),
            ("detected", .bool(threat.detected)), ("detectedIn", .int(threat.detectedIn)),
            ("replications", .int(threat.replications)),
            ("detectionDelay_s", number(threat.detectionDelay?.si)), ("detectWithin_s", number(threat.detectWithin?.si)),
            ("eavesdropperDistance_m", number(threat.eavesdropperDistance?.si)),
            ("jammerMode", threat.jammerMode.map(JSONValue.string) ?? .null),
            ("attackerAirtime_s", number(threat.attackerAirtime?.si)),
            ("watchedUntil_s", number(threat.watchedUntil?.si)),
            ("verdict", .string(threat.verdict)), ("devices", .array(devices)),
        ]
        return .object(members)
    }

    private static func json(_ recommendation: SecurityRecommendation) -> JSONValue {
        let devices: [JSONValue] = recommendation.devices.map { cost in
            .object([
                ("device", .string(cost.device)), ("currentLevel", .int(cost.currentLevel)),
                ("requiredLevel", .int(cost.requiredLevel)), ("extraAirtime_s", .number(cost.extraAirtime.si)),
                ("energyCost_J_per_day", .number(cost.energyPerDay.si)),
            ])
        }
        let countermeasures: [JSONValue] = recommendation.countermeasures.map {
            .object([("threat", .string($0.threat)), ("measure", .string($0.measure)),
                     ("levelMitigates", .bool($0.levelMitigates))])
        }
        return .object([
            ("securityLevel", .int(recommendation.securityLevel)),
            ("energyCost_J_per_day", .number(recommendation.energyCostPerDay.si)),
            ("latencyCost_s", .number(recommendation.latencyCost.si)),
            ("reason", .string(recommendation.reason)),
            ("devices", .array(devices)), ("countermeasures", .array(countermeasures)),
        ])
    }

    /// One line per stopped scenario with attacks not detected in every replication:
    /// the detector was watched only until the stop (`ThreatAssessment.watchedUntil`).
    private func stopNotes() -> String {
        var out = "", noted: Set<String> = []
        for threat in threats where !threat.detected && !noted.contains(threat.scenario) {
            guard let until = threat.watchedUntil else { continue }
            noted.insert(threat.scenario)
            let attacks = threats.filter { $0.scenario == threat.scenario }
            let missed = attacks.filter { !$0.detected }.count
            let which = attacks.count == 1 ? "its attack was" : "\(missed) of its \(attacks.count) attacks were"
            out += "  \(threat.scenario): \(which) not detected in every replication by "
                + "\(Quantity(until.si, .time).formatted), where the run stopped once its goals could not change; a later "
                + "detection is not simulated (`--whole-horizon` runs to the horizon)\n"
        }
        return out
    }

    /// The "Security" section of the text report.
    public func text() -> String {
        guard !threats.isEmpty || recommendation != nil else { return "" }
        var out = "Security\n"
        if !threats.isEmpty {
            var table = TextTable([("scenario", .left), ("threat", .left), ("target", .left), ("level", .right),
                                      ("CVSS", .right), ("severity", .left), ("accepted", .right), ("rejected", .right),
                                      ("exposed", .right), ("detected", .right), ("within", .right), ("verdict", .left)])
            let time = { (value: Time?) in value.map { Quantity($0.si, .time).formatted } ?? "—" }
            let rows = threats.map { threat in
                let detected = threat.detectedIn == 0 ? "no"
                    : time(threat.detectionDelay) + (threat.detected ? "" : " (\(threat.detectedIn)/\(threat.replications))")
                return [threat.scenario, threat.kind.name + (threat.jammerMode.map { " (\($0))" } ?? ""), threat.target, String(threat.securityLevel),
                        significant(threat.score, digits: 2), threat.severity.rawValue, significant(threat.accepted),
                        significant(threat.rejected), significant(threat.framesExposed), detected,
                        time(threat.detectWithin), threat.verdict]
            }
            let runs = rows.runsOfEqual()
            for (row, count) in runs {
                var row = row
                if count > 1 { row[1] += " ×\(count)" }
                table.add(row)
            }
            out += table.render()
            if runs.contains(where: { $0.count > 1 }) {
                out += "  ×N: N attacks of the scenario in a row with the same figures, shown once (the JSON lists each)\n"
            }
            for threat in threats where threat.threat == .eavesdropping {
                let reach = threat.devices.map { device in
                    "\(device.device) \(device.reach.map { Quantity($0.si, .distance).formatted } ?? "—")"
                }
                out += "  \(threat.scenario): reach beyond the body (frames above sensitivity): " + reach.joined(separator: ", ") + "\n"
            }
            out += stopNotes()
            let airtimes = threats.compactMap { threat -> String? in
                guard let airtime = threat.attackerAirtime, airtime.si > 0 else { return nil }
                return "  \(threat.scenario): attacker on the air \(Quantity(airtime.si, .time).formatted)"
                    + (threat.jammerMode.map { " (\($0) jammer)" } ?? "")
            }
            for (line, count) in airtimes.runsOfEqual() {
                out += line + (count > 1 ? " in each of \(count) attacks" : "") + "\n"
            }
        }
        if let recommendation {
            out += "  recommended: security level \(recommendation.securityLevel) — \(recommendation.reason); cost "
                + "\(Quantity(recommendation.energyCostPerDay.si, .energy).formatted)/day, "
                + "+\(Quantity(recommendation.latencyCost.si, .time).formatted) per sample\n"
            for countermeasure in recommendation.countermeasures {
                out += "  against \(countermeasure.threat): \(countermeasure.measure)"
                    + (countermeasure.levelMitigates ? "" : " (no security level mitigates it)") + "\n"
            }
        }
        return out
    }
}
