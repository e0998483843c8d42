import TwinConfig
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// A critical goal the recommendation leaves unmet, said plainly: the best value any
/// simulated setting reached, what the analytic search predicts over every setting it
/// scored, and where the goal's device loses what it needs (`Bottleneck`). Printed in
/// place of a silent "NOT MET" in the verdict table.
public struct UnmetCriticalGoal: Sendable, Hashable {
    public var goal: String
    public var target: String
    /// The recommendation's verdict (not met, or inconclusive: not shown to be met).
    public var verdict: Verdict
    /// The best the simulation measured, at which setting, and in which runs.
    public var bestMeasured: MeasuredGoal?
    public var bestMeasuredSetting: String
    /// Settings the analytic search scored, of them predicted to meet the goal, and the
    /// best predicted value.
    public var scored: Int
    public var predictedToMeet: Int
    public var bestPredicted: Double?
    public var simulated: Int
    /// Simulated settings that met it but may not be recommended, with why.
    public var metByIneligible: [String]
    /// The screened setting that met it but was withdrawn at the run's settings, and why.
    public var metButWithdrawn: String? = nil
    public var bottleneck: Bottleneck?
    public var statement: String
    /// The KPI has no analytic model (`availability`, `security-detect`): the search's
    /// "predictions" are the baseline's measurement and say nothing.
    public var withoutAnalyticModel: Bool = false
    /// Every simulated measurement of the goal, at every setting and stage, is NOT MET
    /// (conclusively): with no analytic prediction of a setting that meets it, this is
    /// what lets the statement say that no setting meets it.
    public var everySimulatedSettingMissed: Bool = false
}

/// Builds the statements for the critical goals no recommended setting meets.
enum UnmetGoals {
    /// A measurement, the setting it was taken at and in which runs (`screening`, `run
    /// settings`).
    struct Measurement {
        var measured: MeasuredGoal
        var setting: String
        var stage: String
        var eligible: Bool
        var reasons: [String]
    }

    /// One statement per critical goal whose final verdict is not met or inconclusive.
    /// `measurements[g]` holds every simulated measurement of goal g; `analytic` every
    /// evaluation the search made; `report` the run the final verdict came from.
    static func explain(goals: [GoalConfig], rows: [VerdictRow], measurements: [[Measurement]],
                        analytic: [AnalyticEvaluation], config: TwinConfig, report: RunReport,
                        withdrawal: (setting: String, reason: String)? = nil) -> [UnmetCriticalGoal] {
        var result: [UnmetCriticalGoal] = []
        for (index, goal) in goals.enumerated() where goal.priority == .critical {
            guard index < rows.count else { continue }
            let row = rows[index]
            guard row.recommended.verdict == .notMet || row.recommended.verdict == .inconclusive else { continue }
            let seen = index < measurements.count ? measurements[index] : []
            let best = seen.max { $0.measured.score(for: goal).slack < $1.measured.score(for: goal).slack }
            let metElsewhere = seen.filter { $0.measured.verdict == .met && !$0.eligible }
            let scores = analytic.compactMap { $0.scores.first { $0.goal == goal.id } }
            let predicted = scores.filter { $0.verdict == .met }.count
            let bestPredicted = scores.max { $0.slack < $1.slack }?.value
            let scenario = row.recommended.scenario.flatMap { id in report.scenarios.first { $0.id == id } }
            let bottleneck = scenario.flatMap { BottleneckFinder.find(goal: goal, config: config, scenario: $0) }
            var entry = UnmetCriticalGoal(
                goal: goal.id, target: row.target, verdict: row.recommended.verdict, bestMeasured: best?.measured,
                bestMeasuredSetting: best.map { "\($0.setting) (\($0.stage))" } ?? "—", scored: analytic.count,
                predictedToMeet: predicted, bestPredicted: bestPredicted, simulated: Set(seen.map(\.setting)).count,
                metByIneligible: metElsewhere.map { measurement in
                    let shown = measurement.reasons.prefix(2).joined(separator: "; ")
                    return "\(measurement.setting) (\(measurement.stage)): \(shown)\(measurement.reasons.count > 2 ? "; …" : "")"
                },
                bottleneck: bottleneck, statement: "")
            entry.withoutAnalyticModel = [KPI.availability, .securityDetect].contains(goal.kpi)
            entry.everySimulatedSettingMissed = !seen.isEmpty && seen.allSatisfy { $0.measured.verdict == .notMet }
            if let withdrawal, seen.contains(where: { $0.measured.verdict == .met && $0.eligible
                && $0.setting == withdrawal.setting && $0.stage == "screening" }) {
                entry.metButWithdrawn = "\(withdrawal.setting): \(withdrawal.reason)"
            }
            entry.statement = statement(entry, dimension: row.dimension)
            result.append(entry)
        }
        return result
    }

    /// The statement opens with "No knob setting meets" only when the evidence covers
    /// every setting: the final verdict is NOT MET, every simulated setting missed it
    /// conclusively, and the analytic search (with a model of the KPI) predicts none
    /// meets it. Otherwise — a screened setting inconclusive or within the target by its
    /// point estimate, or settings the analytic search predicts would meet it unsimulated
    /// — it says "No knob setting was shown to meet".
    static func statement(_ entry: UnmetCriticalGoal, dimension: Dimension?) -> String {
        func value(_ number: Double) -> String { dimension.map { Quantity(number, $0).formatted } ?? "\(number)" }
        let noneMeets = entry.verdict == .notMet && entry.everySimulatedSettingMissed && !entry.withoutAnalyticModel
            && entry.predictedToMeet == 0
        let shown = noneMeets ? "meets" : "was shown to meet"
        var text: String
        if let withdrawn = entry.metButWithdrawn {
            text = "Critical goal `\(entry.goal)` (\(entry.target)) stays \(entry.verdict.text): the setting that met it in "
                + "screening was withdrawn at the run's settings (\(withdrawn))."
        } else if !entry.metByIneligible.isEmpty {
            text = "Critical goal `\(entry.goal)` (\(entry.target)) stays \(entry.verdict.text): the settings that met it "
                + "in the simulation may not be recommended (\(entry.metByIneligible.joined(separator: " | ")))."
        } else {
            text = "No knob setting \(shown) critical goal `\(entry.goal)` (\(entry.target))."
        }
        let metInSimulation = entry.metButWithdrawn != nil || !entry.metByIneligible.isEmpty
        if let best = entry.bestMeasured, let point = best.value?.point {
            text += entry.simulated == 1 ? " The one simulated setting reached \(value(point))"
                : " The best any of the \(entry.simulated) simulated settings reached is \(value(point))"
            if let lower = best.value?.lower, let upper = best.value?.upper {
                text += " [\(value(lower)), \(value(upper))]"
            }
            text += " (\(best.verdict.text), \(entry.bestMeasuredSetting))."
        }
        if entry.withoutAnalyticModel {
            text += " The analytic search has no model of this KPI (it carries the baseline's measured value); only the "
                + "simulation judges it"
        } else if entry.predictedToMeet == 0 {
            text += " The analytic search scored \(entry.scored) settings and predicts none meets it"
        } else {
            text += " The analytic search predicts \(entry.predictedToMeet) of the \(entry.scored) settings it scored would "
                + (metInSimulation ? "meet it" : "meet it; the simulation confirmed none")
        }
        if let predicted = entry.bestPredicted, !entry.withoutAnalyticModel { text += " (best predicted \(value(predicted)))" }
        text += "."
        if let bottleneck = entry.bottleneck {
            text += " Bottleneck: \(bottleneck.summary)."
        } else {
            text += " No loss attribution for this KPI yet: see the scenario's device figures."
        }
        return text
    }
}
