import TwinDiagnostics
import TwinUnits
import TwinVocabulary

/// Checks inside one intent: unique goal ids and objectives, and goals that
/// contradict each other where their scopes visibly overlap (the same id, class or
/// tag, or an unscoped goal). `checkWorkspace` repeats the contradiction check with
/// scopes resolved against the use case's devices.
enum IntentChecks {
    static func check(_ intent: Intent) -> [Diagnostic] {
        var diagnostics = ReferenceChecks.duplicates(intent.goals.map(\.id), what: "goal id")
        diagnostics += ReferenceChecks.duplicates(intent.objectives.map { $0.map(\.rawValue) }, what: "objective")
        diagnostics += Contradictions.find(in: intent.goals) { a, b in
            Contradictions.scopesVisiblyOverlap(a.scope, b.scope) ? .visible : nil
        }
        diagnostics += eventsAfterHorizon(intent)
        return diagnostics
    }

    /// TS021: a goal's `at` at or after the horizon, when its events would never happen.
    static func eventsAfterHorizon(_ intent: Intent) -> [Diagnostic] {
        intent.goals.compactMap { goal in
            guard let at = goal.at, at.value >= intent.horizon.value else { return nil }
            return .error(
                SpecDiagnostics.eventAfterHorizon,
                "goal `\(goal.id.value)` places its events at \(at.value.quantity.formatted), not before the horizon "
                    + "(\(intent.horizon.value.quantity.formatted)): they would never happen",
                at: at.range,
                notes: [DiagnosticNote("the horizon is set here", at: intent.horizon.range),
                        DiagnosticNote("leave `at` out to place them a quarter into whatever horizon is run")])
        }
    }
}

/// Goals that no value can satisfy together: same KPI, statistic, faults and deadline,
/// a shared device, and disjoint intervals.
enum Contradictions {
    enum Overlap {
        case visible
        /// Resolved against the use case: the devices both goals cover.
        case devices([String])
    }

    static func find(in goals: [Goal], overlap: (Goal, Goal) -> Overlap?) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (i, a) in goals.enumerated() {
            for b in goals[(i + 1)...] where comparable(a, b) {
                guard let ta = a.target, let tb = b.target, disjoint(ta.value, tb.value),
                      let shared = overlap(a, b) else { continue }
                var notes = [DiagnosticNote("goal `\(a.id.value)` requires `\(ta.value.textForm)` here", at: ta.range)]
                if case .devices(let ids) = shared {
                    notes.append(DiagnosticNote("both goals cover \(ids.map { "`\($0)`" }.joined(separator: ", "))"))
                }
                diagnostics.append(.error(
                    SpecDiagnostics.contradictoryGoals,
                    "goal `\(b.id.value)` (`\(tb.value.textForm)`) contradicts goal `\(a.id.value)` (`\(ta.value.textForm)`): no `\(a.kpi.value.rawValue)` can meet both",
                    at: tb.range, notes: notes))
            }
        }
        return diagnostics
    }

    /// Same KPI, statistic, fault set and deadline: the two targets constrain one number.
    static func comparable(_ a: Goal, _ b: Goal) -> Bool {
        guard a.kpi.value == b.kpi.value, let ta = a.target?.value, let tb = b.target?.value,
              ta.statistic == tb.statistic, ta.bound.dimension == tb.bound.dimension else { return false }
        return Set(a.faults.map(\.value)) == Set(b.faults.map(\.value))
            && a.within?.value == b.within?.value
            && Set(a.threats.map(\.value)) == Set(b.threats.map(\.value))
    }

    /// Whether the intervals `{x | x op bound}` of two thresholds are disjoint.
    static func disjoint(_ a: Threshold, _ b: Threshold) -> Bool {
        typealias Bound = (value: Double, strict: Bool)
        var lower: Bound?
        var upper: Bound?
        for t in [a, b] {
            let v = t.bound.value
            if t.op.isLowerBound || t.op == .equal {
                let candidate: Bound = (v, t.op == .greater)
                if let current = lower, current.value > v || (current.value == v && current.strict) {
                } else { lower = candidate }
            }
            if t.op.isUpperBound || t.op == .equal {
                let candidate: Bound = (v, t.op == .less)
                if let current = upper, current.value < v || (current.value == v && current.strict) {
                } else { upper = candidate }
            }
        }
        guard let lower, let upper else { return false }
        return lower.value > upper.value || (lower.value == upper.value && (lower.strict || upper.strict))
    }

    /// Overlap without the use case: an unscoped goal covers everything; otherwise the
    /// scopes must name a common device id, class or tag.
    static func scopesVisiblyOverlap(_ a: GoalScope?, _ b: GoalScope?) -> Bool {
        guard let a, let b else { return true }
        func common(_ x: [Located<String>], _ y: [Located<String>]) -> Bool {
            !Set(x.map(\.value)).isDisjoint(with: y.map(\.value))
        }
        return common(a.devices, b.devices) || common(a.classes, b.classes) || common(a.tags, b.tags)
    }
}

extension Threshold {
    /// The threshold as a user would write it, with the bound in a readable unit.
    var textForm: String {
        let prefix = statistic == .mean ? "" : "\(statistic) "
        return "\(prefix)\(op.rawValue) \(bound.readable)"
    }
}

extension Quantity {
    /// `99.9 %`, `250 ms`, `30 d`: the canonical value shown in a unit people use.
    var readable: String {
        let f = ScalarReading.formatNumber
        switch dimension {
        case .ratio: return "\(f((value * 100 * 1e6).rounded() / 1e6)) %"
        case .time:
            let units: [(String, Double)] = [("d", 86_400), ("h", 3600), ("s", 1), ("ms", 1e-3), ("us", 1e-6)]
            for (unit, factor) in units where abs(value) >= factor || unit == "us" {
                return "\(f((value / factor * 1e6).rounded() / 1e6)) \(unit)"
            }
            return "\(f(value)) s"
        case .count: return f(value)
        default: return "\(f(value)) \(dimension.canonicalUnit)"
        }
    }
}
