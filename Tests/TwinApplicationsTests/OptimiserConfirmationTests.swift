import Testing
import TwinConfig
import TwinJSON
import TwinOutput
import TwinRuntime
import TwinTestSupport
import TwinUnits
@testable import TwinApplications

/// The optimiser end to end on a small twin: analytic search, then the simulation
/// confirms the best few against the baseline.
@Suite struct OptimiserConfirmationTests {
    let config = OptimiserFixture.twoDeviceTwin(horizon: .seconds(120), replications: 2)
    let options = OptimiserOptions(confirmationCandidates: 2, confirmationHorizon: .seconds(120),
                                   confirmationReplications: 2)

    private func run() throws -> (baseline: RunReport, result: OptimisationResult) {
        let baseline = try runTwin(RunPlan(config: config))
        return (baseline, try optimise(config: config, baseline: baseline, options: options, run: RunOptions()))
    }

    @Test func recommendationKeepsEveryCriticalGoalTheBaselineMeets() throws {
        let (_, result) = try run()
        #expect(result.candidatesSimulated >= 2)
        #expect(result.evidence.filter(\.isRecommended).count == 1)
        #expect(result.evidence.contains { $0.isBaseline })
        for row in result.verdicts where row.priority == .critical && row.baseline.verdict == .met {
            #expect(row.recommended.verdict == .met, "\(row.goal)")
        }
    }

    @Test func recommendationMeetsTheEcgGoalsTheBaselineMisses() throws {
        let (_, result) = try run()
        let verdicts = Dictionary(uniqueKeysWithValues: result.verdicts.map { ($0.goal, $0) })
        #expect(verdicts["ecg-latency"]?.baseline.verdict == .notMet)
        #expect(verdicts["ecg-latency"]?.recommended.verdict == .met)
        #expect(result.changedKnobs.contains { $0.id == "ecg.period" && $0.recommended < 4 })
        #expect(result.objectives == ["ecg-delivery", "ecg-latency", "pump-lifetime"])
    }

    @Test func sameInputsGiveTheSameBytes() throws {
        let (baseline, first) = try run()
        let second = try optimise(config: config, baseline: baseline, options: options, run: RunOptions(maximumConcurrency: 2))
        #expect(JSONWriter.canonical.string(first.jsonValue()) == JSONWriter.canonical.string(second.jsonValue()))
        #expect(first.text() == second.text())
    }

    @Test func jsonCarriesTheContractMembers() throws {
        let (_, result) = try run()
        let json = result.jsonValue()
        for member in ["objectives", "knobs", "candidatesConsidered", "candidatesSimulated", "verdicts", "evidence"] {
            #expect(json[member] != nil, "\(member)")
        }
        let row = json["verdicts"]?.arrayValue?.first
        for member in ["goal", "kpi", "priority", "target", "baseline", "recommended"] {
            #expect(row?[member] != nil, "\(member)")
        }
        for member in ["value", "low", "high", "verdict"] {
            #expect(row?["baseline"]?[member] != nil, "\(member)")
        }
        #expect(json["knobs"]?.arrayValue?.count == config.knobs.count)
        #expect(result.text().hasPrefix("Verdict: baseline vs recommended\n"))
    }

    @Test func twinWithoutKnobsKeepsItsBaseline() throws {
        var plain = config
        plain.knobs = []
        let baseline = try runTwin(RunPlan(config: plain))
        let result = try optimise(config: plain, baseline: baseline, options: options, run: RunOptions())
        #expect(result.candidatesSimulated == 0)
        #expect(result.changedKnobs.isEmpty)
        #expect(result.verdicts.map(\.baseline) == result.verdicts.map(\.recommended))
    }

    @Test func confirmationMovesEventsWithTheHorizon() {
        var long = config
        long.run.horizon = .hours(24)
        long.scenarios.append(ScenarioConfig(
            id: "gateway-failure", kind: .fault(.gatewayFailure), description: "", goals: [],
            events: [ScenarioEvent(at: .hours(6), kind: .fault(.gatewayFailure), target: "phone", duration: nil, parameters: [:])]))
        let settings = ConfirmationSettings(config: long, options: OptimiserOptions())
        let moved = settings.apply(to: long)
        #expect(moved.run.horizon == .hours(1))
        #expect(abs(moved.scenarios[1].events[0].at.si - 900) < 1e-9)
    }
}
