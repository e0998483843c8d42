import ArgumentParser
import Foundation
import TwinDriver
import TwinEngine
import TwinUnits

/// `twinc bench`: speed figures that are tracked but never asserted in tests. Build
/// with `-c release` for meaningful numbers.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure front-end, event-engine, simulation and whole-job speed.",
        discussion: """
        front-end: parse + read + check of a generated template against libyaml alone (target ≤ 3×), \
        and `twinc compile` of the demo intent as a process against its start-up alone (target < 30 ms). \
        engine: events/s of the event engine on 16 periodic timers, on a heap of 1,000 \
        pending events and with ACK timeouts; --ns3-periodic and --ns3-pending give \
        ns-3's figures on the same workloads (Benchmarks/ns3/run.sh measures them) for \
        the ratio. simulation: simulated seconds per wall second of the demo twin's \
        first scenario as compiled, with its aggregate flows at packet level, and without \
        its bulk flows (wideband devices). scenarios: \
        every scenario of the demo twin for --horizon without the optimiser. main-job: \
        the README's main job, compile --intent and run its twin with the defaults. \
        The demo twin is Generated/icu-monitoring/twin.json (or a 12-device twin built \
        in code until it exists; --twin FILE picks another). limits: compiles the demo \
        intent with a generated catalogue of --catalogue-entries models (target < 2 s for \
        2,000) and validates a 5 MB file of errors, a 5 MB list of broken devices and 3 MB of broken gateways named by unknown references (target < 2 s each, at most the cap printed). \
        sweep: plans --sweep (default Sweeps/icu-tradeoff.yaml) and runs it with the local \
        engine on --jobs processes: shards per minute and the overhead per shard (plan, \
        process start-up, load, write) against the run.
        """)

    enum Suite: String, ExpressibleByArgument, CaseIterable {
        case frontEnd = "front-end", engine, simulation, scenarios, mainJob = "main-job", limits, sweep
    }

    @Option(help: "Benchmarks to run: front-end, engine, simulation, scenarios, main-job, limits, sweep (repeatable; default: all).")
    var only: [Suite] = []

    @Option(help: "Size of the generated template for the front-end benchmark, in MB.")
    var megabytes: Double = 5

    @Option(help: "Events per engine benchmark run.")
    var engineEvents = 5_000_000

    @Option(help: "ns-3's events per CPU second on the periodic workload (Benchmarks/ns3/run.sh), for the ratio.")
    var ns3Periodic: Double?

    @Option(help: "ns-3's events per CPU second on the 1,000-pending workload (Benchmarks/ns3/run.sh), for the ratio.")
    var ns3Pending: Double?

    @Option(help: "The twin for the simulation and scenarios benchmarks: a twin.json or a folder holding one.", completion: .file(extensions: ["json"]))
    var twin: String?

    @Option(help: "Simulated time of the simulation and scenarios benchmarks, e.g. 24h.")
    var horizon = "24h"

    @Option(help: "The intent of the main-job and compile benchmarks.", completion: .file(extensions: ["yaml", "yml"]))
    var intent = "Intents/icu-monitoring.yaml"

    @Option(help: "Replications simulated in parallel in the scenarios and main-job benchmarks (default: one per processor).")
    var jobs: Int?

    @Option(help: "The sweep document of the sweep benchmark.")
    var sweep = "Sweeps/icu-tradeoff.yaml"

    @Option(help: "Models in the generated catalogue of the limits benchmark.")
    var catalogueEntries = 2_000

    func validate() throws {
        if case .failure(let error) = RunFlags.horizon(horizon) { throw ValidationError(error.message) }
        if engineEvents < 1 { throw ValidationError("--engine-events must be at least 1") }
        for (flag, value) in [("--ns3-periodic", ns3Periodic), ("--ns3-pending", ns3Pending)] {
            if let value, !(value > 0 && value.isFinite) { throw ValidationError("\(flag) must be a positive events/s figure") }
        }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let suites = only.isEmpty ? Suite.allCases : only
        if suites.contains(.frontEnd) {
            frontEnd()
            compileProcess()
        }
        if suites.contains(.engine) { engine() }
        if suites.contains(.simulation) || suites.contains(.scenarios) {
            let demo = try loadTwin()
            if suites.contains(.simulation) { try simulation(demo) }
            if suites.contains(.scenarios) { try scenarios(demo) }
        }
        if suites.contains(.mainJob) { try mainJob() }
        if suites.contains(.limits) { try limits() }
        if suites.contains(.sweep) { try sweepSuite() }
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
        results.append(try benchmarkBrokenList(bytes: 5_000_000))
        results.append(try benchmarkBrokenGateways(bytes: 3_000_000))
        for result in results {
            let verdict = result.wallSeconds < 2 ? "met" : (result.cpuSeconds < 2 ? "met in CPU time" : "NOT met")
            print("  \(result.label): \(String(format: "%.2f", result.wallSeconds)) s wall, "
                  + "\(String(format: "%.2f", result.cpuSeconds)) s CPU (\(verdict)); \(result.detail)")
        }
    }

    private var processors: Int { jobs ?? max(1, ProcessInfo.processInfo.activeProcessorCount) }

    private func frontEnd() {
        let text = LargeTemplate.make(approximateBytes: Int(megabytes * 1_000_000))
        let result = benchmarkFrontEnd(text: text)
        print("front end, \(String(format: "%.1f", Double(result.bytes) / 1e6)) MB template (\(result.diagnostics) diagnostics):")
        func line(_ label: String, _ seconds: Double) -> String {
            "  \(label)\(String(format: "%8.1f", Double(result.bytes) / 1e6 / seconds)) MB/s  (\(String(format: "%.3f", seconds)) s CPU"
        }
        let target = FrontEndBenchmarkResult.targetOverhead
        print(line("libyaml alone         ", result.libYAMLSeconds) + ")")
        print(line("events into Swift     ", result.rawEventSeconds) + ")")
        print(line("parse to nodes        ", result.parseSeconds) + ")")
        print(line("parse + read + check  ", result.validateSeconds) + ", \(String(format: "%.1f", result.overhead))× libyaml alone: "
              + "target ≤ \(String(format: "%g", target))× " + (result.overhead <= target ? "met)" : "NOT met)"))
    }

    private func engine() {
        let figures = benchmarkEngine(events: engineEvents)
        let ratioTarget = EngineBenchmarkFigures.targetRatioToNS3
        func line(_ label: String, _ figure: EngineBenchmarkFigures.Figure, ns3: Double?, absoluteTarget: Double?) -> String {
            let perSecond = figure.eventsPerCPUSecond
            var text = "  \(label)\(String(format: "%8.2f", perSecond / 1e6)) M events/s  "
                + "(\(figure.run.events) events in \(String(format: "%.3f", figure.cpuSeconds)) s CPU, "
                + "\(String(format: "%.3f", figure.run.seconds)) s wall; last at \(figure.run.end.nanoseconds) ns)"
            if let ns3 {
                let ratio = perSecond / ns3
                text += "  \(String(format: "%.2f", ratio))× ns-3's \(String(format: "%.2f", ns3 / 1e6)) M/s: target ≥ "
                    + "\(String(format: "%g", ratioTarget))× " + (ratio >= ratioTarget ? "met" : "NOT met")
            } else if let absoluteTarget {
                text += "  target ≥ \(String(format: "%g", absoluteTarget / 1e6)) M/s " + (perSecond >= absoluteTarget ? "met" : "NOT met")
            }
            return text
        }
        print("event engine alone (scheduler + random streams, no model work; events per CPU second, best of 3 runs):")
        print(line("periodic, 16 timers     ", figures.periodic, ns3: ns3Periodic,
                   absoluteTarget: EngineBenchmarkFigures.targetEventsPerSecond))
        print(line("1,000 pending events    ", figures.pending, ns3: ns3Pending, absoluteTarget: nil))
        print(line("timers + ACK timeouts   ", figures.timersWithTimeouts, ns3: nil, absoluteTarget: nil))
        if ns3Periodic == nil || ns3Pending == nil {
            print("  (--ns3-periodic / --ns3-pending with ns-3's events per CPU second from Benchmarks/ns3/run.sh give the ratio)")
        }
    }

    private func loadTwin() throws -> BenchmarkTwin {
        let demo = BenchmarkTwin.load(path: twin)
        if !demo.diagnostics.isEmpty {
            DiagnosticOutput(format: .text, rules: []).emit(demo.diagnostics, sources: demo.sources)
        }
        guard demo.config != nil else { throw ExitCode(demo.exitStatus.rawValue) }
        if let fallback = demo.fallback { writeStandardError("twinc: warning: \(fallback)\n") }
        return demo
    }

    private var horizonTime: Time {
        get throws {
            guard case .success(let time) = RunFlags.horizon(horizon) else { throw ExitCode(ExitStatus.usage.rawValue) }
            return time
        }
    }

    private func simulation(_ demo: BenchmarkTwin) throws {
        let time = try horizonTime
        let full = try value(of: benchmarkSimulation(demo, horizon: time))
        let target = SimulationBenchmarkResult.targetWallSecondsPer24Hours
        print("full simulation, \(full.devices)-device twin from \(full.twinSource), scenario `\(full.scenario)`, "
              + "\(full.horizon.quantity.formatted) simulated:")
        func line(_ label: String, _ result: SimulationBenchmarkResult) -> String {
            let projected = result.projectedWallSecondsPer24Hours
            return "  \(label)\(String(format: "%10.0f", result.simulatedSecondsPerWallSecond)) simulated s per wall s"
                + "  (\(String(format: "%.0f", result.simulatedSecondsPerCPUSecond)) per CPU s; "
                + "\(String(format: "%.3f", result.wallSeconds)) s wall, \(String(format: "%.3f", result.cpuSeconds)) s CPU, "
                + "\(result.events) events, \(String(format: "%.2f", result.eventsPerSecond / 1e6)) M events/s; "
                + "24 h in \(String(format: "%.2f", projected)) s)"
        }
        print(line("as compiled             ", full)
              + "  target 24 h < \(Int(target)) s " + (full.projectedWallSecondsPer24Hours < target ? "met" : "NOT met"))
        if let aggregated = demo.config?.aggregateFlows, !aggregated.isEmpty {
            let packet = try value(of: benchmarkSimulation(demo, horizon: time, bulkFlowsAtPacketLevel: true))
            print(line("\(aggregated.joined(separator: ", ")) at packet level".padding(toLength: 24, withPad: " ", startingAt: 0), packet))
            let saving = full.simulatedSecondsPerCPUSecond / max(packet.simulatedSecondsPerCPUSecond, .leastNonzeroMagnitude)
            print("  the aggregate representation of \(aggregated.joined(separator: ", ")) makes a simulated second "
                  + "\(String(format: "%.1f", saving))× cheaper (CPU time)")
        }
        if demo.config?.removingBulkFlows().removed.isEmpty ?? true {
            print("  (no bulk flow in this twin: no wideband device to leave out)")
        } else {
            let lean = try value(of: benchmarkSimulation(demo, horizon: time, withoutBulkFlows: true))
            print(line("without \(lean.removedDevices.joined(separator: ", ")) (bulk flow)".padding(toLength: 24, withPad: " ", startingAt: 0), lean))
            let ratio = lean.simulatedSecondsPerCPUSecond / max(full.simulatedSecondsPerCPUSecond, .leastNonzeroMagnitude)
            print("  the bulk flow makes a simulated second \(String(format: "%.1f", ratio))× dearer (CPU time)")
        }
        if full.events == 0 {
            print("  note: the simulator handled no events (placeholder `simulate`?); the figures mean nothing yet")
        }
    }

    private func scenarios(_ demo: BenchmarkTwin) throws {
        let result = try value(of: benchmarkAllScenarios(demo, horizon: try horizonTime, processors: processors))
        print("\(result.horizon.quantity.formatted) × all scenarios without the optimiser (\(result.scenarios) scenarios, "
              + "\(result.replications) replications in all, \(processors) at a time):")
        print(jobLine(result))
        print(simulatedLine(result))
    }

    /// Where the time went: each scenario's replications × how far they ran, and the
    /// CPU per simulated day (a prefix the scenarios share counts once per scenario, so
    /// the days are an upper bound on what was simulated).
    private func simulatedLine(_ result: JobBenchmarkResult) -> String {
        let parts = result.simulated.map { "\($0.id) \($0.replications) × \($0.span.quantity.formatted)" }
        let perDay = result.scenarioDays > 0 ? result.cpuSeconds / result.scenarioDays : 0
        return "  simulated: " + parts.joined(separator: ", ") + "\n"
            + "  \(String(format: "%.1f", result.scenarioDays)) scenario-days (each scenario counted as if it ran alone), "
            + "\(String(format: "%.1f", Double(result.eventsHandled) / 1e6)) M events; "
            + "\(String(format: "%.2f", perDay)) s CPU per scenario-day"
    }

    private func mainJob() throws {
        let result = try value(of: benchmarkMainJob(intent: intent, processors: processors))
        print("main job: compile \(intent) + run its twin with the defaults (\(result.horizon.quantity.formatted), "
              + "\(result.scenarios) scenarios, \(result.replications) replications in all, optimiser on, "
              + "\(processors) at a time):")
        print(jobLine(result))
    }

    private func jobLine(_ result: JobBenchmarkResult) -> String {
        "  \(String(format: "%8.2f", result.wallSeconds)) s wall, \(String(format: "%.2f", result.cpuSeconds)) s CPU  "
            + "(\(String(format: "%.2f", result.ratioToTarget))× the \(String(format: "%g", result.targetSeconds)) s target: "
            + (result.ratioToTarget <= 1 ? "met)" : "NOT met)")
    }

    private func value<T>(of result: Result<T, RunFlagError>) throws -> T {
        switch result {
        case .success(let value): return value
        case .failure(let error):
            writeStandardError("twinc: error: \(error.message)\n")
            throw ExitCode(ExitStatus.dataError.rawValue)
        }
    }
}
