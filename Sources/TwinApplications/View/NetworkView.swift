import TwinConfig
import TwinJSON
import TwinRuntime

/// Placeholder: the network view (topology, links, queues, energy, KPI time series).
public struct NetworkView: Sendable, Hashable {
    public static func build(config: TwinConfig, outcomes: [[ReplicationOutcome]]) -> NetworkView { NetworkView() }
    public func jsonValue() -> JSONValue { .object([]) }
}
