import TwinDiagnostics
import TwinJSON
import TwinRuntime
import TwinUnits

/// Turns a simulator refusal into a `TR…` diagnostic that points at the twin.json
/// member at fault. `TwinConfig` keeps no positions, so the text is parsed again
/// (only on this error path) and the member found by the ids the error names.
enum RunFailureDiagnostic {
    static func diagnostic(for failure: RunFailure, text: String, file: String, horizonFromFlag: Bool) -> Diagnostic {
        let root: LocatedJSON? = if case .success(let json) = JSONParser.parse(text) { json } else { nil }
        let network = root?["network"]
        var range: SourceRange?
        var message = failure.error.description
        switch failure.error {
        case .hubFull(let gateway, _, _):
            range = at(member(of: network?["gateways"], withID: gateway)?["id"], file: file)
        case .unknownGateway(let device, let gateway):
            let link = member(of: network?["devices"], withID: device)?["gateway"]
            let named = [link?["primary"], link?["backup"]].compactMap { $0 }.first {
                if case .string(gateway, _) = $0 { true } else { false }
            }
            range = at(named ?? link, file: file)
        case .invalidParameter(let device, _):
            range = at(member(of: network?["devices"], withID: device)?["id"], file: file)
        case .invalidRelay(let device, _, _):
            let source = member(of: network?["devices"], withID: device)
            range = at(source?["relay"] ?? source?["id"], file: file)
        case .noGateways:
            range = at(network?["gateways"], file: file)
        case .invalidHorizon:
            if horizonFromFlag { message += " (`--horizon`)" } else { range = at(root?["run"]?["horizon_s"], file: file) }
        }
        return .error(RuntimeDiagnostics.code(for: failure.error), message, at: range ?? .file(file), notes: [
            DiagnosticNote("found when starting replication \(failure.replication) of scenario `\(failure.scenarioID)`"),
        ])
    }

    /// `TR006` for each event at an explicit time the run's horizon does not reach, at
    /// the event's `at_s` in twin.json.
    static func diagnostics(for outside: [RunPlan.EventOutsideRun], horizon: Time, text: String, file: String,
                            horizonFromFlag: Bool) -> [Diagnostic] {
        let root: LocatedJSON? = if case .success(let json) = JSONParser.parse(text) { json } else { nil }
        return outside.map { item in
            let scenario = element(root?["scenarios"], item.scenarioIndex)
            let event = element(scenario?["events"], item.eventIndex)
            let source = horizonFromFlag ? "`--horizon` \(horizon.quantity.formatted)" : "the horizon \(horizon.quantity.formatted)"
            return .error(
                RuntimeDiagnostics.eventOutsideRun,
                "`\(item.event.kind.name)` in scenario `\(item.scenarioID)` starts at \(item.event.at.quantity.formatted), "
                    + "outside the run (\(source)); it would never happen",
                at: at(event?["at_s"] ?? event, file: file) ?? .file(file),
                notes: [DiagnosticNote("the intent gave this time (`at:`); run longer, or leave `at` out of the intent so "
                    + "the event lands a quarter into whatever horizon is run")])
        }
    }

    private static func element(_ array: LocatedJSON?, _ index: Int) -> LocatedJSON? {
        guard case .array(let items, _)? = array, items.indices.contains(index) else { return nil }
        return items[index]
    }

    /// The element of a JSON array whose `id` member is `id`.
    private static func member(of array: LocatedJSON?, withID id: String) -> LocatedJSON? {
        guard case .array(let items, _)? = array else { return nil }
        return items.first { item in
            if case .string(let value, _)? = item["id"] { value == id } else { false }
        }
    }

    private static func at(_ json: LocatedJSON?, file: String) -> SourceRange? {
        json.map { SourceRange(file: file, line: $0.position.line, column: $0.position.column) }
    }
}
