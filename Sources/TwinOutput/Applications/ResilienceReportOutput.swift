import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

extension ResilienceReport {
    /// `applications.resilience` of the results JSON (member names per the contract in
    /// TwinAnalysis; times in seconds, ratios as fractions).
    public func jsonValue() -> JSONValue {
        let faultValues: [JSONValue] = faults.map(Self.json)
        let scoreValues: [JSONValue] = scores.map { score in
            .object([("goal", .string(score.goal)), ("score", .number(score.score)),
                     ("weakestScenario", .string(score.weakestScenario))])
        }
        return .object([("faults", .array(faultValues)), ("scores", .array(scoreValues))])
    }

    private static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    private static func json(_ fault: Fault) -> JSONValue {
        let goals: [JSONValue] = fault.goals.map { impact in
            .object([
                ("goal", .string(impact.goal)), ("kpi", .string(impact.kpi.rawValue)),
                ("baseline", number(impact.baseline)), ("underFault", number(impact.underFault)),
                ("degradation", number(impact.degradation)),
                ("normalisedDegradation", .number(impact.normalisedDegradation)),
                ("unit", .string(impact.unit)), ("score", .number(impact.score)),
            ])
        }
        let members: [(String, JSONValue)] = [
            ("scenario", .string(fault.scenario)), ("kind", .string(fault.kind.name)), ("target", .string(fault.target)),
            ("at_s", .number(fault.at.si)), ("duration_s", number(fault.duration?.si)),
            ("goals", .array(goals)),
            ("timeToDetect_s", number(fault.timeToDetect?.si)), ("detectedBy", .string(fault.detectedBy)),
            ("timeToRecover_s", number(fault.timeToRecover?.si)), ("recovered", .bool(fault.recovered)),
            ("recoveredIn", .int(fault.recoveredIn)), ("replications", .int(fault.replications)),
            ("availability_ratio", number(fault.availability)),
            ("markovAvailability_ratio", number(fault.markovAvailability)),
            ("score", .number(fault.score)),
        ]
        return .object(members)
    }

    /// The "Resilience" section of the text report: one row per fault, the goals it
    /// degraded below it, then the score per goal.
    public func text() -> String {
        guard !faults.isEmpty else { return "" }
        var out = "Resilience\n"
        var table = TextTable([("scenario", .left), ("fault", .left), ("target", .left), ("at", .right),
                                  ("detect", .right), ("recover", .right), ("availability", .right),
                                  ("markov", .right), ("score", .right)])
        let time = { (value: Time?) in value.map { Quantity($0.si, .time).formatted } ?? "—" }
        for fault in faults {
            let recover = fault.recovered ? time(fault.timeToRecover)
                : "never" + (fault.recoveredIn > 0 ? " (\(fault.recoveredIn)/\(fault.replications))" : "")
            table.add([fault.scenario, fault.kind.name, fault.target, time(fault.at), time(fault.timeToDetect), recover,
                       Self.percent(fault.availability), Self.percent(fault.markovAvailability),
                       significant(fault.score, digits: 3)])
        }
        out += table.render()
        var impacts = TextTable([("scenario", .left), ("goal", .left), ("kpi", .left), ("baseline", .right),
                                    ("under fault", .right), ("degradation", .right), ("score", .right)])
        for fault in faults {
            for impact in fault.goals {
                impacts.add([fault.scenario, impact.goal, impact.kpi.rawValue, Self.value(impact.baseline, impact.kpi),
                             Self.value(impact.underFault, impact.kpi), Self.value(impact.degradation, impact.kpi),
                             significant(impact.score, digits: 3)])
            }
        }
        if !impacts.isEmpty { out += "  goals under each fault:\n" + impacts.render(indent: "    ") }
        if !scores.isEmpty {
            out += "  resilience score per goal (lowest over the faults): "
                + scores.map { "\($0.goal) \(significant($0.score, digits: 3))" }.joined(separator: ", ") + "\n"
        }
        return out
    }

    private static func percent(_ ratio: Double?) -> String {
        ratio.map { significant($0 * 100, digits: 5) + " %" } ?? "—"
    }

    private static func value(_ value: Double?, _ kpi: KPI) -> String {
        guard let value else { return "—" }
        let dimension = kpi.dimension
        return dimension == .ratio ? significant(value * 100, digits: 5) + " %" : Quantity(value, dimension).formatted
    }
}
