import Foundation
import Testing
import TwinJSON

/// `twinc compile` and `twinc explain --plan` through the built binary. The checked-in
/// `Generated/<intent>/` files are the golden outputs: compiling a bundled intent must
/// reproduce them byte for byte (re-record with `swift run twinc regenerate`).
@Suite struct CompileCommandTests {
    static let intents = ["icu-monitoring", "field-triage", "immersive-session"]

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("twinc-e2e-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func read(_ url: URL) -> String? { try? String(contentsOf: url, encoding: .utf8) }

    @Test(arguments: intents)
    func compilesEachBundledIntentToItsGoldenFiles(_ intent: String) throws {
        let out = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try Twinc.run(["compile", "Intents/\(intent).yaml", "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("twinc: compiled \(intent) → "))
        for file in ["twin.json", "design.md", "twin.dot"] {
            let produced = Self.read(out.appendingPathComponent("\(intent)/\(file)"))
            let golden = Self.read(Twinc.repositoryRoot.appendingPathComponent("Generated/\(intent)/\(file)"))
            #expect(produced != nil && produced == golden, "\(intent)/\(file) differs from Generated/")
        }
    }

    @Test func compilingTwiceGivesTheSameBytes() throws {
        let first = Self.temporaryFolder(), second = Self.temporaryFolder()
        defer { for url in [first, second] { try? FileManager.default.removeItem(at: url) } }
        _ = try Twinc.run(["compile", "Intents/icu-monitoring.yaml", "--out", first.path])
        _ = try Twinc.run(["compile", "Intents/icu-monitoring.yaml", "--out", second.path])
        let a = Self.read(first.appendingPathComponent("icu-monitoring/twin.json"))
        #expect(a != nil && a == Self.read(second.appendingPathComponent("icu-monitoring/twin.json")))
    }

    @Test func twinJSONIsSelfContained() throws {
        let text = try #require(Self.read(Twinc.repositoryRoot.appendingPathComponent("Generated/icu-monitoring/twin.json")))
        let twin = try JSONParser.parse(text).get().value
        let devices = twin["network"]?["devices"]?.arrayValue ?? []
        #expect(devices.count == 7)
        for device in devices {
            #expect((device["radio"]?["txLevels"]?.arrayValue?.isEmpty ?? true) == false)
            #expect(device["battery"]?["capacity_C"] != nil)
        }
        let scenarios = twin["scenarios"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? []
        #expect(scenarios.first == "baseline")
        #expect(scenarios.contains("jamming"))
        #expect(scenarios.contains { $0.hasPrefix("gateway-failure-") })
    }

    @Test func anErrorWritesNothingAndKeepsEarlierOutput() throws {
        let out = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let earlier = out.appendingPathComponent("icu-monitoring/twin.json")
        try FileManager.default.createDirectory(at: earlier.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("earlier".utf8).write(to: earlier)
        let result = try Twinc.run(["compile", "Tests/Corpus/compile/icu-monitoring-wrong-unit.yaml",
                                    "--out", out.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("error[TS"))
        #expect(Self.read(earlier) == "earlier")
        let entries = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(entries == ["icu-monitoring"])
    }

    @Test func aTemplateAloneIsNotAnIntent() throws {
        let result = try Twinc.run(["compile", "Templates/proactive-qa.yaml", "--out", Self.temporaryFolder().path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("error[TC005]"))
    }

    @Test func explainPlanTracesChoicesAndRejections() throws {
        let result = try Twinc.run(["explain", "--plan", "Intents/icu-monitoring.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("plan for intent `icu-monitoring` (use case `proactive-qa`)"))
        #expect(result.stdout.contains("proven minimal"))
        #expect(result.stdout.contains("needed by: ecg-delivery"))
        #expect(result.stdout.contains("rejected alternatives:\n  - "))
    }
}
