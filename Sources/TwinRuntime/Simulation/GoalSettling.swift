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
/// evaluates is one of these two KPIs, every event of it is an attack (a fault is judged
/// by the resilience application over the whole run) and ends, and every detection goal
/// of the twin on its threats has a `within`: then the stop is the latest of each
/// event's end and each event's start plus the longest of those windows. Any other goal
/// (delivery, latency, lifetime, recovery, …) is a measurement over the whole run and
/// keeps the horizon, as does a scenario that evaluates no goal or has an event without
/// an end. What the stop does change: a detection more than a window after its attack
/// started and after the stop is not seen, so the security section reads such an attack
/// as undetected where the whole run may read it as detected late — not in time either
/// way, and no goal's value changes. The section says so: an attack not detected in
/// every replication of a stopped scenario is reported "not detected … by <stop>, where
/// the run stopped" (`ThreatAssessment.watchedUntil`, JSON `watchedUntil_s`).
///
/// The stopped replication's outcome carries the stop as its horizon, so every figure of
/// it (ratios, energy, the network view) covers the time simulated; the report names the
/// stop (`ScenarioReport.simulatedUntil`), and `--whole-horizon`
/// (`RunOverrides.wholeHorizon`) runs every scenario to the end. `GoalSettlingTests` checks that the goals' samples of
/// a stopped run equal those of the whole run, replication for replication.
enum GoalSettling {
    /// Where replications of `scenario` may stop, or nil for the horizon.
    static func settledAt(_ scenario: ScenarioConfig, config: TwinConfig) -> SimTime? {
        let goals = config.goals(evaluatedIn: scenario)
        guard !goals.isEmpty, !scenario.events.isEmpty else { return nil }
        for goal in goals {
            switch goal.kpi {
            case .securityProtect, .securityDetect:
                continue
            case .deliveryRatio, .latency, .lifetime, .energy, .availability, .throughput, .recoveryTime:
                return nil
            }
        }
        // A fault is judged by the resilience application on every delivery and latency
        // goal, whatever the scenario names: it needs the whole run.
        var threats: Set<Threat> = []
        for event in scenario.events {
            guard case .attack(let threat) = event.kind else { return nil }
            threats.insert(threat)
        }
        // The security application reads the detection of every attack against the
        // twin's detection goals on its threat (detected within `within`, or late), not
        // only the scenario's: wait out the longest window of any of them, and run to the
        // horizon for one without a window, whose detection may come at any time.
        var detectionWindow = SimTime.zero
        for goal in config.goals where goal.kpi == .securityDetect
            && (goal.threats.isEmpty || !threats.isDisjoint(with: goal.threats)) {
            guard let within = goal.within else { return nil }
            detectionWindow = Swift.max(detectionWindow, SimTime(within))
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
