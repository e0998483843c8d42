import Foundation
import Testing
import TwinDriver

/// `twinc bench` reports the engine and simulation figures (their values are tracked,
/// never asserted: CONVENTIONS §11). Tiny workloads so the test is quick.
@Suite struct RunBenchCommandTests {
    @Test func engineAndSimulationFiguresArePrinted() throws {
        let result = try Twinc.run(["bench", "--only", "engine", "--only", "simulation", "--engine-events", "20000",
                                    "--horizon", "2 s"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("event engine alone"))
        #expect(result.stdout.contains("periodic, 16 timers"))
        #expect(result.stdout.contains("1,000 pending events"))
        #expect(result.stdout.contains("M events/s"))
        #expect(result.stdout.contains("target ≥ 10 M/s"))
        #expect(result.stdout.contains("-device twin from"))
        #expect(result.stdout.contains("simulated s per wall s"))
        #expect(result.stdout.contains("without ar (bulk flow)"), "the demo's AR glasses are its bulk flow")
        #expect(result.stdout.contains("dearer"))
        #expect(!result.stdout.contains("front end"), "--only leaves the front end out")
        #expect(!result.stdout.contains("all scenarios"), "--only leaves the scenarios out")
    }

    /// Given ns-3's figures, the engine lines carry the ratio and the ×4 verdict; the
    /// two workloads end where ns-3's do (Benchmarks/ns3/engine-workloads.cc, 20 000
    /// events, seed 1).
    @Test func engineRatiosAgainstNS3() throws {
        let result = try Twinc.run(["bench", "--only", "engine", "--engine-events", "20000",
                                    "--ns3-periodic", "1e6", "--ns3-pending", "2500000"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("× ns-3's 1.00 M/s: target ≥ 4×"))
        #expect(result.stdout.contains("× ns-3's 2.50 M/s: target ≥ 4×"))
        #expect(result.stdout.contains("last at 6078093431 ns"))
        #expect(result.stdout.contains("last at 10581735 ns"))
        let bad = try Twinc.run(["bench", "--only", "engine", "--ns3-pending", "0"])
        #expect(bad.status == 64)
    }

    /// The front-end suite also times `twinc compile` of the demo as a process, beside
    /// the start-up alone, against the 30 ms target.
    @Test func compileIsTimedAsAProcess() throws {
        let result = try Twinc.run(["bench", "--only", "front-end", "--megabytes", "0.05"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("× libyaml alone"))
        #expect(result.stdout.contains("twinc compile Intents/icu-monitoring.yaml, a process each time (median of 15)"))
        #expect(result.stdout.contains("of which start-up (`twinc --version`)"))
        #expect(result.stdout.contains("target < 30 ms"))
    }

    @Test func allScenariosAreTimedAndAMissingIntentIsAnError() throws {
        let result = try Twinc.run(["bench", "--only", "scenarios", "--horizon", "2 s", "--jobs", "1"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("× all scenarios without the optimiser"))
        #expect(result.stdout.contains("s wall"))
        #expect(result.stdout.contains("the 3 s target"))
        // Where the time went: every scenario's replications × how far they ran.
        #expect(result.stdout.contains("  simulated: baseline "))
        #expect(result.stdout.contains(" × 2 s, gateway-failure-phone "))
        #expect(result.stdout.contains(" scenario-days (each scenario counted as if it ran alone), "))
        #expect(result.stdout.contains(" s CPU per scenario-day"))
        let missing = try Twinc.run(["bench", "--only", "main-job", "--intent", "no-such-intent.yaml"])
        #expect(missing.status == 65)
        #expect(missing.stderr.contains("no-such-intent.yaml"))
    }

    /// The "without the bulk flow" twin leaves the wideband devices out and every
    /// reference to them, and nothing else; the twin itself is untouched.
    @Test func removingBulkFlowsLeavesOnlyTheWidebandDevicesOut() {
        let config = BenchmarkDemoTwin.config(horizon: .seconds(60), replications: 1)
        let (lean, removed) = config.removingBulkFlows()
        #expect(removed == ["ar"])
        #expect(lean.network.devices.map(\.id) == config.network.devices.map(\.id).filter { $0 != "ar" })
        #expect(lean.goals.allSatisfy { !$0.devices.contains("ar") })
        #expect(lean.knobs.allSatisfy { !$0.targets.contains("ar") })
        #expect(lean.goals.count == config.goals.count)
        #expect(config.network.devices.contains { $0.id == "ar" })
        let (same, none) = lean.removingBulkFlows()
        #expect(none.isEmpty)
        #expect(same == lean)
    }

    @Test func aTwinFileCanBeBenchmarked() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("twin.json")
        try BenchmarkDemoTwin.json().write(to: file, atomically: true, encoding: .utf8)
        let result = try Twinc.run(["bench", "--only", "simulation", "--twin", file.path, "--horizon", "1s"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("from \(file.path)"))

        let missing = try Twinc.run(["bench", "--only", "simulation", "--twin", folder.appendingPathComponent("none.json").path])
        #expect(missing.status == 66)
        let badHorizon = try Twinc.run(["bench", "--horizon", "1 kg"])
        #expect(badHorizon.status == 64)
    }
}
