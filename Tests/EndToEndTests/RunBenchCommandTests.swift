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
        #expect(result.stdout.contains("periodic timers"))
        #expect(result.stdout.contains("M events/s"))
        #expect(result.stdout.contains("target ≥ 10 M/s"))
        #expect(result.stdout.contains("-device twin from"))
        #expect(result.stdout.contains("simulated s per wall s"))
        #expect(!result.stdout.contains("front end"), "--only leaves the front end out")
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
