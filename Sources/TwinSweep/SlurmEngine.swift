import Foundation
import TwinDiagnostics

/// What `--engine slurm` asks the scheduler for.
public struct SlurmRequest: Sendable, Hashable {
    /// Shards per array task (1: one task per shard).
    public var batch: Int
    /// Array tasks running at once (`%K`); nil: as many as Slurm allows.
    public var parallel: Int?
    public var partition: String?

    public init(batch: Int = 1, parallel: Int? = nil, partition: String? = nil) {
        self.batch = batch
        self.parallel = parallel
        self.partition = partition
    }
}

/// A submitted job array.
public struct SlurmSubmission: Sendable, Hashable {
    public var jobID: String
    public var script: String
    /// The `--array` indices (batches with a missing shard).
    public var array: String
    public var tasks: Int
    public var timeMinutes: Int
    public var memoryMegabytes: Int
}

/// The Slurm engine: writes an `sbatch` job-array script whose task `i` runs batch `i`
/// of shards (`twinc sweep run DIR --shard i --batch B`), submits it, and reads the
/// array's state back with `squeue` and `sacct`. Only batches holding a shard with no
/// result are submitted, so submitting again after a `scancel` or a node failure runs
/// only what is missing. The time and memory requested come from a measured shard.
public struct SlurmEngine<Runner: ProcessRunning>: Sendable {
    public var runner: Runner

    public init(runner: Runner) { self.runner = runner }

    /// Slurm's default `MaxArraySize` is 1001: array indices 0…1000.
    public static var maximumArrayIndex: Int { 1000 }

    /// Writes and submits the array for the shards still missing; nil when none is.
    public func submit(folder: String, plan: SweepPlan, executable: String, request: SlurmRequest,
                       measured: ShardTiming) -> Result<SlurmSubmission?, SweepError> {
        let folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        let paths = PlanFolder(folder)
        let batch = max(request.batch, (plan.shards.count + Self.maximumArrayIndex) / (Self.maximumArrayIndex + 1))
        let missing = Set(paths.pendingShards(plan).map { $0.index / batch })
        guard !missing.isEmpty else { return .success(nil) }
        let array = arraySpec(missing.sorted())
        let perShard = measured.total
        // Three times the measured shard per batch plus a minute of start-up: a node
        // slower than this one, or busier, still finishes inside the request.
        let minutes = max(2, Int((3 * perShard * Double(batch) / 60).rounded(.up)) + 1)
        let memory = max(256, Int((2 * measured.maximumResidentMegabytes).rounded(.up)))
        let logs = paths.file("slurm/logs")
        try? FileManager.default.createDirectory(atPath: logs, withIntermediateDirectories: true)
        let submitted = (paths.read(paths.file("slurm/jobs")) ?? "").split(separator: "\n").count
        let script = paths.file("slurm/array-\(submitted + 1).sbatch")
        var lines = [
            "#!/bin/bash",
            "#SBATCH --job-name=twinc-\(plan.name)",
            "#SBATCH --array=\(array)\(request.parallel.map { "%\($0)" } ?? "")",
            "#SBATCH --ntasks=1",
            "#SBATCH --cpus-per-task=1",
            "#SBATCH --time=\(minutes)",
            "#SBATCH --mem=\(memory)M",
            "#SBATCH --output=\(logs)/%A_%a.out",
        ]
        if let partition = request.partition { lines.append("#SBATCH --partition=\(partition)") }
        lines += [
            "# twinc sweep plan \(plan.id) (\(plan.name)): \(plan.shards.count) shards, \(batch) per task;",
            "# a shard measured \(String(format: "%.2f", perShard)) s and \(String(format: "%.0f", measured.maximumResidentMegabytes)) MB here.",
            "# Each task runs its batch; shards already finished are skipped.",
            "exec \(shellQuoted(executable)) sweep run \(shellQuoted(folder)) --shard \"$SLURM_ARRAY_TASK_ID\" --batch \(batch)",
            "",
        ]
        if let problem = AtomicFile.write(lines.joined(separator: "\n"), to: script).first { return .failure(SweepError(problem)) }
        let outcome = runner.run(ProcessCommand("sbatch", ["--parsable", script]))
        guard outcome.succeeded, let jobID = outcome.standardOutput.split(whereSeparator: { $0 == ";" || $0 == "\n" }).first else {
            return .failure(SweepError(.error(SweepDiagnostics.notAPlan, "sbatch refused the array: \(outcome.failureText)", at: .file(script))))
        }
        let jobs = (paths.read(paths.file("slurm/jobs")) ?? "") + "\(jobID)\n"
        if let problem = AtomicFile.write(jobs, to: paths.file("slurm/jobs")).first { return .failure(SweepError(problem)) }
        return .success(SlurmSubmission(jobID: String(jobID), script: script, array: array, tasks: missing.count,
                                        timeMinutes: minutes, memoryMegabytes: memory))
    }

    /// The shards' state on disk and the arrays' state in the scheduler.
    public func status(folder: String, plan: SweepPlan) -> SlurmStatus {
        let paths = PlanFolder(folder)
        var status = SlurmStatus(progress: shardProgress(paths, plan))
        let jobs = (paths.read(paths.file("slurm/jobs")) ?? "").split(separator: "\n").map(String.init)
        status.jobs = jobs
        guard !jobs.isEmpty else { return status }
        let queue = runner.run(ProcessCommand("squeue", ["--noheader", "--array", "--jobs=\(jobs.joined(separator: ","))",
                                                         "--format=%i %T"]))
        if queue.succeeded {
            for line in queue.standardOutput.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard fields.count >= 2 else { continue }
                status.queued[String(fields[1]), default: 0] += 1
            }
        } else if !queue.standardError.contains("Invalid job id") {
            status.schedulerNote = "squeue: \(queue.failureText)"
        }
        let accounting = runner.run(ProcessCommand("sacct", ["--noheader", "--parsable2", "--jobs=\(jobs.joined(separator: ","))",
                                                             "--format=JobID,State,ExitCode"]))
        if accounting.succeeded {
            for line in accounting.standardOutput.split(separator: "\n") {
                let fields = line.split(separator: "|", omittingEmptySubsequences: false)
                guard fields.count >= 2, !fields[0].contains(".") else { continue }  // job steps (`.batch`) counted once
                status.accounted[String(fields[1]), default: 0] += 1
            }
        } else {
            status.accountingNote = "sacct: " + (accounting.standardError.split(separator: "\n").first.map(String.init) ?? accounting.failureText)
        }
        return status
    }
}

/// What `twinc sweep status` reports.
public struct SlurmStatus: Sendable, Hashable {
    public var progress: SweepProgress
    public var jobs: [String] = []
    /// Array tasks in the queue by state (`PENDING`, `RUNNING`…), from `squeue`.
    public var queued: [String: Int] = [:]
    /// Tasks by final state (`COMPLETED`, `CANCELLED`, `FAILED`…), from `sacct`.
    public var accounted: [String: Int] = [:]
    public var schedulerNote: String?
    /// Why `sacct` gave nothing (a cluster without accounting storage).
    public var accountingNote: String?
}

/// Shards finished and failed, from the files in the plan folder (the truth whatever
/// the scheduler says).
public func shardProgress(_ paths: PlanFolder, _ plan: SweepPlan) -> SweepProgress {
    var progress = SweepProgress(done: 0, failed: 0, total: plan.shards.count)
    for shard in plan.shards {
        if paths.finishedResult(shard, plan: plan.id) != nil {
            progress.done += 1
        } else if paths.recordedFailure(shard)?.plan == plan.id {
            progress.done += 1
            progress.failed += 1
        }
    }
    return progress
}

/// `0-3,7,9-12`: sorted indices as Slurm's `--array` ranges.
public func arraySpec(_ indices: [Int]) -> String {
    var parts: [String] = []
    var index = 0
    while index < indices.count {
        var end = index
        while end + 1 < indices.count, indices[end + 1] == indices[end] + 1 { end += 1 }
        parts.append(end == index ? "\(indices[index])" : "\(indices[index])-\(indices[end])")
        index = end + 1
    }
    return parts.joined(separator: ",")
}

func shellQuoted(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }

extension SlurmEngine {
    /// Blocks until job `jobID` has no task left in `squeue`, polling every `interval`
    /// seconds (what `exec --engine slurm --wait` does), or until `limit` seconds have
    /// passed (nil: no limit), so a job stuck in the queue cannot hang a pipeline.
    /// Returns false when it gave up.
    @discardableResult
    public func waitUntilDone(jobID: String, interval: Double = 2, limit: Double? = nil) -> Bool {
        let start = Date()
        while true {
            if let limit, Date().timeIntervalSince(start) > limit { return false }
            let queue = runner.run(ProcessCommand("squeue", ["--noheader", "--array", "--jobs=\(jobID)", "--format=%i"]))
            if !queue.succeeded || queue.standardOutput.split(separator: "\n").isEmpty { return true }
            Thread.sleep(forTimeInterval: interval)
        }
    }
}

/// The slowest recorded shard of the plan, or, when none has run yet, the first
/// missing shard run here and now to measure it (its result counts: the array then
/// leaves it out).
public func measuredShard(folder: String, plan: SweepPlan) -> Result<ShardTiming, SweepError> {
    let paths = PlanFolder(folder)
    let recorded = plan.shards.compactMap(paths.recordedTiming)
    if let slowest = recorded.max(by: { $0.total < $1.total }) { return .success(slowest) }
    guard let first = paths.pendingShards(plan).first else {
        return .success(ShardTiming(loadSeconds: 0, runSeconds: 60, writeSeconds: 0, maximumResidentMegabytes: 256))
    }
    switch runShard(folder: folder, index: first.index) {
    case .success(.finished(let timing)): return .success(timing)
    case .success: return .success(ShardTiming(loadSeconds: 0, runSeconds: 60, writeSeconds: 0, maximumResidentMegabytes: 256))
    case .failure(let error): return .failure(error)
    }
}

extension ShardTiming {
    /// Load, run and write together.
    public var total: Double { loadSeconds + runSeconds + writeSeconds }
}
