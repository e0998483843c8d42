import TwinConfig
import TwinJSON
import TwinRuntime
import TwinUnits
import TwinVocabulary

/// The resilience application's findings: for every fault event of every scenario
/// (device or gateway failure, link degradation, posture change, battery depletion,
/// burst interference) the degradation of each goal it touches against the baseline,
/// the time to detect and to recover (`FaultTimeline`), the availability over the
/// horizon (measured, and from the Markov chain when the plan chose one,
/// `MarkovAvailability`), and a resilience score per goal.
///
/// Score of a goal under a fault, in [0, 1]:
/// `availability × (1 − normalised degradation) × recovery`, where the degradation is
/// the change of the goal's KPI in its worse direction divided by its baseline value
/// (by the goal's bound when the baseline is 0, e.g. recovery time), clamped to [0, 1],
/// and recovery is 1 when every affected device delivered again in every replication,
/// else 0. A goal's score is its lowest over the faults (the fault it survives worst).
public struct ResilienceReport: Sendable, Hashable {
    public struct GoalImpact: Sendable, Hashable {
        public var goal: String
        public var kpi: KPI
        public var baseline: Double?
        public var underFault: Double?
        /// Change in the worse direction, in the KPI's unit (negative: it improved).
        public var degradation: Double?
        public var normalisedDegradation: Double
        public var unit: String
        public var score: Double
    }

    public struct Fault: Sendable, Hashable {
        public var scenario: String
        public var kind: ScenarioEventKind
        public var target: String
        public var at: Time
        public var duration: Time?
        public var goals: [GoalImpact]
        public var timeToDetect: Time?
        public var detectedBy: String
        public var timeToRecover: Time?
        public var recovered: Bool
        public var recoveredIn: Int
        public var replications: Int
        public var availability: Double?
        public var markovAvailability: Double?
        public var score: Double
    }

    public struct GoalScore: Sendable, Hashable {
        public var goal: String
        public var score: Double
        /// The scenario of the fault that set it.
        public var weakestScenario: String
    }

    /// Whether this application treats the event kind as a fault (attacks are security's).
    public static func isFault(_ kind: ScenarioEventKind) -> Bool {
        switch kind {
        case .fault: true
        case .attack: false
        }
    }
    /// KPIs a fault degrades and every fault is checked against, beside the scenario's own goals.
    static let performanceKPIs: Set<KPI> = [.deliveryRatio, .latency, .availability, .throughput]

    public var faults: [Fault]
    public var scores: [GoalScore]

    public static func evaluate(config: TwinConfig, outcomes: [[ReplicationOutcome]], report: RunReport) -> ResilienceReport {
        let baselineRuns = ScenarioLookup.baselineIndex(of: config).map { ScenarioLookup.outcomes(outcomes, $0) } ?? []
        var baselineValues: [String: Double] = [:]
        for goal in config.goals {
            baselineValues[goal.id] = GoalEvaluation.evaluate(goal, config: config, outcomes: baselineRuns).value?.point
        }
        let markov = MarkovAvailability.model(in: config)
        var faults: [Fault] = []
        for (scenarioIndex, scenario) in config.scenarios.enumerated() {
            let runs = ScenarioLookup.outcomes(outcomes, scenarioIndex)
            let goals = config.goals.filter { scenario.goals.contains($0.id) || performanceKPIs.contains($0.kpi) }
            for (index, event) in scenario.events.enumerated() where isFault(event.kind) {
                let devices = affectedDevices(event: event, goals: goals, config: config)
                let timeline = FaultTimeline(event: event, index: index, devices: devices, config: config, outcomes: runs)
                guard timeline.replications > 0 else { continue }
                let availability = timeline.availability ?? 1
                let recovery = timeline.recovered ? 1.0 : 0.0
                let impacts = goals.map { goal in
                    impact(of: goal, baseline: baselineValues[goal.id], config: config, outcomes: runs,
                           availability: availability, recovery: recovery)
                }
                faults.append(Fault(
                    scenario: scenario.id, kind: event.kind, target: event.target, at: event.at, duration: event.duration,
                    goals: impacts, timeToDetect: timeline.timeToDetect, detectedBy: timeline.detectedBy,
                    timeToRecover: timeline.timeToRecover, recovered: timeline.recovered,
                    recoveredIn: timeline.recoveredIn, replications: timeline.replications,
                    availability: timeline.availability,
                    markovAvailability: markov.flatMap { MarkovAvailability.availability(event: event, config: config, model: $0) },
                    score: impacts.map(\.score).min() ?? availability * recovery))
            }
        }
        var scores: [GoalScore] = []
        for goal in config.goals {
            var weakest: GoalScore?
            for fault in faults {
                guard let impact = fault.goals.first(where: { $0.goal == goal.id }) else { continue }
                if impact.score < (weakest?.score ?? .infinity) {
                    weakest = GoalScore(goal: goal.id, score: impact.score, weakestScenario: fault.scenario)
                }
            }
            if let weakest { scores.append(weakest) }
        }
        return ResilienceReport(faults: faults, scores: scores)
    }

    /// The devices whose delivery the fault is judged by: those of its goals (every
    /// device without goals), less the target of a fault that takes the device itself
    /// down for good (it cannot recover; the rest of the BAN must).
    static func affectedDevices(event: ScenarioEvent, goals: [GoalConfig], config: TwinConfig) -> [String] {
        var ids: [String] = []
        for goal in goals {
            for device in ScenarioLookup.devices(of: goal, in: config) where !ids.contains(device.id) { ids.append(device.id) }
        }
        if ids.isEmpty { ids = config.network.devices.map(\.id) }
        let permanent = [.fault(.deviceFailure), .fault(.batteryDepletion)].contains(event.kind)
            && (event.duration?.si ?? 0) <= 0
        if permanent, ids.count > 1 { ids.removeAll { $0 == event.target } }
        return config.network.devices.map(\.id).filter { ids.contains($0) }
    }

    static func impact(of goal: GoalConfig, baseline: Double?, config: TwinConfig, outcomes: [ReplicationOutcome],
                       availability: Double, recovery: Double) -> GoalImpact {
        let kpi = goal.kpi
        let underFault = GoalEvaluation.evaluate(goal, config: config, outcomes: outcomes).value?.point
        // Nothing to recover from without a fault: the baseline recovery time is 0.
        let reference = baseline ?? (kpi == .recoveryTime ? 0 : nil)
        let higherIsBetter = goal.threshold.map { !$0.op.isUpperBound } ?? kpi.higherIsBetter
        var degradation: Double?
        var normalised = 0.0
        if let reference, let underFault {
            let change = higherIsBetter ? reference - underFault : underFault - reference
            degradation = change
            let bound = goal.threshold.map { abs($0.bound.value) } ?? 0
            let scale = abs(reference) > 0 ? abs(reference) : (bound > 0 ? bound : 1)
            normalised = Swift.min(1, Swift.max(0, change / scale))
        }
        return GoalImpact(goal: goal.id, kpi: goal.kpi, baseline: reference, underFault: underFault,
                          degradation: degradation, normalisedDegradation: normalised,
                          unit: kpi.dimension.canonicalUnit, score: availability * (1 - normalised) * recovery)
    }
}
