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
    let outcomes = try simulateScenarios(plan, options: options, progress: progress)
    return buildReport(plan: plan, outcomes: outcomes)
}

/// Builds the report from outcomes already simulated: `outcomes[s][r]` is replication
/// `r` of scenario `s` of `plan.config`. Exposed so tests can feed hand-made outcomes.
public func buildReport(plan: RunPlan, outcomes: [[ReplicationOutcome]]) -> RunReport {
    let config = plan.config
    var scenarios: [ScenarioReport] = []
    for (scenario, runs) in zip(config.scenarios, outcomes) {
        let wanted = Set(scenario.goals)
        let goals = config.goals.filter { wanted.isEmpty || wanted.contains($0.id) }
        let devices = config.network.devices.map { device in
            DeviceFigures(device: device, outcomes: runs.compactMap { $0.device(device.id) })
        }
        scenarios.append(ScenarioReport(
            id: scenario.id, kind: scenario.kind, description: scenario.description,
            goals: goals.map { GoalEvaluation.evaluate($0, config: config, outcomes: runs) },
            devices: devices, eventsHandled: runs.reduce(0) { $0 + $1.eventsHandled },
            eventsAfterHorizon: scenario.events.filter { SimTime($0.at) >= SimTime(config.run.horizon) }.count))
    }
    let summary = config.goals.map { goal in
        GoalEvaluation.summarise(goal, results: scenarios.compactMap { scenario in
            scenario.goals.first { $0.goalID == goal.id }.map { (scenario.id, $0) }
        })
    }
    return RunReport(twin: config.name, title: config.title, settings: config.run,
                     warmupShortened: plan.warmupShortened, scenarios: scenarios, summary: summary)
}

/// Outcomes per scenario per replication, in config order: `result[s][r]` is
/// replication `r` of scenario `s`. The applications (network view, resilience, energy,
/// security) read these directly, e.g. with `options.simulation.recordTimeSeries` on.
public func simulateScenarios(_ plan: RunPlan, options: RunOptions = RunOptions(),
                              progress: (@Sendable (RunProgress) -> Void)? = nil) throws(RunFailure) -> [[ReplicationOutcome]] {
    let jobs = plan.jobs
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
