import Foundation
import TwinConfig
import TwinEngine

/// Runs a twin: every scenario × every replication through `simulate`, then every goal
/// the scenario evaluates and every device's figures, into a `RunReport`.
///
/// A plain function of the plan: the library never prints; `progress` is called
/// after each replication (from the worker that ran it, so it must be thread-safe).
/// Replications may run concurrently (`options.maximumConcurrency`); outcomes are kept
/// by position and the report is built in config order afterwards, so the report —
/// and its JSON — is the same for any concurrency. If the simulator refuses the
/// configuration, the failure of the earliest job (in config order) is thrown.
public func runTwin(_ plan: RunPlan, options: RunOptions = RunOptions(),
                    progress: (@Sendable (RunProgress) -> Void)? = nil) throws(RunFailure) -> RunReport {
    let run = try simulateRun(plan, options: options, progress: progress)
    return buildReport(plan: plan, outcomes: run.outcomes, stopping: run.stopping)
}

/// Every scenario's replications, and how a sequential run stopped.
public struct SimulatedRun: Sendable {
    /// `outcomes[s][r]`: replication r of scenario s (scenarios may differ in count
    /// after a sequential run).
    public var outcomes: [[ReplicationOutcome]]
    /// nil for a fixed number of replications.
    public var stopping: StoppingRecord?
}

/// Simulates the plan: `config.run.replications` per scenario, or, when the plan is
/// sequential, in batches until every goal is conclusive (`SequentialStopping`). While a
/// batch's last replications run, idle workers run the next batch's replications of the
/// scenarios still open ahead of time (`runJobs`); the outcomes are those the next batch
/// would compute, so the run is the same whatever was run ahead.
public func simulateRun(_ plan: RunPlan, options: RunOptions = RunOptions(),
                        progress: (@Sendable (RunProgress) -> Void)? = nil) throws(RunFailure) -> SimulatedRun {
    guard let stopping = plan.sequential else {
        return SimulatedRun(outcomes: try simulateScenarios(plan, options: options, progress: progress), stopping: nil)
    }
    let clock = ContinuousClock()
    let started = clock.now
    let scenarios = plan.config.scenarios.count
    var outcomes = Array(repeating: [ReplicationOutcome](), count: scenarios)
    var next = Array(repeating: 0..<Swift.max(1, Swift.min(plan.config.run.replications, stopping.maximum)), count: scenarios)
    var ahead: [RunPlan.Job: ReplicationOutcome] = [:]
    var spare: [RunPlan.Job] = []
    var batches = 0, completedBefore = 0
    while true {
        batches += 1
        let wanted = plan.jobs(replications: next)
        let missing = wanted.filter { ahead[$0] == nil }
        let reused = wanted.count - missing.count
        let batch = try runJobs(missing, spare: spare, plan: plan, options: options,
                                progress: progress.map { offsetProgress($0, by: completedBefore + reused) })
        completedBefore += wanted.count
        var computed = zip(missing, batch.outcomes).makeIterator()
        for job in wanted {
            if let outcome = ahead.removeValue(forKey: job) {
                outcomes[job.scenarioIndex].append(outcome)
            } else if let (_, outcome) = computed.next(), let outcome {
                outcomes[job.scenarioIndex].append(outcome)
            }
        }
        ahead.merge(batch.spare) { first, _ in first }
        let report = buildReport(plan: plan, outcomes: outcomes)
        let open = report.scenarios.indices.filter { index in
            report.scenarios[index].goals.contains { $0.verdict == .inconclusive }
        }
        let elapsed = started.duration(to: clock.now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
        let reason: StoppingRecord.Reason?
        if open.isEmpty {
            reason = .allConclusive
        } else if open.allSatisfy({ outcomes[$0].count >= stopping.maximum }) {
            reason = .maximumReached
        } else if let budget = stopping.wallClockBudget, seconds >= budget.si {
            reason = .budgetSpent
        } else {
            reason = nil
        }
        if let reason {
            let openGoals = open.flatMap { index in
                report.scenarios[index].goals.filter { $0.verdict == .inconclusive }.map { goal in
                    StoppingRecord.OpenGoal(goalID: goal.goalID, scenarioID: report.scenarios[index].id,
                                            replications: outcomes[index].count, estimate: goal.value,
                                            bound: goal.threshold?.bound, requirement: StoppingRecord.OpenGoal.requirement(
                                                of: goal, maximum: stopping.maximum))
                }
            }
            return SimulatedRun(outcomes: outcomes, stopping: StoppingRecord(stopping: stopping, reason: reason,
                                                                             batches: batches, open: openGoals))
        }
        let step = Swift.max(1, stopping.batch)
        next = (0..<scenarios).map { scenario in
            let done = outcomes[scenario].count
            guard open.contains(scenario), done < stopping.maximum else { return done..<done }
            return done..<Swift.min(stopping.maximum, done + step)
        }
        // The batch after this one, for the scenarios this one continues: run ahead by
        // idle workers, one replication of each scenario in turn.
        spare = (0..<step).flatMap { offset in
            (0..<scenarios).compactMap { scenario -> RunPlan.Job? in
                let replication = next[scenario].upperBound + offset
                guard !next[scenario].isEmpty, replication < stopping.maximum else { return nil }
                let job = RunPlan.Job(scenarioIndex: scenario, replication: replication)
                return ahead[job] == nil ? job : nil
            }
        }
    }
}

/// Builds the report from outcomes already simulated: `outcomes[s][r]` is replication
/// `r` of scenario `s` of `plan.config`. Exposed so tests can feed hand-made outcomes.
public func buildReport(plan: RunPlan, outcomes: [[ReplicationOutcome]], stopping: StoppingRecord? = nil) -> RunReport {
    let config = plan.config
    var scenarios: [ScenarioReport] = []
    for (scenario, runs) in zip(config.scenarios, outcomes) {
        let goals = config.goals(evaluatedIn: scenario)
        let devices = config.network.devices.map { device in
            DeviceFigures(device: device, outcomes: runs.compactMap { $0.device(device.id) })
        }
        let results = goals.map { goal in
            var result = GoalEvaluation.evaluate(goal, config: config, outcomes: runs)
            result.limitingLoss = GoalEvaluation.limitingLoss(of: result, devices: devices)
            return result
        }
        scenarios.append(ScenarioReport(
            id: scenario.id, kind: scenario.kind, description: scenario.description,
            goals: results,
            devices: devices, eventsHandled: runs.reduce(0) { $0 + $1.eventsHandled }, replications: runs.count,
            eventsAfterHorizon: scenario.events.filter { SimTime($0.at) >= SimTime(config.run.horizon) }.count,
            simulatedUntil: runs.map(\.horizon).max().flatMap { $0 < SimTime(config.run.horizon) ? $0.time : nil }))
    }
    let summary = config.goals.map { goal in
        GoalEvaluation.summarise(goal, results: scenarios.compactMap { scenario in
            scenario.goals.first { $0.goalID == goal.id }.map { (scenario.id, $0) }
        })
    }
    var report = RunReport(twin: config.name, title: config.title, settings: config.run,
                           warmupShortened: plan.warmupShortened, scenarios: scenarios, summary: summary)
    report.stopping = stopping
    return report
}

/// Outcomes per scenario per replication, in config order: `result[s][i]` is the i-th of
/// the replications `replications[s]` of scenario `s` (default: 0..<config.run.replications
/// for every scenario). The applications (network view, resilience, energy, security)
/// read these directly, e.g. with `options.simulation.recordTimeSeries` on.
public func simulateScenarios(_ plan: RunPlan, replications: [Range<Int>]? = nil, options: RunOptions = RunOptions(),
                              progress: (@Sendable (RunProgress) -> Void)? = nil) throws(RunFailure) -> [[ReplicationOutcome]] {
    let jobs = replications.map { plan.jobs(replications: $0) } ?? plan.jobs
    let results = try runJobs(jobs, plan: plan, options: options, progress: progress)
    var outcomes = plan.config.scenarios.map { _ in [ReplicationOutcome]() }
    for (job, outcome) in zip(jobs, results.outcomes) {
        if let outcome { outcomes[job.scenarioIndex].append(outcome) }
    }
    return outcomes
}

/// `report` for the jobs of a later batch: completed and total counted from the run's start.
private func offsetProgress(_ report: @escaping @Sendable (RunProgress) -> Void,
                            by offset: Int) -> @Sendable (RunProgress) -> Void {
    { step in
        report(RunProgress(completed: offset + step.completed, total: offset + step.total, scenarioID: step.scenarioID,
                           replication: step.replication))
    }
}
