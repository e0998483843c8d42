import Foundation

/// A CVSS v3.1 base vector and its base score.
///
/// Source: FIRST, "Common Vulnerability Scoring System v3.1: Specification Document",
/// §7 (formulas and metric weights) and Appendix A (the `Roundup` function, defined on
/// integers so that 4.000000000000001 rounds to 4.0, not 4.1)
/// (https://www.first.org/cvss/v3.1/specification-document; ban-numbers.md §6). Medical
/// use follows MITRE's FDA-qualified "Rubric for Applying CVSS to Medical Devices".
public struct CVSSVector: Sendable, Hashable, CustomStringConvertible {
    public static let source =
        "FIRST CVSS v3.1 Specification §7 and Appendix A Roundup (ban-numbers.md §6); MITRE medical-device rubric"

    public enum AttackVector: String, Sendable, Hashable, CaseIterable { case network = "N", adjacent = "A", local = "L", physical = "P" }
    public enum AttackComplexity: String, Sendable, Hashable, CaseIterable { case low = "L", high = "H" }
    public enum PrivilegesRequired: String, Sendable, Hashable, CaseIterable { case none = "N", low = "L", high = "H" }
    public enum UserInteraction: String, Sendable, Hashable, CaseIterable { case none = "N", required = "R" }
    public enum Scope: String, Sendable, Hashable, CaseIterable { case unchanged = "U", changed = "C" }
    public enum Impact: String, Sendable, Hashable, CaseIterable { case high = "H", low = "L", none = "N" }

    public var attackVector: AttackVector
    public var attackComplexity: AttackComplexity
    public var privilegesRequired: PrivilegesRequired
    public var userInteraction: UserInteraction
    public var scope: Scope
    public var confidentiality: Impact
    public var integrity: Impact
    public var availability: Impact

    public init(attackVector: AttackVector, attackComplexity: AttackComplexity, privilegesRequired: PrivilegesRequired,
                userInteraction: UserInteraction, scope: Scope, confidentiality: Impact, integrity: Impact,
                availability: Impact) {
        self.attackVector = attackVector
        self.attackComplexity = attackComplexity
        self.privilegesRequired = privilegesRequired
        self.userInteraction = userInteraction
        self.scope = scope
        self.confidentiality = confidentiality
        self.integrity = integrity
        self.availability = availability
    }

    /// The canonical vector string, `CVSS:3.1/AV:…/AC:…/PR:…/UI:…/S:…/C:…/I:…/A:…`.
    public var description: String {
        "CVSS:3.1/AV:\(attackVector.rawValue)/AC:\(attackComplexity.rawValue)/PR:\(privilegesRequired.rawValue)"
            + "/UI:\(userInteraction.rawValue)/S:\(scope.rawValue)/C:\(confidentiality.rawValue)"
            + "/I:\(integrity.rawValue)/A:\(availability.rawValue)"
    }

    // MARK: Weights (§7.4)

    var attackVectorWeight: Double {
        switch attackVector { case .network: 0.85; case .adjacent: 0.62; case .local: 0.55; case .physical: 0.2 }
    }
    var attackComplexityWeight: Double { attackComplexity == .low ? 0.77 : 0.44 }
    var privilegesRequiredWeight: Double {
        switch privilegesRequired {
        case .none: 0.85
        case .low: scope == .changed ? 0.68 : 0.62
        case .high: scope == .changed ? 0.5 : 0.27
        }
    }
    var userInteractionWeight: Double { userInteraction == .none ? 0.85 : 0.62 }
    static func weight(_ impact: Impact) -> Double {
        switch impact { case .high: 0.56; case .low: 0.22; case .none: 0 }
    }

    // MARK: Scores (§7.1)

    /// Impact sub-score base `ISS = 1 − (1−C)(1−I)(1−A)`.
    public var impactSubScore: Double {
        1 - (1 - Self.weight(confidentiality)) * (1 - Self.weight(integrity)) * (1 - Self.weight(availability))
    }

    /// Impact: `6.42·ISS` (scope unchanged) or `7.52(ISS−0.029) − 3.25(ISS−0.02)^15` (changed).
    public var impact: Double {
        let iss = impactSubScore
        return scope == .unchanged ? 6.42 * iss : 7.52 * (iss - 0.029) - 3.25 * pow(iss - 0.02, 15)
    }

    /// Exploitability `8.22·AV·AC·PR·UI`.
    public var exploitability: Double {
        8.22 * attackVectorWeight * attackComplexityWeight * privilegesRequiredWeight * userInteractionWeight
    }

    /// The base score, 0.0…10.0 to one decimal.
    public var baseScore: Double {
        guard impact > 0 else { return 0 }
        let sum = scope == .unchanged ? impact + exploitability : 1.08 * (impact + exploitability)
        return Self.roundUp(Swift.min(sum, 10))
    }

    /// The qualitative rating of the base score (§5).
    public var severity: CVSSSeverity { CVSSSeverity(score: baseScore) }

    /// Appendix A: the smallest number with one decimal ≥ `input`, computed on
    /// `round(input·100000)` so floating-point noise cannot add 0.1.
    public static func roundUp(_ input: Double) -> Double {
        let intInput = Int64((input * 100_000).rounded())
        if intInput % 10_000 == 0 { return Double(intInput) / 100_000 }
        return Double(intInput / 10_000 + 1) / 10
    }
}

/// CVSS v3.1 qualitative severity (specification §5).
public enum CVSSSeverity: String, Sendable, Hashable, CaseIterable, Comparable {
    case none, low, medium, high, critical

    public init(score: Double) {
        switch score {
        case ..<0.1: self = .none
        case ..<4.0: self = .low
        case ..<7.0: self = .medium
        case ..<9.0: self = .high
        default: self = .critical
        }
    }

    public static func < (a: Self, b: Self) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }
}
