import Foundation
import Testing
import TwinProcess

/// The sweep on a real single-machine Slurm cluster (Debian's `slurm-wlm` and `munge`,
/// started by `scripts/slurm-local.sh` as plain daemons): a 20-shard grid of the demo
/// runs as a job array; the array is cancelled midway with `scancel` and submitted
/// again, which runs only the missing shards; `collect` then gives files byte-identical
/// to the local engine's on the same plan. `.ci/run` installs the packages; with
/// CI=true a missing `sbatch` fails the test instead of skipping it.
@Suite(.serialized) struct SweepSlurmTests {
    static let hasSlurm = FileManager.default.isExecutableFile(atPath: "/usr/bin/sbatch")
    static let isCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// A 4 × 5 grid over one simulated minute of the baseline, one replication.
    static func sweepText() -> String {
        """
        twin: 1
        kind: sweep
        name: slurm-e2e
        twins: [\(Twinc.repositoryRoot.appendingPathComponent("Generated/icu-monitoring").path)]
        knobs:
          - knob: ecg.tx-power
          - knob: ecg.period
            values: [1, 2, 3, 4, 8]
        replications: 1
        horizon: 1 min
        scenarios: [baseline]
        collect: [ecg-delivery, pump-lifetime]

        """
    }

    @Test(.enabled(if: hasSlurm || isCI, "slurm-wlm is not installed (apt-get install slurm-wlm munge)"))
    func aJobArrayCancelledAndResubmittedCollectsLikeTheLocalEngine() throws {
        guard Self.hasSlurm else {
            Issue.record("CI=true but sbatch is missing: .ci/run installs slurm-wlm and munge")
            return
        }
        // A cluster this test starts, it stops again: daemons left behind would outlive
        // the test run (and, in CI, the job that ran it).
        let script = Twinc.repositoryRoot.appendingPathComponent("scripts/slurm-local.sh").path
        let wasRunning = try shell("/usr/bin/pgrep", ["-x", "slurmctld"]).status == 0
        let start = try shell("/bin/bash", [script, "start"], timeout: 180)
        defer { if !wasRunning { _ = try? shell("/bin/bash", [script, "stop"]) } }
        try #require(start.status == 0, "the local Slurm cluster did not start: \(start.stderr)")

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-slurm-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let sweep = work.appendingPathComponent("sweep.yaml").path
        try Self.sweepText().write(toFile: sweep, atomically: true, encoding: .utf8)
        let slurmPlan = work.appendingPathComponent("slurm").path, localPlan = work.appendingPathComponent("local").path
        let planned = try Twinc.run(["sweep", "plan", sweep, "--out", slurmPlan])
        try #require(planned.status == 0, "\(planned.stderr)")
        #expect(planned.stdout.contains("20 shards"))
        #expect(try Twinc.run(["sweep", "plan", sweep, "--out", localPlan]).stdout == planned.stdout.replacingOccurrences(of: slurmPlan, with: localPlan))

        // First submission: one shard is measured here, 19 go to the array, two at a time.
        let first = try Twinc.run(["sweep", "exec", slurmPlan, "--engine", "slurm", "--parallel", "2"])
        try #require(first.status == 0, "\(first.stderr)")
        let jobID = try #require(first.stdout.split(separator: " ").dropFirst(2).first.map { String($0.dropLast()) })
        #expect(first.stdout.contains("(19 tasks"))
        // Cancel the array once a few shards have finished.
        let deadline = Date().addingTimeInterval(300)
        while resultCount(slurmPlan) < 6, Date() < deadline { Thread.sleep(forTimeInterval: 0.2) }
        guard resultCount(slurmPlan) >= 6 else {
            _ = try? shell("/usr/bin/scancel", [jobID])
            Issue.record("only \(resultCount(slurmPlan)) of 20 shards finished within 300 s; the cluster as it stands:\n\(try clusterState())")
            return
        }
        _ = try shell("/usr/bin/scancel", [jobID])
        while try shell("/usr/bin/squeue", ["--noheader", "--jobs=\(jobID)"]).stdout.contains(jobID), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.5)
        }
        let finished = resultCount(slurmPlan)
        #expect(finished >= 6 && finished < 20, "cancelled with \(finished) of 20 shards finished")
        let status = try Twinc.run(["sweep", "status", slurmPlan])
        #expect(status.stdout.contains("\(finished) of 20 shards finished"))
        #expect(status.stdout.contains("slurm jobs: \(jobID)"))

        // Resubmission: only the missing shards are in the array.
        let second = try Twinc.run(["sweep", "exec", slurmPlan, "--engine", "slurm", "--parallel", "2", "--wait"], timeout: 600)
        try #require(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("(\(20 - finished) tasks"), "\(second.stdout)")
        #expect(second.stdout.contains("20 of 20 shards finished, 0 failed"))

        let local = try Twinc.run(["sweep", "exec", localPlan, "--engine", "local", "--jobs", "2"])
        try #require(local.status == 0, "\(local.stderr)")
        for ext in ["csv", "json"] {
            let fromSlurm = work.appendingPathComponent("slurm.\(ext)").path, fromLocal = work.appendingPathComponent("local.\(ext)").path
            #expect(try Twinc.run(["sweep", "collect", slurmPlan, "--out", fromSlurm]).status == 0)
            #expect(try Twinc.run(["sweep", "collect", localPlan, "--out", fromLocal]).status == 0)
            let a = try Data(contentsOf: URL(fileURLWithPath: fromSlurm)), b = try Data(contentsOf: URL(fileURLWithPath: fromLocal))
            #expect(a == b, "collect after Slurm and after the local engine differ (.\(ext))")
            #expect(a.count > 1000)
        }
    }

    /// What Slurm says of its node and queue and the end of its logs, for a failure message.
    private func clusterState() throws -> String {
        var text = try shell("/usr/bin/sinfo", ["-N", "-l"]).stdout + (try shell("/usr/bin/squeue", []).stdout)
        for log in ["/var/log/slurm/slurmctld.log", "/var/log/slurm/slurmd.log"] {
            text += "--- \(log)\n" + (try shell("/usr/bin/tail", ["-n", "20", log]).stdout)
        }
        return text
    }

    private func resultCount(_ plan: String) -> Int {
        ((try? FileManager.default.contentsOfDirectory(atPath: plan + "/results")) ?? []).filter { $0.hasSuffix(".json") }.count
    }

    /// Runs a Slurm or system tool, killed after `timeout` seconds (a controller that does
    /// not answer must fail this test, not hang the suite).
    private func shell(_ executable: String, _ arguments: [String], timeout: TimeInterval = 60) throws -> ProcessResult {
        let result = try ChildProcess.run(URL(fileURLWithPath: executable), arguments, timeout: timeout)
        if result.timedOut { Issue.record("\(executable) \(arguments.joined(separator: " ")) did not finish within \(Int(timeout)) s") }
        return ProcessResult(status: result.status, stdout: result.stdout, stderr: result.stderr)
    }
}
