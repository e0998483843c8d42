import Foundation
import Testing

/// `twinc compile` of a use case whose ECG names a relay (issue 11 §4): a relay the
/// IEEE 802.15.6 two-hop extension cannot run (the BLE watch) is refused at its `relay:` key
/// in the YAML with TP013 (the twin.json code TK012) and nothing is written; an on-body
/// narrowband relay compiles, with the relay in twin.json and its failure scenario.
@Suite struct RelayCompileCommandTests {
    /// The demo's intent and use case in a temporary folder, the ECG relayed by `relay`.
    static func workspace(relay: String) throws -> URL {
        let folder = CompileCommandTests.temporaryFolder()
        let root = Twinc.repositoryRoot
        let useCase = try String(contentsOf: root.appendingPathComponent("Templates/proactive-qa.yaml"), encoding: .utf8)
        let anchor = "      gateway: {primary: phone, backup: bedside-hub}\n    - id: temp"
        #expect(useCase.contains(anchor))
        try useCase.replacingOccurrences(of: anchor, with: "      gateway: {primary: phone, backup: bedside-hub}\n"
                                         + "      relay: \(relay)\n    - id: temp")
            .write(to: folder.appendingPathComponent("proactive-qa.yaml"), atomically: true, encoding: .utf8)
        try String(contentsOf: root.appendingPathComponent("Intents/icu-monitoring.yaml"), encoding: .utf8)
            .write(to: folder.appendingPathComponent("icu-monitoring.yaml"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aRelayThatCannotRelayIsRefusedAtTheDevice() throws {
        let folder = try Self.workspace(relay: "watch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = try Twinc.run(["compile", folder.appendingPathComponent("icu-monitoring.yaml").path, "--out", out.path])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("proactive-qa.yaml:93:14: error[TP013]: `twinc run` would refuse the compiled twin: "
                                       + "device `ecg`: `watch` cannot relay: its radio is ble"), "\(result.stderr)")
        #expect(result.stderr.contains("TK012"))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("icu-monitoring/twin.json").path))
    }

    @Test func anOnBodyNarrowbandRelayCompiles() throws {
        let folder = try Self.workspace(relay: "pump")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let result = try Twinc.run(["compile", folder.appendingPathComponent("icu-monitoring.yaml").path, "--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let twin = try String(contentsOf: out.appendingPathComponent("icu-monitoring/twin.json"), encoding: .utf8)
        #expect(twin.contains("\"relay\": \"pump\""))
        #expect(twin.contains("\"id\": \"relay-failure-pump\""))
    }
}
