import TwinConfig
import TwinRuntime

/// Lookups the resilience, energy and security applications share: which scenario is
/// the reference (baseline), which devices a goal covers, what the run concluded about
/// a goal. Plain functions of the configuration and the report.
enum ScenarioLookup {
    /// The reference scenario: the one of kind `baseline`, else the first without
    /// events, else the first. nil when the twin has no scenarios.
    static func baselineIndex(of config: TwinConfig) -> Int? {
        if let index = config.scenarios.firstIndex(where: \.kind.isBaseline) { return index }
        if let index = config.scenarios.firstIndex(where: { $0.events.isEmpty }) { return index }
        return config.scenarios.isEmpty ? nil : 0
    }

    /// The goal's devices in configuration order (every device when its scope is empty).
    static func devices(of goal: GoalConfig, in config: TwinConfig) -> [DeviceConfig] {
        let scope = Set(goal.devices)
        return scope.isEmpty ? config.network.devices : config.network.devices.filter { scope.contains($0.id) }
    }

    /// Whether the goal covers the device.
    static func covers(_ goal: GoalConfig, device: String) -> Bool {
        goal.devices.isEmpty || goal.devices.contains(device)
    }

    /// The scenario outcomes of `index`, or none when the runtime did not run it.
    static func outcomes(_ outcomes: [[ReplicationOutcome]], _ index: Int) -> [ReplicationOutcome] {
        index < outcomes.count ? outcomes[index] : []
    }

    /// Mean of the values; nil for none.
    static func mean(_ values: [Double]) -> Double? {
        values.isEmpty ? nil : values.reduce(0, +) / Double(values.count)
    }
}
