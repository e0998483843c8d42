import TwinConfig
import TwinJSON
import TwinRuntime

/// Placeholder: the resilience application's findings.
public struct ResilienceReport: Sendable, Hashable {
    public static func evaluate(config: TwinConfig, outcomes: [[ReplicationOutcome]], report: RunReport) -> ResilienceReport {
        ResilienceReport()
    }
    public func jsonValue() -> JSONValue { .object([]) }
    public func text() -> String { "" }
}
