import Foundation
import Testing

/// `twinc sweep` from the command line: a refused sweep prints located diagnostics and
/// exits 65; a small sweep plans, runs with the local engine, collects to CSV and an
/// HTML page with the Pareto front; `twinc schema sweep` and `twinc bench --only sweep`.
@Suite struct SweepCommandTests {
    private func workFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-sweep-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    private func sweep(in folder: URL, knobs: String) throws -> String {
        let path = folder.appendingPathComponent("sweep.yaml").path
        try """
        twin: 1
        kind: sweep
        name: cli-sweep
        twins: [\(Twinc.repositoryRoot.appendingPathComponent("Generated/icu-monitoring").path)]
        knobs:
        \(knobs)
        replications: 1
        horizon: 30 s
        scenarios: [baseline]
        collect: [ecg-delivery, pump-lifetime]

        """.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func aRefusedSweepPointsAtTheKnobAndWritesNothing() throws {
        let folder = try workFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try sweep(in: folder, knobs: "  - knob: ecg.txpower\n  - knob: pump.period\n    values: [5]")
        let plan = folder.appendingPathComponent("plan").path
        let result = try Twinc.run(["sweep", "plan", path, "--out", plan])
        #expect(result.status == 65)
        #expect(result.stderr.contains("\(path):6:11: error[TW002]: twin `icu-monitoring`"))
        #expect(result.stderr.contains("[TW002]"))
        #expect(result.stderr.contains("did you mean `ecg.tx-power`?"))
        #expect(result.stderr.contains("\(path):8:14: error[TW003]: knob `pump.period` cannot take 5 superframes"))
        #expect(!FileManager.default.fileExists(atPath: plan))
        let explained = try Twinc.run(["explain", "TW003"])
        #expect(explained.stdout.contains("knob value out of range"))
    }

    @Test func aSmallSweepRunsLocallyAndCollectsWithItsFront() throws {
        let folder = try workFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try sweep(in: folder, knobs: "  - knob: ecg.tx-power\n    values: [-18, 0]")
        let plan = folder.appendingPathComponent("plan").path
        #expect(try Twinc.run(["sweep", "plan", path, "--out", plan]).stdout.contains("2 shards"))
        let exec = try Twinc.run(["sweep", "exec", plan, "--jobs", "2"])
        #expect(exec.status == 0, "\(exec.stderr)")
        #expect(exec.stdout.hasPrefix("2 shards run, 0 already finished, 0 failed"))
        let again = try Twinc.run(["sweep", "run", plan, "--shard", "1"])
        #expect(again.stderr.contains("shard 1: already finished"))
        let csv = folder.appendingPathComponent("out.csv").path, html = folder.appendingPathComponent("out.html").path
        let collect = try Twinc.run(["sweep", "collect", plan, "--out", csv, "--html", html])
        #expect(collect.status == 0, "\(collect.stderr)")
        let table = try String(contentsOfFile: csv, encoding: .utf8)
        #expect(table.hasPrefix("point,twin,ecg.tx-power,seeds,ecg-delivery,ecg-delivery.lower,"))
        #expect(table.split(separator: "\n").count == 3)
        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("data-plot=\"pareto\""))
        #expect(page.contains("data-plot=\"ecg-delivery-vs-ecg.tx-power\""))

        let schema = try Twinc.run(["schema", "sweep"])
        #expect(schema.stdout.contains("\"latin-hypercube\""))
        let bench = try Twinc.run(["bench", "--only", "sweep", "--sweep", path, "--jobs", "2"])
        #expect(bench.status == 0, "\(bench.stderr)")
        #expect(bench.stdout.contains("shards/min"))
        #expect(bench.stdout.contains("process start-up"))
    }
}
