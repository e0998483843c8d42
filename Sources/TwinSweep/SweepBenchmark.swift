import Foundation

/// The sweep's speed (`twinc bench --only sweep`): shards per minute with the local
/// engine, and where a shard's time goes — its share of planning, the process start-up,
/// loading the plan and twin, the run itself, writing the result. Measured, never
/// asserted in tests.
public struct SweepBenchmarkFigures: Sendable {
    public var shards: Int
    public var jobs: Int
    public var wallSeconds: Double
    public var planSeconds: Double
    /// Means per shard.
    public var processSeconds: Double
    public var loadSeconds: Double
    public var runSeconds: Double
    public var writeSeconds: Double

    public var shardsPerMinute: Double { Double(shards) / wallSeconds * 60 }
    public var planPerShard: Double { planSeconds / Double(max(shards, 1)) }
    /// The process's life outside load, run and write: exec, dynamic loading, exit.
    public var startupSeconds: Double { max(0, processSeconds - loadSeconds - runSeconds - writeSeconds) }
    /// Everything but the run, per shard.
    public var overheadSeconds: Double { planPerShard + startupSeconds + loadSeconds + writeSeconds }
}

/// Plans `sweepFile` into a fresh folder under `workFolder`, runs every shard with the
/// local engine (`jobs` processes of `executable`) and reads back each shard's phases.
public func benchmarkSweep(sweepFile: String, workFolder: String, executable: String, jobs: Int) -> Result<SweepBenchmarkFigures, SweepError> {
    let clock = ContinuousClock()
    let start = clock.now
    let planned = planSweep(file: sweepFile)
    guard let plan = planned.plan else { return .failure(SweepError(planned.diagnostics)) }
    let folder = (workFolder as NSString).appendingPathComponent("plan-\(plan.id)-\(ProcessInfo.processInfo.processIdentifier)")
    let problems = plan.write(to: folder)
    guard problems.isEmpty else { return .failure(SweepError(problems)) }
    let planSeconds = seconds(clock.now - start)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let execution = executeLocally(folder: folder, plan: plan, executable: executable, jobs: jobs, runner: SystemProcessRunner())
    if let failure = execution.failures.first {
        return .failure(SweepError(.error(SweepDiagnostics.shardFailed, "shard \(failure.index) failed: \(failure.error)", at: nil)))
    }
    let paths = PlanFolder(folder)
    let timings = plan.shards.compactMap(paths.recordedTiming)
    let count = Double(max(timings.count, 1))
    func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(max(values.count, 1)) }
    return .success(SweepBenchmarkFigures(
        shards: plan.shards.count, jobs: jobs, wallSeconds: execution.wallSeconds, planSeconds: planSeconds,
        processSeconds: mean(execution.shardSeconds), loadSeconds: timings.map(\.loadSeconds).reduce(0, +) / count,
        runSeconds: timings.map(\.runSeconds).reduce(0, +) / count, writeSeconds: timings.map(\.writeSeconds).reduce(0, +) / count))
}
