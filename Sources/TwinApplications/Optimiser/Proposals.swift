import TwinConfig
import TwinRuntime

/// Other applications' recommendations weighed by the optimiser, so `twinc run` gives one
/// recommendation: the energy application's best-lifetime settings are screened beside
/// the search's candidates, under the same floors and the same simulation, and the
/// report says whether the optimiser's recommendation is that one and, if not, why.
enum Proposals {
    /// The point of `space` with the proposal's settings on the baseline; nil when it
    /// names a knob or a value the space does not have.
    static func candidate(_ proposal: OptimiserProposal, in space: CandidateSpace) -> Candidate? {
        var candidate = space.baseline
        for setting in proposal.settings {
            guard let knob = space.knobs.firstIndex(where: { $0.id == setting.id }),
                  let value = space.knobs[knob].values.firstIndex(of: setting.value) else { return nil }
            candidate.indices[knob] = value
        }
        return candidate
    }

    /// What became of each proposal.
    static func outcomes(_ proposals: [OptimiserProposal], screened: [ScreenedCandidate], recommended: Candidate,
                         chosen: Int, space: CandidateSpace, goals: [GoalConfig], screening: ConfirmationSettings,
                         withdrawal: String?) -> [ProposalOutcome] {
        proposals.map { proposal in
            let settings = proposal.settings
            guard let candidate = candidate(proposal, in: space) else {
                return ProposalOutcome(origin: proposal.origin, settings: settings, agrees: false,
                                       explanation: "it sets knobs or values outside the optimiser's search space")
            }
            let agrees = settings.allSatisfy { setting in
                guard let knob = space.knobs.firstIndex(where: { $0.id == setting.id }) else { return false }
                return space.value(knob, in: recommended) == setting.value
            }
            let others = space.changedKnobs(recommended).filter { knob in
                !settings.contains { $0.id == space.knobs[knob].id }
            }.map { "`\(space.knobs[$0].id)`" }
            if agrees {
                let extra = others.isEmpty ? "" : "; the optimiser also changes \(others.joined(separator: ", "))"
                return ProposalOutcome(origin: proposal.origin, settings: settings, agrees: true,
                                       explanation: "the optimiser's recommendation includes these settings, confirmed by "
                                           + "simulation\(extra)")
            }
            return ProposalOutcome(origin: proposal.origin, settings: settings, agrees: false,
                                   explanation: whyNot(candidate, screened: screened, recommended: recommended,
                                                       chosen: chosen, goals: goals, screening: screening,
                                                       withdrawal: withdrawal))
        }
    }

    /// Why the optimiser recommends something else than `candidate`. A reason found in
    /// screening says so, with the screening runs' horizon and replications: those runs
    /// are short and few and their point estimates decide (`Screening`,
    /// `SideEffects.Evidence.pointEstimates`), so it is not something shown at 95 %.
    private static func whyNot(_ candidate: Candidate, screened: [ScreenedCandidate], recommended: Candidate,
                               chosen: Int, goals: [GoalConfig], screening: ConfirmationSettings,
                               withdrawal: String?) -> String {
        guard let item = screened.first(where: { $0.candidate == candidate }) else {
            return "the optimiser did not screen these settings"
        }
        if item.run == nil {
            return "the optimiser's analytic floors reject it: " + item.reasons.joined(separator: "; ")
        }
        if !item.reasons.isEmpty {
            return "in the optimiser's screening runs (\(screening.runsText)), "
                + "which decide on point estimates rather than at 95 %, it may not be recommended: "
                + item.reasons.joined(separator: "; ")
        }
        if item.candidate == screened[chosen].candidate, recommended != candidate {
            return "the simulation at the run's settings did not confirm it" + (withdrawal.map { ": \($0)" } ?? "")
        }
        var reason = "the optimiser's screened choice ranks above it"
        if let mine = screened[chosen].rank, let theirs = item.rank {
            reason += " (\(mine.reasonBetter(than: theirs, goals: goals)))"
        }
        if let withdrawal, recommended != screened[chosen].candidate {
            reason += "; that choice was then withdrawn at the run's settings and the baseline kept (\(withdrawal)); "
                + "these settings were not run at the run's settings"
        }
        return reason
    }
}
