import Foundation
import TwinDiagnostics
import TwinEngine
import TwinJSON

/// The merged results of a plan: one row per point (twin × knob values) with each
/// collected goal's KPI, interval and verdict over the point's seeds, which points are
/// on the Pareto front, and every shard that failed or has not run.
public struct SweepCollection: Sendable {
    public var plan: SweepPlan
    public var points: [CollectedPoint]
    public var failures: [ShardFailure]
    public var missing: [Shard]
}

public struct CollectedPoint: Sendable, Hashable {
    public var point: Int
    public var twin: String
    public var knobs: [KnobSetting]
    /// Seeds whose shard finished.
    public var seeds: [UInt64]
    /// Shards of the point that failed or have not run.
    public var incomplete: Int
    public var goals: [PointGoal]
    public var onFront = false
}

/// A goal at one point: the seeds' estimates averaged, with the shard's own 95 %
/// interval for a single seed, or the Student-t interval over the seeds' estimates for
/// several; the verdict is the worst seed's (not met, then inconclusive, then met).
public struct PointGoal: Sendable, Hashable {
    public var goal: String
    public var kpi: String
    public var estimate: Double?
    public var lower: Double?
    public var upper: Double?
    public var unit: String
    public var dimension: String
    public var verdict: String
}

/// Merges the shard results of the plan in `folder`. Refuses (TW008) when the results
/// folder holds files of another plan; failed and missing shards are listed, the rest
/// collected.
public func collectSweep(folder: String) -> Result<SweepCollection, SweepError> {
    let plan: SweepPlan
    switch SweepPlan.read(folder: folder) {
    case .success(let read): plan = read
    case .failure(let diagnostic): return .failure(diagnostic)
    }
    let paths = PlanFolder(folder)
    let known = Set(plan.shards.map { "\($0.id).json" })
    let files = ((try? FileManager.default.contentsOfDirectory(atPath: paths.resultsFolder)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
    var stray = files.filter { !known.contains($0) }
    var results: [Int: ShardResult] = [:]
    for shard in plan.shards {
        guard let text = paths.read(paths.result(shard)) else { continue }
        guard let result = ShardResult.parse(text), result.plan == plan.id else {
            stray.append("\(shard.id).json")
            continue
        }
        results[shard.index] = result
    }
    if !stray.isEmpty {
        return .failure(SweepError([.error(
            SweepDiagnostics.mixedPlans,
            "`\(paths.resultsFolder)` holds \(stray.count) result file(s) that plan \(plan.id) did not write",
            at: .file(paths.resultsFolder),
            notes: stray.prefix(5).map { DiagnosticNote("`results/\($0)`") }
                + [DiagnosticNote("plan into a fresh folder, or remove the files of the other plan")])]))
    }
    var failures: [ShardFailure] = []
    var missing: [Shard] = []
    for shard in plan.shards where results[shard.index] == nil {
        if let failure = paths.recordedFailure(shard), failure.plan == plan.id { failures.append(failure) } else { missing.append(shard) }
    }
    let sources = Dictionary(plan.twins.map { ($0.id, $0.source) }, uniquingKeysWith: { first, _ in first })
    var points: [CollectedPoint] = []
    for (point, shards) in Dictionary(grouping: plan.shards, by: \.point).sorted(by: { $0.key < $1.key }) {
        guard let first = shards.first else { continue }
        let finished = shards.compactMap { results[$0.index] }
        points.append(CollectedPoint(
            point: point, twin: sources[first.twin] ?? first.twin, knobs: first.knobs,
            seeds: shards.filter { results[$0.index] != nil }.map(\.seed), incomplete: shards.count - finished.count,
            goals: plan.collect.map { goal in pointGoal(goal, finished.compactMap { $0.goals.first { $0.goal == goal } }) }))
    }
    markParetoFront(&points, axes: plan.pareto)
    return .success(SweepCollection(plan: plan, points: points, failures: failures, missing: missing))
}

private func pointGoal(_ id: String, _ seeds: [ShardResult.CollectedGoal]) -> PointGoal {
    let values = seeds.compactMap(\.value)
    let estimates = values.compactMap { $0["estimate"]?.numberValue }
    var goal = PointGoal(goal: id, kpi: seeds.first?.kpi ?? "", estimate: nil, lower: nil, upper: nil,
                         unit: values.first?["unit"]?.stringValue ?? "", dimension: values.first?["dimension"]?.stringValue ?? "",
                         verdict: worstVerdict(seeds.map(\.verdict)))
    if estimates.count == 1, let value = values.first {
        goal.estimate = estimates[0]
        goal.lower = value["lower"]?.numberValue
        goal.upper = value["upper"]?.numberValue
    } else if let interval = ConfidenceInterval(replications: estimates) {
        goal.estimate = interval.mean
        goal.lower = interval.lower
        goal.upper = interval.upper
    }
    return goal
}

/// Not met beats inconclusive beats met beats not evaluated; no seed: not evaluated.
func worstVerdict(_ verdicts: [String]) -> String {
    for verdict in ["not-met", "inconclusive", "met"] where verdicts.contains(verdict) { return verdict }
    return "not-evaluated"
}

/// Marks the points no other point dominates on the front's axes (at least as good on
/// every axis, better on one). Points missing a value on an axis are not ranked.
func markParetoFront(_ points: inout [CollectedPoint], axes: [ParetoAxis]) {
    guard !axes.isEmpty else { return }
    let scores: [[Double]?] = points.map { point in
        let values = axes.map { axis -> Double? in
            guard let estimate = point.goals.first(where: { $0.goal == axis.goal })?.estimate else { return nil }
            return axis.maximise ? estimate : -estimate
        }
        return values.contains { $0 == nil } ? nil : values.compactMap { $0 }
    }
    for index in points.indices {
        guard let mine = scores[index] else { continue }
        let dominated = scores.contains { other in
            guard let other else { return false }
            return zip(other, mine).allSatisfy { $0 >= $1 } && zip(other, mine).contains { $0 > $1 }
        }
        points[index].onFront = !dominated
    }
}
