import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

/// The optimiser's answer: the recommended configuration, the verdict table that
/// justifies it (baseline vs recommended, each goal measured in the same confirmation
/// runs) and the evidence behind it (every simulated candidate with its analytic
/// estimate and its measured verdicts).
public struct OptimisationResult: Sendable, Hashable {
    /// Goal ids in the lexicographic order the candidates were compared in.
    public var objectives: [String]
    /// The intent's objectives (safety, reliability, …) that ordered goals of equal priority.
    public var objectiveCategories: [String]
    /// Every knob of the search space: baseline and recommended value.
    public var knobs: [KnobChange]
    public var method: SearchOutcome.Method
    /// Points in the knob space, candidates the analytic search scored, and candidates
    /// the simulation confirmed (the baseline included).
    public var spaceSize: Double
    public var candidatesConsidered: Int
    public var candidatesSimulated: Int
    /// nil when nothing was simulated (no knob to turn).
    public var confirmation: ConfirmationSettings?
    public var verdicts: [VerdictRow]
    public var evidence: [CandidateEvidence]
    /// Knobs left out of the search and other remarks.
    public var notes: [String]
    /// The settings the verdict table was measured at when the recommendation was
    /// verified at the run's own settings; nil when it comes from the screening runs.
    public var verdictSettings: RunSettings? = nil

    /// Knobs whose recommended value differs from the baseline.
    public var changedKnobs: [KnobChange] { knobs.filter(\.changed) }
}

/// One knob: its value in the baseline and in the recommendation.
public struct KnobChange: Sendable, Hashable {
    public var id: String
    public var parameter: String
    public var unit: String
    public var baseline: Double
    public var recommended: Double
    /// What index values name (the gateway knob's gateway ids); empty for quantities.
    public var labels: [String] = []

    public var changed: Bool { baseline != recommended }

    /// `value` as a person reads it: its label when the knob has one, else the number
    /// and unit.
    public func describe(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), value >= 0, value < Double(labels.count) { return labels[Int(value)] }
        return "\(JSONWriter.format(value)) \(unit)"
    }
}

/// A goal's line in the verdict table.
public struct VerdictRow: Sendable, Hashable {
    public var goal: String
    public var kpi: String
    public var priority: String
    /// The target as the intent states it (`p99 <= 250 ms`).
    public var target: String
    public var dimension: Dimension?
    public var baseline: MeasuredGoal
    public var recommended: MeasuredGoal
}

/// One candidate the simulation confirmed.
public struct CandidateEvidence: Sendable, Hashable {
    /// Position in the analytic ranking (1 = best; 0 for the baseline when the search
    /// ranked it outside the confirmed few).
    public var analyticRank: Int
    public var isBaseline: Bool
    public var isRecommended: Bool
    /// Whether it may be recommended: it keeps every critical goal the baseline meets.
    public var eligible: Bool
    /// Knob id → value, for the knobs that differ from the baseline.
    public var changes: [KnobValue]
    public var relativeCurrent: Double
    public var analytic: [GoalScore]
    public var measured: [MeasuredGoal]
}

/// A knob id and a value.
public struct KnobValue: Sendable, Hashable {
    public var id: String
    public var value: Double
}
