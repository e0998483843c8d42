import TwinApplications
import TwinConfig
import TwinDiagnostics
import TwinSpec
import TwinUnits

/// The checks of a sweep against its twins, each diagnostic at the sweep's key or value
/// at fault: a knob the twin does not have (with the nearest id), a value the knob does
/// not list (with the values it does), a goal or scenario the twin does not have.
struct SweepChecks {
    let document: SweepDocument
    private(set) var diagnostics: [Diagnostic] = []

    init(document: SweepDocument) { self.document = document }

    /// Each axis' values for this twin (in the knob's listed order for `all` and
    /// ranges, as written for `values`).
    mutating func values(for config: TwinConfig, source: String) -> [[Double]] {
        document.knobs.map { axis in
            guard let knob = config.knobs.first(where: { $0.id == axis.knob.value }) else {
                let near = nearestName(to: axis.knob.value, among: config.knobs.map(\.id))
                diagnostics.append(.error(
                    SweepDiagnostics.unknownKnob, "twin `\(config.name)` (\(source)) has no knob `\(axis.knob.value)`",
                    at: axis.knob.range,
                    notes: (near.map { [DiagnosticNote("did you mean `\($0)`?")] } ?? [])
                        + [DiagnosticNote("its knobs: \(config.knobs.map(\.id).joined(separator: ", "))")],
                    fix: near.map { FixIt("use the nearest knob", range: axis.knob.range, replacement: $0) }))
                return []
            }
            switch axis.choice {
            case .all:
                return knob.values
            case .values(let values):
                return values.compactMap { value in
                    if let listed = knob.values.first(where: { same($0, value.value) }) { return listed }
                    diagnostics.append(.error(
                        SweepDiagnostics.valueOutOfRange,
                        "knob `\(knob.id)` cannot take \(formatKnobValue(value.value))\(unitText(knob))",
                        at: value.range, notes: [DiagnosticNote("`\(knob.id)` takes \(listed(knob))")]))
                    return nil
                }
            case .range(let from, let to):
                let inside = knob.values.filter { value($0, within: from, to) }
                if inside.isEmpty {
                    diagnostics.append(.error(
                        SweepDiagnostics.valueOutOfRange, "`from`/`to` select none of the values of knob `\(knob.id)`",
                        at: (from ?? to)?.range ?? axis.range, notes: [DiagnosticNote("`\(knob.id)` takes \(listed(knob))")]))
                }
                return inside
            }
        }
    }

    /// The goals to collect: those named (each checked in every twin), else every goal
    /// of the first twin.
    mutating func collectedGoals(_ configs: [TwinConfig]) -> [String] {
        guard !document.collect.isEmpty else { return configs.first?.goals.map(\.id) ?? [] }
        for goal in document.collect { checkGoal(goal, configs) }
        return document.collect.map(\.value)
    }

    /// The front's axes: the goals named in `pareto`, else the collected goals with a
    /// numeric target that one of the intent's objectives covers; a goal's direction
    /// is its target's (`>=` maximise, `<=` minimise).
    mutating func paretoAxes(_ configs: [TwinConfig], collect: [String]) -> [ParetoAxis] {
        guard let first = configs.first else { return [] }
        if document.pareto.isEmpty {
            return collect.compactMap { id in
                guard let goal = first.goals.first(where: { $0.id == id }), let maximise = direction(goal),
                      GoalOrder.objectiveRank(goal.kpi, objectives: first.objectives) < first.objectives.count else { return nil }
                return ParetoAxis(goal: id, maximise: maximise)
            }
        }
        return document.pareto.compactMap { named in
            guard checkGoal(named, configs), let goal = first.goals.first(where: { $0.id == named.value }) else { return nil }
            guard let maximise = direction(goal) else {
                diagnostics.append(.error(SweepDiagnostics.inconsistentDesign,
                                          "goal `\(goal.id)` has no numeric target, so it cannot span a Pareto front",
                                          at: named.range))
                return nil
            }
            if !collect.contains(named.value) {
                diagnostics.append(.error(SweepDiagnostics.inconsistentDesign, "goal `\(goal.id)` spans the front but is not collected",
                                          at: named.range, notes: [DiagnosticNote("add it to `collect`")]))
            }
            return ParetoAxis(goal: goal.id, maximise: maximise)
        }
    }

    mutating func checkScenarios(_ configs: [TwinConfig]) {
        for scenario in document.scenarios {
            for config in configs where !config.scenarios.contains(where: { $0.id == scenario.value }) {
                let ids = config.scenarios.map(\.id)
                diagnostics.append(.error(
                    SweepDiagnostics.unknownScenario, "twin `\(config.name)` has no scenario `\(scenario.value)`", at: scenario.range,
                    notes: (nearestName(to: scenario.value, among: ids).map { [DiagnosticNote("did you mean `\($0)`?")] } ?? [])
                        + [DiagnosticNote("its scenarios: \(ids.joined(separator: ", "))")]))
            }
        }
    }

    @discardableResult
    private mutating func checkGoal(_ goal: Located<String>, _ configs: [TwinConfig]) -> Bool {
        var found = true
        for config in configs where !config.goals.contains(where: { $0.id == goal.value }) {
            let ids = config.goals.map(\.id)
            diagnostics.append(.error(
                SweepDiagnostics.unknownGoal, "twin `\(config.name)` has no goal `\(goal.value)`", at: goal.range,
                notes: (nearestName(to: goal.value, among: ids).map { [DiagnosticNote("did you mean `\($0)`?")] } ?? [])
                    + [DiagnosticNote("its goals: \(ids.joined(separator: ", "))")]))
            found = false
        }
        return found
    }

    private func direction(_ goal: GoalConfig) -> Bool? {
        switch goal.threshold?.op {
        case .greaterOrEqual?, .greater?: true
        case .lessOrEqual?, .less?: false
        default: nil
        }
    }

    private func value(_ value: Double, within from: Located<Double>?, _ to: Located<Double>?) -> Bool {
        (from.map { value >= $0.value - tolerance($0.value) } ?? true) && (to.map { value <= $0.value + tolerance($0.value) } ?? true)
    }

    private func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= tolerance(a) }
    private func tolerance(_ value: Double) -> Double { 1e-9 * max(1, abs(value)) }

    private func unitText(_ knob: KnobConfig) -> String {
        knob.unit.isEmpty || knob.unit == "index" || knob.unit == "count" ? "" : " \(knob.unit)"
    }

    private func listed(_ knob: KnobConfig) -> String {
        let values = knob.values.map { value in
            knob.label(of: value).map { "\(formatKnobValue(value)) (\($0))" } ?? formatKnobValue(value)
        }
        return values.joined(separator: ", ") + unitText(knob)
    }
}
