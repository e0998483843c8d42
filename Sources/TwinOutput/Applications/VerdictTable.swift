import TwinApplications
import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits

extension OptimisationResult {
    /// The recommendation in a few lines, for the top of the report: the knobs that
    /// change and the goals whose verdict it changes.
    public func headline() -> String {
        var out = recommendationText()
        let changes = verdicts.filter { $0.baseline.verdict != $0.recommended.verdict }
        for row in changes {
            out += "  \(row.goal): \(row.baseline.verdict.text) → \(row.recommended.verdict.text)\n"
        }
        for unmet in unmetCriticalGoals { out += "  \(unmet.statement)\n" }
        return out
    }

    /// `recommendation:` and one line per changed knob (or "keep the baseline").
    func recommendationText() -> String {
        let changed = changedKnobs
        guard !changed.isEmpty else { return "recommendation: keep the baseline configuration\n" }
        var out = "recommendation:\n"
        for knob in changed {
            out += knob.labels.isEmpty
                ? "  \(knob.id): \(format(knob.baseline)) → \(format(knob.recommended)) \(knob.unit)\n"
                : "  \(knob.id): \(knob.describe(knob.baseline)) → \(knob.describe(knob.recommended))\n"
        }
        return out
    }

    /// The verdict table `twinc run` ends with: each goal in lexicographic order, its
    /// target, and for the baseline and the recommended configuration the measured
    /// value, its 95 % interval and the verdict; above it the knobs that change and how
    /// the recommendation was found. Fixed formatting, so the text is byte-stable.
    public func text() -> String {
        var out = "Verdict: baseline vs recommended\n"
        if let confirmation {
            out += "candidates screened by simulation: \(confirmation.runsText), seed \(confirmation.seed)"
            if confirmation.eventScale != 1 {
                out += "; scenario events at \(significant(confirmation.eventScale, digits: 3)) × their time"
            }
            out += "\n"
        }
        if let verdictSettings {
            let replications = ReplicationCountText.of(verdictReplications, fallback: verdictSettings.replications)
            out += "verdicts at the run's settings: horizon \(verdictSettings.horizon.quantity.formatted), \(replications), "
                + "seed \(verdictSettings.seed)\n"
        }
        out += commonRandomNumbersText()
        out += "search: \(method.rawValue) over \(significant(spaceSize, digits: 3)) settings; "
            + "\(candidatesConsidered) scored analytically, \(candidatesSimulated) simulated\n"
        out += recommendationText()
        for note in notes { out += "note: \(note)\n" }
        out += refusedText()
        out += evidenceText()
        guard !verdicts.isEmpty else { return out + "no goals to judge\n" }
        var table = TextTable(["goal", "kpi", "priority", "target", "baseline", "95 % CI", "verdict",
                               "recommended", "95 % CI", "verdict", "paired Δ", "95 % CI"].enumerated().map { column, title in
            (title, column == 4 || column == 7 || column == 10 ? .right : .left)
        })
        for row in verdicts {
            table.add([row.goal, row.kpi.rawValue, row.priority.rawValue, row.target]
                + cells(row.baseline, row.dimension) + cells(row.recommended, row.dimension)
                + differenceCells(row.difference, row.dimension))
        }
        out += "\n" + table.render()
        if !unmetCriticalGoals.isEmpty {
            out += "\ncritical goals the recommendation leaves unmet:\n"
            for unmet in unmetCriticalGoals { out += "  \(unmet.statement)\n" }
        }
        return out + sideEffectsText()
    }

    private func cells(_ goal: MeasuredGoal, _ dimension: Dimension?) -> [String] {
        guard let value = goal.value else { return ["—", "", goal.verdict.text] }
        if let level = goal.securityLevelReached {
            // The target is a level; the value is the residual CVSS score (0: mitigated).
            return ["level \(level)", "residual CVSS \(significant(value.point))", goal.verdict.text]
        }
        let shown = dimension.map { Quantity(value.point, $0).formatted } ?? significant(value.point)
        return [shown, IntervalText.of(value), goal.verdict.text]
    }

    private func differenceCells(_ difference: PairedDifference?, _ dimension: Dimension?) -> [String] {
        guard let difference else { return ["—", ""] }
        let mean = DifferenceText.of(difference.mean, dimension)
        guard let lower = difference.lower, let upper = difference.upper else { return [mean, ""] }
        return [mean, "[\(DifferenceText.of(lower, dimension)), \(DifferenceText.of(upper, dimension))]"]
    }

    private func format(_ value: Double) -> String { JSONWriter.format(value) }
}
