import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// How the optimiser searches and how hard it confirms.
public struct OptimiserOptions: Sendable, Hashable {
    /// Candidates (best by the analytic estimates) simulated besides the baseline.
    public var confirmationCandidates: Int
    /// Horizon and replications of the confirmation runs (the twin's own when shorter).
    public var confirmationHorizon: Time
    public var confirmationReplications: Int
    /// Move scenario events with the shorter horizon (`ConfirmationSettings`).
    public var scaleScenarioEvents: Bool
    /// Spaces with at most this many points are enumerated (an exact optimum).
    public var exhaustiveLimit: Int
    /// Coordinate descent: candidates kept between device steps, and passes at most.
    public var beamWidth: Int
    public var maximumPasses: Int
    /// Slack quantum and cap (`CandidateRank` keys 3–4), and the energy quantum (key 5).
    public var slackResolution: Double
    public var slackCap: Double
    public var costResolution: Double
    /// Anchor the analytic goal values on the baseline run (`AnalyticGoals`).
    public var calibrate: Bool
    /// Simulate the recommendation once more at the run's own settings, so the verdict
    /// table compares it with the baseline report on equal terms (same horizon,
    /// replications and event times as the report above it) rather than on the short
    /// screening runs.
    public var verifyAtRunSettings: Bool

    public init(confirmationCandidates: Int = 3, confirmationHorizon: Time = .hours(1),
                confirmationReplications: Int = 2, scaleScenarioEvents: Bool = true, exhaustiveLimit: Int = 4096,
                beamWidth: Int = 3, maximumPasses: Int = 4, slackResolution: Double = 0.05, slackCap: Double = 1,
                costResolution: Double = 0.01, calibrate: Bool = true, verifyAtRunSettings: Bool = true) {
        self.confirmationCandidates = confirmationCandidates
        self.confirmationHorizon = confirmationHorizon
        self.confirmationReplications = confirmationReplications
        self.scaleScenarioEvents = scaleScenarioEvents
        self.exhaustiveLimit = exhaustiveLimit
        self.beamWidth = beamWidth
        self.maximumPasses = maximumPasses
        self.slackResolution = slackResolution
        self.slackCap = slackCap
        self.costResolution = costResolution
        self.calibrate = calibrate
        self.verifyAtRunSettings = verifyAtRunSettings
    }
}

/// Searches the knobs of `config` against its goals and recommends a configuration that
/// is safe for every device of the network, not only those a goal names.
///
/// 1. The space is every knob's discrete range (`CandidateSpace`); knobs the optimiser
///    cannot set are left out with a note.
/// 2. The analytic representations score candidates (`AnalyticEvaluator`, calibrated
///    on `baseline`) and the search ranks them lexicographically (`CandidateRank`,
///    `searchKnobs`); a candidate that breaks a device's floor (`DeviceFloor`) or sets a
///    value an application's what-if rejects (`excluded`) ranks below every safe one and
///    is never simulated.
/// 3. The best `confirmationCandidates` safe candidates (one per predicted outcome, with
///    every change that buys nothing put back), the other applications' `proposals` and
///    the baseline are simulated under the same confirmation settings (common random
///    numbers) and ranked again by their measured verdicts (`Screening`): a candidate
///    that loses a critical goal the baseline meets, makes a critical goal it misses
///    worse, or breaks a device's floor in any scenario is not eligible.
/// 4. The best eligible one runs again at the run's settings beside the baseline
///    (`Verification`) and is withdrawn if that run shows any of the same.
/// 5. Every critical goal left unmet is explained (`UnmetGoals`).
/// A plain function of its inputs: same config, report and options → same result.
/// `baselineOutcomes` are the outcomes `baseline` was built from (simulated again when
/// nil), the pairs of the paired comparison.
public func optimise(config: TwinConfig, baseline: RunReport, options: OptimiserOptions, run: RunOptions,
                     baselineOutcomes: [[ReplicationOutcome]]? = nil, excluded: [ExcludedSetting] = [],
                     proposals: [OptimiserProposal] = []) throws(RunFailure) -> OptimisationResult {
    var notes: [String] = []
    var searchable = config
    searchable.knobs = config.knobs.filter { knob in
        guard knob.targets.allSatisfy({ target in config.network.devices.contains { $0.id == target } }) else {
            notes.append("knob `\(knob.id)` targets a device the network does not have; left as it is")
            return false
        }
        return true
    }
    let space = CandidateSpace(config: searchable)
    let refused = excluded.filter { setting in space.knobs.contains { $0.id == setting.knob } }
    var evaluator = AnalyticEvaluator(config: searchable, space: space, baseline: baseline, options: options,
                                      excluded: refused)
    let search = searchKnobs(&evaluator, options: options, workers: run.maximumConcurrency)
    let goals = evaluator.goals
    let baselineEvaluation = search.ranked.first { $0.candidate == space.baseline } ?? evaluator.evaluate(space.baseline)
    var result = OptimisationResult(
        objectives: goals.map(\.id), objectiveCategories: config.objectives,
        knobs: knobChanges(space, recommended: space.baseline), method: search.method, spaceSize: space.size,
        candidatesConsidered: search.ranked.count, candidatesSimulated: 0, confirmation: nil, verdicts: [],
        evidence: [], notes: notes)
    result.floors = evaluator.floors.floors
    result.excluded = refused

    guard search.ranked.count > 1 else {
        // Nothing to turn: the verdicts are the baseline run's own.
        let measured = goals.map { MeasuredGoal(goal: $0, report: baseline) }
        result.verdicts = verdictRows(goals, baseline: measured, recommended: measured)
        result.unmetCriticalGoals = UnmetGoals.explain(
            goals: goals, rows: result.verdicts,
            measurements: measured.map {
                [UnmetGoals.Measurement(measured: $0, setting: "the baseline", stage: "run settings", eligible: true, reasons: [])]
            },
            analytic: search.ranked, config: config, report: baseline)
        return result
    }

    let settings = ConfirmationSettings(config: config, options: options)
    var screened = candidatesToScreen(search, proposals: proposals, evaluator: &evaluator, options: options,
                                      notes: &result.notes)
    var baselineIndex = screened.firstIndex { $0.candidate == space.baseline }
    if baselineIndex == nil {
        screened.append(ScreenedCandidate(evaluation: baselineEvaluation, origin: "baseline"))
        baselineIndex = screened.count - 1
    }
    let reference = baselineIndex ?? 0
    screened[reference].origin = "baseline"
    result.notes += try Screening.screen(&screened, baselineIndex: reference, goals: goals, config: searchable,
                                         space: space, settings: settings, options: options, run: run)
    let chosen = Screening.best(screened, baselineIndex: reference)
    result.confirmation = settings
    result.candidatesSimulated = screened.filter { $0.run != nil }.count
    result.evidence = screened.indices.map { index in
        evidence(screened[index], space: space, search: search, isBaseline: index == reference,
                 isRecommended: index == chosen)
    }

    var recommended = screened[chosen].candidate
    var final = (baseline: screened[reference].run, recommended: screened[chosen].run)
    var finalMeasurements: [(MeasuredGoal, MeasuredGoal)]?
    var withdrawal: String?
    if options.verifyAtRunSettings {
        let verification = try Verification.verify(
            recommended, space: space, config: searchable, goals: goals, baseline: baseline,
            baselineOutcomes: baselineOutcomes, run: run)
        result.notes += verification.notes
        withdrawal = verification.withdrawal
        recommended = verification.recommended
        result.commonRandomNumbers = verification.commonRandomNumbers
        final = (verification.baseline, verification.recommendedRun)
        result.verdictSettings = baseline.settings
        result.verdictReplications = verification.baseline.outcomes.map(\.count)
        let before = goals.map { MeasuredGoal(goal: $0, report: verification.baseline.report) }
        let after = goals.map { MeasuredGoal(goal: $0, report: verification.recommendedRun.report) }
        finalMeasurements = Array(zip(before, after))
    } else if let before = final.baseline, let after = final.recommended {
        result.commonRandomNumbers = Verification.check(before, after, seed: settings.seed, horizon: settings.horizon)
    }
    if recommended != screened[chosen].candidate {
        for index in result.evidence.indices { result.evidence[index].isRecommended = screened[index].candidate == recommended }
    }
    result.knobs = knobChanges(space, recommended: recommended)
    let pairs = finalMeasurements ?? Array(zip(screened[reference].measured, screened[chosen].measured))
    result.verdicts = verdictRows(goals, baseline: pairs.map(\.0), recommended: pairs.map(\.1))
    if recommended != space.baseline, let before = final.baseline, let after = final.recommended {
        for index in result.verdicts.indices {
            result.verdicts[index].difference = GoalComparison.difference(
                goals[index], scenario: result.verdicts[index].baseline.scenario ?? result.verdicts[index].recommended.scenario,
                baseline: before.report, candidate: after.report)
        }
        result.sideEffects = SideEffects.compare(config: searchable, baseline: before, candidate: after,
                                                 changed: space.changedDevices(recommended), evidence: options.verifyAtRunSettings ? .shownAt95 : .pointEstimates)
    }
    result.unmetCriticalGoals = UnmetGoals.explain(
        goals: goals, rows: result.verdicts,
        measurements: goals.indices.map { goal in measurementsOf(goal, screened, final: finalMeasurements, space: space,
                                                                 recommended: recommended) },
        analytic: search.ranked, config: config, report: (final.recommended ?? final.baseline)?.report ?? baseline,
        withdrawal: withdrawal.map { (describe(screened[chosen].candidate, space: space), $0) })
    result.proposals = Proposals.outcomes(proposals, screened: screened, recommended: recommended, chosen: chosen,
                                          space: space, goals: goals, screening: settings, withdrawal: withdrawal)
    return result
}

/// The candidates the simulation screens: the best few safe ones with different
/// predicted outcomes (candidates that differ only in knobs that change nothing would
/// spend simulations on noise), then each proposal that is a point of the space.
private func candidatesToScreen(_ search: SearchOutcome, proposals: [OptimiserProposal],
                                evaluator: inout AnalyticEvaluator, options: OptimiserOptions,
                                notes: inout [String]) -> [ScreenedCandidate] {
    var screened: [ScreenedCandidate] = []
    for ranked in search.ranked where screened.count < Swift.max(0, options.confirmationCandidates) {
        guard ranked.violations.isEmpty else { break }  // safe candidates rank first
        guard !screened.contains(where: { $0.evaluation.rank.hasSameOutcome(as: ranked.rank) }),
              let evaluation = simplificationSteps(ranked, evaluator: &evaluator).last,
              evaluation.violations.isEmpty,
              !screened.contains(where: { $0.candidate == evaluation.candidate }) else { continue }
        screened.append(ScreenedCandidate(evaluation: evaluation, origin: "search"))
    }
    for proposal in proposals {
        guard let candidate = Proposals.candidate(proposal, in: evaluator.space) else {
            notes.append("the \(proposal.origin) application's recommendation sets knobs or values outside the search space")
            continue
        }
        if let index = screened.firstIndex(where: { $0.candidate == candidate }) {
            screened[index].origin += "+\(proposal.origin)"
        } else {
            screened.append(ScreenedCandidate(evaluation: evaluator.evaluate(candidate), origin: proposal.origin))
        }
    }
    return screened
}

/// The evidence line of one screened candidate.
private func evidence(_ item: ScreenedCandidate, space: CandidateSpace, search: SearchOutcome, isBaseline: Bool,
                      isRecommended: Bool) -> CandidateEvidence {
    CandidateEvidence(
        analyticRank: (search.ranked.firstIndex { $0.candidate == item.candidate } ?? -1) + 1,
        isBaseline: isBaseline, isRecommended: isRecommended, eligible: isBaseline || item.eligible,
        changes: space.changedKnobs(item.candidate).map {
            KnobValue(id: space.knobs[$0].id, value: space.value($0, in: item.candidate))
        },
        relativeCurrent: item.evaluation.relativeCurrent, analytic: item.evaluation.scores, measured: item.measured,
        origin: item.origin, simulated: item.run != nil, ineligibleBecause: isBaseline ? [] : item.reasons)
}

/// Every simulated measurement of goal `index`: each screened candidate's, and both
/// columns of the final run.
private func measurementsOf(_ index: Int, _ screened: [ScreenedCandidate], final: [(MeasuredGoal, MeasuredGoal)]?,
                            space: CandidateSpace, recommended: Candidate) -> [UnmetGoals.Measurement] {
    var found: [UnmetGoals.Measurement] = []
    for item in screened where item.run != nil && index < item.measured.count {
        found.append(UnmetGoals.Measurement(
            measured: item.measured[index], setting: describe(item.candidate, space: space), stage: "screening",
            eligible: item.origin.hasPrefix("baseline") || item.eligible, reasons: item.reasons))
    }
    if let final, index < final.count {
        found.append(UnmetGoals.Measurement(measured: final[index].0, setting: "the baseline", stage: "run settings",
                                            eligible: true, reasons: []))
        if recommended != space.baseline {
            found.append(UnmetGoals.Measurement(measured: final[index].1, setting: describe(recommended, space: space),
                                                stage: "run settings", eligible: true, reasons: []))
        }
    }
    return found
}

/// `ecg.tx-power = 0 dBm, ecg.period = 2 superframes`, or `the baseline`.
func describe(_ candidate: Candidate, space: CandidateSpace) -> String {
    let changed = space.changedKnobs(candidate)
    guard !changed.isEmpty else { return "the baseline" }
    return changed.map { index in
        let knob = space.knobs[index]
        let change = KnobChange(id: knob.id, parameter: knob.parameter, unit: knob.unit, baseline: 0,
                                recommended: space.value(index, in: candidate), labels: knob.labels)
        return "\(knob.id) = \(change.describe(change.recommended))"
    }.joined(separator: ", ")
}

/// Every knob of the space with its baseline and recommended value.
private func knobChanges(_ space: CandidateSpace, recommended: Candidate) -> [KnobChange] {
    space.knobs.indices.map { index in
        KnobChange(id: space.knobs[index].id, parameter: space.knobs[index].parameter, unit: space.knobs[index].unit,
                   baseline: space.value(index, in: space.baseline), recommended: space.value(index, in: recommended),
                   labels: space.knobs[index].labels)
    }
}

/// The verdict table's rows, in goal order.
private func verdictRows(_ goals: [GoalConfig], baseline: [MeasuredGoal], recommended: [MeasuredGoal]) -> [VerdictRow] {
    zip(goals, zip(baseline, recommended)).map { goal, pair in
        var result = GoalResult(goalID: goal.id, kpi: goal.kpi, priority: goal.priority,
                                threshold: GoalEvaluation.effectiveThreshold(of: goal), samples: [], value: nil,
                                verdict: .notEvaluated, limitingDevice: nil, note: nil)
        result.within = goal.within
        result.securityLevel = goal.securityLevel
        return VerdictRow(goal: goal.id, kpi: goal.kpi, priority: goal.priority, target: result.targetText,
                          dimension: goal.kpi.dimension, baseline: pair.0, recommended: pair.1)
    }
}
