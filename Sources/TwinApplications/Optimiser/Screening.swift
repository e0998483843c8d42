import TwinConfig
import TwinRuntime
import TwinUnits

/// A candidate the optimiser put before the simulation: its analytic evaluation, who
/// proposed it, and — once screened — what the simulation measured and why it may not be
/// recommended.
struct ScreenedCandidate: Sendable {
    var evaluation: AnalyticEvaluation
    var origin: String
    /// nil when it was not simulated (the analytic floors rejected it, or it could not be
    /// applied).
    var run: CandidateRun?
    var measured: [MeasuredGoal] = []
    var rank: CandidateRank?
    var reasons: [String] = []

    var candidate: Candidate { evaluation.candidate }
    var eligible: Bool { run != nil && reasons.isEmpty }
}

/// Screens candidates in the simulation, all under the same confirmation settings (so
/// under common random numbers): each is simulated, its goals measured and ranked, and
/// compared with the baseline's screening run. A candidate may be recommended only if it
/// keeps every critical goal the baseline meets, makes no critical goal the baseline
/// misses worse (`GoalComparison.criticalRegressions`), and keeps every device's floor in
/// every scenario by its point estimates (`SideEffects`). The baseline is the reference
/// and always eligible.
enum Screening {
    static func screen(_ candidates: inout [ScreenedCandidate], baselineIndex: Int, goals: [GoalConfig],
                       config: TwinConfig, space: CandidateSpace, settings: ConfirmationSettings,
                       options: OptimiserOptions, run: RunOptions) throws(RunFailure) -> [String] {
        var notes: [String] = []
        for index in candidates.indices {
            guard candidates[index].evaluation.violations.isEmpty else {
                candidates[index].reasons = candidates[index].evaluation.violations.map(\.detail)
                continue
            }
            let candidateConfig: TwinConfig
            do {
                candidateConfig = try space.apply(candidates[index].candidate, to: config)
            } catch {
                notes.append("candidate \(candidates[index].candidate.indices) could not be applied: \(error)")
                candidates[index].reasons = ["it could not be applied: \(error)"]
                continue
            }
            let simulated = try confirmationRun(candidateConfig, settings: settings, run: run)
            candidates[index].run = simulated
            candidates[index].measured = goals.map { MeasuredGoal(goal: $0, report: simulated.report) }
            candidates[index].rank = CandidateRank(
                candidate: candidates[index].candidate,
                scores: zip(goals, candidates[index].measured).map { $1.score(for: $0) }, goals: goals,
                relativeCurrent: candidates[index].evaluation.relativeCurrent,
                changes: space.changedKnobs(candidates[index].candidate).count, resolution: options)
        }
        guard let reference = candidates[baselineIndex].run else { return notes }
        let baselineMeasured = candidates[baselineIndex].measured
        for index in candidates.indices where index != baselineIndex {
            guard let simulated = candidates[index].run else { continue }
            candidates[index].reasons = judge(goals, baseline: (reference, baselineMeasured),
                                              candidate: (simulated, candidates[index].measured), config: config,
                                              changed: space.changedDevices(candidates[index].candidate),
                                              evidence: .pointEstimates)
        }
        return notes
    }

    /// Why a simulated candidate may not replace the baseline run beside it with the same
    /// seeds (empty: it may). Screening judges device floors by point estimates (a screen
    /// picks what to verify); the verification at the run's settings asks for the 95 %
    /// evidence (`SideEffects.Evidence`).
    static func judge(_ goals: [GoalConfig], baseline: (run: CandidateRun, measured: [MeasuredGoal]),
                      candidate: (run: CandidateRun, measured: [MeasuredGoal]), config: TwinConfig,
                      changed: Set<String>, evidence: SideEffects.Evidence) -> [String] {
        var reasons = GoalComparison.criticalRegressions(
            goals, baseline: baseline.measured, candidate: candidate.measured,
            baselineReport: baseline.run.report, candidateReport: candidate.run.report)
        let effects = SideEffects.compare(config: config, baseline: baseline.run, candidate: candidate.run,
                                          changed: changed, evidence: evidence)
        reasons += FloorViolation.summarise(effects.flatMap(\.violations))
        return reasons
    }

    /// The best eligible candidate by its measured rank (the baseline when none beats it).
    static func best(_ candidates: [ScreenedCandidate], baselineIndex: Int) -> Int {
        var chosen = baselineIndex
        for index in candidates.indices where index != baselineIndex && candidates[index].eligible {
            guard let rank = candidates[index].rank, let current = candidates[chosen].rank else { continue }
            if rank.isBetter(than: current) { chosen = index }
        }
        return chosen
    }
}
