import Foundation
import TwinApplications
import TwinConfig
import TwinRuntime
import TwinUnits

/// The jobs a user waits for, timed end to end for `twinc bench`: every scenario of a
/// twin at a 24 h horizon without the optimiser (`twinc run TWIN --no-optimise --horizon
/// 24h`), and the README's main job (`twinc compile INTENT` then `twinc run` of its twin
/// with the defaults). Both take the run options from `RunTwinOptions.fromFlags`, as
/// `twinc run` does, so they follow its defaults (replications, jobs) as these change.
/// Both run in process, so process start-up and the written files are left out (about
/// 11 ms).
public struct JobBenchmarkResult: Sendable {
    public var wallSeconds: Double
    /// CPU seconds of the whole process over the job (all its threads).
    public var cpuSeconds: Double
    public var scenarios: Int
    /// Replications simulated, over all scenarios.
    public var replications: Int
    public var horizon: Time
    /// What each scenario simulated: its replications and how far each ran (the horizon,
    /// or where its goals settled), so the figure says where the time went.
    public var simulated: [SimulatedScenario] = []
    /// Issue 12's target for this job, in wall seconds.
    public var targetSeconds: Double
    /// Wall time over the target: ≤ 1 meets it.
    public var ratioToTarget: Double { wallSeconds / targetSeconds }

    /// Events the simulator handled, over all scenarios and replications (a prefix the
    /// scenarios of a replication share counts once per scenario).
    public var eventsHandled: Int { simulated.reduce(0) { $0 + $1.eventsHandled } }

    /// Simulated days over all scenarios and replications, each counted as if it ran
    /// alone (the shared prefix once per scenario).
    public var scenarioDays: Double {
        simulated.reduce(0) { $0 + Double($1.replications) * $1.span.si } / 86_400
    }

    /// 24 h × all scenarios without the optimiser (issue 12).
    public static let allScenariosTargetSeconds = 3.0
    /// The README main job, compile + run with defaults (issue 12).
    public static let mainJobTargetSeconds = 20.0
}

/// One scenario's share of a benchmarked job.
public struct SimulatedScenario: Sendable, Hashable {
    public var id: String
    public var replications: Int
    /// How far each replication ran.
    public var span: Time
    public var eventsHandled: Int
}

/// Runs every scenario of `twin` for `horizon` at its configured replications, with the
/// applications the plan selected and no optimiser, `processors` replications at a time.
public func benchmarkAllScenarios(_ twin: BenchmarkTwin, horizon: Time,
                                  processors: Int) -> Result<JobBenchmarkResult, RunFlagError> {
    guard let config = twin.config else { return .failure(RunFlagError("the benchmark twin did not read")) }
    guard var options = defaultRunOptions(processors: processors) else {
        return .failure(RunFlagError("the default run options do not build"))
    }
    options.overrides.horizon = horizon
    options.optimise = false
    return timedJob(config, options: options, target: JobBenchmarkResult.allScenariosTargetSeconds,
                    source: twin.source)
}

/// Compiles `intent` (its use case found as `twinc compile` finds it) and runs the twin
/// with the defaults of `twinc run`, timing both together.
public func benchmarkMainJob(intent: String, processors: Int) -> Result<JobBenchmarkResult, RunFlagError> {
    let start = ContinuousClock.now
    let cpuStart = processCPUSeconds()
    let compiled = compileIntents(paths: [intent])
    guard let twin = compiled.twins.first, !compiled.diagnostics.hasErrors else {
        return .failure(RunFlagError("\(intent) does not compile (\(compiled.diagnostics.count) diagnostics)"))
    }
    guard var options = defaultRunOptions(processors: processors) else {
        return .failure(RunFlagError("the default run options do not build"))
    }
    options.optimise = true
    return timedJob(twin.config, options: options, target: JobBenchmarkResult.mainJobTargetSeconds,
                    source: intent, since: start, cpuSince: cpuStart)
}

/// `twinc run`'s options when no flag is given (`--jobs` aside).
private func defaultRunOptions(processors: Int) -> RunTwinOptions? {
    try? RunTwinOptions.fromFlags(seed: nil, horizon: nil, warmup: nil, replications: nil, jobs: max(1, processors),
                                  processors: processors).get()
}

private func timedJob(_ config: TwinConfig, options: RunTwinOptions, target: Double, source: String,
                      since start: ContinuousClock.Instant = .now,
                      cpuSince cpuStart: Double = processCPUSeconds()) -> Result<JobBenchmarkResult, RunFlagError> {
    let plan = RunPlan(config: config, overrides: options.overrides)
    let analysis: TwinAnalysis
    do throws(RunFailure) {
        analysis = try analyseTwin(plan, options: options.analysisOptions)
    } catch {
        return .failure(RunFlagError("\(source): the run failed (\(error))"))
    }
    let elapsed = start.duration(to: .now)
    return .success(JobBenchmarkResult(
        wallSeconds: Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18,
        cpuSeconds: processCPUSeconds() - cpuStart, scenarios: config.scenarios.count,
        replications: analysis.report.scenarios.reduce(0) { $0 + $1.replications }, horizon: plan.settings.horizon,
        simulated: analysis.report.scenarios.map {
            SimulatedScenario(id: $0.id, replications: $0.replications, span: $0.simulatedUntil ?? plan.settings.horizon,
                              eventsHandled: $0.eventsHandled)
        },
        targetSeconds: target))
}

extension TwinConfig {
    /// The devices whose flows run in aggregate (twin.json `traffic.representation`).
    public var aggregateFlows: [String] {
        network.devices.filter { $0.traffic.representation == .aggregate }.map(\.id)
    }

    /// The twin with every flow at packet level: the benchmark's "bulk flow frame by
    /// frame" figure, what the aggregate representation saves.
    public func allFlowsAtPacketLevel() -> TwinConfig {
        var config = self
        for index in config.network.devices.indices { config.network.devices[index].traffic.representation = .packet }
        return config
    }

    /// The twin without its bulk flows: the devices on `wideband` access (the AR
    /// glasses' 8 Mb/s WLAN flow in the demo), and every goal, knob and scenario event's
    /// reference to them. For the benchmark's "without the bulk flow" figure only; the
    /// twin itself is never changed.
    public func removingBulkFlows() -> (config: TwinConfig, removed: [String]) {
        let removed = network.devices.filter { $0.mac.access == .wideband }.map(\.id)
        guard !removed.isEmpty else { return (self, []) }
        var config = self
        config.network.devices.removeAll { removed.contains($0.id) }
        for index in config.goals.indices { config.goals[index].devices.removeAll { removed.contains($0) } }
        config.knobs.removeAll { knob in knob.targets.contains { removed.contains($0) } }
        for index in config.scenarios.indices {
            config.scenarios[index].events.removeAll { removed.contains($0.target) }
        }
        return (config, removed)
    }
}
