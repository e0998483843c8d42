/// How the analytic search went: every candidate it looked at, best first.
public struct SearchOutcome: Sendable, Hashable {
    public enum Method: String, Sendable, Hashable {
        /// Every point of the space (small spaces: the optimum is exact).
        case exhaustive
        /// Coordinate descent over devices with a beam (large spaces).
        case coordinateDescent = "coordinate-descent"
    }

    public var method: Method
    /// Distinct candidates evaluated, best first by `CandidateRank`.
    public var ranked: [AnalyticEvaluation]
    /// Passes over the devices (coordinate descent only).
    public var passes: Int

    public var best: AnalyticEvaluation? { ranked.first }
}

/// Searches the knob space by the analytic estimates.
///
/// A space of at most `options.exhaustiveLimit` points is enumerated, so the optimum is
/// the true lexicographic optimum of the estimates. A larger space (the demo twin has
/// 26 knobs, ~10¹⁸ points) is searched by coordinate descent with a beam: starting from
/// the baseline, for each device in turn every combination of that device's knobs is
/// tried around each of the `beamWidth` best candidates so far, keeping the best
/// `beamWidth`; passes repeat until a pass leaves the beam unchanged (at most
/// `maximumPasses`). Devices interact only through the goals that span several of them
/// (worst-device values), which is why whole candidates are ranked, not devices. The
/// leaders then have every changed knob tried back at its baseline value, so no change
/// that buys nothing survives. The baseline is always evaluated, so the search never
/// reports anything worse.
/// Candidates are scored on up to `workers` threads (`AnalyticEvaluator.evaluateAll`);
/// the outcome does not depend on how many.
public func searchKnobs(_ evaluator: inout AnalyticEvaluator, options: OptimiserOptions,
                        workers: Int = 1) -> SearchOutcome {
    let space = evaluator.space
    // Every evaluation once, by position; candidates map to their position. Positions,
    // not evaluations, move through the passes: one hash per candidate and no copies
    // of five-array values (perf: the search's serial stretch between parallel scoring).
    var store: [AnalyticEvaluation] = []
    var position: [Candidate: Int] = [:]
    /// The positions of `candidates`, evaluating those not seen yet (once each).
    func evaluate(_ candidates: [Candidate]) -> [Int] {
        var fresh: [Candidate] = []
        var positions: [Int] = []
        positions.reserveCapacity(candidates.count)
        for candidate in candidates {
            if let known = position[candidate] {
                positions.append(known)
            } else {
                let next = store.count + fresh.count
                position[candidate] = next
                positions.append(next)
                fresh.append(candidate)
            }
        }
        store += evaluator.evaluateAll(fresh, workers: workers)
        return positions
    }
    func remember(_ evaluation: AnalyticEvaluation) {
        guard position[evaluation.candidate] == nil else { return }
        position[evaluation.candidate] = store.count
        store.append(evaluation)
    }
    func bestFirst() -> [AnalyticEvaluation] {
        // Positions are sorted, not the evaluations: moving a hundred thousand of them
        // (five references each) through the sort was most of its cost (perf).
        store.indices.sorted { store[$0].rank.isBetter(than: store[$1].rank) }.map { store[$0] }
    }
    /// The best `count` of the evaluations at `positions`, best first, without sorting
    /// the rest.
    func best(_ count: Int, of positions: some Sequence<Int>) -> [Int] {
        var kept: [Int] = []
        for candidate in positions {
            let rank = store[candidate].rank
            guard kept.count < count || rank.isBetter(than: store[kept[kept.count - 1]].rank) else { continue }
            let place = kept.firstIndex { rank.isBetter(than: store[$0].rank) } ?? kept.count
            kept.insert(candidate, at: place)
            if kept.count > count { kept.removeLast() }
        }
        return kept
    }
    _ = evaluate([space.baseline])
    if space.size <= Double(Swift.max(options.exhaustiveLimit, 1)) {
        _ = evaluate(space.allCandidates())
        return SearchOutcome(method: .exhaustive, ranked: bestFirst(), passes: 0)
    }
    let width = Swift.max(1, options.beamWidth)
    var beam = [space.baseline]
    var passes = 0
    while passes < Swift.max(1, options.maximumPasses) {
        passes += 1
        let before = beam
        for group in space.groups {
            var pool: [Candidate] = []
            for member in beam {
                pool.append(member)
                pool += space.boundedNeighbourhood(of: member, varying: group.knobs)
            }
            var inPool = Set<Int>()
            let distinct = evaluate(pool).filter { inPool.insert($0).inserted }
            beam = best(width, of: distinct).map { store[$0].candidate }
        }
        if beam == before { break }
    }
    // Beam members explore different branches, so the best one may carry a change that
    // buys nothing (a knob turned on another branch and never turned back).
    for leader in best(Swift.max(width, options.confirmationCandidates), of: store.indices) {
        for evaluation in simplificationSteps(store[leader], evaluator: &evaluator) { remember(evaluation) }
    }
    return SearchOutcome(method: .coordinateDescent, ranked: bestFirst(), passes: passes)
}

/// `evaluation` with every changed knob that buys nothing put back to its baseline
/// value: each changed knob is tried at its baseline value and the revert kept when it
/// ranks better (fewer changes rank higher when nothing else differs). Returns the
/// candidates evaluated on the way, the simplified one last.
func simplificationSteps(_ evaluation: AnalyticEvaluation, evaluator: inout AnalyticEvaluator) -> [AnalyticEvaluation] {
    let space = evaluator.space
    var current = evaluation
    var steps: [AnalyticEvaluation] = []
    var improved = true
    while improved {
        improved = false
        for knob in space.changedKnobs(current.candidate) {
            var reverted = current.candidate
            reverted.indices[knob] = space.baseline.indices[knob]
            let next = evaluator.evaluate(reverted)
            steps.append(next)
            if next.rank.isBetter(than: current.rank) {
                current = next
                improved = true
            }
        }
    }
    steps.append(current)
    return steps
}
