import Foundation
import Testing
import TwinDiagnostics
@testable import TwinSpec
import TwinUnits
import TwinVocabulary

/// The templates and intents shipped in the package read without a single error, and
/// together form a consistent workspace.
@Suite struct BundledDocumentTests {
    static let files = Support.bundledFiles("Templates") + Support.bundledFiles("Intents")

    @Test func thereAreAtLeastThreeTemplatesAndThreeIntents() {
        #expect(Support.bundledFiles("Templates").count >= 3)
        #expect(Support.bundledFiles("Intents").count >= 3)
    }

    @Test(arguments: files)
    func readsWithoutDiagnostics(_ url: URL) throws {
        let outcome = try Support.read(file: url)
        #expect(outcome.diagnostics.isEmpty, "\(Support.describe(outcome.diagnostics))")
        #expect(outcome.document != nil)
    }

    @Test func bundledFilesFormAConsistentWorkspace() throws {
        let documents = try Self.files.compactMap { try Support.read(file: $0).document }
        #expect(documents.count == Self.files.count)
        let diagnostics = checkWorkspace(documents)
        #expect(diagnostics.isEmpty, "\(Support.describe(diagnostics))")
    }

    @Test func everyFileStartsWithASchemaModeline() throws {
        for url in Self.files {
            let text = try String(contentsOf: url, encoding: .utf8)
            let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
            let kind = url.deletingLastPathComponent().lastPathComponent == "Intents" ? "intent" : "usecase"
            #expect(firstLine == "# yaml-language-server: $schema=../Generated/schema/\(kind).schema.json",
                    "\(url.lastPathComponent)")
        }
    }

    @Test func theDemoUseCaseHasTheSeedsTemplateAndNetwork() throws {
        let url = Support.packageRoot.appendingPathComponent("Templates/proactive-qa.yaml")
        guard case .usecase(let useCase)? = try Support.read(file: url).document else {
            Issue.record("proactive-qa.yaml did not read as a use case")
            return
        }
        #expect(useCase.title.value == "Proactive Quality Assurance & Optimization for BAN Operations")
        #expect(useCase.requirements.count == 4)
        #expect(useCase.benefits.count == 5)
        #expect(Set(useCase.applications.map(\.id.value)) == Set(ApplicationKind.allCases))
        let classes = Set(useCase.network.devices.map(\.deviceClass.value))
        #expect(classes == ["ecg-patch", "temperature", "blood-pressure", "pulse-oximeter", "insulin-pump",
                            "smartwatch", "ar-glasses"])
        #expect(Set(useCase.network.gateways.map(\.kind.value)) == [.phone, .bedsideHub])
        #expect(Set(useCase.network.edge.map(\.tier.value)) == [.extremeMEC, .farEdge])
        #expect(useCase.network.links.count >= 2)
        let ecg = try #require(useCase.network.devices.first { $0.id.value == "ecg" })
        #expect(ecg.radio.txPower?.value.dBm == -10)
        #expect(ecg.traffic.trafficClass?.value == .f1)
        #expect(ecg.priority.value == 6)
    }

    @Test func theDemoIntentStatesTheClinicianGoals() throws {
        let url = Support.packageRoot.appendingPathComponent("Intents/icu-monitoring.yaml")
        guard case .intent(let intent)? = try Support.read(file: url).document else {
            Issue.record("icu-monitoring.yaml did not read as an intent")
            return
        }
        #expect(intent.usecase.value == "proactive-qa")
        let latency = try #require(intent.goals.first { $0.id.value == "ecg-latency" })
        #expect(latency.target?.value.statistic == .percentile(99))
        #expect(latency.target?.value.bound.value == 0.25)
        #expect(latency.priority.value == .critical)
        let pump = try #require(intent.goals.first { $0.kpi.value == .lifetime })
        #expect(pump.target?.value.bound == Quantity(30 * 86_400, .time))
        let jamming = try #require(intent.goals.first { $0.kpi.value == .securityDetect })
        #expect(jamming.threats.map(\.value) == [.jamming])
        #expect(jamming.within?.value.seconds == 2)
        #expect(intent.goals.contains { $0.faults.map(\.value) == [.gatewayFailure] })
        #expect(intent.objectives.map(\.value) == [.safety, .reliability, .lifetime, .security, .cost])
    }
}
