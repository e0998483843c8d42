import Foundation
import Testing
import TwinJSON
@testable import TwinSweep

/// A process runner that plays the shard processes and the Slurm commands: a shard
/// either "runs" (its result written as the real one would be) or crashes with a signal;
/// `sbatch`, `squeue` and `sacct` answer from a script.
private final class FakeRunner: ProcessRunning, @unchecked Sendable {
    let folder: String
    let plan: SweepPlan
    let crashing: Set<Int>
    private let lock = NSLock()
    private(set) var commands: [ProcessCommand] = []

    init(folder: String, plan: SweepPlan, crashing: Set<Int> = []) {
        self.folder = folder
        self.plan = plan
        self.crashing = crashing
    }

    func run(_ command: ProcessCommand) -> ProcessOutcome {
        lock.lock()
        commands.append(command)
        lock.unlock()
        switch command.executable {
        case "sbatch": return ProcessOutcome(status: 0, standardOutput: "4242\n")
        case "squeue": return ProcessOutcome(status: 0, standardOutput: "4242_3 RUNNING\n4242_[4-5%2] PENDING\n")
        case "sacct": return ProcessOutcome(status: 1, standardError: "Slurm accounting storage is disabled\n")
        default: break
        }
        guard let index = command.arguments.firstIndex(of: "--shard").flatMap({ Int(command.arguments[$0 + 1]) }) else {
            return ProcessOutcome(status: 64)
        }
        if crashing.contains(index) { return ProcessOutcome(status: 11, signalled: true, standardError: "Fatal error: boom\n") }
        let shard = plan.shards[index]
        let result = ShardResult(plan: plan.id, shard: shard.id, index: index, goals: [
            .init(goal: "ecg-delivery", kpi: "delivery-ratio", verdict: "met", scenario: "baseline",
                  value: .object([("estimate", .number(0.9 + Double(index) / 100)), ("unit", .string("1")), ("dimension", .string("ratio"))])),
            .init(goal: "pump-lifetime", kpi: "lifetime", verdict: "met", scenario: "baseline",
                  value: .object([("estimate", .number(100 - Double(index))), ("unit", .string("s")), ("dimension", .string("time"))])),
        ])
        _ = AtomicFile.write(JSONWriter.canonical.string(result.jsonValue), to: PlanFolder(folder).result(shard))
        return ProcessOutcome(status: 0, wallSeconds: 0.01)
    }
}

@Suite struct EngineTests {
    @Test func aCrashingShardIsRecordedWithItsIdAndErrorAndTheRestCollected() throws {
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let (plan, folder) = try fixture.plan(try fixture.smallSweep())
        let runner = FakeRunner(folder: folder, plan: plan, crashing: [2])
        let execution = executeLocally(folder: folder, plan: plan, executable: "/bin/twinc", jobs: 2, runner: runner)
        #expect(execution.finished == 3)
        #expect(execution.failures.map(\.index) == [2])
        #expect(execution.failures.first?.error == "killed by signal 11: Fatal error: boom")

        let collection = try collectSweep(folder: folder).get()
        #expect(collection.failures.map(\.shard) == [plan.shards[2].id])
        #expect(collection.points.filter { $0.incomplete == 0 }.count == 3)
        #expect(collection.canonicalJSON().contains("killed by signal 11"))
        // Shard 3 has the highest delivery; shard 0 the longest life: both on the front.
        #expect(collection.points.filter(\.onFront).map(\.point) == [0, 1, 3])

        // Running again starts only the failed shard.
        let again = FakeRunner(folder: folder, plan: plan)
        let second = executeLocally(folder: folder, plan: plan, executable: "/bin/twinc", jobs: 2, runner: again)
        #expect(second.skipped == 3)
        #expect(again.commands.map { $0.arguments.last } == ["2"])
        #expect(try collectSweep(folder: folder).get().failures.isEmpty)
    }

    @Test func collectRefusesResultsOfAnotherPlan() throws {
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let (plan, folder) = try fixture.plan(try fixture.smallSweep())
        _ = executeLocally(folder: folder, plan: plan, executable: "/bin/twinc", jobs: 1, runner: FakeRunner(folder: folder, plan: plan))
        try "{}".write(toFile: folder + "/results/0123456789abcdef.json", atomically: true, encoding: .utf8)
        let refused = collectSweep(folder: folder)
        guard case .failure(let error) = refused else {
            Issue.record("collect merged a folder holding another plan's result")
            return
        }
        #expect(error.diagnostics.first?.code == SweepDiagnostics.mixedPlans)
    }

    @Test func theSlurmArrayHoldsOnlyTheMissingShardsWithMeasuredRequests() throws {
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let (plan, folder) = try fixture.plan(try fixture.smallSweep())
        let runner = FakeRunner(folder: folder, plan: plan)
        _ = runner.run(ProcessCommand("twinc", ["sweep", "run", folder, "--shard", "1"]))
        let engine = SlurmEngine(runner: runner)
        let measured = ShardTiming(loadSeconds: 0.1, runSeconds: 40, writeSeconds: 0.1, maximumResidentMegabytes: 300)
        let submission = try #require(try engine.submit(folder: folder, plan: plan, executable: "/opt/twinc",
                                                        request: SlurmRequest(parallel: 2), measured: measured).get())
        #expect(submission.jobID == "4242")
        #expect(submission.array == "0,2-3")
        #expect(submission.timeMinutes == 4)  // ⌈3 × 40.2 s / 60⌉ + 1
        #expect(submission.memoryMegabytes == 600)
        let script = try String(contentsOfFile: submission.script, encoding: .utf8)
        #expect(script.contains("#SBATCH --array=0,2-3%2\n"))
        #expect(script.contains("#SBATCH --time=4\n"))
        #expect(script.contains("#SBATCH --mem=600M\n"))
        #expect(script.contains("exec '/opt/twinc' sweep run '\(URL(fileURLWithPath: folder).standardizedFileURL.path)' --shard \"$SLURM_ARRAY_TASK_ID\" --batch 1"))
        #expect(runner.commands.last == ProcessCommand("sbatch", ["--parsable", submission.script]))

        let status = engine.status(folder: folder, plan: plan)
        #expect(status.jobs == ["4242"])
        #expect(status.queued == ["RUNNING": 1, "PENDING": 1])
        #expect(status.progress.done == 1)
        #expect(status.accountingNote?.contains("accounting storage is disabled") == true)

        // Batches of 3: shard 1 is in batch 0, so both batches are missing.
        let batched = try #require(try engine.submit(folder: folder, plan: plan, executable: "/opt/twinc",
                                                     request: SlurmRequest(batch: 3), measured: measured).get())
        #expect(batched.array == "0-1")
        #expect(batched.script.hasSuffix("array-2.sbatch"))
    }

    @Test func aShardWithAKnobValueItsTwinRefusesFailsAloneWithItsError() throws {
        let fixture = try SweepFixture()
        defer { fixture.remove() }
        let (plan, folder) = try fixture.plan(try fixture.smallSweep())
        // A hand-edited manifest: shard 0's ECG period becomes 2.5 superframes.
        let manifest = folder + "/manifest.json"
        let text = try String(contentsOfFile: manifest, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "\"value\": 2\n", with: "\"value\": 2.5\n")
        #expect(edited != text)
        try edited.write(toFile: manifest, atomically: true, encoding: .utf8)
        let status = try runShard(folder: folder, index: 0).get()
        guard case .failed(let error) = status else {
            Issue.record("shard 0 ran with a refused knob value: \(status)")
            return
        }
        #expect(error.contains("ecg.period"))
        #expect(PlanFolder(folder).recordedFailure(plan.shards[0])?.error == error)
    }
}
