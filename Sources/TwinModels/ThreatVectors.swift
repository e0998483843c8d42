import TwinUnits
import TwinVocabulary

/// The CVSS v3.1 base vector of each BAN threat before any 802.15.6 security level
/// counters it — the one place both the catalogue's text and the runtime's residual
/// scores should take it from.
///
/// Every threat is scored with the attacker adjacent on the body channel, no
/// privileges, no user interaction, scope unchanged (ban-numbers.md §6 check values):
/// jamming and MAC-level denial of service A:H (6.5); eavesdropping C:H (6.5); spoofing
/// I:H (6.5) — the runtime's spoofing attack injects forged data frames, an integrity
/// impact; a fake hub capturing associations (A:H, 8.1) is not modelled; replay AC:H
/// I:H (5.3); node capture physical access C:H/I:H/A:H (6.8).
extension Threat {
    public var unmitigatedVector: CVSSVector {
        func adjacent(complexity: CVSSVector.AttackComplexity = .low, c: CVSSVector.Impact = .none,
                      i: CVSSVector.Impact = .none, a: CVSSVector.Impact = .none) -> CVSSVector {
            CVSSVector(attackVector: .adjacent, attackComplexity: complexity, privilegesRequired: .none,
                       userInteraction: .none, scope: .unchanged, confidentiality: c, integrity: i, availability: a)
        }
        switch self {
        case .jamming, .denialOfService: return adjacent(a: .high)
        case .eavesdropping: return adjacent(c: .high)
        case .spoofing: return adjacent(i: .high)
        case .replay: return adjacent(complexity: .high, i: .high)
        case .nodeCapture:
            return CVSSVector(attackVector: .physical, attackComplexity: .low, privilegesRequired: .none,
                              userInteraction: .none, scope: .unchanged, confidentiality: .high, integrity: .high,
                              availability: .high)
        }
    }
}
