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

/// Searches the knobs of `config` against its goals and recommends a configuration.
///
/// 1. The space is every knob's discrete range (`CandidateSpace`); knobs the optimiser
///    cannot set are left out with a note.
/// 2. The analytic representations score candidates (`AnalyticEvaluator`, calibrated
///    on `baseline`) and the search ranks them lexicographically (`CandidateRank`,
///    `searchKnobs`).
/// 3. The best `confirmationCandidates` (one per predicted outcome, with every change
///    that buys nothing put back) and the baseline are simulated under the
///    same confirmation settings and ranked again by their measured verdicts. A
///    candidate that loses a critical goal the baseline meets is not eligible, so the
///    recommendation is never worse than the baseline on critical goals.
/// A plain function of its inputs: same config, report and options → same result.
public func optimise(config: TwinConfig, baseline: RunReport, options: OptimiserOptions,
                     run: RunOptions) throws(RunFailure) -> OptimisationResult {
    var notes: [String] = []
    var searchable = config
    searchable.knobs = config.knobs.filter { knob in
        guard KnobParameter(rawValue: knob.parameter) != nil else {
            notes.append("knob `\(knob.id)` sets `\(knob.parameter)`, which the optimiser does not know; left as it is")
            return false
        }
        guard knob.targets.allSatisfy({ target in config.network.devices.contains { $0.id == target } }) else {
            notes.append("knob `\(knob.id)` targets a device the network does not have; left as it is")
            return false
        }
        return true
    }
    let space = CandidateSpace(config: searchable)
    var evaluator = AnalyticEvaluator(config: searchable, space: space, baseline: baseline, options: options)
    let search = searchKnobs(&evaluator, options: options)
    let goals = evaluator.goals
    let baselineEvaluation = search.ranked.first { $0.candidate == space.baseline } ?? evaluator.evaluate(space.baseline)

    guard search.ranked.count > 1 else {
        // Nothing to turn: the verdicts are the baseline run's own.
        let measured = goals.map { MeasuredGoal(goal: $0, report: baseline) }
        return OptimisationResult(
            objectives: goals.map(\.id), objectiveCategories: config.objectives,
            knobs: knobChanges(space, recommended: space.baseline), method: search.method, spaceSize: space.size,
            candidatesConsidered: search.ranked.count, candidatesSimulated: 0, confirmation: nil,
            verdicts: verdictRows(goals, baseline: measured, recommended: measured), evidence: [], notes: notes)
    }

    let settings = ConfirmationSettings(config: config, options: options)
    // The best few with different predicted outcomes: candidates that differ only in
    // knobs that change nothing would spend simulations on noise.
    var confirmed: [AnalyticEvaluation] = []
    for ranked in search.ranked where confirmed.count < Swift.max(0, options.confirmationCandidates) {
        guard !confirmed.contains(where: { $0.rank.hasSameOutcome(as: ranked.rank) }),
              let evaluation = simplificationSteps(ranked, evaluator: &evaluator).last,
              !confirmed.contains(where: { $0.candidate == evaluation.candidate }) else { continue }
        confirmed.append(evaluation)
    }
    if !confirmed.contains(where: { $0.candidate == space.baseline }) { confirmed.append(baselineEvaluation) }
    var measurements: [[MeasuredGoal]] = []
    for evaluation in confirmed {
        let candidateConfig: TwinConfig
        do {
            candidateConfig = try space.apply(evaluation.candidate, to: searchable)
        } catch {
            notes.append("candidate \(evaluation.candidate.indices) could not be applied: \(error)")
            measurements.append(goals.map { MeasuredGoal(goal: $0, report: emptyReport(config)) })
            continue
        }
        let report = try confirmationReport(candidateConfig, settings: settings, run: run)
        measurements.append(goals.map { MeasuredGoal(goal: $0, report: report) })
    }

    let baselineIndex = confirmed.firstIndex { $0.candidate == space.baseline } ?? confirmed.count - 1
    let ranks = zip(confirmed, measurements).map { evaluation, measured in
        CandidateRank(candidate: evaluation.candidate, scores: zip(goals, measured).map { $1.score(for: $0) }, goals: goals,
                      relativeCurrent: evaluation.relativeCurrent,
                      changes: space.changedKnobs(evaluation.candidate).count, resolution: options)
    }
    let keep = ranks[baselineIndex].criticalMet(goals: goals)
    let eligible = ranks.map { keep.isSubset(of: $0.criticalMet(goals: goals)) }
    var chosen = baselineIndex
    for index in ranks.indices where eligible[index] && ranks[index].isBetter(than: ranks[chosen]) { chosen = index }

    let evidence = confirmed.indices.map { index in
        CandidateEvidence(
            analyticRank: (search.ranked.firstIndex { $0.candidate == confirmed[index].candidate } ?? -1) + 1,
            isBaseline: index == baselineIndex, isRecommended: index == chosen, eligible: eligible[index],
            changes: space.changedKnobs(confirmed[index].candidate).map {
                KnobValue(id: space.knobs[$0].id, value: space.value($0, in: confirmed[index].candidate))
            },
            relativeCurrent: confirmed[index].relativeCurrent, analytic: confirmed[index].scores,
            measured: measurements[index])
    }
    var recommended = confirmed[chosen].candidate
    var verdicts = verdictRows(goals, baseline: measurements[baselineIndex], recommended: measurements[chosen])
    var verdictSettings: RunSettings?
    if options.verifyAtRunSettings {
        // The verdict table at the run's settings: the baseline is the report the run
        // already made; the recommendation gets one run like it. Screening is noisy, so
        // a recommendation that loses a critical goal here is withdrawn.
        let baselineMeasured = goals.map { MeasuredGoal(goal: $0, report: baseline) }
        var recommendedMeasured = baselineMeasured
        var candidateConfig: TwinConfig?
        if recommended != space.baseline {
            do {
                candidateConfig = try space.apply(recommended, to: searchable)
            } catch {
                notes.append("the recommendation could not be applied for its run at the run's settings (\(error)); keeping the baseline")
                recommended = space.baseline
            }
        }
        if let candidateConfig {
            let report = try reportWithoutTraces(candidateConfig, run: run)
            recommendedMeasured = goals.map { MeasuredGoal(goal: $0, report: report) }
            let lost = CandidateRank.criticalGoalsMet(goals, met: baselineMeasured.map { $0.verdict == .met })
                .subtracting(CandidateRank.criticalGoalsMet(goals, met: recommendedMeasured.map { $0.verdict == .met }))
            if !lost.isEmpty {
                notes.append("the screened recommendation lost critical goal(s) "
                    + goals.filter { lost.contains($0.id) }.map { "`\($0.id)`" }.joined(separator: ", ")
                    + " at the run's settings; keeping the baseline")
                recommended = space.baseline
                recommendedMeasured = baselineMeasured
            }
        }
        verdicts = verdictRows(goals, baseline: baselineMeasured, recommended: recommendedMeasured)
        verdictSettings = config.run
    }
    return OptimisationResult(
        objectives: goals.map(\.id), objectiveCategories: config.objectives,
        knobs: knobChanges(space, recommended: recommended), method: search.method, spaceSize: space.size,
        candidatesConsidered: search.ranked.count, candidatesSimulated: confirmed.count, confirmation: settings,
        verdicts: verdicts, evidence: evidence, notes: notes, verdictSettings: verdictSettings)
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
                          dimension: KPI(rawValue: goal.kpi)?.dimension, baseline: pair.0, recommended: pair.1)
    }
}

/// A report with no scenarios: every goal not evaluated.
private func emptyReport(_ config: TwinConfig) -> RunReport {
    RunReport(twin: config.name, title: config.title, settings: config.run, warmupShortened: false, scenarios: [],
              summary: [])
}
