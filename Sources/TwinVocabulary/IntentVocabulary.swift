import TwinUnits

/// What a goal measures. Each KPI has one dimension its target (and its value) uses.
///
/// How the runtime turns one replication into one value (the goal's devices are its
/// resolved scope; an empty scope means every device) — the estimate over replications
/// and its interval are `GoalEstimator`'s (TwinRuntime):
///
/// | KPI | Per device | Across the goal's devices |
/// |---|---|---|
/// | `delivery-ratio` | delivered / generated after warm-up; with `within`, only packets delivered within it | worst device |
/// | `latency` | the threshold's statistic (mean, pNN, max, min) of end-to-end latency | worst device |
/// | `lifetime` | death time, or predicted from the average current | worst device |
/// | `energy` | energy drawn over the run | worst device |
/// | `availability` | share of the measured time not in an outage (event → first delivery after it, or dead) | worst device |
/// | `throughput` | delivered bits / measured time | worst device |
/// | `recovery-time` | — | the statistic over every (device, fault event) recovery; never recovered counts as the rest of the run |
/// | `security-detect` | — | share of the named attacks detected within `within` |
/// | `security-protect` | — | highest residual CVSS score of the named threats, and every device at the required level |
///
/// "Worst device" makes a goal over several devices hold for each of them. For
/// per-device KPIs other than latency an explicit `min`, `max` or `pNN` statistic ranges
/// over the devices instead (nearest rank).
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

    /// The dimension of the value (and of the target's bound).
    public var dimension: Dimension { targetDimension }

    /// Which way is better when no threshold says so.
    public var higherIsBetter: Bool {
        switch self {
        case .deliveryRatio, .lifetime, .availability, .throughput, .securityDetect: true
        case .latency, .energy, .recoveryTime, .securityProtect: false
        }
    }

    /// One value per device, combined by the worst-device rule.
    public var isPerDevice: Bool {
        switch self {
        case .deliveryRatio, .latency, .lifetime, .energy, .availability, .throughput: true
        case .recoveryTime, .securityDetect, .securityProtect: false
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

/// Who wears the body network, as an activity profile (TwinModels' `ActivityProfile`:
/// a posture chain from published accelerometer time budgets). A use case names its
/// wearer's profile (`activity:`) and an intent may override it; the twin's posture
/// chain and fading come from it (issue 11 §3).
public enum ActivityProfileName: String, Sendable, Hashable, CaseIterable {
    /// An acutely admitted ward or step-down patient (mostly lying).
    case wardPatient = "ward-patient"
    /// An outpatient at home (8 h in bed, the waking day mostly sedentary).
    case ambulatory
    /// An exercise or exergaming session (walking and running intervals).
    case exercising
    /// A first responder on shift (standing and walking, short runs).
    case firstResponder = "first-responder"
}

/// The dimensions an intent trades off, most important first.
public enum Objective: String, Sendable, Hashable, CaseIterable {
    case safety, reliability, latency, throughput, lifetime, energy, security, privacy, cost
}
