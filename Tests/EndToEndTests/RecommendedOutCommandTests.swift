import Foundation
import Testing
import TwinConfig
import TwinJSON
import TwinTestSupport

/// `twinc run … --recommended-out DIR` with the built binary on a small twin whose foot
/// pod no goal names (`SafetyFixture`): the recommended twin is written with its
/// provenance, reads back, and re-running it shows the pod above its floor; a folder
/// that cannot be written is refused with exit 73 before anything runs.
@Suite struct RecommendedOutCommandTests {
    static let settings = ["--horizon", "60s", "--replications", "3", "--jobs", "2"]

    static func folder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("twinc-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    }

    /// The fixture twin written as twin.json into a fresh folder.
    static func sourceTwin() throws -> URL {
        let directory = folder("safety-source")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let file = directory.appendingPathComponent("twin.json")
        try SafetyFixture.uncoveredDeviceTwin().canonicalJSON().write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    private func podDelivery(_ json: JSONValue) -> Double? {
        json["scenarios"]?.arrayValue?.first?["devices"]?.arrayValue?
            .first { $0["id"]?.stringValue == "pod" }?["deliveryRatio"]?["estimate"]?.numberValue
    }

    @Test func theRecommendedTwinReRunsWithThePodAboveItsFloor() throws {
        let source = try Self.sourceTwin()
        let out = Self.folder("recommended")
        defer {
            try? FileManager.default.removeItem(at: source.deletingLastPathComponent())
            try? FileManager.default.removeItem(at: out)
        }
        let first = try Twinc.run(["run", source.path, "--format", "json", "--recommended-out", out.path] + Self.settings)
        #expect(first.status == 0, "stderr: \(first.stderr)")
        let results = try JSONParser.parse(first.stdout).get().value
        let optimisation = try #require(results["optimisation"])
        let changed = (optimisation["knobs"]?.arrayValue ?? []).filter { $0["changed"]?.boolValue == true }
        #expect(!changed.isEmpty, "a recommendation to re-run")
        let floor = try #require(optimisation["floors"]?.arrayValue?.first { $0["device"]?.stringValue == "pod" }?["delivery"]?.numberValue)

        let written = out.appendingPathComponent("twin.json")
        let text = try String(contentsOf: written, encoding: .utf8)
        let read = TwinConfig.read(text: text, file: written.path)
        #expect(read.diagnostics.isEmpty, "\(read.diagnostics.map(\.message))")
        let twin = try #require(read.config)
        let provenance = try #require(twin.provenance)
        #expect(provenance.method == "twinc run --recommended-out")
        #expect(provenance.source == "safety-test")
        #expect(provenance.replications == 3 && provenance.horizon.si == 60)
        #expect(provenance.changes.map(\.knob) == changed.compactMap { $0["id"]?.stringValue })
        for change in provenance.changes {
            #expect(twin.knobs.first { $0.id == change.knob }?.current == change.to)
        }
        #expect(twin.run == SafetyFixture.uncoveredDeviceTwin().run, "its own run settings, not the flags'")

        let again = try Twinc.run(["run", written.path, "--format", "json", "--no-optimise"] + Self.settings)
        #expect(again.status == 0, "stderr: \(again.stderr)")
        let delivery = try #require(podDelivery(try JSONParser.parse(again.stdout).get().value))
        #expect(delivery >= floor)
        // The same seeds: re-running the written twin reproduces the verdict table's
        // recommended column.
        let rows = optimisation["verdicts"]?.arrayValue ?? []
        let rerun = try JSONParser.parse(again.stdout).get().value
        for row in rows {
            let goal = row["goal"]?.stringValue
            let value = rerun["summary"]?["goals"]?.arrayValue?.first { $0["id"]?.stringValue == goal }
            #expect(value != nil, "\(goal ?? "?")")
            #expect(row["recommended"]?["verdict"]?.stringValue == value?["verdict"]?.stringValue, "\(goal ?? "?")")
        }
    }

    @Test func anUnwritableFolderIsRefusedBeforeTheRun() throws {
        let source = try Self.sourceTwin()
        defer { try? FileManager.default.removeItem(at: source.deletingLastPathComponent()) }
        let blocked = source.appendingPathComponent("inside-a-file")  // twin.json is a file
        let result = try Twinc.run(["run", source.path, "--recommended-out", blocked.path] + Self.settings)
        #expect(result.status == 73)
        #expect(result.stdout.isEmpty, "nothing ran, nothing printed")
        #expect(result.stderr.contains("TC004") || result.stderr.contains("cannot write the recommended twin"))
    }

    @Test func recommendedOutNeedsTheOptimiser() throws {
        let result = try Twinc.run(["run", "Generated/icu-monitoring", "--no-optimise", "--recommended-out", "/tmp/x"])
        #expect(result.status == 64)
    }
}
