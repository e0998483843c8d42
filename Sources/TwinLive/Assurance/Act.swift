import TwinUnits
import TwinVocabulary

/// The "act" step as plain decisions: when to ask the optimiser, whether what it
/// recommends may be applied, and whether an applied action restored its goals.
public enum ActPolicy {
    /// Goals that call for action: at risk or violated, critical or high priority first.
    public static func goalsNeedingAction(_ goals: [GoalAssurance]) -> [GoalAssurance] {
        func rank(_ priority: GoalPriority) -> Int { GoalPriority.allCases.firstIndex(of: priority) ?? 0 }
        return goals.filter { $0.state == .atRisk || $0.state == .violated }
            .sorted { (rank($0.priority), $0.goal) < (rank($1.priority), $1.goal) }
    }

    /// The one place a recommendation is checked before anything is sent to a network:
    /// it must change something, no goal may go from met to anything else in the
    /// optimiser's own comparison, and no device may break its floor (delivery, latency,
    /// link margin, a bystander's lifetime) in the optimiser's side-effect comparison,
    /// whether or not a goal names the device. The optimiser only recommends settings
    /// that kept every floor when it screened them; checking its report again here keeps
    /// that promise at the gate, whatever the optimiser's options.
    public static func vet(_ outcome: RecommendationOutcome) -> (approved: Bool, reasons: [String]) {
        var reasons: [String] = []
        if outcome.changes.isEmpty { reasons.append("the optimiser changed no knob") }
        for goal in outcome.goals where goal.baseline == "met" && goal.recommended != "met" {
            reasons.append("goal `\(goal.goal)` would go from met to \(goal.recommended)")
        }
        for violation in outcome.deviceFloorViolations {
            reasons.append("a device would break its floor: \(violation)")
        }
        return (reasons.isEmpty, reasons)
    }

    /// Which of the goals an action targeted are met again, judged on the assessment
    /// after the action had time to show, and which are not.
    public static func outcome(targets: [String], after goals: [GoalAssurance]) -> (recovered: [String], notRecovered: [String]) {
        var recovered: [String] = [], notRecovered: [String] = []
        for target in targets {
            if goals.first(where: { $0.goal == target })?.state == .met { recovered.append(target) } else { notRecovered.append(target) }
        }
        return (recovered, notRecovered)
    }
}
