import ArgumentParser
import Foundation
import TwinDriver
import TwinEngine

/// `twinc bench`: speed figures that are tracked but never asserted in tests. Build
/// with `-c release` for meaningful numbers.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure front-end throughput, event-engine speed and simulation speed.",
        discussion: """
        The simulation benchmark runs the first scenario of the demo twin \
        (Generated/icu-monitoring/twin.json, or a 12-device twin built in code until it \
        exists; --twin FILE picks another) for --horizon of simulated time. The limits \
        benchmark compiles the demo intent with a generated catalogue of \
        --catalogue-entries models (target < 2 s for 2,000) and validates a 5 MB file of \
        errors (target < 2 s, at most the diagnostic cap printed).
        """)

    enum Suite: String, ExpressibleByArgument, CaseIterable {
        case frontEnd = "front-end", engine, simulation, limits
    }

    @Option(help: "Benchmarks to run: front-end, engine, simulation, limits (repeatable; default: all).")
    var only: [Suite] = []

    @Option(help: "Size of the generated template for the front-end benchmark, in MB.")
    var megabytes: Double = 5

    @Option(help: "Events per engine benchmark run.")
    var engineEvents = 5_000_000

    @Option(help: "The twin for the simulation benchmark: a twin.json or a folder holding one.")
    var twin: String?

    @Option(help: "Simulated time of the simulation benchmark, e.g. 24h.")
    var horizon = "24h"

    @Option(help: "Models in the generated catalogue of the limits benchmark.")
    var catalogueEntries = 2_000

    func validate() throws {
        if case .failure(let error) = RunFlags.horizon(horizon) { throw ValidationError(error.message) }
        if engineEvents < 1 { throw ValidationError("--engine-events must be at least 1") }
    }

    func run() throws {
        let suites = only.isEmpty ? Suite.allCases : only
        if suites.contains(.frontEnd) { frontEnd() }
        if suites.contains(.engine) { engine() }
        if suites.contains(.simulation) { try simulation() }
        if suites.contains(.limits) { try limits() }
    }

    private func limits() throws {
        print("limits (issue 8; targets < 2 s each):")
        var results: [LimitsBenchmarkResult] = []
        if FileManager.default.fileExists(atPath: "Intents/icu-monitoring.yaml") {
            results.append(try benchmarkCatalogueCompile(intent: "Intents/icu-monitoring.yaml", entries: catalogueEntries))
        } else {
            print("  (no Intents/icu-monitoring.yaml here: run from the repository for the catalogue figure)")
        }
        results.append(benchmarkErrorFile(bytes: 5_000_000))
        for result in results {
            let verdict = result.wallSeconds < 2 ? "met" : (result.cpuSeconds < 2 ? "met in CPU time" : "NOT met")
            print("  \(result.label): \(String(format: "%.2f", result.wallSeconds)) s wall, "
                  + "\(String(format: "%.2f", result.cpuSeconds)) s CPU (\(verdict)); \(result.detail)")
        }
    }

    private func frontEnd() {
        let text = LargeTemplate.make(approximateBytes: Int(megabytes * 1_000_000))
        let result = benchmarkFrontEnd(text: text)
        print("front end, \(String(format: "%.1f", Double(result.bytes) / 1e6)) MB template (\(result.diagnostics) diagnostics):")
        print("  libyaml events only   \(String(format: "%8.1f", result.rawMBPerSecond)) MB/s  (\(String(format: "%.3f", result.rawEventSeconds)) s)")
        print("  parse to nodes        \(String(format: "%8.1f", Double(result.bytes) / 1e6 / result.parseSeconds)) MB/s  (\(String(format: "%.3f", result.parseSeconds)) s)")
        print("  parse + read + check  \(String(format: "%8.1f", result.validateMBPerSecond)) MB/s  (\(String(format: "%.3f", result.validateSeconds)) s, \(String(format: "%.1f", result.overhead))× the raw scan)")
    }

    private func engine() {
        let figures = benchmarkEngine(events: engineEvents)
        let target = EngineBenchmarkFigures.targetEventsPerSecond
        func line(_ label: String, perSecond: Double, events: Int, seconds: Double, judged: Bool) -> String {
            let verdict = judged ? (perSecond >= target ? "  target ≥ 10 M/s met" : "  target ≥ 10 M/s NOT met") : ""
            return "  \(label)\(String(format: "%8.2f", perSecond / 1e6)) M events/s  (\(events) events, \(String(format: "%.3f", seconds)) s)\(verdict)"
        }
        let plain = figures.timers, timeouts = figures.timersWithTimeouts
        print("event engine alone (scheduler + random streams, no model work):")
        print(line("periodic timers        ", perSecond: plain.eventsPerSecond, events: plain.events,
                   seconds: plain.seconds, judged: true))
        print(line("timers + ACK timeouts  ", perSecond: timeouts.eventsPerSecond, events: timeouts.events,
                   seconds: timeouts.seconds, judged: false))
    }

    private func simulation() throws {
        let demo = BenchmarkTwin.load(path: twin)
        if !demo.diagnostics.isEmpty {
            DiagnosticOutput(format: .text, rules: []).emit(demo.diagnostics, sources: demo.sources)
        }
        guard demo.config != nil else {
            try endCommand(with: demo.exitStatus)
            return
        }
        if let fallback = demo.fallback { writeStandardError("twinc: warning: \(fallback)\n") }
        guard case .success(let time) = RunFlags.horizon(horizon) else { throw ExitCode(ExitStatus.usage.rawValue) }
        switch benchmarkSimulation(demo, horizon: time) {
        case .failure(let error):
            writeStandardError("twinc: error: \(error.message)\n")
            throw ExitCode(ExitStatus.dataError.rawValue)
        case .success(let result):
            let target = SimulationBenchmarkResult.targetWallSecondsPer24Hours
            let projected = result.projectedWallSecondsPer24Hours
            print("full simulation, \(result.devices)-device twin from \(result.twinSource), scenario `\(result.scenario)`:")
            print("  \(String(format: "%.3f", result.wallSeconds)) s wall for \(result.horizon.quantity.formatted) simulated, \(result.events) events")
            print("  \(String(format: "%8.2f", result.eventsPerSecond / 1e6)) M events/s")
            print("  \(String(format: "%10.0f", result.simulatedSecondsPerWallSecond)) simulated s per wall s"
                  + "  (24 h in \(String(format: "%.2f", projected)) s; target < \(Int(target)) s "
                  + (projected < target ? "met)" : "NOT met)"))
            if result.events == 0 {
                print("  note: the simulator handled no events (placeholder `simulate`?); the figures mean nothing yet")
            }
        }
    }
}
