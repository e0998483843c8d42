import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

extension EnergyReport {
    /// `applications.energy` of the results JSON (see the contract in TwinAnalysis).
    /// Lifetimes without an interval (one replication) give the mean as both bounds.
    public func jsonValue() -> JSONValue {
        let members: [(String, JSONValue)] = [
            ("scenario", scenario.map(JSONValue.string) ?? .null),
            ("horizon_s", .number(horizon.si)),
            ("simulatedUntil_s", simulatedUntil.map { .number($0.si) } ?? .null),
            ("devices", .array(devices.map(Self.json))),
            ("firstToDie", firstToDie.map(JSONValue.string) ?? .null),
            ("whatIf", .array(whatIf.map(Self.json))),
            ("recommendation", recommendation.map(Self.json) ?? .null),
        ]
        return .object(members)
    }

    private static func number(_ value: Double?) -> JSONValue { value.map(JSONValue.number) ?? .null }

    private static func json(_ device: DeviceEnergy) -> JSONValue {
        let lifetime = device.lifetime
        let energy = device.energy
        let parts: [(String, JSONValue)] = [
            ("transmit", .number(energy.transmit.si)), ("receive", .number(energy.receive.si)),
            ("listen", .number(energy.listen.si)), ("sleep", .number(energy.sleep.si)),
            ("wakeUp", .number(energy.wakeUp.si)), ("baseline", .number(energy.baseline.si)),
            ("total", .number(energy.total.si)),
        ]
        let members: [(String, JSONValue)] = [
            ("id", .string(device.id)),
            ("lifetime_s", number(lifetime?.point)),
            ("lifetimeLow_s", number(lifetime.map { $0.lower ?? $0.point })),
            ("lifetimeHigh_s", number(lifetime.map { $0.upper ?? $0.point })),
            ("replications", .int(lifetime?.replications ?? 0)),
            ("analyticLifetime_s", number(device.analytic?.lifetime?.si)),
            ("analyticCurrent_A", number(device.analytic?.averageCurrent.si)),
            ("averageCurrent_A", number(device.averageCurrent?.point)),
            ("attemptsPerFrame", .number(device.attemptsPerFrame)),
            ("diedIn", .int(device.diedIn)),
            ("energy_J", .object(parts)),
        ]
        return .object(members)
    }

    private static func json(_ answer: EnergyWhatIf) -> JSONValue {
        let members: [(String, JSONValue)] = [
            ("device", .string(answer.device)), ("knob", .string(answer.knob)),
            ("parameter", .string(answer.parameter.rawValue)), ("value", .number(answer.value)),
            ("unit", .string(answer.unit)), ("label", answer.label.map(JSONValue.string) ?? .null),
            ("current", .bool(answer.isCurrent)),
            ("lifetime_s", number(answer.lifetime?.si)),
            ("averageCurrent_A", .number(answer.averageCurrent.si)),
            ("meetsOtherGoals", .bool(answer.meetsOtherGoals)),
            ("failedGoals", .array(answer.failedGoals.map(JSONValue.string))),
        ]
        return .object(members)
    }

    private static func json(_ recommendation: EnergyRecommendation) -> JSONValue {
        let devices: [JSONValue] = recommendation.devices.map { change in
            let settings: [JSONValue] = change.settings.map { setting in
                .object([("knob", .string(setting.knob)), ("parameter", .string(setting.parameter.rawValue)),
                         ("value", .number(setting.value)), ("unit", .string(setting.unit))])
            }
            return .object([("device", .string(change.device)), ("settings", .array(settings)),
                            ("lifetime_s", .number(change.lifetime.si)),
                            ("configuredLifetime_s", .number(change.configuredLifetime.si))])
        }
        return .object([("devices", .array(devices)), ("reason", .string(recommendation.reason))])
    }

    /// The "Energy" section of the text report.
    public func text() -> String {
        guard let scenario else { return "" }
        var out = "Energy (scenario \(scenario))\n"
        if let simulatedUntil {
            let until = Quantity(simulatedUntil.si, .time).formatted
            out += "  the scenario stopped at \(until) once its goals could not change: the figures below cover 0–\(until) "
                + "(`--whole-horizon` runs it to the horizon)\n"
        }
        var table = TextTable([("device", .left), ("lifetime", .right), ("95 % CI", .left), ("analytic", .right),
                                  ("avg current", .right), ("tx", .right), ("rx", .right), ("listen", .right),
                                  ("sleep", .right), ("wake-up", .right), ("baseline", .right)])
        for device in devices {
            let time = { (value: Double) in Quantity(value, .time).formatted }
            let joules = { (energy: Energy) in Quantity(energy.si, .energy).formatted }
            table.add([device.id, device.lifetime.map { time($0.point) } ?? "—", IntervalText.of(device.lifetime),
                       device.analytic?.lifetime.map { time($0.si) } ?? "—",
                       device.averageCurrent.map { Quantity($0.point, .current).formatted } ?? "—",
                       joules(device.energy.transmit), joules(device.energy.receive), joules(device.energy.listen),
                       joules(device.energy.sleep), joules(device.energy.wakeUp), joules(device.energy.baseline)])
        }
        out += table.render()
        if let firstToDie { out += "  first to die: `\(firstToDie)`\n" }
        if !whatIf.isEmpty {
            out += "  what-if (analytic lifetime per knob value):\n"
            var answers = TextTable([("knob", .left), ("value", .right), ("lifetime", .right), ("other goals", .left)])
            for answer in whatIf {
                let value = (answer.label ?? significant(answer.value) + " " + answer.unit) + (answer.isCurrent ? " *" : "")
                let verdict = answer.meetsOtherGoals ? "met" : "fails " + answer.failedGoals.joined(separator: ", ")
                answers.add([answer.knob, value, answer.lifetime.map { Quantity($0.si, .time).formatted } ?? "—", verdict])
            }
            out += answers.render(indent: "    ")
        }
        if let recommendation {
            for change in recommendation.devices {
                let settings = change.settings.map { "\($0.parameter) \($0.label ?? significant($0.value) + " " + $0.unit)" }
                    .joined(separator: ", ")
                out += "  recommended for `\(change.device)`: \(settings) → lifetime "
                    + "\(Quantity(change.lifetime.si, .time).formatted) (configured "
                    + "\(Quantity(change.configuredLifetime.si, .time).formatted))\n"
            }
        } else {
            out += "  no energy knob setting lives longer without failing another goal\n"
        }
        return out
    }
}
