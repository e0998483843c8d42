import Dispatch
import Foundation
import TwinConfig

/// What a pool of workers made of a batch of replications: the batch's own outcomes by
/// position, and whatever spare replications it ran ahead.
struct JobResults: Sendable {
    var outcomes: [ReplicationOutcome?]
    var spare: [RunPlan.Job: ReplicationOutcome]
}

/// Runs `jobs` (replications of `plan`) on up to `options.maximumConcurrency` workers.
///
/// A sequential run (`SequentialStopping`) waits for a batch before it decides which
/// scenarios go on, and a batch rarely divides evenly among the workers: the demo's
/// jamming scenario alone runs batches of 5 on 2 cores, so one core idled through the last
/// replication of every batch. `spare` fills that gap: a worker that finds no job of the
/// batch left while another still runs one takes the next spare job (the replications a
/// scenario still open would run in its next batch) instead of waiting. Replication r of a
/// scenario is a function of the twin, the seed and r alone, so an outcome run ahead is
/// the outcome the next batch would compute; unused, it is dropped. Spare jobs never delay
/// the batch's own (they start only when none is left to take) and their failures are
/// not reported (the batch that needs them runs them again and reports).
func runJobs(_ jobs: [RunPlan.Job], spare: [RunPlan.Job] = [], plan: RunPlan, options: RunOptions,
             progress: (@Sendable (RunProgress) -> Void)?) throws(RunFailure) -> JobResults {
    let config = plan.config
    let simulation = options.simulation
    let board = JobBoard(count: jobs.count, spare: spare.count)
    let run: @Sendable (RunPlan.Job) -> Result<ReplicationOutcome, RunFailure> = { job in
        let scenario = config.scenarios[job.scenarioIndex]
        do throws(SimulationError) {
            return .success(try simulate(config: config, scenario: scenario, replication: job.replication,
                                         options: simulation))
        } catch {
            return .failure(RunFailure(scenarioID: scenario.id, replication: job.replication, error: error))
        }
    }
    let work: @Sendable () -> Void = {
        while let taken = board.nextJob() {
            switch taken {
            case .batch(let index):
                let job = jobs[index]
                let completed = board.finish(index, with: run(job))
                progress?(RunProgress(completed: completed, total: jobs.count,
                                      scenarioID: config.scenarios[job.scenarioIndex].id, replication: job.replication))
            case .spare(let index):
                board.finishSpare(index, with: try? run(spare[index]).get())
            }
        }
    }
    let workers = min(max(1, options.maximumConcurrency), max(1, jobs.count))
    if workers <= 1 {
        work()
    } else {
        DispatchQueue.concurrentPerform(iterations: workers) { _ in work() }
    }
    if let failure = board.firstFailure { throw failure }
    var ahead: [RunPlan.Job: ReplicationOutcome] = [:]
    for (job, outcome) in zip(spare, board.spareOutcomes) {
        if let outcome { ahead[job] = outcome }
    }
    return JobResults(outcomes: board.outcomes, spare: ahead)
}

/// Shared state of the workers: the next job to take and the results by position.
private final class JobBoard: @unchecked Sendable {
    enum Taken {
        case batch(Int)
        case spare(Int)
    }

    private let lock = NSLock()
    private var next = 0
    private var nextSpare = 0
    private var running = 0
    private var completed = 0
    private var failures: [(index: Int, failure: RunFailure)] = []
    private(set) var outcomes: [ReplicationOutcome?]
    private(set) var spareOutcomes: [ReplicationOutcome?]

    init(count: Int, spare: Int) {
        outcomes = Array(repeating: nil, count: count)
        spareOutcomes = Array(repeating: nil, count: spare)
    }

    /// The next job of the batch; when none is left but one still runs, the next spare
    /// job; nil when the batch is done (or failed) for this worker.
    func nextJob() -> Taken? {
        lock.lock()
        defer { lock.unlock() }
        guard failures.isEmpty else { return nil }
        if next < outcomes.count {
            next += 1
            running += 1
            return .batch(next - 1)
        }
        guard running > 0, nextSpare < spareOutcomes.count else { return nil }
        nextSpare += 1
        return .spare(nextSpare - 1)
    }

    /// Records a result of the batch; returns how many of its jobs have finished.
    func finish(_ index: Int, with result: Result<ReplicationOutcome, RunFailure>) -> Int {
        lock.lock()
        defer { lock.unlock() }
        switch result {
        case .success(let outcome): outcomes[index] = outcome
        case .failure(let failure): failures.append((index, failure))
        }
        running -= 1
        completed += 1
        return completed
    }

    func finishSpare(_ index: Int, with outcome: ReplicationOutcome?) {
        lock.lock()
        defer { lock.unlock() }
        spareOutcomes[index] = outcome
    }

    /// The failure of the earliest job, whatever order the workers hit them in.
    var firstFailure: RunFailure? {
        lock.lock()
        defer { lock.unlock() }
        return failures.min { $0.index < $1.index }?.failure
    }
}
