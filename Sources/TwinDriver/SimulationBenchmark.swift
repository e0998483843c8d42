import Foundation
import TwinConfig
import TwinDiagnostics
import TwinEngine
import TwinRuntime
import TwinUnits

/// Speed of the runtime for `twinc bench`: the event engine alone (what the scheduler
/// and random streams can do with a model that does no work) and the full simulation
/// of a demo BAN (events per second and simulated seconds per wall second). Tracked,
/// never asserted in tests (CONVENTIONS §11); build with `-c release`.
public struct EngineBenchmarkFigures: Sendable {
    /// One workload's fastest run: the engine's own figures and the CPU time of the
    /// thread that ran it.
    public struct Figure: Sendable {
        public var run: EngineBenchmark.Result
        /// CPU seconds of the benchmark thread for the run (setup included, ~µs). On a
        /// machine shared with other work, wall time also counts the time the thread
        /// waited for a processor; CPU time does not, and on an idle machine the two agree.
        public var cpuSeconds: Double
        public var eventsPerCPUSecond: Double { cpuSeconds > 0 ? Double(run.events) / cpuSeconds : 0 }
    }

    /// 16 periodic jittered timers: one heap step and one draw per event.
    public var periodic: Figure
    /// A heap holding 1,000 pending events throughout (the "hold" model).
    public var pending: Figure
    /// The periodic timers with a mostly-cancelled timeout per firing (ACK timeouts).
    public var timersWithTimeouts: Figure

    /// The workloads, as `EngineBenchmark` and `Benchmarks/ns3/engine-workloads.cc` run them.
    public static let periodicWorkload = EngineBenchmark.Workload.periodic(timers: 16, timeouts: false)
    public static let pendingWorkload = EngineBenchmark.Workload.pending(events: 1_000)
    public static let timeoutsWorkload = EngineBenchmark.Workload.periodic(timers: 16, timeouts: true)

    /// The first target for the engine core, used when no ns-3 figure is given.
    public static let targetEventsPerSecond = 10e6
    /// Issue 12's target: this many times Debian ns-3's default scheduler (MapScheduler)
    /// on the same workload and machine (`Benchmarks/ns3/run.sh` measures both).
    public static let targetRatioToNS3 = 4.0
}

public struct SimulationBenchmarkResult: Sendable {
    /// Where the twin came from (a path, or "built in code").
    public var twinSource: String
    public var devices: Int
    /// Devices left out of the twin for this figure (its bulk flows), if any.
    public var removedDevices: [String]
    public var scenario: String
    public var horizon: Time
    public var events: Int
    public var wallSeconds: Double
    /// CPU seconds of the simulating thread: what the run costs on a machine shared
    /// with other work, where wall time also counts waiting for a processor.
    public var cpuSeconds: Double

    public var eventsPerSecond: Double { wallSeconds > 0 ? Double(events) / wallSeconds : 0 }
    public var simulatedSecondsPerWallSecond: Double { wallSeconds > 0 ? horizon.si / wallSeconds : 0 }
    public var simulatedSecondsPerCPUSecond: Double { cpuSeconds > 0 ? horizon.si / cpuSeconds : 0 }

    /// The target: 24 h of the 12-device demo BAN in under 10 s.
    public static let targetWallSecondsPer24Hours = 10.0
    /// Wall time 24 h would take at this speed.
    public var projectedWallSecondsPer24Hours: Double {
        simulatedSecondsPerWallSecond > 0 ? 86_400 / simulatedSecondsPerWallSecond : .infinity
    }
}

/// Runs each engine workload `repetitions` times, keeping the run of each with the
/// least CPU time; the workloads alternate so a burst of load on a shared machine does
/// not fall on one.
public func benchmarkEngine(events: Int, repetitions: Int = 3) -> EngineBenchmarkFigures {
    let workloads = [EngineBenchmarkFigures.periodicWorkload, EngineBenchmarkFigures.pendingWorkload,
                     EngineBenchmarkFigures.timeoutsWorkload]
    var fastest: [EngineBenchmarkFigures.Figure?] = Array(repeating: nil, count: workloads.count)
    for _ in 0..<max(1, repetitions) {
        for (index, workload) in workloads.enumerated() {
            let start = threadCPUSeconds()
            let run = EngineBenchmark.run(workload, events: events)
            let figure = EngineBenchmarkFigures.Figure(run: run, cpuSeconds: threadCPUSeconds() - start)
            if figure.cpuSeconds < fastest[index]?.cpuSeconds ?? .infinity { fastest[index] = figure }
        }
    }
    func pick(_ index: Int) -> EngineBenchmarkFigures.Figure {
        fastest[index] ?? EngineBenchmarkFigures.Figure(run: EngineBenchmark.run(workloads[index], events: events),
                                                         cpuSeconds: 0)
    }
    return EngineBenchmarkFigures(periodic: pick(0), pending: pick(1), timersWithTimeouts: pick(2))
}

/// CPU time consumed so far by the calling thread.
func threadCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

/// CPU time consumed so far by the whole process (every thread), user and system.
func processCPUSeconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now)
    return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
}

/// The twin the simulation benchmark runs: `path` if given (a twin.json or a folder
/// holding one), else `Generated/icu-monitoring/twin.json` when it exists and reads,
/// else `BenchmarkDemoTwin`. Diagnostics (with exit status) when a named file does not
/// read; when the generated demo does not, its diagnostics are kept as a warning
/// (`fallback`) and the built-in twin is measured instead, so the figure is never lost.
public struct BenchmarkTwin: Sendable {
    public var config: TwinConfig?
    public var source: String
    public var diagnostics: [Diagnostic]
    public var sources: SourceStore
    /// Why the generated demo twin was not used although it exists.
    public var fallback: String?

    public static let generatedDemo = "Generated/icu-monitoring/twin.json"

    public static func load(path: String?) -> BenchmarkTwin {
        let builtIn = BenchmarkTwin(config: BenchmarkDemoTwin.config(), source: "built in code (BenchmarkDemoTwin)",
                                    diagnostics: [], sources: SourceStore())
        if let path { return read(twinFile(for: path)) }
        guard FileManager.default.fileExists(atPath: generatedDemo) else { return builtIn }
        let generated = read(generatedDemo)
        guard generated.config == nil else { return generated }
        var fallback = builtIn
        fallback.diagnostics = generated.diagnostics
        fallback.sources = generated.sources
        fallback.fallback = "\(generatedDemo) does not read; measuring the built-in demo twin instead"
        return fallback
    }

    private static func read(_ path: String) -> BenchmarkTwin {
        let loaded = SourceLoader().load([path])
        var twin = BenchmarkTwin(config: nil, source: path, diagnostics: loaded.diagnostics, sources: SourceStore())
        guard let file = loaded.files.first else { return twin }
        twin.sources.add(file: file.path, text: file.text)
        let read = TwinConfig.read(text: file.text, file: file.path)
        twin.diagnostics += read.diagnostics
        twin.config = read.diagnostics.hasErrors ? nil : read.config
        return twin
    }

    public var exitStatus: ExitStatus {
        config != nil ? .success : (ExitStatus.forDiagnostics(diagnostics) == .success ? .software : .forDiagnostics(diagnostics))
    }
}

/// Simulates replication 0 of the twin's first scenario (the baseline, by the
/// compiler's convention) over `horizon` and times it; with `withoutBulkFlows`, the twin
/// without its wideband devices (`TwinConfig.removingBulkFlows`); with
/// `bulkFlowsAtPacketLevel`, every flow simulated frame by frame whatever the compiler chose.
public func benchmarkSimulation(_ twin: BenchmarkTwin, horizon: Time, withoutBulkFlows: Bool = false,
                                bulkFlowsAtPacketLevel: Bool = false) -> Result<SimulationBenchmarkResult, RunFlagError> {
    guard var twinConfig = twin.config else { return .failure(RunFlagError("the benchmark twin did not read")) }
    var removed: [String] = []
    if withoutBulkFlows { (twinConfig, removed) = twinConfig.removingBulkFlows() }
    if bulkFlowsAtPacketLevel { twinConfig = twinConfig.allFlowsAtPacketLevel() }
    let config = RunPlan(config: twinConfig, overrides: RunOverrides(horizon: horizon)).config
    guard let scenario = config.scenarios.first else {
        return .failure(RunFlagError("\(twin.source) has no scenario to simulate"))
    }
    let clock = ContinuousClock()
    let start = clock.now
    let cpuStart = threadCPUSeconds()
    let outcome: ReplicationOutcome
    do throws(SimulationError) {
        outcome = try simulate(config: config, scenario: scenario, replication: 0)
    } catch {
        return .failure(RunFlagError("\(twin.source): \(error.description) (\(RuntimeDiagnostics.code(for: error).id))"))
    }
    let elapsed = start.duration(to: clock.now)
    let cpuSeconds = threadCPUSeconds() - cpuStart
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return .success(SimulationBenchmarkResult(
        twinSource: twin.source, devices: config.network.devices.count, removedDevices: removed,
        scenario: scenario.id, horizon: outcome.horizon.time, events: outcome.eventsHandled, wallSeconds: seconds,
        cpuSeconds: cpuSeconds))
}
