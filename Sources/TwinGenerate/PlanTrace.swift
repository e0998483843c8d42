import TwinSynthesis
import TwinUnits

/// The selection trace `twinc explain --plan` prints: each chosen application and model
/// with the goals that needed it and why, every rejected alternative with its reason,
/// and the compile-time bounds. Plain text for a terminal; design.md carries the same
/// facts as Markdown.
public struct PlanTrace {
    public let plan: TwinPlan

    public init(_ plan: TwinPlan) { self.plan = plan }

    public func render() -> String {
        var lines: [String] = []
        lines.append("plan for intent `\(plan.intent)` (use case `\(plan.useCase)`)")
        lines.append("total cost \(significant(plan.totalCost)); "
                     + (plan.exact ? "proven minimal (exact search)" : "best found within the search budget (not proven minimal)"))
        lines.append("")
        lines.append("applications:")
        for application in plan.applications {
            lines.append("  + \(application.id) [cost \(significant(application.cost))]")
            lines.append("      \(application.rationale)")
        }
        lines.append("")
        lines.append("models (model @ method, fidelity, cost):")
        for model in plan.models {
            let pin = model.pinned ? ", pinned by the use case" : ""
            lines.append("  + \(model.id) @ \(model.method) (\(model.representation.rawValue), \(model.fidelity.rawValue), "
                         + "cost \(significant(model.cost))\(pin))")
            if !model.goals.isEmpty { lines.append("      needed by: \(model.goals.joined(separator: ", "))") }
            lines.append("      \(model.rationale)")
        }
        lines.append("")
        lines.append("monitors:")
        for monitor in plan.monitors {
            let threshold = monitor.threshold.map { " \($0.op.rawValue) \($0.bound.formatted) (\($0.statistic))" } ?? ""
            lines.append("  \(monitor.goal): \(monitor.kpi.rawValue)\(threshold) on \(monitor.devices.joined(separator: ", ")) "
                         + "by \(monitor.application), \(monitor.priority.rawValue)")
        }
        if !plan.flows.isEmpty {
            lines.append("")
            lines.append("flow representations:")
            for flow in plan.flows {
                lines.append("  \(flow.device): \(flow.representation.rawValue)\(flow.pinned ? " (pinned)" : "") — \(flow.reason)")
            }
        }
        if !plan.bounds.isEmpty {
            lines.append("")
            lines.append("bounds computed before anything runs:")
            for bound in plan.bounds {
                lines.append("  \(bound.feasible ? "ok " : "NO ") \(bound.kind) \(bound.subject): \(bound.summary)")
            }
        }
        lines.append("")
        lines.append("rejected alternatives:")
        for rejected in plan.rejected {
            lines.append("  - \(rejected.id) (\(rejected.kind.rawValue)): \(rejected.reason)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
