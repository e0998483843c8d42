import Testing
@testable import TwinLive

/// `ActPolicy.vet` is the one gate before the live twin sends knob changes to a real
/// network (`twinc-serve serve --apply-actions`): each refusal is checked here, and so
/// is the one case it lets through.
@Suite struct ActPolicyTests {
    private func outcome(changes: [KnobSetting] = [KnobSetting(knob: "ecg.tx-power", value: 0)],
                         goals: [RecommendationOutcome.GoalChange] = [],
                         violations: [String] = []) -> RecommendationOutcome {
        RecommendationOutcome(changes: changes, goals: goals, notes: [], deviceFloorViolations: violations)
    }

    @Test func aChangeThatKeepsEveryGoalAndFloorIsApproved() {
        let vetting = ActPolicy.vet(outcome(goals: [.init(goal: "ecg-delivery", baseline: "not-met", recommended: "met")]))
        #expect(vetting.approved)
        #expect(vetting.reasons.isEmpty)
    }

    @Test func noChangeIsNoAction() {
        let vetting = ActPolicy.vet(outcome(changes: []))
        #expect(!vetting.approved)
        #expect(vetting.reasons == ["the optimiser changed no knob"])
    }

    @Test func aGoalThatWouldStopBeingMetIsRefused() {
        let vetting = ActPolicy.vet(outcome(goals: [.init(goal: "pump-lifetime", baseline: "met", recommended: "inconclusive")]))
        #expect(!vetting.approved)
        #expect(vetting.reasons == ["goal `pump-lifetime` would go from met to inconclusive"])
    }

    @Test func aDeviceBelowItsFloorIsRefusedEvenWhenNoGoalNamesIt() {
        let violation = "`spo2` delivers 50 % in `baseline`, below its floor 71.52 %"
        let vetting = ActPolicy.vet(outcome(goals: [.init(goal: "ecg-delivery", baseline: "not-met", recommended: "met")],
                                            violations: [violation]))
        #expect(!vetting.approved)
        #expect(vetting.reasons == ["a device would break its floor: " + violation])
    }
}
