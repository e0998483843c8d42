import TwinUnits

/// What a goal measures. Each KPI has one dimension its target must use.
public enum KPI: String, Sendable, Hashable, CaseIterable {
    case deliveryRatio = "delivery-ratio"
    case latency, lifetime, energy, availability
    case recoveryTime = "recovery-time"
    case throughput
    case securityProtect = "security-protect"
    case securityDetect = "security-detect"

    /// The dimension of the target's quantity. A protection goal's target is a CVSS
    /// v3.1 base score (0–10), which is dimensionless and written without a unit.
    public var targetDimension: Dimension {
        switch self {
        case .deliveryRatio, .availability, .securityDetect: .ratio
        case .latency, .lifetime, .recoveryTime: .time
        case .energy: .energy
        case .throughput: .dataRate
        case .securityProtect: .count
        }
    }

    public var isSecurity: Bool { self == .securityProtect || self == .securityDetect }
    /// Security goals may omit the target: naming threats and a level or a detection
    /// time is already a complete goal.
    public var requiresTarget: Bool { !isSecurity }
}

public enum GoalPriority: String, Sendable, Hashable, CaseIterable {
    case critical, high, medium, low
}

/// Threats of ban-numbers §6.
public enum Threat: String, Sendable, Hashable, CaseIterable {
    case jamming, eavesdropping, spoofing, replay
    case nodeCapture = "node-capture"
    case denialOfService = "denial-of-service"
}

/// Faults the resilience application injects, one at a time.
public enum Fault: String, Sendable, Hashable, CaseIterable {
    case gatewayFailure = "gateway-failure"
    case deviceFailure = "device-failure"
    case postureChange = "posture-change"
    case linkDegradation = "link-degradation"
    case batteryDepletion = "battery-depletion"
    case interference
}

/// The dimensions an intent trades off, most important first.
public enum Objective: String, Sendable, Hashable, CaseIterable {
    case safety, reliability, latency, throughput, lifetime, energy, security, privacy, cost
}
