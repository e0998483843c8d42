import Foundation
import Testing
import TwinApplications
import TwinConfig
import TwinJSON
import TwinOutput
import TwinRuntime
import TwinUnits

/// The optimiser on the bundled icu-monitoring twin. Slow (it simulates the demo several
/// times), so it runs only with `TWINC_OPTIMISER_DEMO=1`; it prints the verdict table and
/// the wall time of the optimisation (the speed target is measured, not asserted).
@Suite struct OptimiserDemoTests {
    static let enabled = ProcessInfo.processInfo.environment["TWINC_OPTIMISER_DEMO"] != nil

    @Test(.enabled(if: enabled)) func demoTwinOptimises() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let path = root.appendingPathComponent("Generated/icu-monitoring/twin.json").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let config = try #require(TwinConfig.read(text: text, file: path).config)
        // A short baseline run to calibrate on; the optimiser confirms on its own 1 h runs
        // with the scenario events moved into them, as under `twinc run`.
        let overrides = RunOverrides(horizon: .hours(1), replications: 2)
        let baseline = try runTwin(RunPlan(config: config, overrides: overrides))
        let start = Date()
        let result = try optimise(config: config, baseline: baseline, options: OptimiserOptions(), run: RunOptions())
        let seconds = Date().timeIntervalSince(start)
        print(result.text())
        print("optimisation wall time: \(String(format: "%.1f", seconds)) s")
        #expect(result.candidatesSimulated >= 2)
        for row in result.verdicts where row.priority == .critical && row.baseline.verdict == .met {
            #expect(row.recommended.verdict == .met, "\(row.goal)")
        }
    }
}
