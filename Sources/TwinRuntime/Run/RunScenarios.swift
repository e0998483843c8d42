import Dispatch
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
/// sequential, in batches until every goal is conclusive (`SequentialStopping`).
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
    var batches = 0, completedBefore = 0
    while true {
        batches += 1
        let batch = try simulateScenarios(plan, replications: next, options: options,
                                          progress: progress.map { offsetProgress($0, by: completedBefore) })
        completedBefore += next.reduce(0) { $0 + $1.count }
        for scenario in 0..<scenarios { outcomes[scenario] += batch[scenario] }
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
                                            bound: goal.threshold?.bound)
                }
            }
            return SimulatedRun(outcomes: outcomes, stopping: StoppingRecord(stopping: stopping, reason: reason,
                                                                             batches: batches, open: openGoals))
        }
        next = (0..<scenarios).map { scenario in
            let done = outcomes[scenario].count
            guard open.contains(scenario), done < stopping.maximum else { return done..<done }
            return done..<Swift.min(stopping.maximum, done + Swift.max(1, stopping.batch))
        }
    }
}

/// Builds the report from outcomes already simulated: `outcomes[s][r]` is replication
/// `r` of scenario `s` of `plan.config`. Exposed so tests can feed hand-made outcomes.
public func buildReport(plan: RunPlan, outcomes: [[ReplicationOutcome]], stopping: StoppingRecord? = nil) -> RunReport {
    let config = plan.config
    var scenarios: [ScenarioReport] = []
    for (scenario, runs) in zip(config.scenarios, outcomes) {
        let wanted = Set(scenario.goals)
        let goals = config.goals.filter { wanted.isEmpty || wanted.contains($0.id) }
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
            eventsAfterHorizon: scenario.events.filter { SimTime($0.at) >= SimTime(config.run.horizon) }.count))
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
    let config = plan.config
    let simulation = options.simulation
    let board = JobBoard(count: jobs.count)
    let work: @Sendable (Int) -> Void = { index in
        let job = jobs[index]
        let scenario = config.scenarios[job.scenarioIndex]
        let result: Result<ReplicationOutcome, RunFailure>
        do throws(SimulationError) {
            result = .success(try simulate(config: config, scenario: scenario, replication: job.replication,
                                           options: simulation))
        } catch {
            result = .failure(RunFailure(scenarioID: scenario.id, replication: job.replication, error: error))
        }
        let completed = board.finish(index, with: result)
        progress?(RunProgress(completed: completed, total: jobs.count, scenarioID: scenario.id,
                              replication: job.replication))
    }
    let workers = min(max(1, options.maximumConcurrency), jobs.count)
    if workers <= 1 {
        for index in jobs.indices {
            work(index)
            if board.hasFailure { break }
        }
    } else {
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = board.nextJob() { work(index) }
        }
    }
    if let failure = board.firstFailure { throw failure }
    var outcomes = config.scenarios.map { _ in [ReplicationOutcome]() }
    for (job, outcome) in zip(jobs, board.outcomes) {
        if let outcome { outcomes[job.scenarioIndex].append(outcome) }
    }
    return outcomes
}

/// Shared state of the workers: the next job to take and the results by position.
private final class JobBoard: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var completed = 0
    private var failures: [(index: Int, failure: RunFailure)] = []
    private(set) var outcomes: [ReplicationOutcome?]

    init(count: Int) { outcomes = Array(repeating: nil, count: count) }

    /// The next job index, or nil when all are taken or one has failed.
    func nextJob() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard failures.isEmpty, next < outcomes.count else { return nil }
        next += 1
        return next - 1
    }

    /// Records a result; returns how many jobs have finished.
    func finish(_ index: Int, with result: Result<ReplicationOutcome, RunFailure>) -> Int {
        lock.lock()
        defer { lock.unlock() }
        switch result {
        case .success(let outcome): outcomes[index] = outcome
        case .failure(let failure): failures.append((index, failure))
        }
        completed += 1
        return completed
    }

    var hasFailure: Bool {
        lock.lock()
        defer { lock.unlock() }
        return !failures.isEmpty
    }

    /// The failure of the earliest job, whatever order the workers hit them in.
    var firstFailure: RunFailure? {
        lock.lock()
        defer { lock.unlock() }
        return failures.min { $0.index < $1.index }?.failure
    }
}

/// `report` for the jobs of a later batch: completed and total counted from the run's start.
private func offsetProgress(_ report: @escaping @Sendable (RunProgress) -> Void,
                            by offset: Int) -> @Sendable (RunProgress) -> Void {
    { step in
        report(RunProgress(completed: offset + step.completed, total: offset + step.total, scenarioID: step.scenarioID,
                           replication: step.replication))
    }
}
