import Foundation
import TwinUnits
import TwinVocabulary

/// IEEE 802.15.6 security levels and the bytes each adds to a frame.
///
/// Source: IEEE Std 802.15.6-2012 §6.7 and §7 (ban-numbers.md §6 "802.15.6 security
/// levels" ◐). Level 0 is unsecured; level 1 authenticates (a 4-octet MIC, no
/// encryption); level 2 authenticates and encrypts (AES-128 CCM). Secured frames carry,
/// in the MAC frame body, a 2-octet Low-Order Security Sequence Number (the on-air part
/// of the CCM frame counter) before the payload and the 4-octet MIC after it: 6 octets
/// per frame at levels 1 and 2. The 13-octet CCM nonce is rebuilt by the receiver from
/// the addresses and the counter, so it is not sent. These octet counts are from the
/// standard's frame-body layout as widely described; they were not re-read here (◐).
public enum SecurityLevel: Int, Sendable, Hashable, CaseIterable, Comparable {
    case unsecured = 0
    case authenticated = 1
    case authenticatedEncrypted = 2

    public static let source =
        "IEEE Std 802.15.6-2012 §6.7 security levels and secured frame body (LSSN 2 B + MIC 4 B) ◐ (ban-numbers.md §6)"

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    public var micBytes: Int { self == .unsecured ? 0 : 4 }
    public var sequenceNumberBytes: Int { self == .unsecured ? 0 : 2 }
    /// The 13-octet CCM nonce (not transmitted).
    public var nonceBytes: Int { self == .unsecured ? 0 : 13 }

    /// Octets added to every frame body.
    public var overheadBytes: Int { micBytes + sequenceNumberBytes }
    public var overhead: DataSize { .bytes(Double(overheadBytes)) }

    public var providesAuthentication: Bool { self != .unsecured }
    public var providesConfidentiality: Bool { self == .authenticatedEncrypted }
    /// The frame counter in the nonce rejects replayed frames.
    public var providesReplayProtection: Bool { self != .unsecured }

    /// The largest application payload that still fits a 255-octet frame body.
    public var maximumApplicationPayloadBytes: Int { NarrowbandTiming.maximumPayloadBytes - overheadBytes }
}

/// Whether a security level mitigates each threat to model (ban-numbers.md §6 "Threats
/// and countermeasures"; the threats themselves are `TwinVocabulary.Threat`).
extension Threat {
    public static let source = "ban-numbers.md §6 Threats and countermeasures table"

    /// Whether the 802.15.6 security level alone counters the threat. Jamming, node
    /// capture and MAC-level DoS need other countermeasures (channel hopping, TX power
    /// control, key revocation, rate limits).
    public func isMitigated(by level: SecurityLevel) -> Bool {
        switch self {
        case .eavesdropping: level.providesConfidentiality
        case .spoofing: level.providesAuthentication
        case .replay: level.providesReplayProtection
        case .jamming, .nodeCapture, .denialOfService: false
        }
    }
}
