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
    /// Periodic jittered timers: one heap step and one draw per event.
    public var timers: EngineBenchmark.Result
    /// The same with a mostly-cancelled timeout per firing (the ACK-timeout pattern).
    public var timersWithTimeouts: EngineBenchmark.Result

    /// The target for the engine core.
    public static let targetEventsPerSecond = 10e6
}

public struct SimulationBenchmarkResult: Sendable {
    /// Where the twin came from (a path, or "built in code").
    public var twinSource: String
    public var devices: Int
    public var scenario: String
    public var horizon: Time
    public var events: Int
    public var wallSeconds: Double

    public var eventsPerSecond: Double { wallSeconds > 0 ? Double(events) / wallSeconds : 0 }
    public var simulatedSecondsPerWallSecond: Double { wallSeconds > 0 ? horizon.si / wallSeconds : 0 }

    /// The target: 24 h of the 12-device demo BAN in under 10 s.
    public static let targetWallSecondsPer24Hours = 10.0
    /// Wall time 24 h would take at this speed.
    public var projectedWallSecondsPer24Hours: Double {
        simulatedSecondsPerWallSecond > 0 ? 86_400 / simulatedSecondsPerWallSecond : .infinity
    }
}

/// Runs the engine workload twice (with and without timeouts), keeping the faster of
/// `repetitions` runs of each.
public func benchmarkEngine(events: Int, repetitions: Int = 3) -> EngineBenchmarkFigures {
    func best(timeouts: Bool) -> EngineBenchmark.Result {
        var fastest: EngineBenchmark.Result?
        for _ in 0..<max(1, repetitions) {
            let result = EngineBenchmark.run(events: events, timeouts: timeouts)
            if fastest == nil || result.seconds < fastest?.seconds ?? .infinity { fastest = result }
        }
        return fastest ?? EngineBenchmark.run(events: events, timeouts: timeouts)
    }
    return EngineBenchmarkFigures(timers: best(timeouts: false), timersWithTimeouts: best(timeouts: true))
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
/// compiler's convention) over `horizon` and times it.
public func benchmarkSimulation(_ twin: BenchmarkTwin, horizon: Time) -> Result<SimulationBenchmarkResult, RunFlagError> {
    guard let twinConfig = twin.config else { return .failure(RunFlagError("the benchmark twin did not read")) }
    let config = RunPlan(config: twinConfig, overrides: RunOverrides(horizon: horizon)).config
    guard let scenario = config.scenarios.first else {
        return .failure(RunFlagError("\(twin.source) has no scenario to simulate"))
    }
    let clock = ContinuousClock()
    let start = clock.now
    let outcome: ReplicationOutcome
    do throws(SimulationError) {
        outcome = try simulate(config: config, scenario: scenario, replication: 0)
    } catch {
        return .failure(RunFlagError("\(twin.source): \(error.description) (\(RuntimeDiagnostics.code(for: error).id))"))
    }
    let elapsed = start.duration(to: clock.now)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return .success(SimulationBenchmarkResult(
        twinSource: twin.source, devices: config.network.devices.count, scenario: scenario.id,
        horizon: outcome.horizon.time, events: outcome.eventsHandled, wallSeconds: seconds))
}
