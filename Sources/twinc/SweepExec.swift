import ArgumentParser
import Foundation
import TwinDiagnostics
import TwinDriver
import TwinJSON
import TwinSweep

/// `twinc sweep exec DIR --engine local|slurm|k8s`: runs every shard of the plan that
/// has no result. local: a pool of --jobs processes with a progress bar on a terminal;
/// slurm: an sbatch job array of the missing shards (time and memory from a measured
/// shard), --wait blocks until it leaves the queue; k8s --emit: writes k8s/job.json,
/// an Indexed Job for `kubectl apply -f`.
struct SweepExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exec", abstract: "Run the plan's missing shards: locally, as a Slurm job array, or emit a Kubernetes Job.")

    enum Engine: String, ExpressibleByArgument, CaseIterable { case local, slurm, k8s }

    @Argument(help: "The plan folder.")
    var folder: String

    @Option(help: "local, slurm or k8s.")
    var engine: Engine = .local

    @Option(help: "local: shard processes at once (default: one per processor).")
    var jobs: Int?

    @Option(help: "slurm, k8s: shards per array task / completion index.")
    var batch: Int = 1

    @Option(help: "slurm: array tasks running at once (%K); k8s: the Job's parallelism.")
    var parallel: Int?

    @Option(help: "slurm: the partition to submit to.")
    var partition: String?

    @Flag(help: "slurm: wait until the array has left the queue.")
    var wait = false

    @Flag(help: "k8s: write the Indexed Job manifest (k8s/job.json) instead of applying anything.")
    var emit = false

    @Option(help: "k8s: the container image with twinc on its PATH.")
    var image = "twinc:latest"

    @Option(help: "k8s: the PersistentVolumeClaim holding the plan folder (mounted at /sweep).")
    var claim = "twinc-sweep"

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
        if let parallel, parallel < 1 { throw ValidationError("--parallel must be at least 1") }
        if engine == .k8s, !emit { throw ValidationError("--engine k8s needs --emit: twinc writes the manifest, `kubectl apply -f` runs it") }
    }

    func run() throws {
        let plan = try loadSweepPlan(folder)
        switch engine {
        case .local: try local(plan)
        case .slurm: try slurm(plan)
        case .k8s: try kubernetes(plan)
        }
    }

    private func local(_ plan: SweepPlan) throws {
        let bar = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["CI"] == nil
        let drawBar: @Sendable (SweepProgress) -> Void = { progress in writeStandardError("\r" + progressBar(progress)) }
        let execution = executeLocally(
            folder: folder, plan: plan, executable: currentExecutable,
            jobs: jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount), runner: SystemProcessRunner(),
            progress: bar ? drawBar : nil)
        if bar { writeStandardError("\n") }
        print("\(execution.finished) shards run, \(execution.skipped) already finished, \(execution.failures.count) failed "
              + "in \(String(format: "%.1f", execution.wallSeconds)) s")
        for failure in execution.failures {
            writeStandardError("twinc: shard \(failure.index) (\(failure.shard)) failed: \(failure.error)\n")
        }
        if !execution.failures.isEmpty { try endCommand(with: .dataError) }
    }

    private func slurm(_ plan: SweepPlan) throws {
        let measured: ShardTiming
        switch measuredShard(folder: folder, plan: plan) {
        case .success(let timing): measured = timing
        case .failure(let error): try reportSweepError(error); return
        }
        let engine = SlurmEngine(runner: SystemProcessRunner())
        let request = SlurmRequest(batch: batch, parallel: parallel, partition: partition)
        switch engine.submit(folder: folder, plan: plan, executable: currentExecutable, request: request, measured: measured) {
        case .failure(let error): try reportSweepError(error)
        case .success(nil): print("every shard has a result: nothing to submit")
        case .success(let submission?):
            print("submitted job \(submission.jobID): array \(submission.array) (\(submission.tasks) tasks, "
                  + "--time=\(submission.timeMinutes) --mem=\(submission.memoryMegabytes)M) from \(submission.script)")
            if wait {
                // No array runs longer than every task at its own time request in turn.
                let limit = Double(submission.timeMinutes * 60 * Swift.max(submission.tasks, 1) + 120)
                if !engine.waitUntilDone(jobID: submission.jobID, limit: limit) {
                    writeStandardError("twinc: job \(submission.jobID) still queued after \(Int(limit)) s, longer than its "
                                       + "tasks' time requests allow; `twinc sweep status \(folder)` shows where it is\n")
                }
                let progress = shardProgress(PlanFolder(folder), plan)
                print("job \(submission.jobID) left the queue: \(progress.done - progress.failed) of \(progress.total) shards finished, \(progress.failed) failed")
            }
        }
    }

    private func kubernetes(_ plan: SweepPlan) throws {
        let job = kubernetesJob(plan: plan, request: KubernetesRequest(
            image: image, claim: claim, parallelism: parallel ?? 4, batch: batch))
        let path = (folder as NSString).appendingPathComponent("k8s/job.json")
        let problems = AtomicFile.write(JSONWriter.canonical.string(job), to: path)
        if !problems.isEmpty {
            DiagnosticOutput(format: .text, rules: []).emit(problems, sources: SourceStore())
            try endCommand(with: .cannotCreate)
        }
        print("wrote \(path): an Indexed Job of \(job["spec"]?["completions"]?.numberValue.map { Int($0) } ?? 0) completions; "
              + "copy the plan folder to the claim `\(claim)` and `kubectl apply -f \(path)`")
    }
}

/// `[#########-----------]  9/20 shards (1 failed)`.
func progressBar(_ progress: SweepProgress) -> String {
    let width = 30
    let filled = progress.total == 0 ? width : progress.done * width / progress.total
    let failed = progress.failed > 0 ? " (\(progress.failed) failed)" : ""
    return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
        + "\(progress.done)/\(progress.total) shards\(failed)"
}
