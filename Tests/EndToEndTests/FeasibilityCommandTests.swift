import Foundation
import Testing

/// `twinc validate` runs the checks `twinc compile` makes, through the built binary: a
/// backup gateway with no path to the edge (TP014) and the latency/lifetime trade-off
/// priced with the forced allocation (TP009) are reported by both, at the same place.
@Suite struct FeasibilityCommandTests {
    static let hubWithoutUplink = "Tests/Corpus/feasibility/proactive-qa-hub-without-uplink.yaml"

    @Test func validateAndCompileBothRefuseAGatewayWithoutAPathToTheEdge() throws {
        let validated = try Twinc.run(["validate", "Intents/icu-monitoring.yaml", Self.hubWithoutUplink])
        #expect(validated.status == 65)
        #expect(validated.stderr.contains("error[TP014]"), "stderr: \(validated.stderr)")
        #expect(validated.stderr.contains("\(Self.hubWithoutUplink):90:41"))
        let out = CompileCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let compiled = try Twinc.run(["compile", "Intents/icu-monitoring.yaml", Self.hubWithoutUplink, "--out", out.path])
        #expect(compiled.status == 65)
        #expect(compiled.stderr.contains("error[TP014]") && compiled.stderr.contains("\(Self.hubWithoutUplink):90:41"))
        #expect((try? FileManager.default.contentsOfDirectory(atPath: out.path))?.isEmpty ?? true, "nothing written")
        let explained = try Twinc.run(["explain", "TP014"])
        #expect(explained.status == 0 && explained.stdout.contains("gateway has no path to the edge"))
    }

    @Test func validateWarnsOfTheTradeOffCompileWarnsOf() throws {
        let intent = "Tests/Corpus/feasibility/icu-watch-latency-and-lifetime.yaml"
        let validated = try Twinc.run(["validate", intent, "Templates/proactive-qa.yaml"])
        #expect(validated.status == 0, "a warning does not fail: \(validated.stderr)")
        #expect(validated.stderr.contains("warning[TP009]") && validated.stderr.contains("scheduled access every 64 ms"))
        let out = CompileCommandTests.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let compiled = try Twinc.run(["compile", intent, "Templates/proactive-qa.yaml", "--out", out.path])
        #expect(compiled.status == 0 && compiled.stderr.contains("warning[TP009]"))
    }

    @Test func validateOfTheBundledDocumentsStaysClean() throws {
        let result = try Twinc.run(["validate", "Templates", "Intents"])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains(": ok"))
    }
}
