import ArgumentParser
import Foundation
import TwinDriver
import TwinSweep

/// `twinc sweep run DIR --shard I [--batch B]`: runs shards I·B … I·B+B−1 (one shard
/// without --batch), skipping those already finished. What a Slurm array task or a
/// Kubernetes completion index runs. Exit 0 when every shard finished or was skipped,
/// 65 when one failed (its error is in failures/), 66 when DIR is not a plan.
struct SweepRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run one shard (or one batch of shards) of a plan.")

    @Argument(help: "The plan folder.")
    var folder: String

    @Option(help: "The shard index (with --batch: the batch index).")
    var shard: Int

    @Option(help: "Shards per batch: runs shards shard×batch … shard×batch+batch−1.")
    var batch: Int = 1

    func validate() throws {
        if shard < 0 { throw ValidationError("--shard must be 0 or more") }
        if batch < 1 { throw ValidationError("--batch must be at least 1") }
    }

    func run() throws {
        let plan = try loadSweepPlan(folder)
        let first = shard * batch
        guard first < plan.shards.count else {
            writeStandardError("Error: shard \(first) is outside the plan (\(plan.shards.count) shards)\n")
            throw ExitCode(ExitStatus.usage.rawValue)
        }
        var failed = false
        for index in first..<min(first + batch, plan.shards.count) {
            switch runShard(folder: folder, index: index) {
            case .success(.skipped): writeStandardError("shard \(index): already finished\n")
            case .success(.finished): break
            case .success(.failed(let error)):
                writeStandardError("twinc: shard \(index) (\(plan.shards[index].id)) failed: \(error)\n")
                failed = true
            case .failure(let error): try reportSweepError(error)
            }
        }
        if failed { try endCommand(with: .dataError) }
    }
}
