import Foundation
import Testing
import TwinJSON

/// `twinc run` on the bundled ICU twin with the applications' outputs: the results JSON
/// carries every application the plan selected, `--view` writes the view folder,
/// `--at` prints a snapshot instead of the report, `--html` writes the page, and each
/// misuse is refused with exit 64 or 73 before anything is overwritten.
@Suite struct RunApplicationsCommandTests {
    /// The bundled ICU twin: its faults and attacks start a quarter into whatever horizon
    /// is run, so two simulated minutes (one replication, no optimiser) see every one of
    /// them at 30 s.
    static let twin: String = Twinc.repositoryRoot.appendingPathComponent("Generated/icu-monitoring/twin.json").path
    static let short = ["--horizon", "2min", "--replications", "1", "--no-optimise"]

    static func freshFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("twinc-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
    }

    @Test func resultsJSONCarriesEverySelectedApplication() throws {
        let result = try Twinc.run(["run", Self.twin, "--format", "json"] + Self.short)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let json = try #require(try? JSONParser.parse(result.stdout).get().value)
        let applications = try #require(json["applications"]?.objectValue).map(\.0)
        #expect(applications == ["energy", "network-view", "resilience", "security"], "sorted keys")
        #expect(json["optimisation"] == nil, "--no-optimise")
        let faults = json["applications"]?["resilience"]?["faults"]?.arrayValue ?? []
        #expect(faults.contains { $0["kind"]?.stringValue == "gateway-failure" })
        #expect(json["applications"]?["security"]?["threats"]?.arrayValue?.isEmpty == false)
        #expect(json["applications"]?["energy"]?["firstToDie"]?.stringValue != nil)
    }

    @Test func viewFolderHoldsJSONAndOneSeriesPerScenario() throws {
        let folder = Self.freshFolder("view")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try Twinc.run(["run", Self.twin, "--view", folder.path] + Self.short)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        let files = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(files.isSuperset(of: ["view.json", "devices.csv", "links.csv", "uplinks.csv", "series-baseline.csv",
                                      "series-gateway-failure-phone.csv"]))
        let series = try String(contentsOf: folder.appendingPathComponent("series-baseline.csv"), encoding: .utf8)
        #expect(series.hasPrefix("time_s,"))
        // The same run again replaces the folder with identical bytes.
        let view = try String(contentsOf: folder.appendingPathComponent("view.json"), encoding: .utf8)
        #expect(try Twinc.run(["run", Self.twin, "--view", folder.path] + Self.short).status == 0)
        #expect(try String(contentsOf: folder.appendingPathComponent("view.json"), encoding: .utf8) == view)
    }

    @Test func viewRefusesAFolderThatIsNotAView() throws {
        let folder = Self.freshFolder("not-a-view")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let precious = folder.appendingPathComponent("twin.json")
        try "{}".write(to: precious, atomically: true, encoding: .utf8)
        let result = try Twinc.run(["run", Self.twin, "--view", folder.path] + Self.short)
        #expect(result.status == 73)
        #expect(result.stderr.contains("TC004") && result.stderr.contains("not a network-view folder"))
        #expect(try String(contentsOf: precious, encoding: .utf8) == "{}", "left untouched")
    }

    @Test func snapshotReplacesTheReport() throws {
        let result = try Twinc.run(["run", Self.twin, "--at", "90s", "--scenario", "gateway-failure-phone"]
                                   + Self.short)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.hasPrefix("network view at 1.5 min (scenario gateway-failure-phone, replication 0)"))
        for device in ["ecg", "pump", "watch"] { #expect(result.stdout.contains("\n\(device) ")) }
        #expect(!result.stdout.contains("Verdict"), "one document on stdout")
    }

    @Test func sampleIntervalFlagSetsTheViewsInterval() throws {
        let result = try Twinc.run(["run", Self.twin, "--at", "35s", "--sample-interval", "10s"] + Self.short)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("sample at 30 s; PDR, RSSI and latency over the 10 s before it"))
        let zero = try Twinc.run(["run", Self.twin, "--sample-interval", "0s"] + Self.short)
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--sample-interval must be positive"))
    }

    @Test func snapshotMisuseIsAUsageError() throws {
        let late = try Twinc.run(["run", Self.twin, "--at", "3min"] + Self.short)
        #expect(late.status == 64)
        #expect(late.stderr.contains("beyond the horizon (2 min)"))
        let unknown = try Twinc.run(["run", Self.twin, "--at", "1min", "--scenario", "nope"] + Self.short)
        #expect(unknown.status == 64)
        #expect(unknown.stderr.contains("no scenario `nope`") && unknown.stderr.contains("baseline"))
        let zero = try Twinc.run(["run", Self.twin, "--at", "0s"] + Self.short)
        #expect(zero.status == 64)
        #expect(zero.stderr.contains("--at must be positive"))
        let alone = try Twinc.run(["run", Self.twin, "--scenario", "baseline"] + Self.short)
        #expect(alone.status == 64)
        #expect(alone.stderr.contains("--scenario only applies with --at"))
        #expect(late.stdout.isEmpty && unknown.stdout.isEmpty && alone.stdout.isEmpty)
    }

    @Test func htmlPageIsWrittenBesideTheReport() throws {
        let folder = Self.freshFolder("html")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("report.html")
        let result = try Twinc.run(["run", Self.twin, "--html", page.path] + Self.short)
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("Resilience"), "the text report still goes to stdout")
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(html.contains("<svg"))
        #expect(html.contains("data-plot=\"network-view:"))
    }
}
