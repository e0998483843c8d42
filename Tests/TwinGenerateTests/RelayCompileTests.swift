import Foundation
import Testing
import TwinConfig
import TwinDiagnostics
import TwinSpec
import TwinSynthesis
@testable import TwinGenerate
import TwinTestSupport
import TwinVocabulary
import TwinYAML

/// Relays at compile time (issue 11 §4): a use case's `relay` reaches twin.json with
/// its failure scenario, the front end refuses a relay that is no device or the device
/// itself, and the compiler offers the `relay` knob where a delivery goal could use it.
@Suite struct RelayCompileTests {
    /// The demo's use case text with `line` added to the ECG device.
    static func proactiveQA(ecgLine line: String) throws -> String {
        let url = BundledDocuments.repositoryRoot.appendingPathComponent("Templates/proactive-qa.yaml")
        let text = try String(contentsOf: url, encoding: .utf8)
        let anchor = "      gateway: {primary: phone, backup: bedside-hub}\n    - id: temp"
        #expect(text.contains(anchor))
        return text.replacingOccurrences(of: anchor, with: "      gateway: {primary: phone, backup: bedside-hub}\n"
                                         + "      \(line)\n    - id: temp")
    }

    /// The use case's diagnostics when read.
    static func diagnostics(_ text: String) -> [Diagnostic] {
        let parsed = parseYAML(text: text, file: "proactive-qa.yaml")
        guard let yaml = parsed.document else { return parsed.diagnostics }
        return readDocument(yaml).1
    }

    @Test func aUseCasesRelayReachesTwinJSONWithItsFailureScenario() throws {
        guard case .usecase(let useCase) = try BundledDocuments.parse(try Self.proactiveQA(ecgLine: "relay: pump"),
                                                                      file: "proactive-qa.yaml") else {
            Issue.record("not a use case")
            return
        }
        let intent = try BundledDocuments.intent("icu-monitoring")
        let plan = try #require(synthesise(intent: intent, useCase: useCase, catalogue: .builtIn()).plan)
        let config = buildTwinConfig(plan: plan, intent: intent, useCase: useCase, catalogue: .builtIn(),
                                     defaults: RunDefaults(generator: "tests"))
        let ecg = try #require(config.network.devices.first { $0.id == "ecg" })
        #expect(ecg.relay == "pump")
        let scenario = try #require(config.scenarios.first { $0.id == "relay-failure-pump" })
        #expect(scenario.kind == .fault(.deviceFailure))
        #expect(scenario.events.map(\.target) == ["pump"])
        #expect(scenario.events.first?.atFraction == TwinConfig.relayFailureFraction)
        #expect(scenario.goals.contains("ecg-delivery") && !scenario.goals.contains("protect-vitals"))
        // A device that already relays is offered no relay knob; the twin reads back clean.
        #expect(!config.knobs.contains { $0.id == "ecg.relay" })
        #expect(TwinConfig.read(text: config.canonicalJSON(), file: "twin.json").diagnostics.isEmpty)
    }

    @Test func aRelayThatIsNoDeviceOrTheDeviceItselfIsRefusedAtTheKey() throws {
        let unknown = Self.diagnostics(try Self.proactiveQA(ecgLine: "relay: pumpp"))
        #expect(unknown.map(\.code.id) == ["TS012"], "\(unknown.map(\.message))")
        #expect(unknown.first?.message.contains("`pumpp`") == true)
        let itself = Self.diagnostics(try Self.proactiveQA(ecgLine: "relay: ecg"))
        #expect(itself.map(\.code.id) == ["TS009"], "\(itself.map(\.message))")
        #expect(itself.first?.message.contains("cannot relay itself") == true)
        let line = try Self.proactiveQA(ecgLine: "relay: ecg").components(separatedBy: "\n")
            .firstIndex { $0.contains("relay: ecg") }.map { $0 + 1 }
        #expect(itself.first?.range?.start.line == line)
    }

    /// In the bundled twins: a relay knob for each narrowband device a delivery goal names
    /// that some device can relay, `none` first, every candidate able to relay it and
    /// offered no relay knob itself (two hops at most).
    @Test(arguments: BundledDocuments.pairs)
    func theRelayKnobIsOfferedWhereADeliveryGoalCanUseIt(_ pair: (String, String)) throws {
        let config = try MACModeKnobTests.twin(pair)
        let delivery = Set(config.goals.filter { $0.kpi == .deliveryRatio }.flatMap(\.devices))
        let relayKnobs = config.knobs.filter { $0.parameter == .relay }
        for knob in relayKnobs {
            let source = try #require(config.network.devices.first { $0.id == knob.targets.first })
            #expect(delivery.contains(source.id))
            #expect(knob.labels.first == "none" && knob.current == 0 && knob.unit == "index")
            #expect(knob.values == knob.labels.indices.map(Double.init))
            for label in knob.labels.dropFirst() {
                let relay = try #require(config.network.devices.first { $0.id == label })
                #expect(source.relayRefusal(by: relay) == nil, "\(source.id) via \(label)")
                #expect(!relayKnobs.contains { $0.targets == [label] })
            }
        }
        if pair.0 == "icu-monitoring" {
            #expect(relayKnobs.map(\.id) == ["ecg.relay"])
            #expect(relayKnobs.first?.labels == ["none", "bp", "pump", "spo2", "temp"])
        }
    }

    /// The reviewer's case: the use case has `ecg relay: spo2` and a delivery goal names
    /// `spo2` too. `spo2` relays `ecg`, so it gets no relay knob (`spo2.relay = bp`
    /// would build ecg → spo2 → bp, which the runtime refuses), and no device's relay
    /// knob offers `ecg` (relayed already).
    @Test func aDeviceThatRelaysAnotherIsOfferedNoRelayKnob() throws {
        var config = try MACModeKnobTests.twin(("icu-monitoring", "proactive-qa"))
        let ecg = try #require(config.network.devices.firstIndex { $0.id == "ecg" })
        config.network.devices[ecg].relay = "spo2"
        var goals = config.goals
        var spo2Goal = try #require(goals.first { $0.kpi == .deliveryRatio })
        spo2Goal.id = "spo2-delivery"
        spo2Goal.devices = ["spo2"]
        goals.append(spo2Goal)
        let knobs = KnobDerivation(network: config.network, goals: goals).knobs().filter { $0.parameter == .relay }
        #expect(!knobs.contains { $0.id == "spo2.relay" }, "\(knobs.map(\.id))")
        #expect(!knobs.contains { $0.id == "ecg.relay" })
        #expect(!knobs.contains { $0.labels.contains("ecg") })
        // Without the use case's relay, spo2 is offered one (the knob exists at all).
        config.network.devices[ecg].relay = nil
        #expect(KnobDerivation(network: config.network, goals: goals).knobs().contains { $0.id == "spo2.relay" })
    }
}
