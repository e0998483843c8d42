import TwinDiagnostics
import TwinSpec
import TwinUnits
import TwinVocabulary

/// The synthesis stage's output: which applications, models and methods the twin uses,
/// why, what was rejected, which KPIs are monitored, and the analytic bounds computed
/// before anything runs. A plain value; `buildTwinConfig` turns it into twin.json.
public struct TwinPlan: Sendable, Hashable {
    public var intent: String
    public var useCase: String
    public var applications: [PlannedApplication]
    public var models: [PlannedModel]
    public var rejected: [RejectedAlternative]
    public var monitors: [KPIMonitor]
    public var bounds: [FeasibilityFigure]
    /// Sum of the chosen applications', models' and methods' catalogue costs.
    public var totalCost: Double
    /// True when the selection is proven minimal (false only if the search budget ran out).
    public var exact: Bool
    /// The use case's devices with every catalogue profile and default resolved (radio,
    /// band, traffic, links): what selection and the feasibility bounds worked on, and
    /// what the generate stage turns into twin.json, so nothing is resolved twice.
    public var network: ResolvedNetwork
    /// Per device, how its flow is represented and why (`FlowRepresentationChoice`).
    public var flows: [PlannedFlow] = []

    public func flow(_ device: String) -> PlannedFlow? { flows.first { $0.device == device } }
    public func model(_ id: String) -> PlannedModel? { models.first { $0.id == id } }
    public func application(_ id: String) -> PlannedApplication? { applications.first { $0.id == id } }
}

public struct PlannedApplication: Sendable, Hashable {
    /// The catalogue entry's id.
    public var id: String
    public var kind: ApplicationKind
    public var title: String
    /// Goals it evaluates, in intent order.
    public var goals: [String]
    public var kpis: [KPI]
    public var requestedByUseCase: Bool
    public var cost: Double
    public var rationale: String
}

public struct PlannedModel: Sendable, Hashable {
    public var id: String
    public var title: String
    public var family: ModelFamily
    /// The representation method's catalogue id and kind.
    public var method: String
    public var representation: Representation
    public var fidelity: Fidelity
    public var applications: [String]
    /// Goals whose demands this model covers (directly or through `requires`).
    public var goals: [String]
    public var devices: [String]
    public var capabilities: [String]
    public var pinned: Bool
    /// Model cost plus method cost.
    public var cost: Double
    public var source: String
    public var rationale: String
}

public struct RejectedAlternative: Sendable, Hashable {
    public var id: String
    public var kind: CatalogueEntryKind
    public var reason: String
}

/// One goal as the runtime will monitor it.
public struct KPIMonitor: Sendable, Hashable {
    public var goal: String
    public var kpi: KPI
    public var application: String
    public var devices: [String]
    public var threshold: Threshold?
    public var priority: GoalPriority
}

/// A bound computed at compile time, kept for design.md and `explain --plan`.
public struct FeasibilityFigure: Sendable, Hashable {
    /// `lifetime`, `latency`, `airtime`, `hub-size`, `throughput`.
    public var kind: String
    public var goal: String?
    /// The device or gateway the figure is about.
    public var subject: String
    /// The bound in SI with its dimension.
    public var bound: Quantity
    public var target: Quantity?
    public var feasible: Bool
    public var summary: String
}

/// What `synthesise` returns: the plan unless an error was found, and every diagnostic.
public struct SynthesisResult: Sendable {
    public var plan: TwinPlan?
    public var diagnostics: [Diagnostic]
}
