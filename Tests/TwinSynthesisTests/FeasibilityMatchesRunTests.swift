import Foundation
import Testing
import TwinDiagnostics
import TwinSpec
import TwinTestSupport
import TwinUnits
@testable import TwinSynthesis

/// Compile-time checks that match the run: a gateway a device may use must reach the
/// edge the way the runtime forwards (TP014), and the lifetime a latency goal leaves is
/// priced with the allocation the compiler gives for that goal (TP009).
@Suite struct FeasibilityMatchesRunTests {
    static func documents(intent: String, useCase: String) throws -> (Intent, UseCase) {
        func read(_ path: String) throws -> SpecDocument {
            let url = BundledDocuments.repositoryRoot.appendingPathComponent(path)
            return try BundledDocuments.parse(try String(contentsOf: url, encoding: .utf8), file: path)
        }
        guard case .intent(let i) = try read(intent), case .usecase(let u) = try read(useCase) else {
            throw BundledDocuments.LoadError(description: "expected an intent and a use case")
        }
        return (i, u)
    }

    @Test func aBackupGatewayWithoutALinkToTheEdgeIsAnErrorAtTheDevicesReference() throws {
        let useCasePath = "Tests/Corpus/feasibility/proactive-qa-hub-without-uplink.yaml"
        let (intent, useCase) = try Self.documents(intent: "Intents/icu-monitoring.yaml", useCase: useCasePath)
        let result = synthesise(intent: intent, useCase: useCase, catalogue: .builtIn())
        let errors = result.diagnostics.filter { $0.code == SynthesisDiagnostics.noPathToEdge }
        #expect(errors.count == 1, "one per gateway: \(errors.map(\.message))")
        let error = try #require(errors.first)
        #expect(error.severity == .error && result.plan == nil)
        #expect(error.message.contains("`bedside-hub`") && error.message.contains("no link leaves it"))
        let ecg = try #require(useCase.network.devices.first { $0.id.value == "ecg" })
        #expect(error.range == ecg.gateway.backup?.range, "at the device's `backup: bedside-hub`")
        #expect(error.notes.contains { $0.message.contains("`ecg` (backup)") })
        // The bundled use case links the hub to the ward MEC: no such error.
        let (bundledIntent, bundled) = try BundledDocuments.documents(("icu-monitoring", "proactive-qa"))
        #expect(!synthesise(intent: bundledIntent, useCase: bundled, catalogue: .builtIn()).diagnostics
            .contains { $0.code == SynthesisDiagnostics.noPathToEdge })
    }

    /// The example, on a device whose radio still matters once the whole
    /// platform is counted: the temperature patch at p99 ≤ 100 ms and ≥ 100 d. The
    /// relaxed bound (any interval up to the deadline, full frames) gives 235.8 d; the
    /// 64 ms scheduled allocation the latency goal makes the compiler choose is priced
    /// far below 100 d.
    @Test func theAllocationALatencyGoalForcesPricesTheLifetime() throws {
        let (intent, useCase) = try Self.documents(
            intent: "Tests/Corpus/feasibility/icu-watch-latency-and-lifetime.yaml", useCase: "Templates/proactive-qa.yaml")
        let result = synthesise(intent: intent, useCase: useCase, catalogue: .builtIn())
        let warning = try #require(result.diagnostics.first { $0.code == SynthesisDiagnostics.tradeOff })
        #expect(warning.message.contains("`temp`") && warning.message.contains("scheduled access every 64 ms"))
        let plan = try #require(result.plan)
        let bound = try #require(plan.bounds.first { $0.kind == "lifetime" && !$0.feasible && $0.subject == "temp" })
        let days = bound.bound.value / 86_400
        #expect(days > 1 && days < 100, "\(days) d")
        let alone = try #require(plan.bounds.first { $0.kind == "lifetime" && $0.feasible && $0.subject == "temp" })
        #expect(alone.bound.value / 86_400 > 100, "alone the relaxed bound still passes")
    }
}
