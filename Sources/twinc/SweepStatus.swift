import ArgumentParser
import Foundation
import TwinDriver
import TwinSweep

/// `twinc sweep status DIR`: shards finished and failed (from the plan folder), and the
/// state of the Slurm arrays submitted for it (`squeue` while queued, `sacct` where the
/// cluster keeps accounting).
struct SweepStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "status", abstract: "Show a plan's progress and its Slurm arrays.")

    @Argument(help: "The plan folder.")
    var folder: String

    func run() throws {
        let plan = try loadSweepPlan(folder)
        let status = SlurmEngine(runner: SystemProcessRunner()).status(folder: folder, plan: plan)
        let progress = status.progress
        print("plan \(plan.id) (\(plan.name)): \(progress.done - progress.failed) of \(progress.total) shards finished, "
              + "\(progress.failed) failed, \(progress.total - progress.done) to run")
        guard !status.jobs.isEmpty else { return }
        print("slurm jobs: \(status.jobs.joined(separator: ", "))")
        let queued = status.queued.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.lowercased())" }
        print("  queue: " + (queued.isEmpty ? "no task queued" : queued.joined(separator: ", ")))
        if let note = status.schedulerNote { print("  \(note)") }
        let accounted = status.accounted.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key.lowercased())" }
        if !accounted.isEmpty { print("  accounting: " + accounted.joined(separator: ", ")) }
        if let note = status.accountingNote { print("  \(note) (the shard files above are the record)") }
    }
}
