import TwinConfig
import TwinRuntime
import TwinUnits

/// The recommendation run once more at the run's own settings, beside the baseline the
/// run already made, with the same seed, replications, horizon and warm-up (common random
/// numbers, checked replication by replication). Screening is short and noisy, so the
/// recommendation is withdrawn (the baseline kept) when this run shows it loses a
/// critical goal, makes a critical goal the baseline misses worse, or breaks a device's
/// floor — each floor *shown* to hold by the 95 % evidence, as a verdict is (an
/// inconclusive device is not safe) — or when the evidence cannot show anything (one
/// replication).
struct Verification: Sendable {
    var recommended: Candidate
    var baseline: CandidateRun
    /// The baseline run itself when the baseline is kept.
    var recommendedRun: CandidateRun
    var commonRandomNumbers: CommonRandomNumbers?
    var notes: [String]
    /// Why the screened recommendation was not confirmed (nil: confirmed, or the
    /// baseline was the screened choice).
    var withdrawal: String? = nil

    static func verify(_ candidate: Candidate, space: CandidateSpace, config: TwinConfig, goals: [GoalConfig],
                       baseline report: RunReport, baselineOutcomes: [[ReplicationOutcome]]?,
                       run: RunOptions) throws(RunFailure) -> Verification {
        var settled = config
        settled.run = report.settings
        let baseline: CandidateRun
        if let baselineOutcomes {
            baseline = CandidateRun(report: report, outcomes: baselineOutcomes)
        } else {
            baseline = try simulateWithoutTraces(settled, run: run)
        }
        var result = Verification(recommended: space.baseline, baseline: baseline, recommendedRun: baseline,
                                  commonRandomNumbers: nil, notes: [])
        guard candidate != space.baseline else { return result }
        let candidateConfig: TwinConfig
        do {
            candidateConfig = try space.apply(candidate, to: settled)
        } catch {
            result.withdraw("the recommendation could not be applied for its run at the run's settings (\(error)); "
                + "keeping the baseline")
            return result
        }
        // Replication r of scenario s on both sides: the baseline's own counts, which
        // differ per scenario after a sequential (`--replications auto`) run.
        let simulated = try simulateWithoutTraces(candidateConfig, run: run,
                                                  replications: baseline.outcomes.map { 0..<$0.count })
        let crn = check(baseline, simulated, seed: report.settings.seed, horizon: report.settings.horizon)
        result.commonRandomNumbers = crn
        guard crn.verified else {
            result.withdraw("the recommendation's run did not draw the baseline's random numbers "
                + "(replication seeds differ); keeping the baseline")
            return result
        }
        guard baseline.outcomes.allSatisfy({ $0.count >= 2 }) else {
            result.withdraw("one replication cannot show that the recommendation keeps every critical goal and every "
                + "device's floor; keeping the baseline (run at least 2 replications)")
            return result
        }
        let before = goals.map { MeasuredGoal(goal: $0, report: baseline.report) }
        let after = goals.map { MeasuredGoal(goal: $0, report: simulated.report) }
        let reasons = Screening.judge(goals, baseline: (baseline, before), candidate: (simulated, after), config: config,
                                      changed: space.changedDevices(candidate), evidence: .shownAt95)
        guard reasons.isEmpty else {
            result.withdraw("the screened recommendation was withdrawn at the run's settings, keeping the baseline: "
                + reasons.joined(separator: "; "))
            return result
        }
        result.recommended = candidate
        result.recommendedRun = simulated
        return result
    }

    private mutating func withdraw(_ reason: String) {
        notes.append(reason)
        withdrawal = reason
    }

    /// Whether replication r of every scenario ran from the same seed on both sides.
    static func check(_ baseline: CandidateRun, _ candidate: CandidateRun, seed: UInt64,
                      horizon: Time) -> CommonRandomNumbers {
        var pairs = 0
        var same = baseline.outcomes.count == candidate.outcomes.count
        for (before, after) in zip(baseline.outcomes, candidate.outcomes) {
            if before.count != after.count { same = false }
            for (left, right) in zip(before, after) {
                pairs += 1
                if left.seed != right.seed || left.replication != right.replication || left.horizon != right.horizon {
                    same = false
                }
            }
        }
        return CommonRandomNumbers(seed: seed, replications: baseline.outcomes.map(\.count), horizon: horizon,
                                   pairs: pairs, verified: same && pairs > 0)
    }
}
