import TwinConfig
import TwinJSON
import TwinRuntime

/// Placeholder: the security application's findings.
public struct SecurityReport: Sendable, Hashable {
    public static func evaluate(config: TwinConfig, outcomes: [[ReplicationOutcome]], report: RunReport) -> SecurityReport {
        SecurityReport()
    }
    public func jsonValue() -> JSONValue { .object([]) }
    public func text() -> String { "" }
}
