import Dispatch
import Foundation
import TwinConfig
import TwinEngine

/// What a pool of workers made of a batch of replications: the batch's own outcomes by
/// position, and whatever spare replications it ran ahead.
struct JobResults: Sendable {
    var outcomes: [ReplicationOutcome?]
    var spare: [RunPlan.Job: ReplicationOutcome]
}

/// Runs `jobs` (replications of `plan`) on up to `options.maximumConcurrency` workers.
///
/// The jobs of one replication run as a group: the scenarios' common prefix once, then
/// a branch per scenario (`ScenarioTrunk`); the group's worker posts the branches for
/// any worker to take and runs the last itself, and an idle worker waits only while a
/// trunk may still post one.
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
    var settling = options.simulation
    settling.stopWhenGoalsSettled = settling.stopWhenGoalsSettled && plan.stopsWhenGoalsSettled
    let simulation = settling
    let grouping = ReplicationGroups(jobs: jobs, config: config, options: simulation)
    let groups = grouping.groups
    let board = JobBoard(count: jobs.count, groups: groups.count, spare: spare.count)
    let run: @Sendable (RunPlan.Job) -> Result<ReplicationOutcome, RunFailure> = { job in
        let scenario = config.scenarios[job.scenarioIndex]
        do throws(SimulationError) {
            return .success(try simulate(config: config, scenario: scenario, replication: job.replication,
                                         options: simulation))
        } catch {
            return .failure(RunFailure(scenarioID: scenario.id, replication: job.replication, error: error))
        }
    }
    let record: @Sendable (Int, Result<ReplicationOutcome, RunFailure>) -> Void = { index, result in
        let completed = board.record(index, result)
        let job = jobs[index]
        progress?(RunProgress(completed: completed, total: jobs.count,
                              scenarioID: config.scenarios[job.scenarioIndex].id, replication: job.replication))
    }
    let work: @Sendable () -> Void = {
        while let taken = board.nextTask() {
            switch taken {
            case .group(let group):
                let members = groups[group]
                if members.count == 1 {
                    board.trunkEnded()
                    record(members[0], run(jobs[members[0]]))
                } else {
                    runSharingPrefix(members, points: grouping.points, jobs: jobs, config: config, options: simulation,
                                     board: board, record: record)
                }
                board.taskEnded()
            case .branch(let posted):
                if let branch = posted.take() { record(posted.index, .success(branch.run())) }
                board.taskEnded()
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

/// One replication of several scenarios (`members`, job indices in the order they
/// leave the trunk): the shared prefix runs here, every branch but the last is posted
/// for any worker, and the last runs on here.
private func runSharingPrefix(_ members: [Int], points: [SimTime?], jobs: [RunPlan.Job], config: TwinConfig,
                              options: SimulationOptions, board: JobBoard,
                              record: (Int, Result<ReplicationOutcome, RunFailure>) -> Void) {
    let scenarios = members.map { config.scenarios[jobs[$0].scenarioIndex] }
    let parts = members.map { points[jobs[$0].scenarioIndex] }
    let replication = jobs[members[0]].replication
    do throws(SimulationError) {
        var trunk = try ScenarioTrunk(config: config, scenarios: scenarios, replication: replication,
                                      options: options)
        for position in members.indices.dropLast() {
            board.post(PostedBranch(index: members[position],
                                    branch: trunk.branch(scenarios[position], at: parts[position])))
        }
        let last = trunk.last(scenarios[scenarios.count - 1], at: parts[parts.count - 1])
        board.trunkEnded()
        record(members[members.count - 1], .success(last.run()))
    } catch {
        board.trunkEnded()
        for (index, scenario) in zip(members, scenarios) {
            record(index, .failure(RunFailure(scenarioID: scenario.id, replication: replication, error: error)))
        }
    }
}

/// The jobs of a batch grouped by replication, each group in the order its scenarios
/// leave a shared prefix (`ScenarioTrunk`).
struct ReplicationGroups {
    let groups: [[Int]]
    /// Per scenario of the config: where it leaves the prefix (`ScenarioTrunk.branchPoint`).
    let points: [SimTime?]

    init(jobs: [RunPlan.Job], config: TwinConfig, options: SimulationOptions) {
        let points = config.scenarios.map { ScenarioTrunk.branchPoint(of: $0, config: config, options: options) }
        self.points = points
        var byReplication: [Int: [Int]] = [:]
        var order: [Int] = []
        for (index, job) in jobs.enumerated() {
            if byReplication[job.replication] == nil { order.append(job.replication) }
            byReplication[job.replication, default: []].append(index)
        }
        groups = order.map { replication in
            let members = byReplication[replication] ?? []
            return members.indices.sorted { left, right in
                switch (points[jobs[members[left]].scenarioIndex], points[jobs[members[right]].scenarioIndex]) {
                case let (.some(a), .some(b)) where a != b: return a < b
                case (.some, .none): return true
                case (.none, .some): return false
                default: return left < right
                }
            }.map { members[$0] }
        }
    }
}

/// A branch posted for any worker to run, taken once.
final class PostedBranch: @unchecked Sendable {
    let index: Int
    private var branch: ScenarioBranch?
    private let lock = NSLock()

    init(index: Int, branch: consuming ScenarioBranch) {
        self.index = index
        self.branch = .some(branch)
    }

    func take() -> ScenarioBranch? {
        lock.lock()
        defer { lock.unlock() }
        return branch.take()
    }
}

/// Shared state of the workers: the next group or posted branch to take, the results by
/// position, and the spare jobs.
private final class JobBoard: @unchecked Sendable {
    enum Taken {
        case group(Int)
        case branch(PostedBranch)
        case spare(Int)
    }

    private let condition = NSCondition()
    private let groupCount: Int
    private var nextGroup = 0
    private var nextSpare = 0
    private var posted: [PostedBranch] = []
    /// Groups whose trunk may still post branches.
    private var activeTrunks = 0
    /// Groups and branches of the batch being run (spare jobs not counted).
    private var running = 0
    private var completed = 0
    private var failures: [(index: Int, failure: RunFailure)] = []
    private(set) var outcomes: [ReplicationOutcome?]
    private(set) var spareOutcomes: [ReplicationOutcome?]

    init(count: Int, groups: Int, spare: Int) {
        groupCount = groups
        outcomes = Array(repeating: nil, count: count)
        spareOutcomes = Array(repeating: nil, count: spare)
    }

    /// A posted branch, else the next group of the batch; when neither is left but the
    /// batch still runs, the next spare job, or a wait while a trunk may still post;
    /// nil when the batch is done (or failed) for this worker.
    func nextTask() -> Taken? {
        condition.lock()
        defer { condition.unlock() }
        while true {
            guard failures.isEmpty else { return nil }
            if !posted.isEmpty {
                running += 1
                return .branch(posted.removeFirst())
            }
            if nextGroup < groupCount {
                nextGroup += 1
                running += 1
                activeTrunks += 1
                return .group(nextGroup - 1)
            }
            if running > 0, nextSpare < spareOutcomes.count {
                nextSpare += 1
                return .spare(nextSpare - 1)
            }
            guard activeTrunks > 0 else { return nil }
            condition.wait()
        }
    }

    func post(_ branch: PostedBranch) {
        condition.lock()
        defer { condition.unlock() }
        posted.append(branch)
        condition.signal()
    }

    /// A group's trunk has posted all its branches (or failed).
    func trunkEnded() {
        condition.lock()
        defer { condition.unlock() }
        activeTrunks -= 1
        condition.broadcast()
    }

    /// A group or branch taken by `nextTask` is over.
    func taskEnded() {
        condition.lock()
        defer { condition.unlock() }
        running -= 1
        condition.broadcast()
    }

    /// Records a result of the batch; returns how many of its jobs have finished.
    func record(_ index: Int, _ result: Result<ReplicationOutcome, RunFailure>) -> Int {
        condition.lock()
        defer { condition.unlock() }
        switch result {
        case .success(let outcome): outcomes[index] = outcome
        case .failure(let failure):
            failures.append((index, failure))
            posted.removeAll()
            condition.broadcast()
        }
        completed += 1
        return completed
    }

    func finishSpare(_ index: Int, with outcome: ReplicationOutcome?) {
        condition.lock()
        defer { condition.unlock() }
        spareOutcomes[index] = outcome
    }

    /// The failure of the earliest job, whatever order the workers hit them in.
    var firstFailure: RunFailure? {
        condition.lock()
        defer { condition.unlock() }
        return failures.min { $0.index < $1.index }?.failure
    }
}
