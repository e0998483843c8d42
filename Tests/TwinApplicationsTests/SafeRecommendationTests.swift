import Testing
import TwinConfig
import TwinJSON
import TwinOutput
import TwinRuntime
import TwinTestSupport
import TwinUnits
import TwinVocabulary
@testable import TwinApplications

/// Recommendations safe for every device: a twin whose foot pod no goal names, where
/// turning the pod down to −18 dBm with no retries is what saves the most current and
/// loses about a quarter of its packets (`SafetyFixture`).
@Suite struct SafeRecommendationTests {
    static let options = OptimiserOptions(confirmationCandidates: 3, confirmationHorizon: .seconds(60),
                                          confirmationReplications: 2)

    static func analyse(_ config: TwinConfig) throws(RunFailure) -> TwinAnalysis {
        try analyseTwin(RunPlan(config: config), options: AnalysisOptions(optimiser: options))
    }

    /// One analysis shared by the tests that read it (simulated once).
    static let uncovered: Result<TwinAnalysis, RunFailure> = Result { () throws(RunFailure) -> TwinAnalysis in
        try analyse(SafetyFixture.uncoveredDeviceTwin(horizon: .seconds(60), replications: 3))
    }

    @Test func theUncoveredDeviceKeepsItsFloorInEveryScenario() throws {
        let analysis = try Self.uncovered.get()
        let result = try #require(analysis.optimisation)
        #expect(!result.changedKnobs.isEmpty, "the case is not trivial: something is recommended")
        let pod = result.knobs.first { $0.id == "pod.tx-power" }
        #expect(pod.map { $0.recommended >= -6 } == true, "−18 and −12 dBm break the pod's link margin")
        let effects = result.sideEffects.filter { $0.device == "pod" }
        #expect(!effects.isEmpty)
        for effect in effects {
            let delivery = try #require(effect.deliveryAfter)
            #expect(delivery.point >= effect.floor.delivery, "\(effect.scenario)")
            #expect(effect.violations.isEmpty)
        }
        #expect(result.sideEffects.count == 2, "every device, not only those a goal names")
    }

    @Test func theUnconstrainedOptimumWouldBreakThePod() throws {
        let config = SafetyFixture.uncoveredDeviceTwin()
        let space = CandidateSpace(config: config)
        var evaluator = AnalyticEvaluator(config: config, space: space, baseline: nil, options: Self.options)
        let cheapest = Candidate(indices: [space.baseline.indices[0], 0, 0])  // pod −18 dBm, no retries
        let evaluation = evaluator.evaluate(cheapest)
        let kinds = Set(evaluation.violations.filter { $0.device == "pod" }.map(\.kind))
        #expect(kinds.isSuperset(of: [.delivery, .linkMargin]))
        // Without the floors it would be the best candidate: it draws the least current.
        let unconstrained = CandidateRank(candidate: cheapest, scores: evaluation.scores, goals: evaluator.goals,
                                          relativeCurrent: evaluation.relativeCurrent,
                                          changes: space.changedKnobs(cheapest).count, resolution: Self.options)
        let baseline = evaluator.evaluate(space.baseline)
        #expect(unconstrained.isBetter(than: baseline.rank))
        #expect(!evaluation.rank.isBetter(than: baseline.rank), "a broken floor ranks below every safe candidate")
    }

    @Test func whatIfRejectedSettingsAreNeverRecommended() throws {
        let result = try #require(try Self.uncovered.get().optimisation)
        let refused = Set(result.excluded.map { "\($0.knob)=\($0.value)" })
        #expect(refused == ["pod.tx-power=-18.0", "pod.tx-power=-12.0"])
        for setting in result.excluded {
            #expect(result.knobs.first { $0.id == setting.knob }?.recommended != setting.value)
            for item in result.evidence where item.changes.contains(where: { $0.id == setting.knob && $0.value == setting.value }) {
                #expect(!item.eligible)
            }
        }
    }

    @Test func baselineAndRecommendationShareTheirRandomNumbers() throws {
        let result = try #require(try Self.uncovered.get().optimisation)
        let crn = try #require(result.commonRandomNumbers)
        #expect(crn.verified)
        #expect(crn.pairs == 3 && crn.replications == [3])
        for row in result.verdicts {
            let difference = try #require(row.difference, "\(row.goal)")
            #expect(difference.pairs == 3)
            // The paired mean is the mean of the per-replication differences.
            if let before = row.baseline.value?.point, let after = row.recommended.value?.point,
               row.kpi == .lifetime {
                #expect(abs(difference.mean - (after - before)) < 1e-6 * abs(before))
            }
        }
        let text = result.text()
        #expect(text.contains("seeds checked equal"))
        #expect(text.contains("paired Δ"))
    }

    /// After `--replications auto` scenarios ran different counts: the recommendation runs
    /// each scenario's own count, so every pair still shares its seed, and the verdict
    /// table says how many each column had.
    @Test func scenariosWithDifferentReplicationCountsArePairedScenarioByScenario() throws {
        var config = SafetyFixture.uncoveredDeviceTwin(horizon: .seconds(30), replications: 3)
        var second = config.scenarios[0]
        second.id = "second"
        config.scenarios.append(second)
        let plan = RunPlan(config: config)
        let outcomes = try simulateScenarios(plan, replications: [0..<3, 0..<2])
        let baseline = buildReport(plan: plan, outcomes: outcomes)
        let result = try optimise(config: config, baseline: baseline, options: Self.options, run: RunOptions(),
                                  baselineOutcomes: outcomes)
        #expect(result.verdictReplications == [3, 2])
        #expect(result.text().contains("verdicts at the run's settings: horizon 30 s, 2–3 replications per scenario"),
                "\(result.text())")
        if let crn = result.commonRandomNumbers {
            #expect(crn.verified && crn.pairs == 5 && crn.replications == [3, 2])
        }
        let json = result.jsonValue()
        #expect(json["verdictSettings"]?["replicationsPerScenario"] == .array([.int(3), .int(2)]))
    }

    @Test func energyApplicationAndOptimiserGiveOneRecommendation() throws {
        let analysis = try Self.uncovered.get()
        let result = try #require(analysis.optimisation)
        let proposal = try #require(result.proposals.first)
        #expect(proposal.origin == "energy")
        #expect(proposal.agrees, "\(proposal.explanation)")
        #expect(analysis.text().contains("is the optimiser's recommendation"))
    }

    @Test func aProposalBreakingAFloorIsExplained() throws {
        let config = SafetyFixture.uncoveredDeviceTwin(horizon: .seconds(30), replications: 2)
        let baseline = try runTwin(RunPlan(config: config))
        let proposal = OptimiserProposal(origin: "energy", settings: [KnobValue(id: "pod.tx-power", value: -18)])
        let result = try optimise(config: config, baseline: baseline, options: Self.options, run: RunOptions(),
                                  proposals: [proposal])
        let outcome = try #require(result.proposals.first)
        #expect(!outcome.agrees)
        #expect(outcome.explanation.contains("floors reject"), "\(outcome.explanation)")
        #expect(outcome.explanation.contains("`pod`"))
        let evidence = try #require(result.evidence.first { $0.origin == "energy" })
        #expect(!evidence.simulated && !evidence.eligible)
    }

    @Test func oneReplicationCannotShowARecommendationSafe() throws {
        let config = SafetyFixture.uncoveredDeviceTwin(horizon: .seconds(30), replications: 1)
        let result = try #require(try Self.analyse(config).optimisation)
        #expect(result.changedKnobs.isEmpty)
        #expect(result.notes.contains { $0.contains("one replication cannot show") })
    }

    @Test func noSettingMeetingACriticalGoalIsSaidPlainlyWithItsBottleneck() throws {
        let result = try #require(try Self.analyse(SafetyFixture.unreachableGoalTwin()).optimisation)
        let unmet = try #require(result.unmetCriticalGoals.first)
        #expect(unmet.goal == "ecg-delivery")
        #expect(unmet.predictedToMeet == 0)
        #expect(unmet.scored == 4)
        let best = try #require(unmet.bestMeasured?.value?.point)
        #expect(best < 0.999 && best > 0.8)
        let bottleneck = try #require(unmet.bottleneck)
        #expect(bottleneck.device == "ecg")
        #expect(bottleneck.parts.first?.hop == "hub→edge")
        #expect(bottleneck.parts.first?.cause.contains("uplink") == true)
        #expect(unmet.statement.hasPrefix("No knob setting meets critical goal `ecg-delivery`"))
        #expect(unmet.statement.contains("Bottleneck:"))
        #expect(result.text().contains("critical goals the recommendation leaves unmet:\n  " + unmet.statement))
        #expect(result.headline().contains(unmet.statement))
    }
}
