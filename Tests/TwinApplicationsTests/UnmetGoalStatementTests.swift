import Testing
import TwinRuntime
import TwinVocabulary
@testable import TwinApplications

/// "No knob setting meets critical goal …" is a claim about every setting, so it needs
/// evidence about every setting: every simulated setting conclusively NOT MET and an
/// analytic model that predicts none meets it. The demo's main job said it for
/// `ecg-latency` while the analytic search predicted 92,580 settings would meet it, and
/// for `survive-gateway-loss` while a screened setting reached 2.214 s against 5 s.
@Suite struct UnmetGoalStatementTests {
    private func entry(verdict: Verdict = .notMet, predictedToMeet: Int = 0, everySimulatedSettingMissed: Bool = true,
                       withoutAnalyticModel: Bool = false) -> UnmetCriticalGoal {
        var entry = UnmetCriticalGoal(goal: "ecg-latency", target: "p99 <= 250 ms", verdict: verdict, bestMeasured: nil,
                                      bestMeasuredSetting: "—", scored: 100, predictedToMeet: predictedToMeet,
                                      bestPredicted: nil, simulated: 5, metByIneligible: [], bottleneck: nil,
                                      statement: "")
        entry.everySimulatedSettingMissed = everySimulatedSettingMissed
        entry.withoutAnalyticModel = withoutAnalyticModel
        return entry
    }

    @Test func noneMeetsOnlyWhenEverySimulationMissedAndTheModelPredictsNone() {
        #expect(UnmetGoals.statement(entry(), dimension: nil)
            .hasPrefix("No knob setting meets critical goal `ecg-latency`"))
    }

    @Test func otherwiseItIsNotShownToMeet() {
        let weaker = [
            entry(predictedToMeet: 92580),
            entry(everySimulatedSettingMissed: false),
            entry(withoutAnalyticModel: true),
            entry(verdict: .inconclusive),
        ]
        for candidate in weaker {
            let statement = UnmetGoals.statement(candidate, dimension: nil)
            #expect(statement.hasPrefix("No knob setting was shown to meet critical goal `ecg-latency`"), "\(statement)")
        }
    }
}
