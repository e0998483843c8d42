import TwinRuntime

/// Which critical-goal verdicts make `twinc run --fail-on` exit 1, for CI pipelines that
/// assure intents, not only validate templates: `not-met` fails when a critical goal is
/// not met; `inconclusive` also when one is not shown to be met (inconclusive, or
/// evaluated in no scenario).
public enum FailOn: String, Sendable, CaseIterable {
    case notMet = "not-met"
    case inconclusive

    /// The critical goals the policy fails on, in report order.
    public func unsatisfied(_ report: RunReport) -> [String] {
        report.summary.filter { goal in
            goal.priority == .critical && (goal.verdict == .notMet || (self == .inconclusive && goal.verdict != .met))
        }.map(\.goalID)
    }

    /// The message for standard error, nil when nothing fails.
    public func failure(_ report: RunReport) -> String? {
        let goals = unsatisfied(report)
        guard !goals.isEmpty else { return nil }
        let phrase = self == .notMet ? "not met" : "not shown to be met"
        return "critical goal\(goals.count == 1 ? "" : "s") \(goals.map { "`\($0)`" }.joined(separator: ", ")) "
            + "\(phrase) (--fail-on \(rawValue))"
    }
}
