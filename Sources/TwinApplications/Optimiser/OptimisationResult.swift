import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The optimiser's answer: the recommended configuration, the verdict table that
/// justifies it (baseline vs recommended, each goal measured in the same confirmation
/// runs) and the evidence behind it (every simulated candidate with its analytic
/// estimate and its measured verdicts).
public struct OptimisationResult: Sendable, Hashable {
    /// Goal ids in the lexicographic order the candidates were compared in.
    public var objectives: [String]
    /// The intent's objectives (safety, reliability, …) that ordered goals of equal priority.
    public var objectiveCategories: [Objective]
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
    /// The replications behind the verdict table, per scenario (they differ after
    /// `--replications auto`); empty when not known.
    public var verdictReplications: [Int] = []
    /// Every device's floor in the reference scenario, as the analytic search enforced it.
    public var floors: [DeviceFloor] = []
    /// Every device in every scenario, baseline vs recommendation (same seeds); empty
    /// when the baseline is kept.
    public var sideEffects: [DeviceSideEffect] = []
    /// How the verdict table's two columns share their random numbers.
    public var commonRandomNumbers: CommonRandomNumbers? = nil
    /// Critical goals no simulated setting met, with the evidence and the bottleneck.
    public var unmetCriticalGoals: [UnmetCriticalGoal] = []
    /// Knob values an application's what-if rejects (never recommended).
    public var excluded: [ExcludedSetting] = []
    /// What became of other applications' recommendations (the energy application's).
    public var proposals: [ProposalOutcome] = []

    /// Knobs whose recommended value differs from the baseline.
    public var changedKnobs: [KnobChange] { knobs.filter(\.changed) }
}

/// One knob: its value in the baseline and in the recommendation.
public struct KnobChange: Sendable, Hashable {
    public var id: String
    public var parameter: KnobParameter
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
        return Self.format(value, unit: unit)
    }

    /// `-40 dBm`, `3 count`: a knob value with its unit.
    static func format(_ value: Double, unit: String) -> String {
        unit.isEmpty ? JSONWriter.format(value) : "\(JSONWriter.format(value)) \(unit)"
    }
}

/// A goal's line in the verdict table.
public struct VerdictRow: Sendable, Hashable {
    public var goal: String
    public var kpi: KPI
    public var priority: GoalPriority
    /// The target as the intent states it (`p99 <= 250 ms`).
    public var target: String
    public var dimension: Dimension?
    public var baseline: MeasuredGoal
    public var recommended: MeasuredGoal
    /// recommended − baseline, paired per replication in the scenario `baseline` was
    /// decided in (nil: fewer than one pair, or the baseline is kept).
    public var difference: PairedDifference? = nil
}

/// The verdict table's two columns ran with the same seed, replications and horizon, so
/// replication r of each scenario drew from the same random streams on both sides
/// (`RandomStreams.replication(r)`, streams keyed by device and purpose): the check
/// compares the seeds the runtime reports per replication, pair by pair.
public struct CommonRandomNumbers: Sendable, Hashable {
    public var seed: UInt64
    /// Replications per scenario, in scenario order (they differ after `--replications auto`).
    public var replications: [Int]
    public var horizon: Time
    /// (scenario, replication) pairs compared.
    public var pairs: Int
    /// Every pair had the same replication seed on both sides.
    public var verified: Bool
}

/// Another application's recommendation, as knob settings for the optimiser to weigh.
public struct OptimiserProposal: Sendable, Hashable {
    /// The application (`energy`).
    public var origin: String
    public var settings: [KnobValue]

    public init(origin: String, settings: [KnobValue]) {
        self.origin = origin
        self.settings = settings
    }
}

/// Whether the optimiser's recommendation is another application's, and why not.
public struct ProposalOutcome: Sendable, Hashable {
    public var origin: String
    public var settings: [KnobValue]
    public var agrees: Bool
    public var explanation: String
}

/// One candidate the simulation confirmed.
public struct CandidateEvidence: Sendable, Hashable {
    /// Position in the analytic ranking (1 = best; 0 for the baseline when the search
    /// ranked it outside the confirmed few).
    public var analyticRank: Int
    public var isBaseline: Bool
    public var isRecommended: Bool
    /// Whether it may be recommended: it keeps every critical goal the baseline meets,
    /// lowers no critical goal the baseline misses and keeps every device's floor.
    public var eligible: Bool
    /// Knob id → value, for the knobs that differ from the baseline.
    public var changes: [KnobValue]
    public var relativeCurrent: Double
    public var analytic: [GoalScore]
    public var measured: [MeasuredGoal]
    /// Who put it forward: `search`, `baseline`, or an application (`energy`).
    public var origin: String = "search"
    /// False when the analytic floors rejected it before any simulation.
    public var simulated: Bool = true
    /// Why it may not be recommended (empty when eligible).
    public var ineligibleBecause: [String] = []
}

/// A knob id and a value.
public struct KnobValue: Sendable, Hashable {
    public var id: String
    public var value: Double

    public init(id: String, value: Double) {
        self.id = id
        self.value = value
    }
}
