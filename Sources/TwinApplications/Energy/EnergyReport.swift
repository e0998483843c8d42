import TwinConfig
import TwinJSON
import TwinRuntime

/// Placeholder: the energy application's findings.
public struct EnergyReport: Sendable, Hashable {
    public static func evaluate(config: TwinConfig, outcomes: [[ReplicationOutcome]], report: RunReport) -> EnergyReport {
        EnergyReport()
    }
    public func jsonValue() -> JSONValue { .object([]) }
    public func text() -> String { "" }
}
