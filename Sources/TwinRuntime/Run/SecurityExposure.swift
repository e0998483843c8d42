import TwinModels
import TwinVocabulary

/// The residual CVSS v3.1 base score of a threat against a device at an IEEE 802.15.6
/// security level, for `security-protect` goals.
///
/// Each threat gets the vector ban-numbers.md §6 scores it with (attacker adjacent on
/// the body channel, no privileges, no user interaction, scope unchanged): jamming and
/// denial of service A:H (6.5), eavesdropping C:H (6.5), spoofing I:H (6.5), replay
/// AC:H I:H (5.3), node capture AV:P C:H/I:H/A:H (6.8). A level that counters the
/// threat (`Threat.isMitigated`: level 2 for eavesdropping, level ≥ 1 for spoofing
/// and replay) leaves a score of 0 — unless the run saw the attack succeed against
/// that device (forged frames accepted, frames readable), in which case the full score
/// stands: the measurement wins over the table.
public enum SecurityExposure {
    public static let source = "CVSS v3.1 vectors of ban-numbers.md §6 (Threats and countermeasures; check values table)"

    /// The unmitigated vector of a threat.
    public static func vector(of threat: Threat) -> CVSSVector {
        threat.unmitigatedVector
    }

    public static func residualScore(threat: Threat, level: Int, observedSuccess: Bool) -> Double {
        let vector = vector(of: threat)
        if observedSuccess { return vector.baseScore }
        let securityLevel = SecurityLevel(rawValue: Swift.min(Swift.max(level, 0), 2)) ?? .unsecured
        return threat.isMitigated(by: securityLevel) ? 0 : vector.baseScore
    }

    /// Whether `outcome` shows `threat` succeeding against the device: forged frames
    /// accepted (spoofing, replay) or frames readable by an eavesdropper.
    static func observedSuccess(of threat: Threat, in outcome: DeviceOutcome) -> Bool {
        switch threat {
        case .spoofing, .replay: outcome.forgedAccepted > 0
        case .eavesdropping: outcome.framesExposed > 0
        case .jamming, .nodeCapture, .denialOfService: false
        }
    }
}
