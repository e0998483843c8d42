import TwinConfig
import TwinEngine
import TwinVocabulary

/// When a scenario's goals can no longer change, so its replications can stop there
/// instead of at the horizon (issue 12: work only where it answers a question).
///
/// An attack scenario of the demo asks one thing: were the vitals protected while the
/// attacker was on the air (`security-protect`), or was the attack detected within 2 s
/// (`security-detect`). Both are decided by what happens between the attack's start and
/// its end: forged frames are counted when the attacker sends them, overheard frames
/// while an eavesdropper listens, a detection only counts within the goal's `within`.
/// After the last event the network is the baseline's again, which the baseline scenario
/// already measures. Simulating the demo's spoofing scenario for 24 h to judge a 10 min
/// attack spent 99 % of its time on no question; the attack scenarios were two thirds
/// of a run.
///
/// The rule is deliberately narrow. A scenario stops early only when every goal it
/// evaluates is one of these two KPIs (a detection goal with a `within`) and every event
/// of it ends: then the stop is the latest of each event's end and, for detection goals,
/// each event's start plus `within`. Any other goal (delivery, latency, lifetime,
/// recovery, …) is a measurement over the whole run and keeps the horizon, as does a
/// scenario that evaluates no goal or has an event without an end. The stopped
/// replication's outcome carries the stop as its horizon, so every figure of it (ratios,
/// energy, the network view) covers the time simulated; the report names the stop
/// (`ScenarioReport.simulatedUntil`), and `--whole-horizon` (`RunOverrides.wholeHorizon`)
/// runs every scenario to the end. `GoalSettlingTests` checks that the goals' samples of
/// a stopped run equal those of the whole run, replication for replication.
enum GoalSettling {
    /// Where replications of `scenario` may stop, or nil for the horizon.
    static func settledAt(_ scenario: ScenarioConfig, config: TwinConfig) -> SimTime? {
        let goals = config.goals(evaluatedIn: scenario)
        guard !goals.isEmpty, !scenario.events.isEmpty else { return nil }
        var detectionWindow = SimTime.zero
        for goal in goals {
            switch goal.kpi {
            case .securityProtect:
                continue
            case .securityDetect:
                guard let within = goal.within else { return nil }
                detectionWindow = Swift.max(detectionWindow, SimTime(within))
            case .deliveryRatio, .latency, .lifetime, .energy, .availability, .throughput, .recoveryTime:
                return nil
            }
        }
        var settled = SimTime.zero
        for (index, event) in scenario.events.enumerated() {
            let injected = InjectedEvent(index: index, event: event, network: config.network)
            guard let end = injected.end, end < .max - detectionWindow else { return nil }
            settled = Swift.max(settled, end, injected.at + detectionWindow)
        }
        let horizon = SimTime(config.run.horizon)
        return settled < horizon ? settled : nil
    }
}

extension TwinConfig {
    /// The goals a run evaluates in `scenario`: those it names, in config order, or every
    /// goal when it names none.
    public func goals(evaluatedIn scenario: ScenarioConfig) -> [GoalConfig] {
        let wanted = Set(scenario.goals)
        return goals.filter { wanted.isEmpty || wanted.contains($0.id) }
    }
}
