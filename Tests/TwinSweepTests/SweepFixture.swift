import Foundation
@testable import TwinSweep

/// Sweep documents written to a fresh temporary folder, pointing at the repository's
/// compiled demo twin, with a one-minute baseline so shards run in a second or two.
struct SweepFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var demoTwin: String { repository.appendingPathComponent("Generated/icu-monitoring").path }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-sweep-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `sweep.yaml` with `body` after the header and returns its path.
    func sweep(_ body: String, name: String = "sweep.yaml") throws -> String {
        let path = folder.appendingPathComponent(name).path
        try ("twin: 1\nkind: sweep\nname: test-sweep\n" + body).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// A small grid (ECG TX power × 2 ECG periods) of the demo over one simulated minute.
    func smallSweep(horizon: String = "1 min", extra: String = "", name: String = "sweep.yaml") throws -> String {
        try sweep("""
            twins: [\(Self.demoTwin)]
            knobs:
              - knob: ecg.tx-power
                values: [-12, 0]
              - knob: ecg.period
                values: [2, 4]
            replications: 1
            horizon: \(horizon)
            scenarios: [baseline]
            collect: [ecg-delivery, pump-lifetime]
            \(extra)
            """, name: name)
    }

    func plan(_ path: String) throws -> (SweepPlan, String) {
        let result = planSweep(file: path)
        guard let plan = result.plan else { throw FixtureError(message: result.diagnostics.map(\.message).joined(separator: "\n")) }
        let out = folder.appendingPathComponent("plan").path
        _ = plan.write(to: out)
        return (plan, out)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}

struct FixtureError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
