import Testing
import TwinConfig
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

/// What `twinc run` says when another application's recommendation (the energy
/// application's best-lifetime settings) is not the optimiser's: a reason found in
/// screening must say it is a screening result, with the screening runs' horizon and
/// replications, because screening decides on point estimates of a few short runs.
/// "The simulation shows" claimed more than a [0 %, 100 %] interval supports.
@Suite struct ProposalWordingTests {
    @Test func aReasonFoundInScreeningIsSaidToBeFromScreening() throws {
        let config = SafetyFixture.uncoveredDeviceTwin(horizon: .seconds(30), replications: 2)
        let space = CandidateSpace(config: config)
        let proposal = OptimiserProposal(origin: "energy", settings: [KnobValue(id: "pod.tx-power", value: -18)])
        let candidate = try #require(Proposals.candidate(proposal, in: space))
        let options = OptimiserOptions(confirmationCandidates: 3, confirmationHorizon: .seconds(600),
                                       confirmationReplications: 2)
        let screening = ConfirmationSettings(config: config, options: options)
        let rank = CandidateRank(candidate: candidate, scores: [], goals: [], relativeCurrent: 1, changes: 1,
                                 resolution: options)
        let report = RunReport(twin: "t", title: "t", settings: config.run, warmupShortened: false,
                               scenarios: [], summary: [])
        var screened = ScreenedCandidate(
            evaluation: AnalyticEvaluation(candidate: candidate, scores: [], violations: [], rank: rank,
                                           relativeCurrent: 1),
            origin: "energy", run: CandidateRun(report: report, outcomes: []))
        screened.reasons = ["`pod` delivers 45 % [0 %, 100 %] in `baseline`, below its floor 48.76 %"]
        let baseline = ScreenedCandidate(
            evaluation: AnalyticEvaluation(candidate: space.baseline, scores: [], violations: [], rank: rank,
                                           relativeCurrent: 1),
            origin: "baseline", run: CandidateRun(report: report, outcomes: []))

        let outcome = try #require(Proposals.outcomes(
            [proposal], screened: [baseline, screened], recommended: space.baseline, chosen: 0, space: space,
            goals: config.goals, screening: screening, withdrawal: nil).first)

        #expect(!outcome.agrees)
        #expect(outcome.explanation.hasPrefix(
            "in the optimiser's screening runs (horizon 30 s, 2 replications), which decide on point estimates "
                + "rather than at 95 %, it may not be recommended: `pod` delivers 45 %"), "\(outcome.explanation)")
        #expect(!outcome.explanation.contains("the simulation shows"))
    }
}
