import Foundation
import TwinJSON

/// Progress of an engine: shards done (finished, skipped or failed) of `total`.
public struct SweepProgress: Sendable, Hashable {
    public var done: Int
    public var failed: Int
    public var total: Int
}

/// What `twinc sweep exec --engine local` did.
public struct LocalExecution: Sendable {
    /// Shards run to a result now.
    public var finished: Int
    /// Shards whose result was already there (not started).
    public var skipped: Int
    public var failures: [ShardFailure]
    /// Wall-clock time of each shard's process (start-up included), in shard order.
    public var shardSeconds: [Double]
    public var wallSeconds: Double
}

/// The local engine: a pool of `jobs` worker threads, each running one `twinc sweep run
/// DIR --shard I` process at a time, so a crashing shard takes only its own process
/// down. Shards that already have a result are not started. A shard whose process dies
/// without recording why (a signal, a trap) gets a failure record written here with
/// its exit status and last line of standard error.
public func executeLocally(folder: String, plan: SweepPlan, executable: String, jobs: Int, runner: some ProcessRunning,
                           progress: (@Sendable (SweepProgress) -> Void)? = nil) -> LocalExecution {
    let clock = ContinuousClock()
    let start = clock.now
    let paths = PlanFolder(folder)
    let pending = paths.pendingShards(plan)
    let queue = ShardQueue(pending, skipped: plan.shards.count - pending.count, total: plan.shards.count)
    progress?(queue.progress)
    let group = DispatchGroup()
    for _ in 0..<max(1, min(jobs, pending.count)) {
        group.enter()
        let thread = Thread {
            while let shard = queue.next() {
                try? FileManager.default.removeItem(atPath: paths.failure(shard))
                let outcome = runner.run(ProcessCommand(executable, ["sweep", "run", folder, "--shard", String(shard.index)]))
                var failure: ShardFailure?
                if paths.finishedResult(shard, plan: plan.id) == nil {
                    failure = paths.recordedFailure(shard)
                    if failure == nil {
                        let recorded = ShardFailure(plan: plan.id, shard: shard.id, index: shard.index,
                                                    error: outcome.succeeded ? "the shard wrote no result" : outcome.failureText)
                        _ = AtomicFile.write(JSONWriter.canonical.string(recorded.jsonValue), to: paths.failure(shard))
                        failure = recorded
                    }
                }
                let now = queue.finish(shard, failure: failure, seconds: outcome.wallSeconds)
                progress?(now)
            }
            group.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    group.wait()
    return queue.execution(wallSeconds: seconds(clock.now - start))
}

/// The shards left to start and what the workers found, behind one lock.
private final class ShardQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var pending: ArraySlice<Shard>
    private var failures: [ShardFailure] = []
    private var timings: [(Int, Double)] = []
    private var finished = 0
    private let skipped: Int
    private let total: Int

    init(_ shards: [Shard], skipped: Int, total: Int) {
        pending = shards[...]
        self.skipped = skipped
        self.total = total
    }

    func next() -> Shard? {
        lock.lock()
        defer { lock.unlock() }
        return pending.popFirst()
    }

    func finish(_ shard: Shard, failure: ShardFailure?, seconds: Double) -> SweepProgress {
        lock.lock()
        defer { lock.unlock() }
        if let failure { failures.append(failure) } else { finished += 1 }
        timings.append((shard.index, seconds))
        return unlockedProgress
    }

    var progress: SweepProgress {
        lock.lock()
        defer { lock.unlock() }
        return unlockedProgress
    }

    private var unlockedProgress: SweepProgress {
        SweepProgress(done: skipped + finished + failures.count, failed: failures.count, total: total)
    }

    func execution(wallSeconds: Double) -> LocalExecution {
        lock.lock()
        defer { lock.unlock() }
        return LocalExecution(finished: finished, skipped: skipped, failures: failures.sorted { $0.index < $1.index },
                              shardSeconds: timings.sorted { $0.0 < $1.0 }.map(\.1), wallSeconds: wallSeconds)
    }
}
