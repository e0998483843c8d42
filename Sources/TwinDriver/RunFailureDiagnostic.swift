import TwinDiagnostics
import TwinJSON
import TwinRuntime

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
        case .noGateways:
            range = at(network?["gateways"], file: file)
        case .invalidHorizon:
            if horizonFromFlag { message += " (`--horizon`)" } else { range = at(root?["run"]?["horizon_s"], file: file) }
        }
        return .error(RuntimeDiagnostics.code(for: failure.error), message, at: range ?? .file(file), notes: [
            DiagnosticNote("found when starting replication \(failure.replication) of scenario `\(failure.scenarioID)`"),
        ])
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
