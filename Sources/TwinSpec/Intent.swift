import TwinDiagnostics
import TwinUnits
import TwinVocabulary

/// Goals for one use case's network, in outcome terms, with the trade-off order.
public struct Intent: Sendable, Hashable {
    public var file: String
    public var name: Located<String>
    public var title: Located<String>?
    public var description: Located<String>?
    /// The `name` of a use case (checked across documents by `checkWorkspace`).
    public var usecase: Located<String>
    public var horizon: Located<Time>
    public var goals: [Goal]
    public var objectives: [Located<Objective>]
    /// Representations the author pins per device (`flows:`); the compiler chooses the rest.
    public var flows: [FlowPin] = []
    /// Overrides the use case's activity profile (`activity:`); nil keeps the use case's.
    public var activity: Located<ActivityProfileName>? = nil
}

/// `flows: - {device: ar, representation: packet}`: the intent pins how one device's
/// flow is represented, overriding the compiler's choice.
public struct FlowPin: Sendable, Hashable {
    public var device: Located<String>
    public var representation: Located<FlowRepresentation>
}

public struct Goal: Sendable, Hashable {
    public var id: Located<String>
    public var description: Located<String>?
    public var kpi: Located<KPI>
    /// Required for every KPI but the two security ones.
    public var target: Located<Threshold>?
    /// nil: every device of the use case.
    public var scope: GoalScope?
    public var priority: Located<GoalPriority>
    public var within: Located<Time>?
    public var threats: [Located<Threat>]
    /// Minimum IEEE 802.15.6 security level (0…2) of a protection goal.
    public var level: Located<Int>?
    public var faults: [Located<Fault>]
    /// When the goal's faults or attacks happen, as an explicit time into the run; nil:
    /// a quarter into whatever horizon is run.
    public var at: Located<Time>? = nil
}

/// A device is in scope when it matches any listed id, class or tag.
public struct GoalScope: Sendable, Hashable {
    public var range: SourceRange
    public var devices: [Located<String>]
    public var classes: [Located<String>]
    public var tags: [Located<String>]
}
