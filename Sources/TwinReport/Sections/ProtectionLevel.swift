/// What a `security-protect` goal's cell shows. The run measures such a goal by the
/// highest residual CVSS score of its threats on its devices (0: every threat
/// mitigated), which next to a target of `level >= 2` reads as a level of 0; the
/// reader wants the IEEE 802.15.6 security level the goal's devices reached, with the
/// residual score as the detail.
///
/// The results give the level reached when the run writes `securityLevelReached` (the
/// lowest configured level among the goal's devices); otherwise it follows from the
/// verdict: met means every device is at the required level or above (level 2 is the
/// highest there is), not met means some device is below it.
enum ProtectionLevel {
    static let kpi = "security-protect"

    /// `level 2`, `level ≥ 1`, `below level 2`; nil when nothing is known.
    static func reached(verdict: String?, required: Int?, reported: Double?) -> String? {
        if let reported, reported >= 0, reported == reported.rounded() { return "level \(Int(reported))" }
        guard let required else { return nil }
        switch verdict {
        case "met": return required >= highest ? "level \(highest)" : "level ≥ \(required)"
        case "not-met": return "below level \(required)"
        default: return nil
        }
    }

    /// The highest IEEE 802.15.6 security level (authentication and encryption).
    static let highest = 2

    /// The detail under the level: the goal's measured value.
    static func residual(_ score: Double) -> String {
        "residual CVSS \(NumberText.fixed(score, decimals: 1))"
    }
}
