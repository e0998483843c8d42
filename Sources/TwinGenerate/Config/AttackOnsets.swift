import TwinConfig
import TwinUnits
import TwinVocabulary

/// How many times an attack starts in one replication of a threat's scenario, and when.
///
/// Why more than one: a detection goal ("an active jammer is detected within 2 s,
/// ≥ 95 %") is a probability over attack onsets, and each onset is one trial. With one
/// onset per replication, even a detector that never misses cannot show ≥ 95 % at 95 %
/// confidence before 73 replications (the Wilson lower bound of n successes in n trials
/// is n / (n + z²), z = 1.96), so under the default cap of 30 the verdict stayed
/// inconclusive whatever the design, and every run paid for 30 replications of the
/// scenario. Repeating the attack inside the replication gives the trials the goal needs
/// in a few replications; the onsets of one replication are pooled as one cluster
/// (`ClusteredIntervals.ratio`), so their correlation widens the interval rather than
/// being assumed away.
///
/// The onsets start a quarter into the horizon and are spread over the next half of it:
/// onset i at `0.25 + i·½/k` of the horizon, each lasting half of its share (on, then
/// off as long again, so the detector's windows see the attack end before the next
/// starts). As fractions, they land inside whatever horizon the run uses.
enum AttackOnsets {
    /// Where the first onset starts and the share of the horizon all of them span.
    static let firstFraction = 0.25
    static let spanFraction = 0.5
    /// Replications over which the onsets should give enough trials: the auto rule's
    /// first batch of 5, so a detector that never misses is shown to meet the target
    /// without a second batch. Aiming at two batches (8 onsets for the demo) made every
    /// run simulate five more replications of the jamming scenario, each alone from the
    /// start (the other scenarios no longer shared its first quarter): about 30 % of the
    /// demo's 24 h run without the optimiser (5.96–7.94 s → 4.52–5.17 s wall on two
    /// cores, five alternating runs; 28.4 M → 23.4 M events) for the same 75–80 trials.
    /// More trials per replication mean shorter bursts (1/60 of the horizon for the demo:
    /// 24 min of a day, 10 s of `--horizon 10min`; even at `--horizon 1min` every 1 s
    /// burst was detected), still longer than a detection window of seconds and the
    /// detector's 1 s tick; and fewer clusters, so a detector that misses some onsets
    /// gets a wider interval after the first batch, and the auto rule adds batches as it
    /// did.
    static let replicationsAimedAt = 5.0
    static let maximumOnsets = 20

    /// Onsets per replication for the detection goals among `goals` (1 when none): the
    /// trials a detector that never misses needs to show the strictest target,
    /// z²·p / (1 − p), spread over `replicationsAimedAt` replications, at most
    /// `maximumOnsets`. For the demo's ≥ 95 %: 73 trials, 15 onsets.
    static func count(for goals: [GoalConfig]) -> Int {
        let targets = goals.filter { $0.kpi == .securityDetect }.compactMap { goal -> Double? in
            guard let bound = goal.threshold?.bound.value, bound > 0, bound < 1 else { return nil }
            return bound
        }
        guard let strictest = targets.max() else { return 1 }
        let z = 1.959964
        let trials = z * z * strictest / (1 - strictest)
        let onsets = (trials / replicationsAimedAt).rounded(.up)
        return Swift.max(1, Swift.min(maximumOnsets, Int(onsets)))
    }

    /// The `count` onsets of `template` (its kind, target and parameters) as fractions
    /// of the horizon, each lasting half of its share of `spanFraction`.
    static func events(_ template: ScenarioEvent, count: Int, horizon: Time) -> [ScenarioEvent] {
        let share = spanFraction / Double(count)
        return (0..<count).map { index in
            let start = firstFraction + Double(index) * share
            return ScenarioEvent(at: horizon * start, kind: template.kind, target: template.target,
                                 duration: horizon * (share / 2), parameters: template.parameters,
                                 atFraction: start, durationFraction: share / 2)
        }
    }
}
